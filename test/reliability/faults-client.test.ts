import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type PlexApiErrorKind,
  type PlexClient,
  type PlexLogger,
  PlexApiError,
  createPlexClient,
} from '../../client/index.js';
import { type FaultCount, type FaultSpec, TENANTS } from '../../emulator/index.js';
import { useEmulator } from '../emulator/support/emulator.js';
import { useLeakCheck } from './support/leak-check.js';
import { createSecret, fullAccessKey } from './support/secrets.js';
import { useUnhandledRejectionCheck } from './support/unhandled.js';

// Faults on GET /mdm/v1/parts, read whole with GET and item by item with stream. The
// client gets short timeouts and backoff, so the whole table runs in about ten seconds.

const RETRY_LIMIT = 2;
const TIMEOUT_MS = 500;
/** Cap of a Retry-After wait. The emulator requests 1 s, so a wait of about 300 ms proves the header was read. */
const MAX_RETRY_AFTER_MS = 300;
const ROUTE = 'listParts';
const PATH = '/mdm/v1/parts';

const apiKey = createSecret('reliability-key');
const leaks = useLeakCheck(() => [apiKey]);
const plex = useEmulator({
  keys: [fullAccessKey(apiKey.value)],
  rateLimit: false,
  logLevel: 'debug',
  logSink: (line) => leaks.add('emulator log', line),
});
useUnhandledRejectionCheck();

type Caller = 'client GET' | 'client stream';

/** The outcome a caller must see: every item, or a `PlexApiError` of this kind and status. */
type Expected = 'retried to success' | { kind: PlexApiErrorKind; status: number | undefined };

const success = 'retried to success';
const failure = (kind: PlexApiErrorKind, status?: number): Expected => ({ kind, status });

/**
 * One fault and its outcome for both callers: the requests the emulator must receive
 * (retries included) by GET and by stream, a generous upper time bound, and a lower one
 * for rows whose waits come from Retry-After or timeouts.
 */
type TableRow = [
  fault: string,
  spec: Omit<FaultSpec, 'route'>,
  expected: Expected,
  getAttempts: number,
  streamAttempts: number,
  withinMs: number,
  atLeastMs?: number,
];

const twice = { count: RETRY_LIMIT };
const hang = TIMEOUT_MS - 20;

/**
 * Each fault once within the retry limit (`×2`) must end in success, and a fault on every
 * attempt in a typed error after limit + 1 attempts. A stream that failed after its first
 * item is not retried, and neither is a truncated 200 body: it arrives complete by its
 * Content-Length, and a body that does not parse is treated as what the server sent.
 */
const TABLE: TableRow[] = [
  // fault                            spec                                                     expected                           GET  stream  within  at least
  ['latency 100 ms',                  { kind: 'latency', latencyMs: 100 },                     success,                           1,   1,      3_000,  100],
  ['429 Retry-After ×2',              { kind: 'rate-limit', retryAfterSeconds: 1, ...twice },  success,                           3,   3,      3_000,  550],
  ['429 Retry-After',                 { kind: 'rate-limit', retryAfterSeconds: 1 },            failure('rate-limited', 429),      3,   3,      3_000,  550],
  ['429 ×2',                          { kind: 'rate-limit', ...twice },                        success,                           3,   3,      3_000],
  ['429',                             { kind: 'rate-limit' },                                  failure('rate-limited', 429),      3,   3,      3_000],
  ['500 ×2',                          { kind: 'server-error', ...twice },                      success,                           3,   3,      3_000],
  ['500',                             { kind: 'server-error' },                                failure('server', 500),            3,   3,      3_000],
  ['502 HTML ×2',                     { kind: 'bad-gateway', ...twice },                       success,                           3,   3,      3_000],
  ['502 HTML',                        { kind: 'bad-gateway' },                                 failure('invalid-response', 502),  3,   3,      3_000],
  ['503 Retry-After ×2',              { kind: 'unavailable', ...twice },                       success,                           3,   3,      3_000,  550],
  ['503 Retry-After',                 { kind: 'unavailable' },                                 failure('server', 503),            3,   3,      3_000,  550],
  ['reset before the first item ×2',  { kind: 'reset', afterBytes: 1, ...twice },              success,                           3,   3,      3_000],
  ['reset mid-body',                  { kind: 'reset', afterBytes: 3_000 },                    failure('network'),                3,   1,      3_000],
  ['truncate ×1',                     { kind: 'truncate', afterBytes: 3_000, count: 1 },       failure('invalid-response', 200),  1,   1,      3_000],
  ['hang ×2',                         { kind: 'hang', ...twice },                              success,                           3,   3,      4_000,  2 * hang],
  ['hang',                            { kind: 'hang' },                                        failure('timeout'),                3,   3,      4_000,  3 * hang],
];

interface Row {
  caller: Caller;
  fault: string;
  spec: Omit<FaultSpec, 'route'>;
  expected: Expected;
  attempts: number;
  withinMs: number;
  atLeastMs: number | undefined;
}

const MATRIX: Row[] = (['client GET', 'client stream'] as const).flatMap((caller) =>
  TABLE.map(([fault, spec, expected, getAttempts, streamAttempts, withinMs, atLeastMs]) => ({
    caller,
    fault,
    spec,
    expected,
    attempts: caller === 'client GET' ? getAttempts : streamAttempts,
    withinMs,
    atLeastMs,
  })),
);

/** Parts of the default tenant: every successful read must return all of them. */
const partCount = (): number => plex.emulator.dataset.source(TENANTS[0]!, 'parts').count;

function createClient(): PlexClient {
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    leaks.add('client log', { level, message, fields });
  const logger: PlexLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };

  return createPlexClient({
    baseUrl: plex.url,
    apiKey: apiKey.value,
    timeoutMs: TIMEOUT_MS,
    retry: { limit: RETRY_LIMIT, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: MAX_RETRY_AFTER_MS },
    rateLimit: false,
    logger,
  });
}

interface Outcome {
  items: unknown[];
  error: unknown;
}

async function readWithGet(client: PlexClient): Promise<Outcome> {
  const result = await client.GET(PATH);
  return { items: result.data ?? [], error: result.error };
}

/** Reads the stream to its end, keeping the items that arrived before any error. */
async function readWithStream(client: PlexClient): Promise<Outcome> {
  const items: unknown[] = [];
  try {
    for await (const item of client.stream(PATH)) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

function firedCount(counts: readonly FaultCount[], kind: string): number {
  const matching = counts.filter((entry) => entry.kind === kind && entry.operationId === ROUTE);
  return matching.reduce((sum, entry) => sum + entry.count, 0);
}

describe('Fault matrix: client', () => {
  beforeAll(async () => {
    // The emulator's first response of an operation takes longer, which would count against
    // the short timeout of the first row.
    const { error } = await readWithGet(createClient());
    expect(error).toBeUndefined();
    plex.emulator.clearRequests();
  });

  afterEach(() => {
    plex.emulator.clearFaults();
    plex.emulator.clearRequests();
  });

  afterAll(() => {
    expect(plex.emulator.keyStats(apiKey.value).requests).toBeGreaterThan(0);
  });

  it.each(MATRIX)('$caller: $fault', async ({ spec, caller, expected, attempts, withinMs, atLeastMs }) => {
    // Prepare
    const client = createClient();
    const firedBefore = firedCount(plex.emulator.faultCounts(), spec.kind);
    plex.emulator.addFault({ ...spec, route: ROUTE });

    // Act
    const startedMs = performance.now();
    const { items, error } = caller === 'client GET' ? await readWithGet(client) : await readWithStream(client);
    const elapsedMs = performance.now() - startedMs;
    leaks.add(`${caller} error`, error);

    // Assess
    const requests = plex.emulator.requests().filter((entry) => entry.operationId === ROUTE);
    expect(requests).toHaveLength(attempts);
    const fired = firedCount(plex.emulator.faultCounts(), spec.kind) - firedBefore;
    expect(fired).toBe(Math.min(attempts, spec.count ?? attempts));
    expect(elapsedMs).toBeLessThan(withinMs);
    if (atLeastMs !== undefined) expect(elapsedMs).toBeGreaterThanOrEqual(atLeastMs);

    if (expected === success) {
      expect(error).toBeUndefined();
      expect(items).toHaveLength(partCount());
      return;
    }

    expect(error).toBeInstanceOf(PlexApiError);
    const apiError = error as PlexApiError;
    expect(apiError.kind).toBe(expected.kind);
    expect(apiError.status).toBe(expected.status);
    expect(apiError.attempts).toBe(attempts);
    // A list that failed never passes for a complete one.
    expect(items.length).toBeLessThan(partCount());
  });
});
