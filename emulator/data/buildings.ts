/** Buildings: the plants, warehouses and offices of a tenant. */
import type { TenantContext } from './context.js';
import { type Complete, Draw, type Schemas, phoneNumber } from './common.js';
import type { Random } from './random.js';
import { STREET_NAMES } from './words.js';

export type Building = Complete<Schemas['Building']>;

const CODES = ['PLANT-1', 'PLANT-2', 'WH-1', 'PLANT-3', 'DC-1', 'TOOLRM'] as const;
const KINDS = ['Machining Plant', 'Stamping Plant', 'Warehouse', 'Assembly Plant', 'Distribution Center', 'Tool Room'];
const TYPES = ['Manufacturing', 'Manufacturing', 'Warehouse', 'Manufacturing', 'Distribution', 'Support'];

/** Builds the fields of building `index` that other records copy. */
export function buildingIdentity(context: TenantContext, index: number): { id: string; code: string; name: string } {
  const code = CODES[index] ?? `BLDG-${index + 1}`;
  const kind = KINDS[index % KINDS.length] ?? 'Plant';
  const name = index < KINDS.length ? `${context.tenant.city} ${kind}` : `${context.tenant.city} ${kind} ${index + 1}`;

  return { id: context.id('buildings', index), code, name };
}

/** Picks a random building of the tenant, for foreign keys. */
export function pickBuilding(context: TenantContext, random: Random): ReturnType<typeof buildingIdentity> {
  return buildingIdentity(context, random.int(0, context.count('buildings') - 1));
}

export function generateBuilding(context: TenantContext, index: number): Building {
  const draw = new Draw(context, 'buildings', index);
  const { random } = draw;
  const identity = buildingIdentity(context, index);
  const { tenant } = context;

  return {
    id: identity.id,
    buildingCode: identity.code,
    buildingType: draw.maybe(0.1, TYPES[index % TYPES.length] ?? 'Manufacturing'),
    name: identity.name,
    oldBuildingCode: draw.maybe(0.6, `${tenant.code.slice(0, 3).toUpperCase()}${index + 1}`),
    active: index === 0 || random.chance(0.85),
    address: draw.maybe(0.05, `${random.int(100, 9800)} ${random.pick(STREET_NAMES)}`),
    city: draw.maybe(0.05, tenant.city),
    state: draw.maybe(0.05, tenant.state),
    country: draw.maybe(0.05, tenant.country),
    zipCode: draw.maybe(0.05, tenant.zipCode),
    phone: draw.maybe(0.1, phoneNumber(context, random)),
    fax: draw.maybe(0.5, phoneNumber(context, random)),
    dunsNo: draw.maybe(0.3, random.digits(9)),
    taxId: draw.maybe(0.3, `${random.digits(2)}-${random.digits(7)}`),
    vatRegistrationNo: draw.maybe(0.7, `DE${random.digits(9)}`),
  };
}
