/** Suppliers, including carriers (every twelfth supplier) and outside processors. */
import type { TenantContext } from './context.js';
import {
  type Complete,
  Draw,
  IDENTITY_STREAM,
  type Schemas,
  auditDates,
  companyName,
  letters,
  slug,
  userId,
} from './common.js';
import type { Random } from './random.js';

export type Supplier = Complete<Schemas['Supplier']>;

/** Every supplier whose index is a multiple of this is a carrier. */
const CARRIER_EVERY = 12;
const CATEGORIES = ['Raw Material', 'Tooling', 'MRO', 'Outside Processing', 'Packaging', 'Components'];
const STATUSES = ['Approved', 'Approved', 'Approved', 'Conditional', 'Inactive', 'Pending'];
const TYPES = ['Material', 'Material', 'Outside Service', 'Tooling', 'Service'];
const NOTES = [
  'Mill certs required with every shipment.',
  'PPAP on file.',
  'Blanket PO renewed yearly.',
  'ISO 9001 certified.',
];

export interface SupplierIdentity {
  id: string;
  code: string;
  name: string;
  isCarrier: boolean;
}

/** Builds the fields of supplier `index` that contacts, customers and purchase orders copy. */
export function supplierIdentity(context: TenantContext, index: number): SupplierIdentity {
  const random = context.random('suppliers', index, IDENTITY_STREAM);
  const isCarrier = index % CARRIER_EVERY === 0;
  const name = isCarrier ? `${companyName(random).split(' ')[0]} Freight Lines` : companyName(random);

  // The index suffix keeps codes unique within the tenant.
  const code = `${letters(name, 4)}${String(index).padStart(3, '0')}`;
  return { id: context.id('suppliers', index), code, name, isCarrier };
}

/** Picks a random carrier of the tenant (a supplier of type Carrier). */
export function pickCarrier(context: TenantContext, random: Random): SupplierIdentity {
  const carriers = Math.floor((context.count('suppliers') - 1) / CARRIER_EVERY) + 1;
  return supplierIdentity(context, random.int(0, carriers - 1) * CARRIER_EVERY);
}

export function generateSupplier(context: TenantContext, index: number): Supplier {
  const draw = new Draw(context, 'suppliers', index);
  const { random } = draw;
  const identity = supplierIdentity(context, index);
  const audit = auditDates(random);
  const parent = index > 0 && random.chance(0.15) ? random.int(0, index - 1) : null;

  return {
    id: identity.id,
    code: identity.code,
    oldCode: draw.maybe(0.7, letters(identity.name, 6)),
    name: identity.name,
    language: draw.maybe(0.1, context.tenant.language),
    category: draw.maybe(0.1, identity.isCarrier ? 'Freight' : random.pick(CATEGORIES)),
    status: random.pick(STATUSES),
    type: draw.maybe(0.05, identity.isCarrier ? 'Carrier' : random.pick(TYPES)),
    parentSupplierId: parent === null || draw.sparse ? null : context.id('suppliers', parent),
    webAddress: draw.maybe(0.3, `https://${slug(identity.name)}.example.com`),
    contactNote: draw.maybe(0.6, `Order desk open 0${random.int(6, 8)}:00 to 1${random.int(5, 7)}:00 local time.`),
    note: draw.maybe(0.5, random.pick(NOTES)),
    createdById: draw.maybe(0.05, userId(context, random)),
    createdDate: audit.created,
    modifiedById: draw.maybe(0.05, userId(context, random)),
    modifiedDate: audit.modified,
  };
}
