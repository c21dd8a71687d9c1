import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS, startEmulator, TENANTS, type Emulator } from '../../emulator/index.js';
import type { ClientTuning } from '../../functions/access-check/client.js';
import { readAccessCheckConfig } from '../../functions/access-check/config.js';
import { API_PRODUCTS, PROBES } from '../../functions/access-check/probes.js';
import type { AccessCheckReport } from '../../functions/access-check/report.js';
import { RESERVED_TIME_MS, runAccessCheck } from '../../functions/access-check/run.js';
import { freshClock } from './support/access-check.js';

const [, second, third] = TENANTS as [(typeof TENANTS)[0], (typeof TENANTS)[0], (typeof TENANTS)[0]];

/** Short retry waits, so three attempts take milliseconds. */
const FAST_RETRY: ClientTuning = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});

afterEach(() => {
  emulator.clearFaults();
  emulator.clearRequests();
});

afterAll(async () => {
  await emulator.close();
});

async function run(remainingMs: number, extra: Record<string, string> = {}): Promise<AccessCheckReport> {
  const env = {
    PLEX_BASE_URL: emulator.url,
    PLEX_API_KEY: DEMO_KEYS.primary,
    ACCESS_CHECK_TENANT_IDS: second.id,
    ACCESS_CHECK_CUSTOMER_IDS: String(third.pcn),
    ...extra,
  };
  const endsAt = Date.now() + remainingMs;

  return runAccessCheck(readAccessCheckConfig(env), {
    clock: freshClock(),
    remainingTimeMs: () => endsAt - Date.now(),
    clientTuning: FAST_RETRY,
  });
}

/** Checks that every target and product has exactly one row. */
function expectEveryRow(report: AccessCheckReport, targets: number): void {
  expect(report.rows).toHaveLength(targets * API_PRODUCTS.length);
  const cells = new Set(report.rows.map((row) => `${String(row.target.kind)}:${String(row.target.value)}:${row.product}`));
  expect(cells.size).toBe(report.rows.length);
}

function rowsOf(report: AccessCheckReport, product: string) {
  return report.rows.filter((row) => row.product === product);
}

function attemptsOn(operation: string): number {
  return emulator.requests().filter((entry) => entry.operationId === operation).length;
}

describe('Function: runAccessCheck under faults', () => {
  it('reports a persistent 500 as upstream-error after the retries', async () => {
    emulator.addFault({ kind: 'server-error', route: PROBES.scheduling.operation });

    const report = await run(20_000);

    expectEveryRow(report, 3);
    for (const row of rowsOf(report, 'scheduling')) {
      expect(row.status).toBe('upstream-error');
      expect(row.httpStatus).toBe(500);
      expect(row.plexCode).toBe('REQUEST_PROCESSING_ERROR');
    }
    expect(attemptsOn(PROBES.scheduling.operation)).toBe(3 * 3);
    expect(report.summary).toMatchObject({ ok: 12, failed: 3 });
  });

  it('reports an HTML 502 as upstream-error', async () => {
    emulator.addFault({ kind: 'bad-gateway', route: PROBES.inventory.operation });

    const report = await run(20_000);

    for (const row of rowsOf(report, 'inventory')) {
      expect(row.status).toBe('upstream-error');
      expect(row.httpStatus).toBe(502);
    }
  });

  it('retries a short burst of 429 into ok', async () => {
    emulator.addFault({ kind: 'rate-limit', route: PROBES.purchasing.operation, count: 2, retryAfterSeconds: 0 });

    const report = await run(20_000);

    expect(report.summary.failed).toBe(0);
    expect(attemptsOn(PROBES.purchasing.operation)).toBe(3 + 2);
  });

  it('reports a lasting 429 as rate-limited', async () => {
    emulator.addFault({ kind: 'rate-limit', route: PROBES.production.operation });

    const report = await run(20_000);

    expectEveryRow(report, 3);
    for (const row of rowsOf(report, 'production')) {
      expect(row.status).toBe('rate-limited');
      expect(row.httpStatus).toBe(429);
    }
  });

  it('times out a hanging probe within the remaining time', async () => {
    emulator.addFault({ kind: 'hang', route: PROBES.purchasing.operation });
    const remainingMs = RESERVED_TIME_MS + 800;
    const startedAt = Date.now();

    const report = await run(remainingMs);

    expect(Date.now() - startedAt).toBeLessThan(remainingMs);
    expectEveryRow(report, 3);
    for (const row of rowsOf(report, 'purchasing')) {
      expect(row.status).toBe('timeout');
      expect(row.httpStatus).toBeNull();
    }
    expect(report.summary.ok).toBe(12);
  });

  it('gives probes that could not start a timeout row', async () => {
    for (const product of ['mdm', 'production', 'inventory', 'purchasing'] as const) {
      emulator.addFault({ kind: 'hang', route: PROBES[product].operation });
    }
    const remainingMs = RESERVED_TIME_MS + 600;
    const startedAt = Date.now();

    const report = await run(remainingMs);

    expect(Date.now() - startedAt).toBeLessThan(remainingMs);
    expectEveryRow(report, 3);
    for (const row of report.rows) expect(row.status, row.message).toBe('timeout');
    expect(report.rows.some((row) => row.latencyMs === null)).toBe(true);
  });

  it('gives every row the status of a failed tenant list', async () => {
    emulator.addFault({ kind: 'server-error', route: 'listTenants' });

    const report = await run(20_000);

    expectEveryRow(report, 3);
    for (const row of report.rows) {
      expect(row.status).toBe('upstream-error');
      expect(row.message).toMatch(/^Not probed, because the tenant list failed/);
    }
    expect(report.reachableTenants).toBeNull();
  });

  it('falls back to the first tenant when the match fails', async () => {
    emulator.addFault({ kind: 'server-error', route: 'listBuildings' });

    const report = await run(20_000, { ACCESS_CHECK_PRODUCTS: 'production' });

    expect(report.defaultTenant?.determinedBy).toBe('first-listed');
    expect(report.summary.failed).toBe(0);
  });
});

describe('Function: runAccessCheck within a scaled rate limit', () => {
  const WINDOW_MS = 500;
  let limited: Emulator;

  beforeAll(async () => {
    // The key's budget is 8 a window, shared by 2 containers: this run may send 4 a window.
    limited = await startEmulator({ rateLimit: { requests: 4, windowMs: WINDOW_MS } });
  });

  afterAll(async () => {
    await limited.close();
  });

  it('sends no request the emulator rejects with 429', async () => {
    const env = {
      PLEX_BASE_URL: limited.url,
      PLEX_API_KEY: DEMO_KEYS.primary,
      ACCESS_CHECK_TENANT_IDS: second.id,
      PLEX_RATE_LIMIT_PER_MINUTE: '8',
      PLEX_KEY_TOTAL_CONCURRENCY: '2',
    };
    const config = readAccessCheckConfig(env);
    const clientTuning = { ...FAST_RETRY, rateLimitWindowMs: WINDOW_MS, rateLimitSafetyMarginMs: 100 };

    const report = await runAccessCheck(config, { clock: freshClock(), remainingTimeMs: () => 20_000, clientTuning });

    const stats = limited.keyStats(DEMO_KEYS.primary);
    expect(config.requestsPerMinute).toBe(4);
    expect(report.summary.failed).toBe(0);
    expect(stats.requests).toBeGreaterThan(4 * 2);
    expect(stats.rateLimited).toBe(0);
    expect(stats.maxInWindow).toBeLessThanOrEqual(4);
    expect(limited.rateLimitStats().rateLimited).toBe(0);
  });
});
