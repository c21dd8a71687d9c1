import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlexRateLimitError, RateLimiter } from '../../client/index.js';
import { TEST_KEY, testClient } from './support/client.js';
import { json } from './support/scripted-fetch.js';
import { VirtualClock } from './support/virtual-clock.js';

const OK = json(200, []);

/** Starts `count` acquires at once and returns the clock time of each grant, in grant order. */
async function grantTimes(limiter: RateLimiter, clock: VirtualClock, count: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: count }, () => limiter.acquire().then(() => times.push(clock.now()))));
  return times;
}

/** Returns the largest number of grants that fall in any window [t − windowMs, t] ending at a grant. */
function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while (times[start]! <= times[end]! - windowMs) {
      start += 1;
    }
    max = Math.max(max, end - start + 1);
  }
  return max;
}

describe('Class: RateLimiter', () => {
  it('never exceeds 200 in any minute', async () => {
    // Prepare
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock });

    // Act
    const times = await grantTimes(limiter, clock, 1_000);

    // Assess: the server counts arrivals in a rolling 60 s window, inclusive at both ends.
    expect(times).toHaveLength(1_000);
    expect(maxInAnyWindow(times, 60_000)).toBe(200);
    for (let index = 200; index < times.length; index += 1) {
      expect(times[index]! - times[index - 200]!).toBeGreaterThanOrEqual(60_250);
    }
  });

  it('uses at least 95% of the budget under saturation', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock });
    const start = clock.now();

    const times = await grantTimes(limiter, clock, 2_000);

    // After the first full budget, every further grant waits for the window to move on.
    const perMinute = ((times.length - 200) / (times.at(-1)! - start)) * 60_000;
    expect(perMinute).toBeGreaterThanOrEqual(0.95 * 200);
    expect(perMinute).toBeLessThanOrEqual(200);
  });

  it('keeps any arrival pattern within budget and in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 50, max: 5_000 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }),
        async (limit, windowMs, gaps) => {
          const clock = new VirtualClock();
          const limiter = new RateLimiter({ requestsPerMinute: limit, windowMs, clock });
          const granted: { index: number; at: number }[] = [];
          const pending: Promise<void>[] = [];
          for (const [index, gap] of gaps.entries()) {
            await clock.sleep(gap);
            pending.push(limiter.acquire().then(() => void granted.push({ index, at: clock.now() })));
          }
          await Promise.all(pending);

          expect(granted.map((grant) => grant.index)).toEqual(gaps.map((_, index) => index));
          expect(maxInAnyWindow(granted.map((grant) => grant.at), windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('scales to a short window for tests', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 20, windowMs: 2_000, clock });
    const start = clock.now();

    const times = await grantTimes(limiter, clock, 200);

    // The default margin is a tenth of so short a window: 2,000 / 2,200 of the budget.
    expect(limiter.safetyMarginMs).toBe(200);
    expect(maxInAnyWindow(times, 2_000)).toBe(20);
    expect(((times.length - 20) / (times.at(-1)! - start)) * 2_000).toBeGreaterThanOrEqual(0.9 * 20);
  });

  it('grants slots in arrival order', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 3, windowMs: 1_000, clock });
    const order: number[] = [];

    const early = Array.from({ length: 8 }, (_, index) => limiter.acquire().then(() => order.push(index)));
    await clock.sleep(1_500);
    const late = limiter.acquire().then(() => order.push(8));
    await Promise.all([...early, late]);

    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('fails fast when the deadline falls before the slot', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 2, windowMs: 1_000, safetyMarginMs: 0, clock });
    await limiter.acquire();
    await limiter.acquire();

    const error = await limiter.acquire({ deadline: clock.now() + 500 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PlexRateLimitError);
    expect((error as PlexRateLimitError).retryAfterMs).toBe(1_000);
    expect(limiter.estimateWaitMs()).toBe(1_000);
    expect(limiter.pending).toBe(0);
  });

  it('waits when the deadline falls after the slot', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 1, windowMs: 1_000, safetyMarginMs: 0, clock });
    const start = clock.now();
    await limiter.acquire();

    await limiter.acquire({ deadline: start + 1_500 });

    expect(clock.now()).toBe(start + 1_000);
  });

  it('removes an aborted waiter and moves the next one up', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 1, windowMs: 1_000, safetyMarginMs: 0, clock });
    const start = clock.now();
    await limiter.acquire();
    const controller = new AbortController();

    const aborted = limiter.acquire({ signal: controller.signal });
    const next = limiter.acquire();
    controller.abort(new Error('cancelled'));

    await expect(aborted).rejects.toThrow('cancelled');
    await next;
    expect(clock.now()).toBe(start + 1_000);
  });

  it('holds every grant until pauseUntil', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock });
    const start = clock.now();

    limiter.pauseUntil(start + 5_000);
    await limiter.acquire();

    expect(clock.now()).toBe(start + 5_000);
  });
});

describe('Function: createPlexClient', () => {
  describe('rate limit', () => {
    it('shares one limiter between clients with the same key', async () => {
      // Prepare
      const clock = new VirtualClock();
      const rateLimit = { requestsPerMinute: 2, windowMs: 1_000, safetyMarginMs: 0 };
      const first = testClient([], { clock, rateLimit }, OK);
      const second = testClient([], { clock, rateLimit }, OK);
      const otherKey = testClient([], { clock, rateLimit, apiKey: `${TEST_KEY}-other` }, OK);
      const start = clock.now();

      // Act
      await Promise.all([
        first.client.GET('/mdm/v1/parts'),
        second.client.GET('/mdm/v1/parts'),
        first.client.withTenant(79870).GET('/mdm/v1/parts'),
        otherKey.client.GET('/mdm/v1/parts'),
      ]);

      // Assess
      expect(second.client.rateLimiter).toBe(first.client.rateLimiter);
      expect(otherKey.client.rateLimiter).not.toBe(first.client.rateLimiter);
      const sameKeyTimes = [...first.server.requests, ...second.server.requests].map((request) => request.at - start).sort((a, b) => a - b);
      expect(sameKeyTimes).toEqual([0, 0, 1_000]);
      expect(otherKey.server.requests[0]?.at).toBe(start);
    });

    it('sends retries through the limiter', async () => {
      const clock = new VirtualClock();
      const unavailable = json(503, { code: 'X', message: 'Busy.' });
      const { client, server } = testClient([unavailable, unavailable, OK], {
        clock,
        rateLimit: { requestsPerMinute: 2, windowMs: 10_000, safetyMarginMs: 0 },
      });
      const start = clock.now();

      await client.GET('/mdm/v1/parts');

      expect(server.requests.map((request) => request.at - start)).toEqual([0, 250, 10_000]);
    });

    it('fails fast with rate-limited when the deadline cannot be met', async () => {
      const clock = new VirtualClock();
      const { client, server } = testClient([], { clock, rateLimit: { requestsPerMinute: 1, windowMs: 60_000 } }, OK);
      await client.GET('/mdm/v1/parts');

      const { error } = await client.GET('/mdm/v1/parts', { deadline: clock.now() + 5_000 });

      expect(error?.kind).toBe('rate-limited');
      expect(error?.status).toBeUndefined();
      expect(error?.retryAfterMs).toBe(60_250);
      expect(error?.attempts).toBe(0);
      expect(server.requests).toHaveLength(1);
    });

    it('holds calls with the same key after a 429 with Retry-After', async () => {
      const clock = new VirtualClock();
      const rateLimited = json(429, { code: 'REQUEST_RATE_LIMITED', message: 'Slow down.' }, { 'retry-after': '5' });
      const first = testClient([rateLimited, OK], { clock, rateLimit: {} });
      const second = testClient([], { clock, rateLimit: {} }, OK);
      const start = clock.now();

      const retried = first.client.GET('/mdm/v1/parts');
      await clock.sleep(100);
      await second.client.GET('/mdm/v1/parts');
      await retried;

      expect(second.server.requests[0]?.at).toBe(start + 5_000);
      expect(first.server.requests.map((request) => request.at - start)).toEqual([0, 5_000]);
    });
  });
});
