/**
 * The emulated data of all tenants. Records are virtual: record `index` of a resource is
 * rebuilt from (seed, tenant, resource, index) whenever it is needed, so memory use does
 * not grow with the record counts.
 */
import { generateBuilding } from './buildings.js';
import { generateContact } from './contacts.js';
import { containerIndexOf, generateContainer } from './containers.js';
import { TenantContext, seedHashOf } from './context.js';
import { generateCustomer } from './customers.js';
import { generateEmployee } from './employees.js';
import { generateJob } from './jobs.js';
import { generateLocation } from './locations.js';
import { generateOperation } from './operations.js';
import { generatePart } from './parts.js';
import { generatePurchaseOrder } from './purchase-orders.js';
import type { ResourceName, Scale } from './scale.js';
import { generateSupplier } from './suppliers.js';
import { generateSupplyItem } from './supply-items.js';
import { TENANTS, type TenantProfile } from './tenants.js';
import { generateWorkcenter } from './workcenters.js';

/** A generated record, as sent in a response body. */
export type DataRecord = { [field: string]: unknown };

interface ResourceModel {
  /** The field that contains the record's key: `id`, `workcenterId`, `locationId` or `serialNo`. */
  keyField: string;
  generate(context: TenantContext, index: number): DataRecord;
  /** Returns the index of the record with this key, or undefined when there is none. */
  indexOf(context: TenantContext, key: string): number | undefined;
}

function byUuid(name: ResourceName, keyField: string, generate: ResourceModel['generate']): ResourceModel {
  return { keyField, generate, indexOf: (context, key) => context.indexOf(name, key) };
}

const MODELS: Record<ResourceName, ResourceModel> = {
  buildings: byUuid('buildings', 'id', generateBuilding),
  employees: byUuid('employees', 'id', generateEmployee),
  parts: byUuid('parts', 'id', generatePart),
  suppliers: byUuid('suppliers', 'id', generateSupplier),
  customers: byUuid('customers', 'id', generateCustomer),
  contacts: byUuid('contacts', 'id', generateContact),
  operations: byUuid('operations', 'id', generateOperation),
  workcenters: byUuid('workcenters', 'workcenterId', generateWorkcenter),
  'supply-items': byUuid('supply-items', 'id', generateSupplyItem),
  locations: byUuid('locations', 'locationId', generateLocation),
  containers: { keyField: 'serialNo', generate: generateContainer, indexOf: containerIndexOf },
  'purchase-orders': byUuid('purchase-orders', 'id', generatePurchaseOrder),
  jobs: byUuid('jobs', 'id', generateJob),
};

export function isResourceName(name: string): name is ResourceName {
  return Object.hasOwn(MODELS, name);
}

/** Returns the field that contains the key of a resource's records. */
export function keyFieldOf(name: ResourceName): string {
  return MODELS[name].keyField;
}

/** Read access to the records of one resource in one tenant. */
export interface RecordSource {
  readonly keyField: string;
  readonly count: number;
  record(index: number): DataRecord;
  /** Returns the index of the record with this key, or undefined when there is none. */
  indexOf(key: string): number | undefined;
}

export class Dataset {
  readonly seed: string | number;
  readonly scale: Scale;
  readonly #contexts: TenantContext[];

  constructor(seed: string | number, scale: Scale) {
    this.seed = seed;
    this.scale = scale;
    const seedHash = seedHashOf(seed);
    this.#contexts = TENANTS.map((tenant) => new TenantContext(seedHash, scale, tenant));
  }

  /** Returns the records of `resource` in `tenant`. */
  source(tenant: TenantProfile, resource: ResourceName): RecordSource {
    const context = this.#contexts[tenant.tenantNo];
    if (context === undefined) {
      throw new RangeError(`Tenant ${tenant.id} is not a tenant of the emulator.`);
    }

    const model = MODELS[resource];
    return {
      keyField: model.keyField,
      count: context.count(resource),
      record: (index) => model.generate(context, index),
      indexOf: (key) => {
        const index = model.indexOf(context, key);
        return index !== undefined && index < context.count(resource) ? index : undefined;
      },
    };
  }
}
