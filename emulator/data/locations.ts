/** Locations: rack positions, floor areas, cribs and tanks that hold inventory. */
import { pickBuilding } from './buildings.js';
import type { TenantContext } from './context.js';
import { type Complete, Draw, IDENTITY_STREAM, type Schemas } from './common.js';
import type { Random } from './random.js';

export type Location = Complete<Schemas['Location']>;

/** Location types, with the flags that each type implies. */
const TYPES = [
  { type: 'Rack', inventory: true, supply: false, tankSilo: false, weight: 6 },
  { type: 'Floor', inventory: true, supply: false, tankSilo: false, weight: 2 },
  { type: 'Staging', inventory: true, supply: false, tankSilo: false, weight: 1 },
  { type: 'Tool Crib', inventory: false, supply: true, tankSilo: false, weight: 1 },
  { type: 'Tank', inventory: true, supply: false, tankSilo: true, weight: 1 },
] as const;

const WEIGHTED = TYPES.flatMap((entry) => Array.from({ length: entry.weight }, () => entry));

/**
 * Returns the code of location `index`, unique within the tenant: aisle letter, rack and
 * level come from the index by division, so no two indexes share a code.
 */
export function locationCode(index: number): string {
  const aisle = String.fromCharCode(65 + (index % 26));
  const rack = String(Math.floor(index / 26) % 100).padStart(2, '0');
  const level = String(Math.floor(index / 2_600) + 1).padStart(2, '0');

  return `${aisle}-${rack}-${level}`;
}

/** Builds the fields of location `index` that containers copy. */
export function locationIdentity(context: TenantContext, index: number): { id: string; code: string } {
  return { id: context.id('locations', index), code: locationCode(index) };
}

export function pickLocation(context: TenantContext, random: Random): { id: string; code: string } {
  return locationIdentity(context, context.pickIndex(random, 'locations'));
}

export function generateLocation(context: TenantContext, index: number): Location {
  const draw = new Draw(context, 'locations', index);
  const kind = context.random('locations', index, IDENTITY_STREAM).pick(WEIGHTED);
  const building = pickBuilding(context, draw.random);
  const hasBuilding = draw.maybe(0.05, true) === true;

  return {
    locationId: context.id('locations', index),
    locationCode: locationCode(index),
    buildingName: hasBuilding ? building.name : null,
    buildingCode: hasBuilding ? building.code : null,
    locationType: draw.maybe(0.02, kind.type),
    inventoryLocation: kind.inventory,
    supplyLocation: kind.supply,
    tankSilo: kind.tankSilo,
  };
}
