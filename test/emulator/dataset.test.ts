import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, Dataset, RESOURCE_NAMES, TENANTS, type DataRecord, type ResourceName } from '../../emulator/index.js';
import { loadDescription } from '../../emulator/description.js';
import { follow, isObject, type Json } from '../../emulator/openapi.js';

const small = new Dataset('dataset-test', 'small');
const [first, second, third] = TENANTS;

function all(dataset: Dataset, resource: ResourceName, tenant = first!): DataRecord[] {
  const source = dataset.source(tenant, resource);
  return Array.from({ length: source.count }, (_, index) => source.record(index));
}

function byId(records: DataRecord[], field = 'id'): Map<unknown, DataRecord> {
  return new Map(records.map((record) => [record[field], record]));
}

/** Reads the item schema of a resource's list operation from the bundled description. */
function itemSchema(resource: ResourceName): Record<string, Json> {
  const description = loadDescription();
  const operation = description.operations.find((entry) => entry.pathTemplate.endsWith(`/${resource}`));
  const pointer = operation?.responses.get('200')?.itemPointer;
  const schema = pointer === undefined ? undefined : follow(description.document, pointer).value;
  if (!isObject(schema) || !isObject(schema.properties)) {
    throw new Error(`No item schema for ${resource}`);
  }
  return schema.properties;
}

function isNullable(property: Json): boolean {
  if (!isObject(property)) return false;
  if (Array.isArray(property.type) && property.type.includes('null')) return true;
  return Array.isArray(property.anyOf) && property.anyOf.some((variant) => isObject(variant) && variant.type === 'null');
}

describe('Class: Dataset', () => {
  it('gives the same records for the same seed', () => {
    const again = new Dataset('dataset-test', 'small');
    for (const resource of RESOURCE_NAMES) {
      expect(all(again, resource, second)).toEqual(all(small, resource, second));
    }
  });

  it('gives other records for another seed', () => {
    const other = new Dataset('another-seed', 'small');
    for (const resource of RESOURCE_NAMES) {
      expect(all(other, resource)).not.toEqual(all(small, resource));
    }
  });

  it('has the record counts of a production tenant', () => {
    const production = new Dataset('dataset-test', 'production');
    const counts = Object.fromEntries(RESOURCE_NAMES.map((resource) => [resource, production.source(first!, resource).count]));
    expect(counts).toMatchObject({
      parts: 16_921,
      employees: 641,
      suppliers: 1_575,
      workcenters: 143,
      'supply-items': 2_516,
      containers: 10_676,
      locations: 1_270,
      jobs: 114_684,
    });
  });

  it('keeps small counts between tens and a few hundred', () => {
    for (const resource of RESOURCE_NAMES.filter((name) => name !== 'buildings')) {
      const count = small.source(first!, resource).count;
      expect(count, resource).toBeGreaterThanOrEqual(15);
      expect(count, resource).toBeLessThanOrEqual(300);
    }
  });

  it('numbers tenant #1 as PCN 79870', () => {
    expect(first).toMatchObject({ pcn: 79870, code: 'lakeshore' });
    expect(new Set(TENANTS.map((tenant) => tenant.pcn)).size).toBe(3);
  });
});

describe('record fields', () => {
  const cases = RESOURCE_NAMES.flatMap((resource) => ['dataset-test', DEFAULT_SEED, 1].map((seed) => [resource, seed] as const));
  it.each(cases)('%s of seed %s fills every field', (resource, seed) => {
    const properties = itemSchema(resource);
    const dataset = new Dataset(seed, 'small');
    const records = TENANTS.flatMap((tenant) => all(dataset, resource, tenant));
    for (const [name, property] of Object.entries(properties)) {
      expect(records.every((record) => name in record), `${resource}.${name} present`).toBe(true);
      expect(records.some((record) => record[name] !== null), `${resource}.${name} set somewhere`).toBe(true);
      if (isNullable(property)) {
        expect(records.some((record) => record[name] === null), `${resource}.${name} null somewhere`).toBe(true);
      }
    }
    expect(Object.keys(records[0]!).sort()).toEqual(Object.keys(properties).sort());
  });

  it('writes date-times with 7 fractional digits', () => {
    const dateFields = /Date(Time)?$/;
    for (const resource of RESOURCE_NAMES) {
      for (const record of all(small, resource)) {
        for (const [name, value] of Object.entries(record)) {
          if (dateFields.test(name) && value !== null) {
            expect(value, `${resource}.${name}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
          }
        }
      }
    }
  });

  it('keeps keys and codes unique within a tenant', () => {
    const unique = (resource: ResourceName, field: (record: DataRecord) => unknown) => {
      const values = all(small, resource, third).map(field);
      expect(new Set(values).size, resource).toBe(values.length);
    };
    unique('employees', (record) => record.badgeNumber);
    unique('parts', (record) => `${String(record.number)}/${String(record.revision)}`);
    unique('suppliers', (record) => record.code);
    unique('customers', (record) => record.code);
    unique('workcenters', (record) => record.workcenterCode);
    unique('locations', (record) => record.locationCode);
    unique('containers', (record) => record.serialNo);
    unique('jobs', (record) => record.jobNumber);
    unique('purchase-orders', (record) => record.poNumber);
    unique('supply-items', (record) => record.supplyItemNumber);
  });

  it('uses six-digit badge numbers and revisioned part numbers', () => {
    expect(all(small, 'employees').every((employee) => /^\d{6}$/.test(String(employee.badgeNumber)))).toBe(true);
    const parts = all(small, 'parts');
    expect(parts.some((part) => part.revision !== null)).toBe(true);
    expect(parts.every((part) => /^[A-Z]*-?\d{2}-\d{4}$/.test(String(part.number)))).toBe(true);
  });

  it('has supply items in Tools & Inserts', () => {
    const items = all(small, 'supply-items');
    expect(items.filter((item) => item.category === 'Tools & Inserts').length).toBeGreaterThan(5);
    expect(items.some((item) => item.group === 'Tools & Inserts')).toBe(true);
  });
});

describe('foreign keys', () => {
  for (const tenant of [first!, third!]) {
    describe(`tenant ${tenant.code}`, () => {
      const parts = byId(all(small, 'parts', tenant));
      const employees = byId(all(small, 'employees', tenant));
      const suppliers = byId(all(small, 'suppliers', tenant));
      const customers = byId(all(small, 'customers', tenant));
      const contacts = byId(all(small, 'contacts', tenant));
      const buildings = byId(all(small, 'buildings', tenant));
      const buildingCodes = new Set([...buildings.values()].map((building) => building.buildingCode));
      const locations = byId(all(small, 'locations', tenant), 'locationId');

      it('links jobs to parts and buildings', () => {
        for (const job of all(small, 'jobs', tenant)) {
          const part = parts.get(job.partId);
          expect(part).toBeDefined();
          expect([job.partNumber, job.partRevision]).toEqual([part?.number, part?.revision]);
          const joined = part?.revision === null ? part?.number : `${String(part?.number)}-${String(part?.revision)}`;
          expect(job.partNumberRevision).toBe(joined);
          if (job.buildingId !== null) {
            expect(buildings.get(job.buildingId)?.buildingCode).toBe(job.buildingCode);
          }
        }
      });

      it('links containers to parts and locations', () => {
        for (const container of all(small, 'containers', tenant)) {
          expect(parts.get(container.partId)?.number).toBe(container.partNo);
          expect(parts.get(container.partId)?.name).toBe(container.partName);
          if (container.locationId !== null) {
            expect(locations.get(container.locationId)?.locationCode).toBe(container.location);
          }
        }
      });

      it('links contacts to suppliers or customers', () => {
        for (const contact of all(small, 'contacts', tenant)) {
          const employer = contact.supplierId === null ? customers.get(contact.customerId) : suppliers.get(contact.supplierId);
          if (contact.supplierId !== null || contact.customerId !== null) {
            expect(employer).toBeDefined();
            expect(contact.supplierId === null || contact.customerId === null).toBe(true);
          }
          if (contact.companyName !== null && employer !== undefined) {
            expect(contact.companyName).toBe(employer.name);
          }
        }
      });

      it('links employees to other employees as supervisors', () => {
        const withSupervisor = all(small, 'employees', tenant).filter((employee) => employee.supervisorId !== null);
        expect(withSupervisor.length).toBeGreaterThan(0);
        for (const employee of withSupervisor) {
          expect(employees.has(employee.supervisorId)).toBe(true);
          expect(employee.supervisorId).not.toBe(employee.id);
        }
      });

      it('links purchase orders to suppliers, contacts, carriers and employees', () => {
        for (const order of all(small, 'purchase-orders', tenant)) {
          expect(suppliers.has(order.supplierId)).toBe(true);
          const links = [['contactId', contacts], ['carrierId', suppliers], ['routeToEmployeeId', employees]] as const;
          for (const [field, target] of links) {
            if (order[field] !== null) {
              expect(target.has(order[field]), field).toBe(true);
            }
          }
          if (order.building !== null) {
            expect(buildingCodes.has(order.building)).toBe(true);
          }
        }
      });

      it('links master data to buildings, suppliers and contacts', () => {
        for (const workcenter of all(small, 'workcenters', tenant).filter((entry) => entry.buildingId !== null)) {
          expect(buildings.get(workcenter.buildingId)?.buildingCode).toBe(workcenter.buildingCode);
        }
        for (const record of [...all(small, 'parts', tenant), ...all(small, 'locations', tenant)]) {
          expect(record.buildingCode === null || buildingCodes.has(record.buildingCode)).toBe(true);
        }
        for (const customer of customers.values()) {
          for (const carrier of (customer.defaultCarrierIds as string[] | null) ?? []) {
            expect(suppliers.get(carrier)?.category === 'Freight' || suppliers.get(carrier)?.type === 'Carrier').toBe(true);
          }
          expect(customer.contactResourceId === null || contacts.has(customer.contactResourceId)).toBe(true);
        }
        for (const supplier of suppliers.values()) {
          expect(supplier.parentSupplierId === null || suppliers.has(supplier.parentSupplierId)).toBe(true);
        }
      });
    });
  }
});
