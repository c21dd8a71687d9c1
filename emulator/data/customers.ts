/** Customers the tenant sells to. */
import type { TenantContext } from './context.js';
import {
  type Complete,
  Draw,
  IDENTITY_STREAM,
  type Schemas,
  auditDates,
  companyName,
  letters,
  phoneNumber,
  slug,
  userId,
} from './common.js';
import { pickCarrier } from './suppliers.js';

export type Customer = Complete<Schemas['Customer']>;

const STATUSES = ['Active', 'Active', 'Active', 'Prospect', 'Inactive', 'On Hold'];
const TYPES = ['Tier 1', 'Tier 2', 'OEM', 'Aftermarket', 'Distributor'];
const RATINGS = ['A', 'A', 'B', 'B', 'C'];
const INDUSTRIES = ['Automotive', 'Agriculture', 'Heavy Truck', 'Aerospace', 'Medical', 'Appliance'];
const REGIONS = ['Midwest', 'Northeast', 'South', 'West', 'Mexico', 'Canada'];
const BUSINESS_TYPES = ['Manufacturer', 'Distributor', 'Assembler'];
const CLASSES = ['Key Account', 'Standard', 'Strategic'];
const BACK_ORDERS = ['Ship Partial', 'Ship Complete', 'Cancel Remainder'];
const HEAD_COUNTS = ['1-49', '50-249', '250-499', '500-999', '1000+'];
const SALES_BANDS = ['<1M', '1M-5M', '5M-25M', '25M+'];

/** Builds the fields of customer `index` that contacts copy. */
export function customerIdentity(context: TenantContext, index: number): { id: string; code: string; name: string } {
  const random = context.random('customers', index, IDENTITY_STREAM);
  const name = companyName(random);

  return { id: context.id('customers', index), code: `${letters(name, 6)}${index}`, name };
}

function industriesOf(draw: Draw): string[] | null {
  const first = draw.random.int(0, INDUSTRIES.length - 1);
  const count = draw.random.int(1, 2);
  return draw.maybe(0.2, INDUSTRIES.slice(first, first + count));
}

export function generateCustomer(context: TenantContext, index: number): Customer {
  const draw = new Draw(context, 'customers', index);
  const { random } = draw;
  const identity = customerIdentity(context, index);
  const audit = auditDates(random);
  const carriers = [pickCarrier(context, random).id];

  return {
    id: identity.id,
    code: identity.code,
    name: identity.name,
    status: random.pick(STATUSES),
    type: draw.maybe(0.1, random.pick(TYPES)),
    note: draw.maybe(0.6, 'Requires PPAP level 3 for new part numbers.'),
    supplierCode: draw.maybe(0.3, `V-${random.digits(5)}`),
    otherCustomerCode: draw.maybe(0.5, `C-${random.digits(4)}`),
    rating: draw.maybe(0.3, random.pick(RATINGS)),
    industries: industriesOf(draw),
    defaultCarrierIds: draw.maybe(0.4, carriers),
    region: draw.maybe(0.2, random.pick(REGIONS)),
    businessType: draw.maybe(0.3, random.pick(BUSINESS_TYPES)),
    category: draw.maybe(0.3, random.pick(INDUSTRIES)),
    class: draw.maybe(0.4, random.pick(CLASSES)),
    catalog: draw.maybe(0.7, `Aftermarket ${random.int(2023, 2025)}`),
    assignedToId: draw.maybe(0.2, userId(context, random)),
    assignedTo2Id: draw.maybe(0.7, userId(context, random)),
    assignedTo3Id: draw.maybe(0.9, userId(context, random)),
    assignedToGroup: draw.maybe(0.5, `${random.pick(INDUSTRIES)} Sales`),
    contactResourceId: draw.maybe(0.4, context.id('contacts', context.pickIndex(random, 'contacts'))),
    annualSalesMillions: draw.maybe(0.5, random.decimal(1, 900, 1)),
    estimatedEmployees: draw.maybe(0.5, random.pick(HEAD_COUNTS)),
    phone: draw.maybe(0.1, phoneNumber(context, random)),
    fax: draw.maybe(0.6, phoneNumber(context, random)),
    email: draw.maybe(0.3, `purchasing@${slug(identity.name)}.example.com`),
    trackingNoOnWeighScaleRequired: random.chance(0.1),
    multipleOrdersPerShipper: random.chance(0.7),
    estimatedAnnualSales: draw.maybe(0.5, random.pick(SALES_BANDS)),
    newShipperPerReleaseNo: random.chance(0.2),
    defaultBackOrder: draw.maybe(0.4, random.pick(BACK_ORDERS)),
    createdById: draw.maybe(0.05, userId(context, random)),
    createdDate: audit.created,
    modifiedById: draw.maybe(0.05, userId(context, random)),
    modifiedDate: audit.modified,
  };
}
