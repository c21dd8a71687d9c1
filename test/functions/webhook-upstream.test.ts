import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_KEYS, type FaultSpec, TENANTS } from '../../emulator/index.js';
import { JumpingClock } from './support/webhook-clock.js';
import { lambdaContext } from './support/webhook-event.js';
import { ALLOWED_PCN_TENANT, invoke, signedEvent, useWebhookHarness } from './support/webhook-harness.js';
import { type LookupReply, describedResponseErrors } from './support/webhook-responses.js';

const harness = useWebhookHarness();

const BADGE = { lookup: 'employee-by-badge', params: { badgeNumber: '004711' } };
const KEY_PARAMETER = '/plex-connect/test/upstream-api-key';

/** Checks what every upstream failure response must be: described, and never a 500. */
function expectProblem(reply: LookupReply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  expect(reply.body.code).toBe(code);
  expect(describedResponseErrors(reply)).toEqual([]);
}

function keyReads(): number {
  return harness.ssm.reads.filter((name) => name === KEY_PARAMETER).length;
}

describe('Handler: webhook upstream failures', () => {
  beforeEach(() => {
    harness.plex.emulator.clearRequests();
  });

  afterEach(() => {
    harness.plex.emulator.clearFaults();
  });

  it('returns 404 NO_MATCH for an empty list', async () => {
    const reply = await invoke(harness.createHandler(), signedEvent({ lookup: 'employee-by-badge', params: { badgeNumber: 'NO-SUCH-BADGE' } }));

    expectProblem(reply, 404, 'NO_MATCH');
    expect(reply.body.detail).toBe('No employee has badge number "NO-SUCH-BADGE".');
  });

  it('returns 404 NO_MATCH for an unknown container', async () => {
    const body = { lookup: 'container-by-serial-no', params: { serialNo: 'S9999999' }, customerId: ALLOWED_PCN_TENANT.pcn };

    const reply = await invoke(harness.createHandler(), signedEvent(body));

    expectProblem(reply, 404, 'NO_MATCH');
    expect(reply.body.detail).toBe(`No active container has serial number "S9999999" in tenant pcn:${ALLOWED_PCN_TENANT.pcn}.`);
  });

  it('returns 502 UPSTREAM_AUTH_FAILED for an expired key', async () => {
    const handler = harness.createHandler({ env: { PLEX_API_KEY: DEMO_KEYS.expired } });

    const reply = await invoke(handler, signedEvent(BADGE));

    expectProblem(reply, 502, 'UPSTREAM_AUTH_FAILED');
    expect(reply.body.detail).toMatch(/\(401 REQUEST_NOT_AUTHENTICATED\)/);
    expect(harness.plex.emulator.requests()).toHaveLength(1);
  });

  it('returns 502 UPSTREAM_AUTH_FAILED for an unsubscribed product', async () => {
    const handler = harness.createHandler({ env: { PLEX_API_KEY: DEMO_KEYS.mdmOnly } });

    const reply = await invoke(handler, signedEvent({ lookup: 'workcenter-by-code', params: { workcenterCode: 'CNC-07' } }));

    expectProblem(reply, 502, 'UPSTREAM_AUTH_FAILED');
  });

  it('returns 502 UPSTREAM_AUTH_FAILED for a tenant the key cannot reach', async () => {
    const handler = harness.createHandler({ env: { PLEX_API_KEY: DEMO_KEYS.mdmOnly } });

    const reply = await invoke(handler, signedEvent({ ...BADGE, customerId: ALLOWED_PCN_TENANT.pcn }));

    expectProblem(reply, 502, 'UPSTREAM_AUTH_FAILED');
    expect(reply.body.detail).toContain(`for pcn:${ALLOWED_PCN_TENANT.pcn}`);
  });

  it('re-reads a rejected key from SSM once', async () => {
    // Prepare
    harness.ssm.parameters.set(KEY_PARAMETER, DEMO_KEYS.expired);
    const env = { PLEX_API_KEY: undefined, PLEX_API_KEY_PARAMETER: KEY_PARAMETER };
    const handler = harness.createHandler({ env });
    const readsBefore = keyReads();

    // Act
    const first = await invoke(handler, signedEvent(BADGE));
    const second = await invoke(handler, signedEvent(BADGE));

    // Assess
    expectProblem(first, 502, 'UPSTREAM_AUTH_FAILED');
    expectProblem(second, 502, 'UPSTREAM_AUTH_FAILED');
    // One read on first use, one re-read after the first 401, none after the second within a minute.
    expect(keyReads() - readsBefore).toBe(2);
    expect(harness.plex.emulator.requests()).toHaveLength(2);
  });

  it('retries with a key rotated in SSM', async () => {
    // Prepare
    harness.ssm.parameters.set(KEY_PARAMETER, DEMO_KEYS.expired);
    const clock = new JumpingClock();
    const handler = harness.createHandler({ env: { PLEX_API_KEY: undefined, PLEX_API_KEY_PARAMETER: KEY_PARAMETER }, clock });
    const rejected = await invoke(handler, signedEvent(BADGE), lambdaContext(10_000, () => clock.now()));
    harness.ssm.parameters.set(KEY_PARAMETER, DEMO_KEYS.primary);
    clock.advance(61_000);
    harness.plex.emulator.clearRequests();

    // Act
    const reply = await invoke(handler, signedEvent(BADGE, { nowMs: clock.now() }), lambdaContext(10_000, () => clock.now()));

    // Assess
    expectProblem(rejected, 502, 'UPSTREAM_AUTH_FAILED');
    expect(reply.status).toBe(200);
    expect(harness.plex.emulator.requests().map((entry) => entry.status)).toEqual([401, 200]);
  });

  it('returns 503 with Retry-After for a Plex 429', async () => {
    // Prepare
    harness.plex.emulator.addFault({ kind: 'rate-limit', route: 'listEmployees', retryAfterSeconds: 30 });
    const handler = harness.createHandler();

    // Act
    const reply = await invoke(handler, signedEvent(BADGE));
    const next = await invoke(handler, signedEvent({ lookup: 'supplier-by-code', params: { supplierCode: 'ACME' } }));

    // Assess
    expectProblem(reply, 503, 'UPSTREAM_RATE_LIMITED');
    expect(reply.headers['retry-after']).toBe('30');
    // The 429 paused the container's limiter, so the next lookup fails without a Plex request.
    expectProblem(next, 503, 'UPSTREAM_RATE_LIMITED');
    expect(Number(next.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(harness.plex.emulator.requests()).toHaveLength(1);
  });

  it('returns 503 with a fallback Retry-After for a 429 without one', async () => {
    harness.plex.emulator.addFault({ kind: 'rate-limit', route: 'listEmployees' });

    const reply = await invoke(harness.createHandler(), signedEvent(BADGE));

    expectProblem(reply, 503, 'UPSTREAM_RATE_LIMITED');
    expect(reply.headers['retry-after']).toBe('60');
  });

  it('returns 504 UPSTREAM_TIMEOUT within a short remaining time', async () => {
    harness.plex.emulator.addFault({ kind: 'hang', route: 'listEmployees' });
    const startedMs = Date.now();

    const reply = await invoke(harness.createHandler(), signedEvent(BADGE), lambdaContext(1_500));

    expectProblem(reply, 504, 'UPSTREAM_TIMEOUT');
    expect(Date.now() - startedMs).toBeLessThan(1_500);
  });

  it('returns 504 after the configured Plex timeout', async () => {
    harness.plex.emulator.addFault({ kind: 'latency', route: 'listEmployees', latencyMs: 2_000 });
    const handler = harness.createHandler({ env: { PLEX_TIMEOUT_MS: '300' } });

    const reply = await invoke(handler, signedEvent(BADGE), lambdaContext(900));

    expectProblem(reply, 504, 'UPSTREAM_TIMEOUT');
  });

  it.each<[string, FaultSpec]>([
    ['a 500 with a Plex error body', { kind: 'server-error', route: 'listEmployees' }],
    ['a 502 HTML page', { kind: 'bad-gateway', route: 'listEmployees' }],
    ['a 503 with a long Retry-After', { kind: 'unavailable', route: 'listEmployees', retryAfterSeconds: 30 }],
    ['a connection reset', { kind: 'reset', route: 'listEmployees', afterBytes: 10 }],
    ['a truncated body', { kind: 'truncate', route: 'listEmployees', afterBytes: 10 }],
  ])('returns 502 UPSTREAM_ERROR for %s', async (_name, fault) => {
    harness.plex.emulator.addFault(fault);

    const reply = await invoke(harness.createHandler(), signedEvent(BADGE));

    expectProblem(reply, 502, 'UPSTREAM_ERROR');
  });

  it('retries a 500 once', async () => {
    harness.plex.emulator.addFault({ kind: 'server-error', route: 'listEmployees', count: 1 });

    const reply = await invoke(harness.createHandler(), signedEvent(BADGE));

    expect(reply.status).toBe(200);
    expect(harness.plex.emulator.requests().map((entry) => entry.status)).toEqual([500, 200]);
  });

  it('names the default tenant nowhere in an auth failure', async () => {
    const handler = harness.createHandler({ env: { PLEX_API_KEY: DEMO_KEYS.expired } });

    const reply = await invoke(handler, signedEvent({ lookup: 'part-by-number', params: { partNumber: TENANTS[0]!.code } }));

    expect(reply.body.detail).not.toContain(' for ');
  });
});
