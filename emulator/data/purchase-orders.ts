/** Purchase order headers, numbered in creation order. */
import type { TenantContext } from './context.js';
import { type Complete, Draw, type Schemas, userId } from './common.js';
import { DATASET_END_MS, DATASET_START_MS, MS_PER_DAY, MS_PER_HOUR, dayAt, randomInstant } from './dates.js';
import { buildingIdentity } from './buildings.js';
import { pickCarrier, supplierIdentity } from './suppliers.js';
import { DEPARTMENTS } from './words.js';

export type PurchaseOrder = Complete<Schemas['PurchaseOrder']>;

const STATUSES = ['Open', 'On Order', 'On Order', 'Received', 'Closed', 'Closed', 'Cancelled'];
const TYPES = ['Production', 'Production', 'MRO', 'Tooling', 'Capital', 'Outside Service'];
const TERMS = ['Net 30', 'Net 45', 'Net 60', '2% 10 Net 30'];
const FREIGHT_TERMS = ['Prepaid', 'Collect', 'Prepaid and Add'];
const SHIP_VIA = ['Best Way', 'UPS Ground', 'LTL', 'Customer Pickup'];
const FOB = ['Origin', 'Destination'];
const INCOTERMS = ['FCA', 'EXW', 'DAP', 'DDP'];
const NOTES = ['Deliver to dock 3.', 'Call before delivery.', 'Certs required.', 'Partial shipments accepted.'];

/** Statuses that allow goods to be received against the order. */
const RECEIVING = new Set(['Open', 'On Order']);

function datesOf(draw: Draw, index: number, count: number) {
  const { random } = draw;
  const span = DATASET_END_MS - DATASET_START_MS - 30 * MS_PER_DAY;
  const dayMs = DATASET_START_MS + Math.floor((index / count) * span);
  const created = randomInstant(random, dayMs + 6 * MS_PER_HOUR, dayMs + 18 * MS_PER_HOUR);
  const approved = randomInstant(random, created.ms, created.ms + 4 * MS_PER_HOUR);
  const ordered = randomInstant(random, approved.ms, approved.ms + 2 * MS_PER_DAY);
  const modified = randomInstant(random, ordered.ms, Math.min(ordered.ms + 60 * MS_PER_DAY, DATASET_END_MS));
  const dueMs = ordered.ms + random.int(7, 45) * MS_PER_DAY;

  return { created, approved, ordered, modified, due: dayAt(dueMs, 0), receipt: dayAt(dueMs - 2 * MS_PER_DAY, 0) };
}

export function generatePurchaseOrder(context: TenantContext, index: number): PurchaseOrder {
  const draw = new Draw(context, 'purchase-orders', index);
  const { random } = draw;
  const dates = datesOf(draw, index, context.count('purchase-orders'));
  const status = random.pick(STATUSES);
  const supplier = supplierIdentity(context, context.pickIndex(random, 'suppliers'));
  const building = buildingIdentity(context, context.pickIndex(random, 'buildings'));
  const lines = random.int(1, 12);

  return {
    id: context.id('purchase-orders', index),
    poNumber: `PO-${100_000 + index}`,
    currencyCode: context.tenant.currencyCode,
    status,
    active: status !== 'Cancelled' && status !== 'Closed',
    receive: RECEIVING.has(status),
    type: random.pick(TYPES),
    supplierId: supplier.id,
    supplierAddressId: draw.maybe(0.2, context.id('supplier-addresses', context.pickIndex(random, 'suppliers'))),
    issuedById: draw.maybe(0.2, userId(context, random)),
    poDate: dates.created.text,
    terms: draw.maybe(0.1, random.pick(TERMS)),
    freightTerms: draw.maybe(0.3, random.pick(FREIGHT_TERMS)),
    lineItemCount: lines,
    lineItemTotal: random.decimal(50, 80_000, 2),
    shipTo: draw.maybe(0.3, `${building.name} Receiving`),
    shipVia: draw.maybe(0.3, random.pick(SHIP_VIA)),
    orderedById: draw.maybe(0.3, userId(context, random)),
    orderedDate: draw.maybe(0.15, dates.ordered.text),
    fob: draw.maybe(0.4, random.pick(FOB)),
    dueDate: draw.maybe(0.2, dates.due),
    contactId: draw.maybe(0.4, context.id('contacts', context.pickIndex(random, 'contacts'))),
    scheduledReceiptDate: draw.maybe(0.4, dates.receipt),
    approvedById: draw.maybe(0.3, userId(context, random)),
    approvedDate: draw.maybe(0.3, dates.approved.text),
    internalNote: draw.maybe(0.6, `Quote Q-${random.digits(4)} valid until end of quarter.`),
    note: draw.maybe(0.5, random.pick(NOTES)),
    consignment: random.chance(0.05),
    carrierId: draw.maybe(0.6, pickCarrier(context, random).id),
    building: draw.maybe(0.2, building.code),
    department: draw.maybe(0.3, random.pick(DEPARTMENTS)),
    routeToEmployeeId: draw.maybe(0.7, context.id('employees', context.pickIndex(random, 'employees'))),
    incoTerms: draw.maybe(0.5, random.pick(INCOTERMS)),
    weightQuantityTotal: draw.maybe(0.4, random.decimal(1, 20_000, 1)),
    blanketOrder: random.chance(0.15),
    createdById: draw.maybe(0.1, userId(context, random)),
    createdDate: dates.created.text,
    modifiedById: draw.maybe(0.1, userId(context, random)),
    modifiedDate: draw.maybe(0.05, dates.modified.text),
  };
}
