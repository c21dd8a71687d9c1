import { describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../emulator/index.js';
import { lambdaContext } from './support/webhook-event.js';
import { SECRETS, invoke, signedEvent, useWebhookHarness } from './support/webhook-harness.js';
import { capturingLogger } from './support/webhook-logs.js';

const harness = useWebhookHarness();

const BADGE = { lookup: 'employee-by-badge', params: { badgeNumber: '004711' } };

describe('Handler: webhook log lines', () => {
  it('writes one line per request with the documented fields', async () => {
    // Prepare
    const { logger, formatter } = capturingLogger();
    const handler = harness.createHandler({ logger });
    const context = lambdaContext();

    // Act
    const reply = await invoke(handler, signedEvent(BADGE), context);

    // Assess
    expect(reply.status).toBe(200);
    expect(formatter.entries()).toHaveLength(1);
    expect(formatter.entries()[0]).toMatchObject({
      level: 'INFO',
      message: 'Lookup handled',
      request_id: context.awsRequestId,
      lookup: 'employee-by-badge',
      tenant: 'default',
      status: 200,
      cache_hit: false,
      plex_requests: 1,
    });
    expect(formatter.entries()[0]!['duration_ms']).toEqual(expect.any(Number));
  });

  it('marks the lookups that shared a request as cache hits', async () => {
    const { logger, formatter } = capturingLogger();
    const handler = harness.createHandler({ logger });

    await Promise.all([1, 2, 3].map(() => invoke(handler, signedEvent(BADGE))));

    const hits = formatter.entries().map((entry) => entry['cache_hit']);
    expect(hits.filter((hit) => hit === true)).toHaveLength(2);
    expect(hits.filter((hit) => hit === false)).toHaveLength(1);
  });

  it('logs the code of a rejected request', async () => {
    const { logger, formatter } = capturingLogger();

    await invoke(harness.createHandler({ logger }), signedEvent(BADGE, { secrets: ['whsec-wrong'] }));

    expect(formatter.entries()[0]).toMatchObject({ status: 401, code: 'SIGNATURE_INVALID' });
    expect(formatter.entries()[0]).not.toHaveProperty('cache_hit');
  });

  it('logs the Plex failure and the rejected key by fingerprint', async () => {
    const { logger, formatter } = capturingLogger();

    await invoke(harness.createHandler({ logger, env: { PLEX_API_KEY: DEMO_KEYS.expired } }), signedEvent(BADGE));

    expect(formatter.entries()[0]).toMatchObject({
      level: 'WARN',
      status: 502,
      code: 'UPSTREAM_AUTH_FAILED',
      upstream: { kind: 'not-authenticated', status: 401, code: 'REQUEST_NOT_AUTHENTICATED' },
      api_key: expect.stringMatching(/^sha256:[0-9a-f]{8}$/),
    });
  });

  it('never logs the key, a secret, the signature or the body', async () => {
    // Prepare: debug level, so the client's own lines are captured too.
    const { logger, formatter } = capturingLogger('DEBUG');
    const rotating = { LOOKUP_SIGNING_SECRETS: SECRETS.join(',') };
    const handler = harness.createHandler({ logger, env: rotating });
    const expired = harness.createHandler({ logger, env: { ...rotating, PLEX_API_KEY: DEMO_KEYS.expired } });
    const events = [
      signedEvent(BADGE, { secrets: SECRETS }),
      signedEvent({ lookup: 'part-by-number', params: { partNumber: 'x'.repeat(101) } }),
      signedEvent(BADGE, { secrets: ['whsec-wrong'] }),
      signedEvent('{"lookup":'),
    ];

    // Act
    for (const event of events) await invoke(handler, event);
    const rejected = signedEvent(BADGE, { secrets: [SECRETS[1]] });
    await invoke(expired, rejected);

    // Assess
    const output = formatter.lines.join('\n');
    expect(formatter.lines.length).toBeGreaterThan(events.length);
    for (const secret of [DEMO_KEYS.primary, DEMO_KEYS.expired, ...SECRETS]) expect(output).not.toContain(secret);
    for (const event of [...events, rejected]) {
      expect(output).not.toContain(event.headers['x-lookup-signature']!.slice(3));
      expect(output).not.toContain(event.body);
    }
  });
});
