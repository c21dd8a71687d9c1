import { beforeEach, describe, expect, it } from 'vitest';
import { JumpingClock } from './support/webhook-clock.js';
import { lambdaContext } from './support/webhook-event.js';
import { invoke, signedEvent, useWebhookHarness } from './support/webhook-harness.js';
import { describedResponseErrors } from './support/webhook-responses.js';

const harness = useWebhookHarness();

const BADGE = { lookup: 'employee-by-badge', params: { badgeNumber: '004711' } };
const byLastName = (lastName: string) => ({ lookup: 'employee-by-last-name', params: { lastName } });

/** One request a minute for the container: 4 a minute shared by a total reserved concurrency of 4. */
const ONE_PER_MINUTE = { PLEX_RATE_LIMIT_PER_MINUTE: '4', PLEX_KEY_TOTAL_CONCURRENCY: '4' };

/** Lets pending lookups run up to their next wait: the limiter, a timer or the network. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('Handler: webhook bursts', () => {
  beforeEach(() => {
    harness.plex.emulator.clearRequests();
  });

  it('shares one Plex request between 50 identical lookups', async () => {
    // Prepare
    const handler = harness.createHandler();

    // Act
    const burst = await Promise.all(Array.from({ length: 50 }, () => invoke(handler, signedEvent(BADGE))));
    const repeat = await Promise.all(Array.from({ length: 50 }, () => invoke(handler, signedEvent(BADGE))));

    // Assess
    for (const reply of [...burst, ...repeat]) {
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(burst[0]!.body);
    }
    expect(harness.plex.emulator.requests()).toHaveLength(1);
  });

  it('asks Plex again once the cache entry expires', async () => {
    const clock = new JumpingClock();
    const handler = harness.createHandler({ clock, env: { LOOKUP_CACHE_TTL_MS: '5000' } });
    await invoke(handler, signedEvent(BADGE));

    clock.advance(5_001);
    const reply = await invoke(handler, signedEvent(BADGE, { nowMs: clock.now() }), lambdaContext(10_000, () => clock.now()));

    expect(reply.status).toBe(200);
    expect(harness.plex.emulator.requests()).toHaveLength(2);
  });

  it('asks Plex every time with the cache off', async () => {
    const handler = harness.createHandler({ env: { LOOKUP_CACHE_TTL_MS: '0' } });

    for (let round = 0; round < 3; round += 1) await invoke(handler, signedEvent(BADGE));

    expect(harness.plex.emulator.requests()).toHaveLength(3);
  });

  it('returns 503 when the limiter share is spent within the remaining time', async () => {
    // Prepare
    const handler = harness.createHandler({ env: ONE_PER_MINUTE });
    const first = await invoke(handler, signedEvent(byLastName('Nomatch-One')));

    // Act
    const spent = await invoke(handler, signedEvent(byLastName('Nomatch-Two')));
    const cached = await invoke(handler, signedEvent(byLastName('Nomatch-One')));

    // Assess
    expect(first.body.code).toBe('NO_MATCH');
    expect(spent.status).toBe(503);
    expect(spent.body.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(spent.body.detail).toMatch(/share of the Plex request budget/);
    expect(Number(spent.headers['retry-after'])).toBeGreaterThanOrEqual(55);
    expect(describedResponseErrors(spent)).toEqual([]);
    // A cached response needs no slot.
    expect(cached.body.code).toBe('NO_MATCH');
    expect(harness.plex.emulator.requests()).toHaveLength(1);
  });

  it('returns 429 beyond the waiting-queue limit', async () => {
    // Prepare: one slot a minute, two lookups may wait, and ten minutes left to wait in.
    const clock = new JumpingClock();
    const handler = harness.createHandler({ clock, env: { ...ONE_PER_MINUTE, LOOKUP_MAX_WAITING: '2' } });
    const send = (lastName: string) =>
      invoke(handler, signedEvent(byLastName(lastName), { nowMs: clock.now() }), lambdaContext(600_000, () => clock.now()));
    const first = await send('Nomatch-A');
    const waiting = [send('Nomatch-B'), send('Nomatch-C')];
    await settle();

    // Act
    const rejected = await send('Nomatch-D');

    // Assess
    expect(first.status).toBe(404);
    expect(rejected.status).toBe(429);
    expect(rejected.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(rejected.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(describedResponseErrors(rejected)).toEqual([]);
    expect(harness.plex.emulator.requests()).toHaveLength(1);

    // The waiting lookups get their slots a minute apart.
    for (const pending of waiting) {
      clock.advance(61_000);
      expect((await pending).status).toBe(404);
    }
    expect(harness.plex.emulator.requests()).toHaveLength(3);
  });
});
