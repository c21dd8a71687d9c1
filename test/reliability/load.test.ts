import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../cli/local-stack.js';
import { TENANTS } from '../../emulator/index.js';
import { signatureHeaders } from '../../functions/webhook-lookup/signature.js';
import { useEmulator } from '../emulator/support/emulator.js';
import { ROOT } from '../support/bundle.js';
import { useLeakCheck } from './support/leak-check.js';
import { createSecret, fullAccessKey } from './support/secrets.js';
import { useUnhandledRejectionCheck } from './support/unhandled.js';

// Load on POST /lookups under serverless-offline: 10 connections for 5 seconds, cycling
// through valid and invalid pre-signed requests. Ports 3320 and 3322 keep it apart from
// `npm start` (3000, 3002) and the end-to-end suite (3310, 3312).

/** The part of autocannon's result that this test reads. */
interface LoadResult {
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
}

interface LoadRequest {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  onResponse: (status: number, body: string) => void;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: LoadRequest[];
}) => Promise<LoadResult>;

// autocannon ships CommonJS without type declarations.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const BUILD_FOLDER = `.esbuild-reliability-${process.pid}`;
const LOG_FILE = join(tmpdir(), `plex-connect-reliability-${process.pid}.log`);

const apiKey = createSecret('reliability-key');
const secret = createSecret('reliability-secret');
const leaks = useLeakCheck(() => [apiKey, secret]);
// The test's own emulator with its own key: the stack then calls it as it would call Plex.
const plex = useEmulator({
  keys: [fullAccessKey(apiKey.value)],
  logLevel: 'info',
  logSink: (line) => leaks.add('emulator log', line),
});
useUnhandledRejectionCheck();

let stack: LocalStack | undefined;

beforeAll(async () => {
  stack = await startLocalStack({
    httpPort: 3320,
    lambdaPort: 3322,
    emulatorPort: 0,
    buildFolder: BUILD_FOLDER,
    logFile: LOG_FILE,
    env: {
      ...process.env,
      PLEX_TIER: '',
      PLEX_BASE_URL: plex.url,
      PLEX_API_KEY: apiKey.value,
      LOOKUP_SIGNING_SECRETS: secret.value,
    },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(join(ROOT, BUILD_FOLDER), { recursive: true, force: true });
  leaks.add('serverless-offline log', readFileSync(LOG_FILE, 'utf8'));
  rmSync(LOG_FILE, { force: true });
});

/** The statuses each kind of request may get: its own response, or an upstream-mapped 5xx. */
const KINDS = {
  known: [200, 502, 503, 504],
  unknown: [404, 502, 503, 504],
  unsigned: [401],
  'bad signature': [401],
  'bad JSON': [400],
} as const;

type Kind = keyof typeof KINDS;

describe('Load: POST /lookups under serverless-offline', () => {
  it('replies to every request as documented', async () => {
    // Prepare
    const employee = plex.emulator.dataset.source(TENANTS[0]!, 'employees').record(0) as { badgeNumber: string };
    const known = JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: employee.badgeNumber } });
    const unknown = JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: 'NO-SUCH-BADGE' } });
    const json = { 'content-type': 'application/json' };
    const signed = (body: string, secrets = [secret.value]) => ({ ...json, ...signatureHeaders(body, secrets) });
    const statuses = new Map<Kind, Map<number, number>>();
    const request = (kind: Kind, body: string, headers: Record<string, string>): LoadRequest => ({
      method: 'POST',
      headers,
      body,
      onResponse: (status, text) => {
        const counts = statuses.get(kind) ?? new Map<number, number>();
        counts.set(status, (counts.get(status) ?? 0) + 1);
        statuses.set(kind, counts);
        leaks.add('load response', text);
      },
    });

    // Act
    const result = await autocannon({
      url: stack!.lookupUrl,
      connections: 10,
      duration: 5,
      timeout: 10,
      requests: [
        request('known', known, signed(known)),
        request('unsigned', known, json),
        request('unknown', unknown, signed(unknown)),
        request('bad signature', known, signed(known, [`${secret.value}-wrong`])),
        request('bad JSON', '{"lookup":', signed('{"lookup":')),
      ],
    });
    console.info(
      `POST /lookups under serverless-offline: ${result.requests.total} requests in ${result.duration} s, ` +
        `${result.requests.average} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `max ${result.latency.max} ms, statuses ${JSON.stringify(result.statusCodeStats)}`,
    );

    // Assess
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.requests.total).toBeGreaterThan(50);
    const serverErrors = Object.keys(result.statusCodeStats).map(Number).filter((status) => status >= 500);
    expect(serverErrors.filter((status) => ![502, 503, 504].includes(status))).toEqual([]);
    for (const [kind, allowed] of Object.entries(KINDS) as [Kind, readonly number[]][]) {
      const seen = [...(statuses.get(kind)?.keys() ?? [])];
      expect(seen.length, `${kind} got no response`).toBeGreaterThan(0);
      expect(seen.filter((status) => !allowed.includes(status)), `${kind} statuses`).toEqual([]);
    }
  });
});
