import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { TENANTS } from '../../emulator/index.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../functions/webhook-lookup/signature.js';
import { useEmulator } from '../emulator/support/emulator.js';
import { lookupEvent } from '../functions/support/webhook-event.js';
import { describedResponseErrors, type LookupReply } from '../functions/support/webhook-responses.js';
import { useLeakCheck } from './support/leak-check.js';
import {
  REJECTED_BEFORE_PLEX,
  type LookupRig,
  createLookupRig,
  invokeLookup,
  lookupParameters,
  problemContractErrors,
  signedLookupEvent,
} from './support/lookups.js';
import { createSecret, fullAccessKey } from './support/secrets.js';
import { useUnhandledRejectionCheck } from './support/unhandled.js';

// Fixed seeds and bounded runs, so a failure reproduces and the file runs in seconds.
const RUNS = { seed: 20_261_204, numRuns: 300 };

const [first, second, third] = TENANTS as [(typeof TENANTS)[0], (typeof TENANTS)[0], (typeof TENANTS)[0]];
const apiKey = createSecret('reliability-key');
const secrets = [createSecret('reliability-secret'), createSecret('reliability-secret-next')];
const leaks = useLeakCheck(() => [apiKey, ...secrets]);
const plex = useEmulator({
  keys: [fullAccessKey(apiKey.value)],
  rateLimit: false,
  logLevel: 'debug',
  logSink: (line) => leaks.add('emulator log', line),
});
useUnhandledRejectionCheck();

let rigInstance: LookupRig | undefined;
/** One handler for the whole file, like a warm container. Its lookups are never cached. */
function rig(): LookupRig {
  rigInstance ??= createLookupRig({
    plexBaseUrl: plex.url,
    apiKey: apiKey.value,
    signingSecrets: secrets.map((secret) => secret.value),
    env: { LOOKUP_ALLOWED_TENANTS: `${second.id},${third.pcn}` },
  });
  return rigInstance;
}

/** Codes of the replies in the current test, and `OK` for a 200, to show which checks the inputs reached. */
const outcomes = new Set<string>();

/** Invokes the handler and returns the reply with the number of Plex requests it caused. */
async function send(event: Parameters<typeof invokeLookup>[1]): Promise<{ reply: LookupReply; reached: number }> {
  const before = plex.emulator.requests().length;
  const reply = await invokeLookup(rig(), event, leaks);
  outcomes.add(reply.status === 200 ? 'OK' : String(reply.body.code));
  return { reply, reached: plex.emulator.requests().length - before };
}

/**
 * Checks what every reply must satisfy: a documented status and body, never a 500, no Plex
 * request for a request that failed a check, and one for every response that needed Plex.
 */
function expectContract({ reply, reached }: { reply: LookupReply; reached: number }): void {
  expect(problemContractErrors(reply)).toEqual([]);
  expect(describedResponseErrors(reply)).toEqual([]);
  if (REJECTED_BEFORE_PLEX.includes(reply.status)) expect(reached).toBe(0);
  if (reply.status === 200 || reply.status === 404) expect(reached).toBeGreaterThan(0);
}

const LOOKUP_NAMES = [...new Set(lookupParameters().map((parameter) => parameter.lookup))];
const PARAM_NAMES = [...new Set(lookupParameters().map((parameter) => parameter.name))];
const badge = (): string => (plex.emulator.dataset.source(first, 'employees').record(0) as { badgeNumber: string }).badgeNumber;

/** Text without lone surrogates; those have a test of their own in the parameter properties. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 120 }),
  fc.constantFrom('', ' ', '..', '../../x', '%2F', '\u0000', '\u007f', '\u0085', 'a'.repeat(101), '0'),
);

const jsonValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);

/**
 * A string parameter value that passes the schema: no control characters, and at most 20
 * UTF-16 units, so at most 20 code points, the length the schema counts.
 */
const validValue = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .filter((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value) && value.length <= 20);

/** Returns a member that is present in one body of four. JSON.stringify leaves out the undefined ones. */
function rarely<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: value, weight: 1 });
}

/** Params of one lookup: mostly its own names with valid values, sometimes anything. */
function paramsOf(lookup: string): fc.Arbitrary<unknown> {
  const own = lookupParameters().filter((parameter) => parameter.lookup === lookup);
  const valid = fc.record(Object.fromEntries(own.map((parameter) => [parameter.name, validValue])), {
    requiredKeys: own.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  });
  const hostile = fc.dictionary(fc.oneof(fc.constantFrom(...PARAM_NAMES), text), jsonValue, { maxKeys: 3 });
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostile, weight: 1 }, { arbitrary: jsonValue, weight: 1 });
}

/** Bodies shaped like lookup requests, mostly with real names, and hostile values everywhere. */
const lookupLike = fc
  .oneof({ arbitrary: fc.constantFrom(...LOOKUP_NAMES), weight: 4 }, { arbitrary: text, weight: 1 })
  .chain((lookup) =>
    fc.record({
      lookup: fc.constant<unknown>(lookup),
      params: paramsOf(lookup),
      tenantId: rarely(fc.oneof(fc.uuid(), fc.constantFrom(first.id, second.id, second.id.toUpperCase()), text)),
      customerId: rarely(fc.oneof(fc.integer(), fc.constantFrom(first.pcn, third.pcn, 0, -1, 2 ** 31), fc.double(), text)),
      extra: rarely(jsonValue),
    }),
  )
  .map((body) => JSON.stringify(body));

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** A valid body with a few characters removed or inserted. */
const mutated = fc
  .tuple(
    fc.constantFrom(
      '{"lookup":"employee-by-badge","params":{"badgeNumber":"004711"}}',
      '{"lookup":"container-by-serial-no","params":{"serialNo":"S1"},"customerId":91544}',
    ),
    fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.string({ maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([body, edits]) =>
    edits.reduce((current: string, { at, remove, insert }: Edit) => {
      const position = at % (current.length + 1);
      return current.slice(0, position) + insert + current.slice(position + remove);
    }, body),
  );

const anyBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { arbitrary: lookupLike, weight: 3 },
  { arbitrary: mutated, weight: 2 },
  { arbitrary: fc.json(), weight: 1 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }), weight: 1 },
  { arbitrary: fc.constantFrom('x'.repeat(16_385), JSON.stringify({ lookup: 'employee-by-badge', pad: 'x'.repeat(16_330) })), weight: 1 },
);

const TIMESTAMPS = ['none', 'empty', 'now', 'edge', 'stale', 'future', 'millis', 'fraction', 'garbage'] as const;
const SIGNATURES = [
  'none',
  'empty',
  'valid',
  'next',
  'both',
  'other-body',
  'wrong-secret',
  'uppercase',
  'short',
  'v2',
  'padded',
  'garbage',
] as const;
type Stamp = (typeof TIMESTAMPS)[number];
type Signature = (typeof SIGNATURES)[number];
const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/json; charset=latin1',
  'application/json;;',
  '',
];

function timestampOf(choice: Stamp, nowSeconds: number): string | undefined {
  const values: Record<Stamp, string | undefined> = {
    none: undefined,
    empty: '',
    now: String(nowSeconds),
    edge: String(nowSeconds - 299),
    stale: String(nowSeconds - 301),
    future: String(nowSeconds + 301),
    millis: String(nowSeconds * 1000),
    fraction: `${nowSeconds}.5`,
    garbage: `+${nowSeconds}`,
  };
  return values[choice];
}

function hmac(secret: string, timestamp: string, body: Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** Builds the signature header of a choice. `garbage` is random text for the choices that need some. */
function signatureOf(choice: Signature, timestamp: string, body: Uint8Array, garbage: string): string | undefined {
  const [current, next] = secrets.map((secret) => secret.value) as [string, string];
  const values: Record<Signature, () => string | undefined> = {
    none: () => undefined,
    empty: () => '',
    valid: () => `v1=${hmac(current, timestamp, body)}`,
    next: () => `v1=${hmac(next, timestamp, body)}`,
    both: () => `v1=${hmac(current, timestamp, body)},v1=${hmac(next, timestamp, body)}`,
    'other-body': () => `v1=${hmac(current, timestamp, Buffer.from(`${garbage} `))}`,
    'wrong-secret': () => `v1=${hmac(`${current}x`, timestamp, body)}`,
    uppercase: () => `v1=${hmac(current, timestamp, body).toUpperCase()}`,
    short: () => `v1=${hmac(current, timestamp, body).slice(0, 63)}`,
    v2: () => `v2=${hmac(current, timestamp, body)}`,
    padded: () => ` v1=${hmac(current, timestamp, body)} , v0=${garbage}`,
    garbage: () => garbage,
  };
  return values[choice]();
}

describe('Property: hostile webhook requests', () => {
  beforeEach(() => {
    outcomes.clear();
  });

  afterAll(() => {
    expect(plex.emulator.keyStats(apiKey.value).requests).toBeGreaterThan(0);
  });

  it('replies to any request as documented', async () => {
    const request = fc.record({
      body: anyBody,
      base64: fc.boolean(),
      // Mostly requests that pass the envelope checks, so that later checks are reached too.
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 3 },
        { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 },
      ),
      timestamp: fc.oneof({ arbitrary: fc.constant<Stamp>('now'), weight: 3 }, { arbitrary: fc.constantFrom(...TIMESTAMPS), weight: 2 }),
      signature: fc.oneof(
        { arbitrary: fc.constantFrom<Signature>('valid', 'next', 'both'), weight: 3 },
        { arbitrary: fc.constantFrom(...SIGNATURES), weight: 2 },
      ),
      garbage: fc.string({ maxLength: 80 }),
      headers: fc.dictionary(fc.stringMatching(/^x-[a-z-]{1,20}$/), fc.string({ maxLength: 40 }), { maxKeys: 3 }),
    });

    await fc.assert(
      fc.asyncProperty(request, async ({ body, base64, contentType, timestamp, signature, garbage, headers }) => {
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        const stamp = timestampOf(timestamp, Math.floor(Date.now() / 1000));
        const event = lookupEvent({
          body,
          base64,
          headers: {
            ...headers,
            'content-type': contentType,
            [TIMESTAMP_HEADER]: stamp,
            [SIGNATURE_HEADER]: signatureOf(signature, stamp ?? '', bytes, garbage),
          },
        });

        expectContract(await send(event));
      }),
      RUNS,
    );
    const everyCheck = [
      'BODY_TOO_LARGE',
      'SIGNATURE_MISSING',
      'TIMESTAMP_OUT_OF_RANGE',
      'SIGNATURE_INVALID',
      'UNSUPPORTED_MEDIA_TYPE',
      'INVALID_JSON',
      'UNKNOWN_LOOKUP',
      'INVALID_PARAMETERS',
      'NO_MATCH',
    ];
    expect([...outcomes]).toEqual(expect.arrayContaining(everyCheck));
  });

  it('validates any body signed correctly', async () => {
    const body = fc.oneof(lookupLike, mutated, fc.json({ stringUnit: 'grapheme' }));

    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const result = await send(signedLookupEvent(text, [secrets[0]!.value], Date.now()));

        expectContract(result);
        expect([401, 415]).not.toContain(result.reply.status);
      }),
      RUNS,
    );
    const checks = ['INVALID_JSON', 'UNKNOWN_LOOKUP', 'INVALID_PARAMETERS', 'NO_MATCH'];
    expect([...outcomes]).toEqual(expect.arrayContaining(checks));
  });

  it('runs only in allowed tenants', async () => {
    const tenantIds = fc.oneof(fc.constantFrom(first.id, second.id, second.id.toUpperCase(), third.id), fc.uuid(), text);
    const pcns = fc.oneof(fc.constantFrom(first.pcn, second.pcn, third.pcn, 0, 2 ** 31), fc.integer(), fc.double(), text);
    const tenantId = fc.option(tenantIds, { nil: undefined, freq: 2 });
    const customerId = fc.option(pcns, { nil: undefined, freq: 2 });

    await fc.assert(
      fc.asyncProperty(tenantId, customerId, async (tenant, pcn) => {
        const body = { lookup: 'employee-by-badge', params: { badgeNumber: badge() }, tenantId: tenant, customerId: pcn };
        const result = await send(signedLookupEvent(body, [secrets[1]!.value], Date.now()));

        expectContract(result);
        if (tenant !== undefined && pcn !== undefined) {
          expect(result.reply.status).toBe(400);
          return;
        }

        const tenantAllowed = tenant === undefined || tenant.toLowerCase() === second.id;
        const allowed = tenantAllowed && (pcn === undefined || pcn === third.pcn);
        if (!allowed) {
          expect([400, 403]).toContain(result.reply.status);
          return;
        }

        expect([200, 404]).toContain(result.reply.status);
        let expectedTenant = first.id;
        if (tenant !== undefined) expectedTenant = second.id;
        if (pcn !== undefined) expectedTenant = third.id;
        expect(plex.emulator.requests().at(-1)!.tenantId).toBe(expectedTenant);
      }),
      RUNS,
    );
    expect([...outcomes]).toEqual(expect.arrayContaining(['OK', 'INVALID_PARAMETERS', 'TENANT_NOT_ALLOWED']));
  });
});
