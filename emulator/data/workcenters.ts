/** Workcenters: machines and areas on the shop floor. */
import { pickBuilding } from './buildings.js';
import type { TenantContext } from './context.js';
import { type Complete, Draw, type Schemas } from './common.js';

export type Workcenter = Complete<Schemas['Workcenter']>;

const KINDS = [
  { prefix: 'CNC', type: 'CNC Lathe', group: 'Turning', machine: 'Okuma LB3000 Lathe' },
  { prefix: 'VMC', type: 'CNC Mill', group: 'Milling', machine: 'Haas VF-2 Mill' },
  { prefix: 'PRS', type: 'Press', group: 'Stamping', machine: 'Minster 200T Press' },
  { prefix: 'WLD', type: 'Welder', group: 'Welding', machine: 'Fanuc Weld Cell' },
  { prefix: 'ASM', type: 'Assembly', group: 'Assembly', machine: 'Assembly Line' },
  { prefix: 'INS', type: 'Inspection', group: 'Quality', machine: 'Zeiss CMM' },
  { prefix: 'TNK', type: 'Tank', group: 'Finishing', machine: 'Anodize Tank' },
] as const;

export function generateWorkcenter(context: TenantContext, index: number): Workcenter {
  const draw = new Draw(context, 'workcenters', index);
  const { random } = draw;
  const kind = KINDS[index % KINDS.length] ?? KINDS[0];
  const building = pickBuilding(context, random);
  const hasBuilding = !draw.sparse && random.chance(0.95);
  const number = index + 1;

  return {
    workcenterId: context.id('workcenters', index),
    // The number suffix keeps codes unique within the tenant.
    workcenterCode: `${kind.prefix}-${String(number).padStart(2, '0')}`,
    name: `${kind.machine} ${number}`,
    workcenterType: kind.type,
    workcenterGroup: draw.maybe(0.15, kind.group),
    buildingId: hasBuilding ? building.id : null,
    buildingCode: hasBuilding ? building.code : null,
    tankSilo: kind.type === 'Tank',
    productionLineId: draw.maybe(0.4, context.id('production-lines', random.int(0, 9))),
    ipAddress: draw.maybe(0.3, `10.20.${random.int(1, 30)}.${random.int(2, 250)}`),
    plcName: draw.maybe(0.5, `${kind.prefix}${number}_PLC`),
  };
}
