/** Supply items: tools, spares and shop supplies the plant stocks for its own use. */
import type { TenantContext } from './context.js';
import { type Complete, Draw, type Schemas } from './common.js';

export type SupplyItem = Complete<Schemas['SupplyItem']>;

interface Family {
  stem: string;
  type: string;
  category: string;
  group: string;
  description: string;
  unit: string;
}

const FAMILIES: readonly Family[] = [
  {
    stem: 'CNMG-432',
    type: 'Shop Supplies',
    category: 'Tools & Inserts',
    group: 'Turning Inserts',
    description: 'CNMG 432 carbide turning insert, box of 10',
    unit: 'box',
  },
  {
    stem: 'EM-0500',
    type: 'Shop Supplies',
    category: 'Tools & Inserts',
    group: 'End Mills',
    description: '1/2 in 4-flute carbide end mill',
    unit: 'Ea',
  },
  {
    stem: 'DR-0250',
    type: 'Shop Supplies',
    category: 'Tools & Inserts',
    group: 'Drills',
    description: '1/4 in cobalt jobber drill',
    unit: 'Ea',
  },
  {
    stem: 'TAP-M8',
    type: 'Shop Supplies',
    category: 'Tools & Inserts',
    group: 'Tools & Inserts',
    description: 'M8x1.25 spiral point tap',
    unit: 'Ea',
  },
  {
    stem: 'GLV-N',
    type: 'Shop Supplies',
    category: 'Safety',
    group: 'Gloves',
    description: 'Nitrile gloves, size L, box of 100',
    unit: 'box',
  },
  {
    stem: 'BRG-6204',
    type: 'Maintenance',
    category: 'MRO',
    group: 'Bearings',
    description: '6204-2RS deep groove ball bearing',
    unit: 'Ea',
  },
  {
    stem: 'FLT-HYD',
    type: 'Maintenance',
    category: 'MRO',
    group: 'Filters',
    description: 'Hydraulic return filter element',
    unit: 'Ea',
  },
  {
    stem: 'CLN-5G',
    type: 'Shop Supplies',
    category: 'Janitorial',
    group: 'Coolant',
    description: 'Semi-synthetic coolant, 5 gal pail',
    unit: 'gal',
  },
  {
    stem: 'FUSE-30A',
    type: 'Maintenance',
    category: 'Electrical',
    group: 'Fuses',
    description: '30 A time-delay fuse',
    unit: 'pk',
  },
  {
    stem: 'LBL-4X6',
    type: 'Office Supplies',
    category: 'Office',
    group: 'Labels',
    description: '4x6 in thermal container labels',
    unit: 'roll',
  },
];

export function generateSupplyItem(context: TenantContext, index: number): SupplyItem {
  const draw = new Draw(context, 'supply-items', index);
  const family = FAMILIES[index % FAMILIES.length] ?? FAMILIES[0]!;
  // The index suffix keeps numbers unique within the tenant.
  const number = `${family.stem}-${String(index).padStart(4, '0')}`;

  return {
    id: context.id('supply-items', index),
    supplyItemNumber: number,
    type: draw.maybe(0.05, family.type),
    category: draw.maybe(0.05, family.category),
    group: draw.maybe(0.15, family.group),
    description: draw.maybe(0.1, family.description),
    inventoryUnit: family.unit,
  };
}
