import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PlexClock, systemClock } from '../../client/index.js';
import { type FaultCount, type FaultSpec, TENANTS } from '../../emulator/index.js';
import { createAccessCheckHandler } from '../../functions/access-check/handler.js';
import { API_PRODUCTS } from '../../functions/access-check/probes.js';
import type { AccessCheckReport, ProbeStatus } from '../../functions/access-check/report.js';
import { useEmulator } from '../emulator/support/emulator.js';
import { CapturingLogger, lambdaContext as checkContext, scheduledEvent } from '../functions/support/access-check.js';
import { lambdaContext } from '../functions/support/webhook-event.js';
import { describedResponseErrors } from '../functions/support/webhook-responses.js';
import { useLeakCheck } from './support/leak-check.js';
import {
  type LookupRigOptions,
  createLookupRig,
  invokeLookup,
  problemContractErrors,
  signedLookupEvent,
} from './support/lookups.js';
import { createSecret, fullAccessKey } from './support/secrets.js';
import { useUnhandledRejectionCheck } from './support/unhandled.js';

// The access check probes three tenants × five products and retries twice, and the lookup
// handler retries once. Both get short Plex timeouts, and the access check short backoff.

/** Plex timeout of both handlers, short so that hanging requests fail fast. */
const TIMEOUT_MS = 500;
const [, second, third] = TENANTS as [(typeof TENANTS)[0], (typeof TENANTS)[0], (typeof TENANTS)[0]];

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

const freshClock = (): PlexClock => ({ now: systemClock.now, sleep: systemClock.sleep });

function firedCount(counts: readonly FaultCount[], kind: string): number {
  return counts.filter((entry) => entry.kind === kind).reduce((sum, entry) => sum + entry.count, 0);
}

function requestsTo(operationId: string): number {
  return plex.emulator.requests().filter((entry) => entry.operationId === operationId).length;
}

afterEach(() => {
  plex.emulator.clearFaults();
  plex.emulator.clearRequests();
});

afterAll(() => {
  expect(plex.emulator.keyStats(apiKey.value).requests).toBeGreaterThan(0);
});

const success = 'retried to success';

/** Status of the rows of the faulted probes, with the HTTP status of their last response. */
type CheckExpected = typeof success | { status: ProbeStatus; httpStatus: number | null };

const rows = (status: ProbeStatus, httpStatus: number | null): CheckExpected => ({ status, httpStatus });

/**
 * One row of the access check's table. The fault hits the scheduling probe (`listJobs`)
 * unless it names another route or none. `attempts` counts the requests on `attemptsOn`
 * (default `listJobs`), retries included, and `withinMs` is a generous upper time bound.
 */
type CheckRow = [
  fault: string,
  spec: FaultSpec,
  expected: CheckExpected,
  attempts: number,
  withinMs: number,
  attemptsOn?: string,
];

const JOBS = 'listJobs';
const onJobs = { route: JOBS };
const twice = { route: JOBS, count: 2 };

/**
 * Three scheduling probes share each fault. A fault that fires twice is absorbed by the
 * retries (3 probes + 2 retries = 5 requests), and a persistent one costs 3 attempts per probe.
 */
const CHECK_TABLE: CheckRow[] = [
  // fault                spec                                                      expected                       attempts  within
  ['latency 100 ms',      { kind: 'latency', latencyMs: 100, ...onJobs },           success,                       3,        8_000],
  ['429 Retry-After ×2',  { kind: 'rate-limit', retryAfterSeconds: 1, ...twice },   success,                       5,        8_000],
  ['429 Retry-After',     { kind: 'rate-limit', retryAfterSeconds: 1, ...onJobs },  rows('rate-limited', 429),     9,        8_000],
  ['429 ×2',              { kind: 'rate-limit', ...twice },                         success,                       5,        8_000],
  ['429',                 { kind: 'rate-limit', ...onJobs },                        rows('rate-limited', 429),     9,        8_000],
  ['500 ×2',              { kind: 'server-error', ...twice },                       success,                       5,        8_000],
  ['500',                 { kind: 'server-error', ...onJobs },                      rows('upstream-error', 500),   9,        8_000],
  ['502 HTML ×2',         { kind: 'bad-gateway', ...twice },                        success,                       5,        8_000],
  ['502 HTML',            { kind: 'bad-gateway', ...onJobs },                       rows('upstream-error', 502),   9,        8_000],
  ['503 Retry-After ×2',  { kind: 'unavailable', ...twice },                        success,                       5,        8_000],
  ['503 Retry-After',     { kind: 'unavailable', ...onJobs },                       rows('upstream-error', 503),   9,        8_000],
  ['reset ×2',            { kind: 'reset', afterBytes: 1, ...twice },               success,                       5,        8_000],
  ['reset',               { kind: 'reset', afterBytes: 1, ...onJobs },              rows('upstream-error', null),  9,        8_000],
  ['truncate',            { kind: 'truncate', ...onJobs },                          rows('upstream-error', 200),   3,        8_000],
  ['hang ×2',             { kind: 'hang', ...twice },                               success,                       5,        8_000],
  ['hang',                { kind: 'hang', ...onJobs },                              rows('timeout', null),         9,        8_000],
  // With the tenant list failing, no probe is sent, and every row takes its status.
  ['500 on every route',  { kind: 'server-error' },                                 rows('upstream-error', 500),   3,        8_000,  'listTenants'],
];

const CHECK_MATRIX = CHECK_TABLE.map(([fault, spec, expected, attempts, withinMs, attemptsOn]) => ({
  caller: 'access check',
  fault,
  spec,
  expected,
  attempts,
  withinMs,
  attemptsOn,
}));

function runAccessCheck(): Promise<AccessCheckReport> {
  const logger = new CapturingLogger({ serviceName: 'plex-connect', logLevel: 'DEBUG' });
  const handler = createAccessCheckHandler({
    env: {
      PLEX_BASE_URL: plex.url,
      PLEX_API_KEY: apiKey.value,
      ACCESS_CHECK_TENANT_IDS: second.id,
      ACCESS_CHECK_CUSTOMER_IDS: String(third.pcn),
      PLEX_TIMEOUT_MS: String(TIMEOUT_MS),
    },
    clock: freshClock(),
    logger,
    writeMetrics: (line) => leaks.add('access check metrics', line),
    clientTuning: { retry: { limit: 2, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 300 } },
  });

  return handler(scheduledEvent(), checkContext(30_000)).finally(() => leaks.addAll('access check log', logger.lines));
}

describe('Fault matrix: access check', () => {
  beforeAll(async () => {
    // The first response of each operation costs the emulator extra time, which would
    // count against the short timeout of the first row.
    const report = await runAccessCheck();
    expect(report.summary.failed).toBe(0);
    plex.emulator.clearRequests();
  });

  it.each(CHECK_MATRIX)('$caller: $fault', async ({ spec, expected, attempts, attemptsOn, withinMs }) => {
    // Prepare
    const firedBefore = firedCount(plex.emulator.faultCounts(), spec.kind);
    plex.emulator.addFault(spec);

    // Act
    const startedMs = performance.now();
    const report = await runAccessCheck();
    const elapsedMs = performance.now() - startedMs;
    leaks.add('access check report', report);

    // Assess
    expect(elapsedMs).toBeLessThan(withinMs);
    expect(requestsTo(attemptsOn ?? JOBS)).toBe(attempts);
    const fired = firedCount(plex.emulator.faultCounts(), spec.kind) - firedBefore;
    expect(fired).toBe(Math.min(attempts, spec.count ?? attempts));

    const cells = new Set(report.rows.map((row) => `${row.target.kind}:${String(row.target.value)}:${row.product}`));
    expect(report.rows).toHaveLength(3 * API_PRODUCTS.length);
    expect(cells.size).toBe(3 * API_PRODUCTS.length);
    expect(report.summary.probes).toBe(report.rows.length);

    const faulted = spec.route === undefined ? report.rows : report.rows.filter((row) => row.product === 'scheduling');
    const others = report.rows.filter((row) => !faulted.includes(row));
    expect(others.map((row) => row.status)).toEqual(others.map(() => 'ok'));
    const want = expected === success ? { status: 'ok', httpStatus: 200 } : expected;
    expect(faulted.map(({ status, httpStatus }) => ({ status, httpStatus }))).toEqual(faulted.map(() => want));
  });
});

/** 200 with at least one match, or this problem, with its Retry-After header where there is one. */
type LookupExpected = typeof success | { status: number; code: string; retryAfter?: string };

const problem = (status: number, code: string, retryAfter?: string): LookupExpected => ({ status, code, retryAfter });

/**
 * One row of the lookup handler's table, for a fault on `listParts`. `attempts` counts the
 * Plex requests of the lookup, its retry included. `remainingMs` is the Lambda time left at
 * the start of the invocation (default 5 s).
 */
type LookupRow = [
  fault: string,
  spec: Omit<FaultSpec, 'route'>,
  expected: LookupExpected,
  attempts: number,
  withinMs: number,
  atLeastMs?: number,
  remainingMs?: number,
];

const once = { count: 1 };
const hang = TIMEOUT_MS - 20;

/** The lookup handler retries once, so a fault that fires once is absorbed, and one on every attempt is not. */
const LOOKUP_TABLE: LookupRow[] = [
  // fault                spec                                                     expected                                      attempts  within  at least
  ['latency 100 ms',      { kind: 'latency', latencyMs: 100 },                     success,                                      1,        3_000,  100],
  ['429 Retry-After ×1',  { kind: 'rate-limit', retryAfterSeconds: 1, ...once },   success,                                      2,        4_000,  950],
  ['429 Retry-After',     { kind: 'rate-limit', retryAfterSeconds: 1 },            problem(503, 'UPSTREAM_RATE_LIMITED', '1'),   2,        4_000,  950],
  ['429 ×1',              { kind: 'rate-limit', ...once },                         success,                                      2,        3_000],
  ['429',                 { kind: 'rate-limit' },                                  problem(503, 'UPSTREAM_RATE_LIMITED', '60'),  2,        3_000],
  ['500 ×1',              { kind: 'server-error', ...once },                       success,                                      2,        3_000],
  ['500',                 { kind: 'server-error' },                                problem(502, 'UPSTREAM_ERROR'),               2,        3_000],
  ['502 HTML ×1',         { kind: 'bad-gateway', ...once },                        success,                                      2,        3_000],
  ['502 HTML',            { kind: 'bad-gateway' },                                 problem(502, 'UPSTREAM_ERROR'),               2,        3_000],
  ['503 ×1',              { kind: 'unavailable', retryAfterSeconds: 0, ...once },  success,                                      2,        3_000],
  ['503',                 { kind: 'unavailable', retryAfterSeconds: 0 },           problem(502, 'UPSTREAM_ERROR'),               2,        3_000],
  ['reset ×1',            { kind: 'reset', afterBytes: 100, ...once },             success,                                      2,        3_000],
  ['reset',               { kind: 'reset', afterBytes: 100 },                      problem(502, 'UPSTREAM_ERROR'),               2,        3_000],
  ['truncate ×1',         { kind: 'truncate', afterBytes: 100, ...once },          problem(502, 'UPSTREAM_ERROR'),               1,        3_000],
  ['hang ×1',             { kind: 'hang', ...once },                               success,                                      2,        3_000,  hang],
  ['hang',                { kind: 'hang' },                                        problem(504, 'UPSTREAM_TIMEOUT'),             2,        3_000,  2 * hang],
  // 600 ms of Lambda time minus the 300 ms response margin leave one attempt of 300 ms and no retry.
  ['hang, 600 ms left',   { kind: 'hang' },                                        problem(504, 'UPSTREAM_TIMEOUT'),             1,        600,    undefined,  600],
];

function rigOptions(): LookupRigOptions {
  const signingSecrets = secrets.map((secret) => secret.value);
  return { plexBaseUrl: plex.url, apiKey: apiKey.value, signingSecrets, env: { PLEX_TIMEOUT_MS: String(TIMEOUT_MS) } };
}

/** Builds a lookup of the first part of the default tenant, signed with the second active secret. */
function partLookup(): ReturnType<typeof signedLookupEvent> {
  const part = plex.emulator.dataset.source(TENANTS[0]!, 'parts').record(0) as { number: string };
  const body = { lookup: 'part-by-number', params: { partNumber: part.number } };
  return signedLookupEvent(body, [secrets[1]!.value], Date.now());
}

const LOOKUP_MATRIX = LOOKUP_TABLE.map(([fault, spec, expected, attempts, withinMs, atLeastMs, remainingMs]) => ({
  caller: 'webhook lookup',
  fault,
  spec,
  expected,
  attempts,
  withinMs,
  atLeastMs,
  remainingMs,
}));

describe('Fault matrix: webhook lookup', () => {
  beforeAll(async () => {
    // See the access check's beforeAll: a first lookup without faults warms the emulator up.
    const reply = await invokeLookup(createLookupRig(rigOptions()), partLookup(), leaks);
    expect(reply.status).toBe(200);
    plex.emulator.clearRequests();
  });

  it.each(LOOKUP_MATRIX)('$caller: $fault', async ({ spec, expected, attempts, withinMs, atLeastMs, remainingMs }) => {
    // Prepare
    const rig = createLookupRig(rigOptions());
    const event = partLookup();
    const matching = plex.emulator.dataset.source(TENANTS[0]!, 'parts').count;
    const firedBefore = firedCount(plex.emulator.faultCounts(), spec.kind);
    plex.emulator.addFault({ ...spec, route: 'listParts' });

    // Act
    const startedMs = performance.now();
    const reply = await invokeLookup(rig, event, leaks, lambdaContext(remainingMs ?? 5_000));
    const elapsedMs = performance.now() - startedMs;

    // Assess
    expect(elapsedMs).toBeLessThan(withinMs);
    if (atLeastMs !== undefined) expect(elapsedMs).toBeGreaterThanOrEqual(atLeastMs);
    expect(requestsTo('listParts')).toBe(attempts);
    const fired = firedCount(plex.emulator.faultCounts(), spec.kind) - firedBefore;
    expect(fired).toBe(Math.min(attempts, spec.count ?? attempts));
    expect(problemContractErrors(reply)).toEqual([]);
    expect(describedResponseErrors(reply)).toEqual([]);

    if (expected === success) {
      expect(reply.status).toBe(200);
      expect(reply.body.count).toBeGreaterThanOrEqual(1);
      expect(reply.body.count).toBeLessThanOrEqual(matching);
      return;
    }

    expect(reply.status).toBe(expected.status);
    expect(reply.body.code).toBe(expected.code);
    expect(reply.headers['retry-after']).toBe(expected.retryAfter);
  });
});
