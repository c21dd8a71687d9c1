import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TENANTS } from '../../emulator/index.js';
import type { LookupReply } from '../functions/support/webhook-responses.js';
import { lambdaContext } from '../functions/support/webhook-event.js';
import { useEmulator } from '../emulator/support/emulator.js';
import { useLeakCheck } from './support/leak-check.js';
import { createLookupRig, invokeLookup, problemContractErrors, signedLookupEvent } from './support/lookups.js';
import { ScaledClock } from './support/scaled-clock.js';
import { createSecret, fullAccessKey } from './support/secrets.js';
import { useUnhandledRejectionCheck } from './support/unhandled.js';

// The handler's rate limit window is one minute on its own clock. Its clock runs twice as
// fast as real time, so its minute takes 30 real seconds, and the emulator enforces the
// same budget over a 30-second window. The run lasts past the first window, so the budget
// is spent again as the first requests leave the window.
//
// NOTE: the limiter records when it grants a slot, and the emulator counts when a request
// arrives. Its 250 ms safety margin, 125 ms of real time here, is the largest difference
// between two such delays that keeps the emulator's count within the budget. A stall longer
// than that (garbage collection, a starved CPU) can still let one request too many arrive.

const TIME_FACTOR = 2;
/** Requests per handler minute, the key's whole budget (one container). */
const BUDGET = 100;
const WINDOW_MS = 60_000 / TIME_FACTOR;
const LOOKUPS = 1_000;
/** Lookups in flight at once, like concurrent invocations that share one container's limiter. */
const CONCURRENCY = 4;
/** Real time between the scheduled starts of two lookups: 1,000 lookups take about 32 s. */
const START_INTERVAL_MS = 32;
/** Lambda time of each invocation on the handler's clock, the deployed function's timeout. */
const FUNCTION_TIMEOUT_MS = 10_000;

const apiKey = createSecret('reliability-key');
/** A second key, to warm up connections and code paths without spending the budget under test. */
const warmUpKey = createSecret('reliability-warm-up-key');
const secret = createSecret('reliability-secret');
const leaks = useLeakCheck(() => [apiKey, warmUpKey, secret]);
const plex = useEmulator({
  keys: [fullAccessKey(apiKey.value), fullAccessKey(warmUpKey.value)],
  rateLimit: { requests: BUDGET, windowMs: WINDOW_MS },
  // Checking each body against the description costs CPU time that delays other arrivals.
  validateResponses: false,
  logLevel: 'info',
  logSink: (line) => leaks.add('emulator log', line),
});
useUnhandledRejectionCheck();

interface LookupKey {
  body: { lookup: string; params: Record<string, string> };
  /** Whether the emulator has a record with this value, so the response must be 200, or else 404. */
  known: boolean;
}

/** 150 lookups: 50 badge numbers and 60 part numbers that exist, 40 values that do not. */
function lookupKeys(): LookupKey[] {
  const employees = plex.emulator.dataset.source(TENANTS[0]!, 'employees');
  const parts = plex.emulator.dataset.source(TENANTS[0]!, 'parts');
  const badge = (badgeNumber: string) => ({ lookup: 'employee-by-badge', params: { badgeNumber } });
  const part = (partNumber: string) => ({ lookup: 'part-by-number', params: { partNumber } });
  const keys: LookupKey[] = [];
  for (let index = 0; index < 50; index += 1) {
    keys.push({ body: badge((employees.record(index) as { badgeNumber: string }).badgeNumber), known: true });
  }
  for (let index = 0; index < 60; index += 1) {
    keys.push({ body: part((parts.record(index * 3) as { number: string }).number), known: true });
  }
  for (let index = 0; index < 25; index += 1) keys.push({ body: badge(`NO-BADGE-${index}`), known: false });
  for (let index = 0; index < 15; index += 1) keys.push({ body: part(`NO-PART-${index}`), known: false });

  return keys;
}

interface Served {
  key: LookupKey;
  reply: LookupReply;
  elapsedMs: number;
}

describe('Soak: webhook lookups within the budget', () => {
  afterAll(() => {
    expect(plex.emulator.keyStats(apiKey.value).requests).toBeGreaterThan(0);
  });

  it('serves 1,000 lookups without a 429', async () => {
    // Prepare
    const clock = new ScaledClock(TIME_FACTOR);
    const rig = createLookupRig({
      plexBaseUrl: plex.url,
      apiKey: apiKey.value,
      signingSecrets: [secret.value],
      clock,
      env: {
        PLEX_RATE_LIMIT_PER_MINUTE: String(BUDGET),
        // The handler's own default: a Plex response is reused for 60 s on its clock.
        LOOKUP_CACHE_TTL_MS: undefined,
      },
    });
    const keys = lookupKeys();
    const order = fc.sample(fc.integer({ min: 0, max: keys.length - 1 }), { seed: 4711, numRuns: LOOKUPS });

    const lookup = async (key: LookupKey): Promise<Served> => {
      const event = signedLookupEvent(key.body, [secret.value], clock.now());
      const startedMs = performance.now();
      const reply = await invokeLookup(rig, event, leaks, lambdaContext(FUNCTION_TIMEOUT_MS, () => clock.now()));
      return { key, reply, elapsedMs: performance.now() - startedMs };
    };

    const warmUp = createLookupRig({ plexBaseUrl: plex.url, apiKey: warmUpKey.value, signingSecrets: [secret.value] });
    const warmUpEvents = keys.slice(0, 2 * CONCURRENCY).map((key) => signedLookupEvent(key.body, [secret.value], Date.now()));
    await Promise.all(warmUpEvents.map((event) => invokeLookup(warmUp, event, leaks)));

    // Act
    const served: Served[] = [];
    const startedMs = performance.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < LOOKUPS) {
        const index = next;
        next += 1;
        const dueMs = startedMs + index * START_INTERVAL_MS - performance.now();
        if (dueMs > 0) await delay(dueMs);
        served.push(await lookup(keys[order[index]!]!));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    // Assess
    const stats = plex.emulator.keyStats(apiKey.value);
    const counts = new Map<number, number>();
    for (const { reply } of served) counts.set(reply.status, (counts.get(reply.status) ?? 0) + 1);
    const summary = [...counts].map(([status, count]) => `${count} × ${status}`).join(', ');
    console.info(`Soak: ${summary}. The emulator counted ${stats.requests} requests, at most ${stats.maxInWindow} in a window.`);
    expect(stats.rateLimited).toBe(0);
    expect(stats.maxInWindow).toBeLessThanOrEqual(BUDGET);
    // The budget bound the run: it was used up, and more than one window's worth was sent.
    expect(stats.maxInWindow).toBeGreaterThanOrEqual(BUDGET * 0.8);
    expect(stats.requests).toBeGreaterThan(BUDGET);
    expect(plex.emulator.keyStats(warmUpKey.value).requests).toBe(2 * CONCURRENCY);

    expect(served).toHaveLength(LOOKUPS);
    const statuses = new Set(served.map(({ reply }) => reply.status));
    expect([...statuses].filter((status) => ![200, 404, 503].includes(status))).toEqual([]);
    expect(statuses.has(503)).toBe(true);
    for (const { key, reply, elapsedMs } of served) {
      expect(problemContractErrors(reply)).toEqual([]);
      expect(elapsedMs).toBeLessThan(FUNCTION_TIMEOUT_MS / TIME_FACTOR);
      if (reply.status === 503) {
        expect(reply.body.code).toBe('UPSTREAM_RATE_LIMITED');
        expect(reply.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
      } else {
        expect(reply.status).toBe(key.known ? 200 : 404);
      }
    }
  });
});
