import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { TENANTS } from '../../emulator/index.js';
import { signLookup } from '../../functions/webhook-lookup/signature.js';
import { lookupEvent } from './support/webhook-event.js';
import { ALLOWED_PCN_TENANT, ALLOWED_TENANT, SECRETS, invoke, signedEvent, useWebhookHarness } from './support/webhook-harness.js';
import { describedResponseErrors } from './support/webhook-responses.js';

const harness = useWebhookHarness();

const VALID = { lookup: 'employee-by-badge', params: { badgeNumber: '004711' } };
const LOOKUP_NAMES = [
  'employee-by-badge',
  'employee-by-last-name',
  'part-by-number',
  'supplier-by-code',
  'customer-by-code',
  'workcenter-by-code',
  'supply-item-by-number',
  'container-by-serial-no',
];

interface RejectionCase {
  name: string;
  event: () => APIGatewayProxyEventV2;
  status: number;
  code: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Builds an event signed at `timestampSeconds`, with that timestamp in its header. */
function signedAt(timestampSeconds: number, body: object = VALID): APIGatewayProxyEventV2 {
  const text = JSON.stringify(body);
  return lookupEvent({
    body: text,
    headers: {
      'x-lookup-timestamp': String(timestampSeconds),
      'x-lookup-signature': signLookup(text, SECRETS[0], timestampSeconds),
    },
  });
}

const rejection = (name: string, status: number, code: string, event: () => APIGatewayProxyEventV2): RejectionCase => ({
  name,
  status,
  code,
  event,
});

/** Builds a valid signed request with changed headers. */
const withHeaders = (headers: Record<string, string | undefined>) => () => signedEvent(VALID, { headers });

/** Builds a signed request with its signature header edited after signing. */
const withSignature = (edit: (signature: string) => string) => () => {
  const event = signedEvent(VALID);
  event.headers['x-lookup-signature'] = edit(event.headers['x-lookup-signature']!);
  return event;
};

const withContentType = (contentType: string | undefined) => withHeaders({ 'content-type': contentType });

const TEXT = { 'content-type': 'text/plain' };
const FOREIGN_PCN = 80211;
const tooLarge = `{"pad":"${'x'.repeat(16_400)}"}`;

const REJECTIONS: RejectionCase[] = [
  rejection('a body over 16,384 bytes', 413, 'BODY_TOO_LARGE', () => signedEvent(tooLarge)),
  rejection('a base64 body decoding too large', 413, 'BODY_TOO_LARGE', () => signedEvent(Buffer.alloc(16_385, 0x20))),
  rejection('an unsigned body over the limit', 413, 'BODY_TOO_LARGE', () => lookupEvent({ body: tooLarge })),
  rejection('a missing signature', 401, 'SIGNATURE_MISSING', withHeaders({ 'x-lookup-signature': undefined })),
  rejection('a missing timestamp', 401, 'SIGNATURE_MISSING', withHeaders({ 'x-lookup-timestamp': undefined })),
  rejection('an empty timestamp', 401, 'SIGNATURE_MISSING', withHeaders({ 'x-lookup-timestamp': '' })),
  rejection('a stale timestamp', 401, 'TIMESTAMP_OUT_OF_RANGE', () => signedAt(nowSeconds() - 301)),
  rejection('a future timestamp', 401, 'TIMESTAMP_OUT_OF_RANGE', () => signedAt(nowSeconds() + 302)),
  rejection('a timestamp in milliseconds', 401, 'TIMESTAMP_OUT_OF_RANGE', withHeaders({ 'x-lookup-timestamp': String(Date.now()) })),
  rejection('an unknown secret', 401, 'SIGNATURE_INVALID', () => signedEvent(VALID, { secrets: ['whsec-someone-else'] })),
  rejection('a body changed after signing', 401, 'SIGNATURE_INVALID', () => {
    const event = signedEvent(VALID);
    event.body = event.body!.replace('004711', '004712');
    return event;
  }),
  rejection('an upper-case digest', 401, 'SIGNATURE_INVALID', withSignature((value) => `v1=${value.slice(3).toUpperCase()}`)),
  rejection('a digest without v1=', 401, 'SIGNATURE_INVALID', withSignature((value) => value.slice(3))),
  rejection('a form-encoded body', 415, 'UNSUPPORTED_MEDIA_TYPE', withContentType('application/x-www-form-urlencoded')),
  rejection('a missing content type', 415, 'UNSUPPORTED_MEDIA_TYPE', withContentType(undefined)),
  rejection('JSON in another charset', 415, 'UNSUPPORTED_MEDIA_TYPE', withContentType('application/json; charset=iso-8859-1')),
  rejection('truncated JSON', 400, 'INVALID_JSON', () => signedEvent('{"lookup":"employee-by-badge",')),
  rejection('a JSON array', 400, 'INVALID_JSON', () => signedEvent('[{"lookup":"employee-by-badge"}]')),
  rejection('a JSON string', 400, 'INVALID_JSON', () => signedEvent('"employee-by-badge"')),
  rejection('JSON null', 400, 'INVALID_JSON', () => signedEvent('null')),
  rejection('an empty body', 400, 'INVALID_JSON', () => signedEvent('')),
  rejection('bytes that are not UTF-8', 400, 'INVALID_JSON', () => signedEvent(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))),
  rejection('an unknown lookup', 400, 'UNKNOWN_LOOKUP', () => signedEvent({ lookup: 'employee-by-badge-number', params: {} })),
  rejection('a missing lookup', 400, 'UNKNOWN_LOOKUP', () => signedEvent({ params: { badgeNumber: '004711' } })),
  rejection('a lookup that is no string', 400, 'UNKNOWN_LOOKUP', () => signedEvent({ lookup: 7, params: {} })),
  rejection('invalid parameters', 400, 'INVALID_PARAMETERS', () =>
    signedEvent({ lookup: 'part-by-number', params: { partNumber: '', partName: 'x' } }),
  ),
  rejection('both tenant fields', 400, 'INVALID_PARAMETERS', () =>
    signedEvent({ ...VALID, tenantId: ALLOWED_TENANT.id, customerId: ALLOWED_PCN_TENANT.pcn }),
  ),
  rejection('a foreign tenantId', 403, 'TENANT_NOT_ALLOWED', () => signedEvent({ ...VALID, tenantId: TENANTS[0]!.id })),
  rejection('a foreign customerId', 403, 'TENANT_NOT_ALLOWED', () => signedEvent({ ...VALID, customerId: FOREIGN_PCN })),
  // Two failures at once: the earlier check in the description's order wins.
  rejection('a large unsigned text body', 413, 'BODY_TOO_LARGE', () => lookupEvent({ body: tooLarge, headers: TEXT })),
  rejection('an unsigned text body', 401, 'SIGNATURE_MISSING', () => lookupEvent({ body: '[', headers: TEXT })),
  rejection('a stale, wrong signature', 401, 'TIMESTAMP_OUT_OF_RANGE', () =>
    signedEvent(VALID, { secrets: ['whsec-other'], nowMs: Date.now() - 400_000 }),
  ),
  rejection('invalid JSON as text', 415, 'UNSUPPORTED_MEDIA_TYPE', () => signedEvent('[', { headers: TEXT })),
  rejection('an unknown lookup for a foreign tenant', 400, 'UNKNOWN_LOOKUP', () =>
    signedEvent({ lookup: 'x', customerId: FOREIGN_PCN }),
  ),
  rejection('invalid parameters for a foreign tenant', 400, 'INVALID_PARAMETERS', () =>
    signedEvent({ lookup: 'part-by-number', params: {}, customerId: FOREIGN_PCN }),
  ),
];

describe('Handler: webhook request checks', () => {
  beforeEach(() => {
    harness.plex.emulator.clearRequests();
  });

  it.each(REJECTIONS)('rejects $name with $status $code', async ({ event, status, code }) => {
    // Prepare
    const handler = harness.createHandler();

    // Act
    const reply = await invoke(handler, event());

    // Assess
    expect(reply.status).toBe(status);
    expect(reply.body.code).toBe(code);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(describedResponseErrors(reply)).toEqual([]);
    expect(harness.plex.emulator.requests()).toEqual([]);
  });

  it('names the missing signature header', async () => {
    const reply = await invoke(harness.createHandler(), signedEvent(VALID, { headers: { 'x-lookup-timestamp': undefined } }));

    expect(reply.body.errors).toEqual([{ name: 'X-Lookup-Timestamp', detail: 'is missing' }]);
    expect(reply.headers['www-authenticate']).toBe('LookupSignature realm="lookups"');
  });

  it('states how far the timestamp is off', async () => {
    const reply = await invoke(harness.createHandler(), signedAt(nowSeconds() - 720));

    expect(reply.body.detail).toMatch(/^X-Lookup-Timestamp \d+ is 7(19|20|21) seconds behind the function's clock \(\d+\)\./);
  });

  it('accepts a timestamp 300 seconds old', async () => {
    const reply = await invoke(harness.createHandler(), signedAt(nowSeconds() - 299));

    expect(reply.status).not.toBe(401);
  });

  it('lists every lookup name with UNKNOWN_LOOKUP', async () => {
    const reply = await invoke(harness.createHandler(), signedEvent({ lookup: 'employee-by-badge-number', params: {} }));

    expect(reply.body.validLookups).toEqual(LOOKUP_NAMES);
    expect(reply.body.detail).toBe('Unknown lookup "employee-by-badge-number". Use one of the names in validLookups.');
  });

  it('names each invalid parameter', async () => {
    const params = { partNumber: '10-4471-B', revision: 'R'.repeat(21), partName: 'housing' };

    const reply = await invoke(harness.createHandler(), signedEvent({ lookup: 'part-by-number', params }));

    expect(reply.body.errors).toHaveLength(2);
    expect(reply.body.errors).toContainEqual({ name: '/params/revision', detail: 'must not be longer than 20 characters' });
    expect(reply.body.errors).toContainEqual({ name: '/params/partName', detail: 'is not a parameter of part-by-number' });
  });

  it.each([
    ['a missing params', { lookup: 'supplier-by-code' }, { name: '/params', detail: 'is missing' }],
    [
      'a missing parameter',
      { lookup: 'supplier-by-code', params: {} },
      { name: '/params/supplierCode', detail: 'is missing' },
    ],
    [
      'an empty parameter',
      { lookup: 'customer-by-code', params: { customerCode: '' } },
      { name: '/params/customerCode', detail: 'must not be empty' },
    ],
    [
      'a number for a string',
      { lookup: 'employee-by-badge', params: { badgeNumber: 4711 } },
      { name: '/params/badgeNumber', detail: 'must be a string' },
    ],
    [
      'a control character',
      { lookup: 'employee-by-last-name', params: { lastName: 'Nowak\n' } },
      { name: '/params/lastName', detail: 'must not contain control characters or unpaired surrogates' },
    ],
    [
      'an unknown member',
      { ...VALID, priority: 1 },
      { name: '/priority', detail: 'is not a member of the employee-by-badge request' },
    ],
    [
      'a tenantId that is no UUID',
      { ...VALID, tenantId: '79870' },
      { name: '/tenantId', detail: 'must be a UUID in 8-4-4-4-12 hexadecimal form' },
    ],
    ['a customerId of 0', { ...VALID, customerId: 0 }, { name: '/customerId', detail: 'must be at least 1' }],
  ])('reports %s', async (_name, body, error) => {
    const reply = await invoke(harness.createHandler(), signedEvent(body));

    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([error]);
  });

  it('names both tenant fields', async () => {
    const body = { ...VALID, tenantId: ALLOWED_TENANT.id, customerId: ALLOWED_PCN_TENANT.pcn };

    const reply = await invoke(harness.createHandler(), signedEvent(body));

    expect(reply.body.detail).toBe('Send tenantId or customerId to choose a tenant, not both.');
    expect(reply.body.errors).toEqual([
      { name: '/tenantId', detail: 'must not be sent together with customerId' },
      { name: '/customerId', detail: 'must not be sent together with tenantId' },
    ]);
  });
});

describe('Handler: webhook accepted variants', () => {
  it.each([
    ['application/json; charset=utf-8'],
    ['Application/JSON; Charset="UTF-8"'],
    ['APPLICATION/JSON'],
  ])('accepts the content type %s', async (contentType) => {
    const reply = await invoke(harness.createHandler(), signedEvent(VALID, { headers: { 'content-type': contentType } }));

    expect(reply.status).toBe(200);
  });

  it('accepts an allowed tenantId in another letter case', async () => {
    const reply = await invoke(harness.createHandler(), signedEvent({ ...VALID, tenantId: ALLOWED_TENANT.id.toUpperCase() }));

    expect(reply.status).not.toBe(403);
  });

  it('reads header names in any letter case', async () => {
    const event = signedEvent(VALID);
    const headers = event.headers;
    event.headers = {
      'Content-Type': headers['content-type'],
      'X-Lookup-Timestamp': headers['x-lookup-timestamp'],
      'X-LOOKUP-SIGNATURE': headers['x-lookup-signature'],
    };

    const reply = await invoke(harness.createHandler(), event);

    expect(reply.status).toBe(200);
  });
});

describe('Handler: webhook secret rotation', () => {
  const rotating = () => harness.createHandler({ env: { LOOKUP_SIGNING_SECRETS: `${SECRETS[0]}, ${SECRETS[1]}` } });

  it.each([
    ['the current secret', [SECRETS[0]]],
    ['the next secret', [SECRETS[1]]],
    ['both secrets', [SECRETS[0], SECRETS[1]]],
    ['an unknown and the next secret', ['whsec-retired', SECRETS[1]]],
  ])('accepts a request signed with %s', async (_name, secrets) => {
    const reply = await invoke(rotating(), signedEvent(VALID, { secrets }));

    expect(reply.status).toBe(200);
  });

  it('rejects the next secret before it is active', async () => {
    const reply = await invoke(harness.createHandler(), signedEvent(VALID, { secrets: [SECRETS[1]] }));

    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('SIGNATURE_INVALID');
  });
});

describe('Helper: describedResponseErrors', () => {
  it('reports a body that breaks the schema', () => {
    const reply = { status: 200, headers: { 'content-type': 'application/json' }, body: { lookup: 'x', count: 0, matches: [] } };

    expect(describedResponseErrors(reply)).not.toEqual([]);
  });

  it('reports a missing Retry-After', () => {
    const body = {
      type: 'urn:plex-connect:problem:too-many-requests',
      title: 'Too many requests',
      status: 429,
      detail: 'Wait.',
      code: 'TOO_MANY_REQUESTS',
    };
    const reply = { status: 429, headers: { 'content-type': 'application/problem+json' }, body };

    expect(describedResponseErrors(reply)).toEqual(['header Retry-After is missing']);
  });
});
