/** Parts, each identified by a unique part number and an optional revision. */
import { pickBuilding } from './buildings.js';
import type { TenantContext } from './context.js';
import { type Complete, Draw, IDENTITY_STREAM, type Schemas, auditDates, userId } from './common.js';
import type { Random } from './random.js';
import { FINISHES, MATERIALS, PART_ADJECTIVES, PART_NOUNS, REVISIONS } from './words.js';

export type Part = Complete<Schemas['Part']>;

const PREFIXES = ['', '', '', 'LP-', 'NB-', 'X'] as const;
const FAMILIES = 89;
const TYPES = ['Finished Good', 'Finished Good', 'Component', 'Subassembly', 'Raw Material', 'Purchased'];
const GROUPS = ['Machined Components', 'Stampings', 'Assemblies', 'Castings', 'Fasteners', 'Bar Stock'];
const SOURCES = ['Manufactured', 'Manufactured', 'Purchased', 'Outside Process'];
const PRODUCT_TYPES = ['Production', 'Production', 'Service', 'Prototype'];
const STATUSES = ['Active', 'Active', 'Active', 'Active', 'Inactive', 'Obsolete', 'Pending Approval'];
const ALLERGENS = ['Soy', 'Milk', 'Peanuts', 'Tree Nuts', 'Wheat'];

/** The fields of part `index` that containers and jobs copy. */
export interface PartIdentity {
  id: string;
  number: string;
  revision: string | null;
  /** `number` and `revision` joined by the tenant's separator, `-`. */
  numberRevision: string;
  name: string;
}

/**
 * Builds the identity of part `index`. The number is unique within the tenant because
 * (index mod 89, index div 89) identifies the index, and the prefix only decorates it.
 */
export function partIdentity(context: TenantContext, index: number): PartIdentity {
  const random = context.random('parts', index, IDENTITY_STREAM);
  const family = 10 + (index % FAMILIES);
  const sequence = 1_000 + Math.floor(index / FAMILIES);
  const number = `${random.pick(PREFIXES)}${family}-${sequence}`;
  // The last part is the record with every nullable field null, revision included.
  const withoutRevision = random.chance(0.2) || index === context.count('parts') - 1;
  const revision = withoutRevision ? null : random.pick(REVISIONS);
  const name = `${random.pick(PART_ADJECTIVES)} ${random.pick(PART_NOUNS)}`;

  return {
    id: context.id('parts', index),
    number,
    revision,
    numberRevision: revision === null ? number : `${number}-${revision}`,
    name,
  };
}

/** Picks a random part of the tenant, for foreign keys. */
export function pickPart(context: TenantContext, random: Random): PartIdentity {
  return partIdentity(context, context.pickIndex(random, 'parts'));
}

function allergensOf(draw: Draw): string[] | null {
  const count = draw.random.int(0, 6);
  const allergens = count <= 3 ? [] : ALLERGENS.slice(count - 4, count - 2);
  return draw.maybe(0.5, allergens);
}

export function generatePart(context: TenantContext, index: number): Part {
  const draw = new Draw(context, 'parts', index);
  const { random } = draw;
  const identity = partIdentity(context, index);
  const audit = auditDates(random);

  return {
    id: identity.id,
    number: identity.number,
    name: identity.name,
    revision: identity.revision,
    description: draw.maybe(0.15, `${identity.name}, ${random.pick(MATERIALS)}, ${random.pick(FINISHES)}`),
    type: draw.maybe(0.05, random.pick(TYPES)),
    group: draw.maybe(0.2, random.pick(GROUPS)),
    source: draw.maybe(0.1, random.pick(SOURCES)),
    productType: draw.maybe(0.2, random.pick(PRODUCT_TYPES)),
    status: random.pick(STATUSES),
    note: draw.maybe(0.7, `Customer drawing ${random.digits(4)}-${random.digits(3)} rev ${identity.revision ?? 'A'}`),
    leadTimeDays: draw.maybe(0.2, random.chance(0.2) ? random.decimal(0.5, 4, 1) : random.int(1, 60)),
    buildingCode: draw.maybe(0.1, pickBuilding(context, random).code),
    createdById: draw.maybe(0.05, userId(context, random)),
    createdDate: audit.created,
    modifiedById: draw.maybe(0.05, userId(context, random)),
    modifiedDate: audit.modified,
    allergens: allergensOf(draw),
  };
}
