/** Containers of active inventory, keyed by serial number rather than UUID. */
import type { TenantContext } from './context.js';
import { type Complete, Draw, type Schemas } from './common.js';
import { DATASET_END_MS, DATASET_START_MS, MS_PER_DAY, randomInstant, yymmdd } from './dates.js';
import { pickLocation } from './locations.js';
import { operationCode } from './operations.js';
import { partIdentity } from './parts.js';
import { hash32 } from './random.js';

export type Container = Complete<Schemas['Container']>;

const STATUSES = ['OK', 'OK', 'OK', 'OK', 'Hold', 'Quarantine', 'Rework'];
const TYPES = ['Blue Tote 24x15', 'Gaylord', 'Cardboard Box', 'Steel Rack', 'Coil Cradle'];
const INVENTORY_TYPES = ['Production', 'Production', 'WIP', 'Finished Goods', 'Raw Material'];
const UNITS = ['Ea', 'Ea', 'Ea', 'lbs', 'ft'];
const GRADES = ['4140', '1018', '6061', '304'];

/** Containers per lot, per master unit and per heat: records in a row share these. */
const CONTAINERS_PER_LOT = 4;
const CONTAINERS_PER_MASTER_UNIT = 12;
const CONTAINERS_PER_HEAT = 20;

/** Returns the lowest serial number of the tenant. It depends on the seed, so each seed gives other serials. */
function serialBase(context: TenantContext): number {
  return 100_000 + (hash32(context.seedHash, context.tenant.tenantNo, 0x5e71a1) % 800_000);
}

/** Returns the serial number of container `index`, such as `S0428817`. */
export function serialNumber(context: TenantContext, index: number): string {
  return `S${String(serialBase(context) + index).padStart(7, '0')}`;
}

/** Returns the container index of a serial number, or undefined when the tenant has no such container. */
export function containerIndexOf(context: TenantContext, serialNo: string): number | undefined {
  const match = /^S(\d{7})$/.exec(serialNo);
  if (match === null) {
    return undefined;
  }

  const index = Number(match[1]) - serialBase(context);
  return index >= 0 && index < context.count('containers') ? index : undefined;
}

function weightsOf(draw: Draw) {
  const net = draw.random.decimal(2, 900, 1);
  const tare = draw.random.decimal(0.5, 40, 1);
  return {
    grossWeight: draw.maybe(0.2, Math.round((net + tare) * 10) / 10),
    netWeight: draw.maybe(0.2, net),
    tareWeight: draw.maybe(0.2, tare),
  };
}

function groupingsOf(context: TenantContext, draw: Draw, index: number) {
  const lot = Math.floor(index / CONTAINERS_PER_LOT);
  const masterUnit = Math.floor(index / CONTAINERS_PER_MASTER_UNIT);
  const heat = Math.floor(index / CONTAINERS_PER_HEAT);
  const lotDay = DATASET_START_MS + ((lot * 37) % 1_000) * MS_PER_DAY;
  const hasLot = draw.maybe(0.15, true) === true;
  const hasMasterUnit = draw.maybe(0.5, true) === true;
  const hasHeat = draw.maybe(0.4, true) === true;
  const heatRandom = context.random('heats', heat);

  return {
    masterUnitId: hasMasterUnit ? context.id('master-units', masterUnit) : null,
    masterUnitNo: hasMasterUnit ? `MU${String(masterUnit).padStart(6, '0')}` : null,
    lotId: hasLot ? context.id('lots', lot) : null,
    lotNo: hasLot ? `L${yymmdd(lotDay)}-${lot}` : null,
    heatId: hasHeat ? context.id('heats', heat) : null,
    heatCode: hasHeat ? `H${heatRandom.pick(GRADES)}-${heat % 100}` : null,
    heatNo: hasHeat ? heatRandom.digits(7) : null,
  };
}

export function generateContainer(context: TenantContext, index: number): Container {
  const draw = new Draw(context, 'containers', index);
  const { random } = draw;
  const partIndex = context.pickIndex(random, 'parts');
  const part = partIdentity(context, partIndex);
  const step = random.int(0, 5);
  const location = pickLocation(context, random);
  const hasLocation = draw.maybe(0.02, true) === true;
  const hasStep = draw.maybe(0.1, true) === true;
  const added = randomInstant(random, DATASET_END_MS - 400 * MS_PER_DAY, DATASET_END_MS - MS_PER_DAY);
  const updated = randomInstant(random, added.ms, DATASET_END_MS);
  const shelf = randomInstant(random, added.ms + 90 * MS_PER_DAY, added.ms + 720 * MS_PER_DAY);

  return {
    serialNo: serialNumber(context, index),
    partId: part.id,
    partNo: part.number,
    revision: part.revision,
    partNoRevision: part.numberRevision,
    partName: part.name,
    partOperationId: hasStep ? context.id('part-operations', partIndex * 8 + step) : null,
    operationNo: hasStep ? (step + 1) * 10 : null,
    operationCode: hasStep ? operationCode(random.int(0, context.count('operations') - 1)) : null,
    containerStatus: random.pick(STATUSES),
    locationId: hasLocation ? location.id : null,
    location: hasLocation ? location.code : null,
    quantity: random.int(1, 2_000),
    quantityInventoryUnit: random.pick(UNITS),
    ...weightsOf(draw),
    containerType: draw.maybe(0.2, random.pick(TYPES)),
    trackingNo: draw.maybe(0.8, `TRK-${random.digits(6)}`),
    addDateTime: added.text,
    updateDateTime: draw.maybe(0.3, updated.text),
    containerShelfDateTime: draw.maybe(0.7, shelf.text),
    ...groupingsOf(context, draw, index),
    eun: draw.maybe(0.85, `EUN-${String(index).padStart(6, '0')}`),
    inventoryType: draw.maybe(0.05, random.pick(INVENTORY_TYPES)),
  };
}
