import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../emulator/index.js';
import { useEmulator } from '../emulator/support/emulator.js';
import { describedResponseErrors, type LookupReply } from '../functions/support/webhook-responses.js';
import { useLeakCheck } from './support/leak-check.js';
import {
  type LookupParameter,
  type LookupRig,
  createLookupRig,
  invokeLookup,
  lookupParameters,
  problemContractErrors,
  signedLookupEvent,
} from './support/lookups.js';
import { createSecret, fullAccessKey } from './support/secrets.js';
import { useUnhandledRejectionCheck } from './support/unhandled.js';

const RUNS = { seed: 4_711, numRuns: 300 };

const apiKey = createSecret('reliability-key');
const secret = createSecret('reliability-secret');
const leaks = useLeakCheck(() => [apiKey, secret]);
const plex = useEmulator({
  keys: [fullAccessKey(apiKey.value)],
  rateLimit: false,
  logLevel: 'debug',
  logSink: (line) => leaks.add('emulator log', line),
});
useUnhandledRejectionCheck();

/** Where each parameter must arrive in Plex: a query parameter of a fixed path, or the one `{serialNo}` segment. */
const PLEX_TARGETS: Readonly<Record<string, { operationId: string; path: string; query?: string }>> = {
  badgeNumber: { operationId: 'listEmployees', path: '/mdm/v1/employees', query: 'badgeNumber' },
  lastName: { operationId: 'listEmployees', path: '/mdm/v1/employees', query: 'lastName' },
  partNumber: { operationId: 'listParts', path: '/mdm/v1/parts', query: 'number' },
  revision: { operationId: 'listParts', path: '/mdm/v1/parts', query: 'revision' },
  supplierCode: { operationId: 'listSuppliers', path: '/mdm/v1/suppliers', query: 'code' },
  customerCode: { operationId: 'listCustomers', path: '/mdm/v1/customers', query: 'code' },
  workcenterCode: {
    operationId: 'listWorkcenters',
    path: '/production/v1/production-definitions/workcenters',
    query: 'workcenterCode',
  },
  supplyItemNumber: {
    operationId: 'listSupplyItems',
    path: '/inventory/v1/inventory-definitions/supply-items',
    query: 'supplyItemNumber',
  },
  serialNo: { operationId: 'getContainer', path: '/inventory/v1/inventory-tracking/containers/' },
};

/** Pieces of URL syntax, encodings and non-ASCII text that values are built from. */
const FRAGMENTS = [
  ...['../', '..', '/', '//', '%2F', '%2f', '%252F', '%2e%2e', '?', '?q=1', '#', '#x', '&', '=', '+', '%', '%00'],
  ...[' ', '\\', ';', ':', '@', '*', '.', 'a', '0', 'ü', '€', '😀', '\u2028'],
];

let rigInstance: LookupRig | undefined;
function rig(): LookupRig {
  rigInstance ??= createLookupRig({ plexBaseUrl: plex.url, apiKey: apiKey.value, signingSecrets: [secret.value] });
  return rigInstance;
}

/** Builds a lookup body that sets `parameter` to `value`, and any other required parameter to a plain value. */
function bodyWith(parameter: LookupParameter, value: string): { lookup: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const other of lookupParameters()) {
    if (other.lookup === parameter.lookup && other.required) params[other.name] = 'A1';
  }
  params[parameter.name] = value;
  return { lookup: parameter.lookup, params };
}

async function send(body: object): Promise<{ reply: LookupReply; requests: RequestLogEntry[] }> {
  const before = plex.emulator.requests().length;
  const reply = await invokeLookup(rig(), signedLookupEvent(body, [secret.value], Date.now()), leaks);
  return { reply, requests: plex.emulator.requests().slice(before) };
}

/** Checks that the one Plex request carried `value` intact, in the place the parameter's target names. */
function expectDelivered(
  parameter: LookupParameter,
  value: string,
  body: { params: Record<string, string> },
  request: RequestLogEntry,
): void {
  const target = PLEX_TARGETS[parameter.name]!;
  expect(request.operationId).toBe(target.operationId);
  if (target.query === undefined) {
    expect(request.path.startsWith(target.path)).toBe(true);
    const segment = request.path.slice(target.path.length);
    expect(segment).not.toContain('/');
    expect(decodeURIComponent(segment)).toBe(value);
    expect(request.query).toBe('');
    return;
  }

  expect(request.path).toBe(target.path);
  const query = new URLSearchParams(request.query);
  expect(query.getAll(target.query)).toEqual([value]);
  const sent = Object.keys(body.params).map((name) => PLEX_TARGETS[name]!.query);
  expect([...new Set(query.keys())].sort()).toEqual(sent.sort());
}

const parameterArbitrary = fc.constantFrom(...lookupParameters());

describe('Property: lookup parameter values', () => {
  afterAll(() => {
    expect(plex.emulator.keyStats(apiKey.value).requests).toBeGreaterThan(0);
  });

  it('names a Plex target for every parameter', () => {
    expect(Object.keys(PLEX_TARGETS).sort()).toEqual(lookupParameters().map((parameter) => parameter.name).sort());
  });

  it('sends path-like values as data', async () => {
    const piece = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }));
    const cases = parameterArbitrary.chain((parameter) =>
      fc.tuple(
        fc.constant(parameter),
        fc
          .array(piece, { minLength: 1, maxLength: 8 })
          // Cut by code points, as the schema counts maxLength, so no surrogate pair is split.
          .map((pieces) => Array.from(pieces.join('')).slice(0, parameter.maxLength).join(''))
          // Control characters fail validation, and the dot segments have a test of their own below.
          .filter((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value) && value !== '.' && value !== '..'),
      ),
    );

    await fc.assert(
      fc.asyncProperty(cases, async ([parameter, value]) => {
        const body = bodyWith(parameter, value);
        const { reply, requests } = await send(body);

        expect(problemContractErrors(reply)).toEqual([]);
        expect(describedResponseErrors(reply)).toEqual([]);
        expect([200, 404]).toContain(reply.status);
        expect(requests).toHaveLength(1);
        expectDelivered(parameter, value, body, requests[0]!);
      }),
      RUNS,
    );
  });

  it('rejects control characters before Plex', async () => {
    const code = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }));
    const control = code.map((value) => String.fromCharCode(value));
    const cases = fc.tuple(parameterArbitrary, fc.string({ maxLength: 5 }), control, fc.string({ maxLength: 5 }));

    await fc.assert(
      fc.asyncProperty(cases, async ([parameter, before, character, after]) => {
        const { reply, requests } = await send(bodyWith(parameter, `${before}${character}${after}`));

        expect(problemContractErrors(reply)).toEqual([]);
        expect(reply.status).toBe(400);
        expect(reply.body.code).toBe('INVALID_PARAMETERS');
        const name = `/params/${parameter.name}`;
        const detail = expect.stringMatching(/contain control characters/);
        expect(reply.body.errors).toContainEqual({ name, detail });
        expect(requests).toEqual([]);
      }),
      RUNS,
    );
  });

  // The URL parser removes "." and ".." path segments, also percent-encoded, so these serial
  // numbers would reach GET /inventory/v1/inventory-tracking/containers/ (empty segment) and
  // GET /inventory/v1/inventory-tracking/ (another resource) unless they are rejected first.
  it.each(['.', '..'])('keeps serial number %j in its segment', async (serialNo) => {
    const { reply, requests } = await send({ lookup: 'container-by-serial-no', params: { serialNo } });

    expect(problemContractErrors(reply)).toEqual([]);
    if (requests.length === 0) {
      expect(['INVALID_PARAMETERS', 'NO_MATCH']).toContain(reply.body.code);
      return;
    }
    expect(requests).toHaveLength(1);
    expect(requests[0]!.operationId).toBe('getContainer');
    expect(requests[0]!.path).toMatch(/^\/inventory\/v1\/inventory-tracking\/containers\/[^/]+$/);
  });

  // A JSON escape such as "\ud800" decodes to an unpaired surrogate, which encodeURIComponent
  // cannot encode, so the schema must reject it before the value reaches a URL.
  it.each(['badgeNumber', 'serialNo'])('rejects an unpaired surrogate in %s', async (name) => {
    const parameter = lookupParameters().find((candidate) => candidate.name === name)!;
    const { reply, requests } = await send(bodyWith(parameter, 'A\ud800'));

    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('INVALID_PARAMETERS');
    expect(requests).toEqual([]);
  });
});
