import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS, startEmulator, TENANTS, type Emulator } from '../../emulator/index.js';
import { createAccessCheckHandler, type AccessCheckHandlerDeps } from '../../functions/access-check/handler.js';
import { API_PRODUCTS } from '../../functions/access-check/probes.js';
import { FunctionConfigError } from '../../functions/shared/config-error.js';
import { type FakeSsm, startFakeSsm } from '../support/ssm-server.js';
import { CapturingLogger, freshClock, lambdaContext, scheduledEvent } from './support/access-check.js';

// The SDK must never look for credentials outside the test: they are passed explicitly.
process.env.AWS_EC2_METADATA_DISABLED = 'true';

const [first, second, third] = TENANTS as [(typeof TENANTS)[0], (typeof TENANTS)[0], (typeof TENANTS)[0]];

/** An unknown key with characters that URL encoding changes. */
const ODD_KEY = 'odd+key/with=chars&more';

interface EmfDocument {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [field: string]: unknown;
}

let emulator: Emulator;
let ssm: FakeSsm;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
  ssm = await startFakeSsm();
});

afterAll(async () => {
  await emulator.close();
  await ssm.close();
});

/** Creates a handler whose logs and EMF documents the test can read. */
function capturedHandler(env: Record<string, string | undefined>, extra: Partial<AccessCheckHandlerDeps> = {}) {
  const logger = new CapturingLogger({ serviceName: 'plex-connect-test' });
  const emf: string[] = [];
  const handler = createAccessCheckHandler({
    env: { PLEX_BASE_URL: emulator.url, ...env },
    ssmClientConfig: ssm.clientConfig,
    clock: freshClock(),
    logger,
    writeMetrics: (line) => emf.push(line),
    ...extra,
  });

  return { handler, logger, emf, documents: () => emf.map((line) => JSON.parse(line) as EmfDocument) };
}

function metricNames(document: EmfDocument): string[] {
  return document._aws.CloudWatchMetrics[0]!.Metrics.map((metric) => metric.Name);
}

describe('Function: createAccessCheckHandler', () => {
  it('runs on a scheduled event and logs one report line', async () => {
    ssm.parameters.set('/plex-connect/test/handler-key', DEMO_KEYS.primary);
    const { handler, logger } = capturedHandler({
      PLEX_API_KEY_PARAMETER: '/plex-connect/test/handler-key',
      ACCESS_CHECK_TENANT_IDS: second.id,
      ACCESS_CHECK_CUSTOMER_IDS: String(third.pcn),
      ACCESS_CHECK_SCHEDULE: 'rate(1 hour)',
    });
    const event = scheduledEvent();

    const report = await handler(event, lambdaContext(30_000));

    expect(report.summary).toMatchObject({ probes: 3 * API_PRODUCTS.length, failed: 0 });
    expect(report.defaultTenant?.id).toBe(first.id);
    const lines = logger.entries().filter((entry) => entry.message === 'access check report');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.report).toEqual(report);
    expect(lines[0]!.scheduled_time).toBe(event.time);
    expect(lines[0]!.service).toBe('plex-connect-test');
    expect(lines[0]!.function_request_id).toBe('c6af9ac6-7b61-11e6-9a41-93e812345678');
  });

  it('accepts an invocation without an event', async () => {
    const { handler } = capturedHandler({ PLEX_API_KEY: DEMO_KEYS.primary, ACCESS_CHECK_PRODUCTS: 'mdm' });

    const report = await handler(undefined, lambdaContext(30_000));

    expect(report.summary).toMatchObject({ probes: 1, ok: 1 });
  });

  it('writes the metrics in embedded metric format', async () => {
    const { handler, documents } = capturedHandler({
      PLEX_API_KEY: DEMO_KEYS.mdmOnly,
      ACCESS_CHECK_PRODUCTS: 'mdm,scheduling',
      PLEX_KEY_EXPIRES_AT: new Date(Date.now() + 3.5 * 86_400_000).toISOString(),
    });

    await handler(scheduledEvent(), lambdaContext(30_000));

    const [failure, summary, ...rest] = documents();
    expect(rest).toEqual([]);
    expect(failure!._aws.CloudWatchMetrics[0]!.Namespace).toBe('PlexConnect');
    expect(failure!._aws.CloudWatchMetrics[0]!.Dimensions[0]).toEqual(['service', 'target', 'product']);
    expect(failure).toMatchObject({ service: 'plex-connect', target: 'default', product: 'scheduling', ProbeFailures: 1 });
    expect(summary!._aws.CloudWatchMetrics[0]!.Dimensions[0]).toEqual(['service']);
    expect(metricNames(summary!).sort()).toEqual(['KeyDaysUntilExpiry', 'ProbeCount', 'ProbeFailures', 'ProbeLatency']);
    expect(summary).toMatchObject({ ProbeCount: 2, ProbeFailures: 1, KeyDaysUntilExpiry: 3 });
    expect(summary!.ProbeLatency).toHaveLength(2);
  });

  it('takes the namespace and service from the environment', async () => {
    const { handler, documents } = capturedHandler({
      PLEX_API_KEY: DEMO_KEYS.primary,
      ACCESS_CHECK_PRODUCTS: 'mdm',
      POWERTOOLS_METRICS_NAMESPACE: 'PlexConnectTest',
      POWERTOOLS_SERVICE_NAME: 'access-check-test',
    });

    await handler(scheduledEvent(), lambdaContext(30_000));

    const [summary] = documents();
    expect(summary!._aws.CloudWatchMetrics[0]!.Namespace).toBe('PlexConnectTest');
    expect(summary!.service).toBe('access-check-test');
    expect(summary).not.toHaveProperty('KeyDaysUntilExpiry');
  });

  it('warns before the key expires', async () => {
    const expiresAt = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();
    const { handler, logger } = capturedHandler({
      PLEX_API_KEY: DEMO_KEYS.primary,
      ACCESS_CHECK_PRODUCTS: 'mdm',
      PLEX_KEY_EXPIRES_AT: expiresAt,
    });

    const report = await handler(scheduledEvent(), lambdaContext(30_000));

    const warning = logger.entries().find((entry) => entry.level === 'WARN');
    expect(report.keyExpiry).toEqual({ expiresAt, daysLeft: 2 });
    expect(warning).toMatchObject({ message: expect.stringMatching(/expires soon/), days_left: 2 });
  });

  it('keeps the key out of the report, logs and metrics', async () => {
    ssm.parameters.set('/plex-connect/test/odd-key', ODD_KEY);
    const { handler, logger, emf } = capturedHandler({
      PLEX_API_KEY_PARAMETER: '/plex-connect/test/odd-key',
      ACCESS_CHECK_TENANT_IDS: second.id,
    });

    const report = await handler(scheduledEvent(), lambdaContext(30_000));

    expect(report.rows.every((row) => row.status === 'key-rejected')).toBe(true);
    const outputs = [JSON.stringify(report), ...logger.lines, ...emf];
    for (const output of outputs) {
      expect(output).not.toContain(ODD_KEY);
      expect(output).not.toContain(encodeURIComponent(ODD_KEY));
    }
    expect(emf.filter((line) => /"ProbeFailures":1[,}]/.test(line))).toHaveLength(2 * API_PRODUCTS.length);
  });

  it('fails loudly on an invalid configuration, on every invocation', async () => {
    const { handler, logger } = capturedHandler({ PLEX_API_KEY: DEMO_KEYS.primary, ACCESS_CHECK_PRODUCTS: 'mdm,quality' });

    await expect(handler(scheduledEvent(), lambdaContext(30_000))).rejects.toThrow(FunctionConfigError);
    await expect(handler(scheduledEvent(), lambdaContext(30_000))).rejects.toThrow(/ACCESS_CHECK_PRODUCTS: "quality"/);
    const errors = logger.entries().filter((entry) => entry.level === 'ERROR');
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors[0])).toContain('ACCESS_CHECK_PRODUCTS');
  });

  it('fails loudly on a missing key parameter', async () => {
    const { handler, logger, emf } = capturedHandler({ PLEX_API_KEY_PARAMETER: '/plex-connect/test/missing-key' });

    await expect(handler(scheduledEvent(), lambdaContext(30_000))).rejects.toThrow(/missing-key/);
    const errors = logger.entries().filter((entry) => entry.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('Access check failed before its report was complete');
    expect(emf).toEqual([]);
  });

  it('reads the configuration once per container', async () => {
    const env: Record<string, string> = { PLEX_BASE_URL: emulator.url, PLEX_API_KEY: DEMO_KEYS.primary, ACCESS_CHECK_PRODUCTS: 'mdm' };
    const { handler } = capturedHandler({}, { env });

    await handler(scheduledEvent(), lambdaContext(30_000));
    env.ACCESS_CHECK_PRODUCTS = 'mdm,production';
    const report = await handler(scheduledEvent(), lambdaContext(30_000));

    expect(report.rows.map((row) => row.product)).toEqual(['mdm']);
  });

  it('reports probes beyond the remaining time as timeouts', async () => {
    emulator.addFault({ kind: 'hang', route: 'listJobs' });
    try {
      const { handler } = capturedHandler({ PLEX_API_KEY: DEMO_KEYS.primary });

      const report = await handler(scheduledEvent(), lambdaContext(1_200));

      expect(report.rows).toHaveLength(API_PRODUCTS.length);
      expect(report.rows.find((row) => row.product === 'scheduling')?.status).toBe('timeout');
      expect(report.summary).toMatchObject({ ok: API_PRODUCTS.length - 1, failed: 1 });
    } finally {
      emulator.clearFaults();
    }
  });
});
