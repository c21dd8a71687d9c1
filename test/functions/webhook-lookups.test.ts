import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, type DataRecord, type ResourceName, TENANTS, type TenantProfile } from '../../emulator/index.js';
import { ALLOWED_PCN_TENANT, ALLOWED_TENANT, SECRETS, invoke, signedEvent, useWebhookHarness } from './support/webhook-harness.js';
import { describedResponseErrors } from './support/webhook-responses.js';

const harness = useWebhookHarness();
const [defaultTenant] = TENANTS;

function records(resource: ResourceName, tenant: TenantProfile = defaultTenant!): DataRecord[] {
  const source = harness.plex.emulator.dataset.source(tenant, resource);
  return Array.from({ length: source.count }, (_, index) => source.record(index));
}

const orNull = (value: unknown) => value ?? null;

// The expected match of each lookup, written from the description's match schemas.
const employee = (r: DataRecord) => ({
  id: r.id,
  badgeNumber: r.badgeNumber,
  firstName: r.firstName,
  lastName: r.lastName,
  status: r.status,
  department: orNull(r.department),
  position: orNull(r.position),
  building: orNull(r.building),
});
const part = (r: DataRecord) => ({
  id: r.id,
  number: r.number,
  revision: orNull(r.revision),
  name: orNull(r.name),
  type: orNull(r.type),
  status: orNull(r.status),
});
const coded = (r: DataRecord) => ({ id: r.id, code: r.code, name: orNull(r.name), status: orNull(r.status) });
const workcenter = (r: DataRecord) => ({
  workcenterId: r.workcenterId,
  workcenterCode: r.workcenterCode,
  name: orNull(r.name),
  workcenterGroup: orNull(r.workcenterGroup),
  buildingCode: orNull(r.buildingCode),
});
const supplyItem = (r: DataRecord) => ({
  id: r.id,
  supplyItemNumber: r.supplyItemNumber,
  description: orNull(r.description),
  group: orNull(r.group),
  category: orNull(r.category),
  inventoryUnit: orNull(r.inventoryUnit),
});
const container = (r: DataRecord) => ({
  serialNo: r.serialNo,
  partId: r.partId,
  partNo: orNull(r.partNo),
  revision: orNull(r.revision),
  quantity: r.quantity,
  quantityInventoryUnit: orNull(r.quantityInventoryUnit),
  containerStatus: orNull(r.containerStatus),
  locationId: orNull(r.locationId),
  location: orNull(r.location),
});

interface LookupCase {
  lookup: string;
  resource: ResourceName;
  /** The record to look up, by index in the default tenant. */
  index: number;
  params: (record: DataRecord) => Record<string, unknown>;
  /** Whether a record matches the params, as Plex decides it. */
  matches: (candidate: DataRecord, record: DataRecord) => boolean;
  project: (record: DataRecord) => Record<string, unknown>;
  /** The Plex path and query the description's table gives. */
  plexPath: (record: DataRecord) => string;
  plexQuery: (record: DataRecord) => Record<string, string>;
}

const CASES: LookupCase[] = [
  {
    lookup: 'employee-by-badge',
    resource: 'employees',
    index: 0,
    params: (r) => ({ badgeNumber: r.badgeNumber }),
    matches: (c, r) => c.badgeNumber === r.badgeNumber,
    project: employee,
    plexPath: () => '/mdm/v1/employees',
    plexQuery: (r) => ({ badgeNumber: String(r.badgeNumber) }),
  },
  {
    lookup: 'employee-by-last-name',
    resource: 'employees',
    index: 7,
    params: (r) => ({ lastName: r.lastName }),
    matches: (c, r) => c.lastName === r.lastName,
    project: employee,
    plexPath: () => '/mdm/v1/employees',
    plexQuery: (r) => ({ lastName: String(r.lastName) }),
  },
  {
    lookup: 'part-by-number',
    resource: 'parts',
    index: 3,
    params: (r) => ({ partNumber: r.number }),
    matches: (c, r) => c.number === r.number,
    project: part,
    plexPath: () => '/mdm/v1/parts',
    plexQuery: (r) => ({ number: String(r.number) }),
  },
  {
    lookup: 'supplier-by-code',
    resource: 'suppliers',
    index: 4,
    params: (r) => ({ supplierCode: r.code }),
    matches: (c, r) => c.code === r.code,
    project: coded,
    plexPath: () => '/mdm/v1/suppliers',
    plexQuery: (r) => ({ code: String(r.code) }),
  },
  {
    lookup: 'customer-by-code',
    resource: 'customers',
    index: 2,
    params: (r) => ({ customerCode: r.code }),
    matches: (c, r) => c.code === r.code,
    project: coded,
    plexPath: () => '/mdm/v1/customers',
    plexQuery: (r) => ({ code: String(r.code) }),
  },
  {
    lookup: 'workcenter-by-code',
    resource: 'workcenters',
    index: 1,
    params: (r) => ({ workcenterCode: r.workcenterCode }),
    matches: (c, r) => c.workcenterCode === r.workcenterCode,
    project: workcenter,
    plexPath: () => '/production/v1/production-definitions/workcenters',
    plexQuery: (r) => ({ workcenterCode: String(r.workcenterCode) }),
  },
  {
    lookup: 'supply-item-by-number',
    resource: 'supply-items',
    index: 5,
    params: (r) => ({ supplyItemNumber: r.supplyItemNumber }),
    matches: (c, r) => c.supplyItemNumber === r.supplyItemNumber,
    project: supplyItem,
    plexPath: () => '/inventory/v1/inventory-definitions/supply-items',
    plexQuery: (r) => ({ supplyItemNumber: String(r.supplyItemNumber) }),
  },
  {
    lookup: 'container-by-serial-no',
    resource: 'containers',
    index: 6,
    params: (r) => ({ serialNo: r.serialNo }),
    matches: (c, r) => c.serialNo === r.serialNo,
    project: container,
    plexPath: (r) => `/inventory/v1/inventory-tracking/containers/${String(r.serialNo)}`,
    plexQuery: () => ({}),
  },
];

describe('Handler: webhook lookups against the emulator', () => {
  it.each(CASES)('$lookup returns the documented projection', async (lookupCase) => {
    // Prepare
    const handler = harness.createHandler();
    const all = records(lookupCase.resource);
    const record = all[lookupCase.index]!;
    const expected = all.filter((candidate) => lookupCase.matches(candidate, record)).map(lookupCase.project);
    harness.plex.emulator.clearRequests();

    // Act
    const reply = await invoke(handler, signedEvent({ lookup: lookupCase.lookup, params: lookupCase.params(record) }));

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.body).toEqual({ lookup: lookupCase.lookup, count: expected.length, matches: expected });
    expect(describedResponseErrors(reply)).toEqual([]);

    const requests = harness.plex.emulator.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe(lookupCase.plexPath(record));
    expect(Object.fromEntries(new URLSearchParams(requests[0]!.query))).toEqual(lookupCase.plexQuery(record));
  });

  it('sends the revision of part-by-number when given', async () => {
    const handler = harness.createHandler();
    const record = records('parts').find((candidate) => candidate.revision !== null)!;
    harness.plex.emulator.clearRequests();

    const params = { partNumber: record.number, revision: record.revision };
    const reply = await invoke(handler, signedEvent({ lookup: 'part-by-number', params }));

    expect(reply.status).toBe(200);
    expect(reply.body.matches).toEqual([part(record)]);
    const query = Object.fromEntries(new URLSearchParams(harness.plex.emulator.requests()[0]!.query));
    expect(query).toEqual({ number: record.number, revision: record.revision });
  });

  it('runs a lookup in a tenant chosen by tenantId', async () => {
    const handler = harness.createHandler();
    const record = records('workcenters', ALLOWED_TENANT)[0]!;
    harness.plex.emulator.clearRequests();

    const body = { lookup: 'workcenter-by-code', params: { workcenterCode: record.workcenterCode }, tenantId: ALLOWED_TENANT.id };
    const reply = await invoke(handler, signedEvent(body));

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ lookup: 'workcenter-by-code', tenantId: ALLOWED_TENANT.id, count: 1, matches: [workcenter(record)] });
    expect(describedResponseErrors(reply)).toEqual([]);
    expect(harness.plex.emulator.requests()[0]!.tenantId).toBe(ALLOWED_TENANT.id);
  });

  it('runs a lookup in a tenant chosen by customerId', async () => {
    const handler = harness.createHandler();
    const record = records('customers', ALLOWED_PCN_TENANT)[0]!;
    harness.plex.emulator.clearRequests();

    const body = { lookup: 'customer-by-code', params: { customerCode: record.code }, customerId: ALLOWED_PCN_TENANT.pcn };
    const reply = await invoke(handler, signedEvent(body));

    expect(reply.status).toBe(200);
    expect(reply.body.customerId).toBe(ALLOWED_PCN_TENANT.pcn);
    expect(reply.body.matches).toEqual([coded(record)]);
    expect(harness.plex.emulator.requests()[0]!.tenantId).toBe(ALLOWED_PCN_TENANT.id);
  });

  it('percent-encodes a serial number into one path segment', async () => {
    const handler = harness.createHandler();
    harness.plex.emulator.clearRequests();

    const reply = await invoke(handler, signedEvent({ lookup: 'container-by-serial-no', params: { serialNo: 'S00/12?x=1#y' } }));

    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('NO_MATCH');
    expect(harness.plex.emulator.requests()[0]!.path).toBe('/inventory/v1/inventory-tracking/containers/S00%2F12%3Fx%3D1%23y');
  });
});

describe('Handler: webhook body encodings', () => {
  it('verifies a base64-encoded body over its raw bytes', async () => {
    const handler = harness.createHandler();
    const record = records('employees')[0]!;
    // Spaces, a line break and an escaped character: any re-serialization would change the bytes.
    const text = `{ "lookup": "employee-by-badge",\n  "params": { "badgeNumber": "${String(record.badgeNumber)}" } }`;

    const reply = await invoke(handler, signedEvent(Buffer.from(text, 'utf8')));

    expect(reply.status).toBe(200);
    expect(reply.body.matches).toEqual([employee(record)]);
  });

  it('verifies a non-ASCII body sent base64-encoded', async () => {
    const handler = harness.createHandler();
    const text = JSON.stringify({ lookup: 'employee-by-last-name', params: { lastName: 'Wójcik-Łęcka' } });

    const reply = await invoke(handler, signedEvent(text, { base64: true }));

    expect(reply.status).toBe(404);
    expect(reply.body.detail).toBe('No employee has last name "Wójcik-Łęcka".');
    expect(describedResponseErrors(reply)).toEqual([]);
  });

  it('rejects a base64 body signed over its encoded text', async () => {
    const handler = harness.createHandler();
    const text = JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: '004711' } });
    const event = signedEvent(Buffer.from(text).toString('base64'));
    event.isBase64Encoded = true;

    const reply = await invoke(handler, event);

    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('SIGNATURE_INVALID');
  });
});

describe('Handler: secrets from SSM', () => {
  it('reads the key and the signing secrets from SSM parameters', async () => {
    // Prepare
    harness.ssm.parameters.set('/plex-connect/test/api-key', DEMO_KEYS.primary);
    harness.ssm.parameters.set('/plex-connect/test/lookup-signing-secrets', ` ${SECRETS[1]} , ${SECRETS[0]} `);
    const handler = harness.createHandler({
      env: {
        PLEX_API_KEY: undefined,
        LOOKUP_SIGNING_SECRETS: undefined,
        PLEX_API_KEY_PARAMETER: '/plex-connect/test/api-key',
        LOOKUP_SIGNING_SECRETS_PARAMETER: '/plex-connect/test/lookup-signing-secrets',
      },
    });
    const record = records('suppliers')[0]!;

    // Act
    const reply = await invoke(handler, signedEvent({ lookup: 'supplier-by-code', params: { supplierCode: record.code } }));

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body.matches).toEqual([coded(record)]);
    expect(harness.ssm.reads).toContain('/plex-connect/test/api-key');
    expect(harness.ssm.reads).toContain('/plex-connect/test/lookup-signing-secrets');
  });
});
