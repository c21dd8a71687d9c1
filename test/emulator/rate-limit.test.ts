import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, fingerprint, startEmulator, TENANTS, type Emulator, type EmulatorOptions } from '../../emulator/index.js';
import { plexFetch, plexJson, type Row } from './support/http.js';

async function withEmulator(options: EmulatorOptions, run: (emulator: Emulator) => Promise<void>): Promise<void> {
  const emulator = await startEmulator({ validateResponses: true, ...options });
  try {
    await run(emulator);
    expect(emulator.responseMismatches()).toEqual([]);
  } finally {
    await emulator.close();
  }
}

async function send(
  emulator: Emulator,
  count: number,
  path = '/mdm/v1/tenants',
  key: string | null = DEMO_KEYS.primary,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await plexFetch(emulator.url, path, { key });
    await response.arrayBuffer();
    statuses.push(response.status);
  }

  return statuses;
}

describe('rate limit', () => {
  it('rejects the 21st request of 20 per 2 s', async () => {
    await withEmulator({ rateLimit: { requests: 20, windowMs: 2_000 } }, async (emulator) => {
      expect(await send(emulator, 20)).toEqual(Array(20).fill(200));

      const { status, body, response } = await plexJson<Row>(emulator.url, '/mdm/v1/tenants');
      const retryAfter = response.headers.get('retry-after');
      expect(status).toBe(429);
      expect(body.code).toBe('REQUEST_RATE_LIMITED');
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(2);
      expect(emulator.keyStats(DEMO_KEYS.primary)).toEqual({ requests: 21, maxInWindow: 21, rateLimited: 1 });
      expect(emulator.rateLimitStats().rateLimited).toBe(1);
    });
  });

  it('allows requests again after Retry-After', async () => {
    await withEmulator({ rateLimit: { requests: 5, windowMs: 1_000 } }, async (emulator) => {
      expect(await send(emulator, 6)).toEqual([200, 200, 200, 200, 200, 429]);
      const response = await plexFetch(emulator.url, '/mdm/v1/tenants');
      await response.arrayBuffer();
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBe(1);

      await sleep(retryAfter * 1_000 + 50);
      expect(await send(emulator, 1)).toEqual([200]);
    });
  });

  it('counts rejected requests against the key', async () => {
    await withEmulator({ rateLimit: { requests: 5, windowMs: 10_000 } }, async (emulator) => {
      const unreachable = await plexFetch(emulator.url, '/mdm/v1/parts', { key: DEMO_KEYS.mdmOnly, customerId: TENANTS[0]!.pcn });
      const unknownRoute = await send(emulator, 2, '/mdm/v1/widgets', DEMO_KEYS.mdmOnly);
      const invalid = await send(emulator, 2, '/mdm/v1/parts/not-a-uuid', DEMO_KEYS.mdmOnly);
      expect([unreachable.status, ...unknownRoute, ...invalid]).toEqual([401, 404, 404, 400, 400]);
      expect(await send(emulator, 1, '/mdm/v1/tenants', DEMO_KEYS.mdmOnly)).toEqual([429]);
      expect(emulator.keyStats(DEMO_KEYS.mdmOnly).requests).toBe(6);
    });
  });

  it('counts expired keys but not unknown ones', async () => {
    await withEmulator({ rateLimit: { requests: 2, windowMs: 10_000 } }, async (emulator) => {
      expect(await send(emulator, 3, '/mdm/v1/tenants', 'unknown-key')).toEqual([401, 401, 401]);
      expect(await send(emulator, 3, '/mdm/v1/tenants', DEMO_KEYS.expired)).toEqual([401, 401, 401]);
      const stats = emulator.rateLimitStats();
      expect(Object.keys(stats.keys)).toEqual([fingerprint(DEMO_KEYS.expired)]);
      expect(stats.keys[fingerprint(DEMO_KEYS.expired)]?.requests).toBe(3);
    });
  });

  it('keeps a separate budget for each key', async () => {
    await withEmulator({ rateLimit: { requests: 3, windowMs: 10_000 } }, async (emulator) => {
      expect(await send(emulator, 4)).toEqual([200, 200, 200, 429]);
      expect(await send(emulator, 3, '/mdm/v1/tenants', DEMO_KEYS.mdmOnly)).toEqual([200, 200, 200]);
    });
  });

  it('sends 401 before 429 before 400', async () => {
    await withEmulator({ rateLimit: { requests: 1, windowMs: 10_000 } }, async (emulator) => {
      await send(emulator, 1, '/mdm/v1/tenants', DEMO_KEYS.mdmOnly);
      expect(await send(emulator, 1, '/scheduling/v1/jobs', DEMO_KEYS.mdmOnly)).toEqual([401]);
      expect(await send(emulator, 1, '/mdm/v1/parts/not-a-uuid', DEMO_KEYS.mdmOnly)).toEqual([429]);
    });
  });

  it('measures the busiest window with the limit off', async () => {
    await withEmulator({ rateLimit: false }, async (emulator) => {
      expect(new Set(await send(emulator, 30))).toEqual(new Set([200]));
      expect(emulator.keyStats(DEMO_KEYS.primary)).toEqual({ requests: 30, maxInWindow: 30, rateLimited: 0 });
      expect(emulator.rateLimitStats().limit).toBe(false);
    });
  });

  it('reports statistics on the control endpoint', async () => {
    await withEmulator({ rateLimit: { requests: 2, windowMs: 10_000 } }, async (emulator) => {
      await send(emulator, 3);
      const response = await fetch(`${emulator.url}/_emulator/stats`);
      const stats = (await response.json()) as { rateLimit: { keys: Record<string, unknown> } };
      expect(stats.rateLimit.keys[fingerprint(DEMO_KEYS.primary)]).toEqual({ requests: 3, maxInWindow: 3, rateLimited: 1 });
      expect(JSON.stringify(stats)).not.toContain(DEMO_KEYS.primary);
    });
  });
});
