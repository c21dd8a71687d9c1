/** Operations that routing steps perform. */
import type { TenantContext } from './context.js';
import { type Complete, Draw, type Schemas } from './common.js';

export type Operation = Complete<Schemas['Operation']>;

const CODES = [
  'CNC Mill', 'CNC Turn', 'Deburr', 'Wash', 'Heat Treat', 'Anodize', 'Inspect', 'Pack', 'Blank',
  'Form', 'Pierce', 'Weld', 'Assemble', 'Grind', 'Tap', 'Paint', 'Saw', 'Broach', 'Hone', 'Test',
] as const;
const TYPES = ['Production', 'Production', 'Outside Process', 'Inspection', 'Packaging'];
const INVENTORY_TYPES = ['WIP', 'WIP', 'Finished Goods', 'Raw Material'];

/** Returns the code of operation `index`, unique within the tenant. */
export function operationCode(index: number): string {
  const base = CODES[index % CODES.length] ?? 'Operation';
  const round = Math.floor(index / CODES.length);

  return round === 0 ? base : `${base} ${round + 1}`;
}

export function generateOperation(context: TenantContext, index: number): Operation {
  const draw = new Draw(context, 'operations', index);
  const { random } = draw;

  return {
    id: context.id('operations', index),
    code: operationCode(index),
    type: draw.maybe(0.1, random.pick(TYPES)),
    inventoryType: draw.maybe(0.2, random.pick(INVENTORY_TYPES)),
  };
}
