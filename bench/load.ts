/**
 * Load: autocannon against `POST /lookups` served by serverless-offline, with signed
 * valid and invalid requests mixed. A recorded figure without a goal.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { startLocalStack } from '../cli/local-stack.js';
import { signatureHeaders } from '../functions/webhook-lookup/signature.js';
import type { BenchContext, Benchmark } from './support/benchmark.js';
import { ROOT } from './support/paths.js';
import { type BenchResult, evaluate } from './support/result.js';

const SECRET = 'bench-load-signing-secret';
const WRONG_SECRET = 'bench-load-wrong-secret';
const HTTP_PORT = 3330;
const LAMBDA_PORT = 3332;
const CONNECTIONS = 10;

/** Badge numbers of the emulator's first three employees in the default tenant. */
const BADGES = ['004711', '012630', '020549'];

function signed(body: string, secret: string): AutocannonRequest {
  return {
    method: 'POST',
    path: '/lookups',
    headers: { 'content-type': 'application/json', ...signatureHeaders(body, [secret]) },
    body,
  };
}

/**
 * Builds the requests each connection sends in turn: 3 valid lookups, one with a wrong
 * signature (401), one of an unknown lookup (400) and one unsigned (401). Signatures stay
 * valid for 5 minutes, far longer than a run.
 */
function requestMix(): AutocannonRequest[] {
  const lookup = (badgeNumber: string) => JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber } });
  const unknown = JSON.stringify({ lookup: 'employee-by-shoe-size', params: { size: 44 } });
  const [first, second, third] = BADGES.map(lookup) as [string, string, string];
  return [
    signed(first, SECRET),
    signed(second, WRONG_SECRET),
    signed(second, SECRET),
    signed(unknown, SECRET),
    signed(third, SECRET),
    { method: 'POST', path: '/lookups', headers: { 'content-type': 'application/json' }, body: first },
  ];
}

/** Returns the caller's environment without any Plex credentials, so the stack always targets the emulator. */
function emulatorOnlyEnv(): NodeJS.ProcessEnv {
  const { PLEX_API_KEY: _key, PLEX_TIER: _tier, PLEX_BASE_URL: _url, ...rest } = process.env;
  return { ...rest, LOOKUP_SIGNING_SECRETS: SECRET, AWS_EC2_METADATA_DISABLED: 'true' };
}

/**
 * Sends one valid lookup per connection at once, twice, so that serverless-offline starts
 * an instance of the handler for each connection before the measured run. Each cold
 * instance loads the bundle in a worker thread of its own, which takes seconds on a busy
 * machine.
 */
async function warmUpInstances(url: string, mix: readonly AutocannonRequest[]): Promise<void> {
  const valid = mix[0]!;
  const send = () => fetch(url, { method: 'POST', headers: valid.headers, body: valid.body }).then((response) => response.arrayBuffer());
  for (let round = 0; round < 2; round += 1) {
    await Promise.all(Array.from({ length: CONNECTIONS }, send));
  }
}

function statusRows(result: AutocannonResult): (string | number)[][] {
  const rows = Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]);
  return [...rows, ['errors (connection)', result.errors], ['timeouts', result.timeouts]];
}

async function runLoad(context: BenchContext): Promise<BenchResult> {
  const durationSeconds = context.smoke ? 2 : 10;
  const buildFolder = `.esbuild-bench-${process.pid}`;
  const logFile = join(tmpdir(), `plex-connect-bench-offline-${process.pid}.log`);
  context.progress('load: starting the emulator and serverless-offline');
  const stack = await startLocalStack({ env: emulatorOnlyEnv(), httpPort: HTTP_PORT, lambdaPort: LAMBDA_PORT, emulatorPort: 0, buildFolder, logFile });
  try {
    const requests = requestMix();
    await warmUpInstances(stack.lookupUrl, requests);
    context.progress(`load: ${CONNECTIONS} connections for ${durationSeconds} s`);
    const result = await autocannon({
      url: `http://127.0.0.1:${HTTP_PORT}`,
      connections: CONNECTIONS,
      duration: durationSeconds,
      timeout: 10,
      requests,
    });

    return {
      name: 'load',
      title: 'Load',
      setup: [
        `autocannon with ${CONNECTIONS} connections for ${durationSeconds} s against \`POST /lookups\` on serverless-offline at 127.0.0.1:${HTTP_PORT}, which runs the bundled handler. The emulator runs in the benchmark's process with its default budget of 200 requests a minute.`,
        `Warm-up: ${CONNECTIONS} concurrent valid lookups, twice, so that each connection finds a warm handler instance. serverless-offline does not enforce the reserved concurrency of 4, so up to ${CONNECTIONS} instances run, each with its own client, limiter and cache.`,
        'Each connection sends in turn: 3 valid signed `employee-by-badge` lookups of 3 badges, one signed with a wrong secret (401), one signed with an unknown lookup (400), one unsigned (401). The lookup cache is on (60 s), as deployed, so repeated lookups are answered from it.',
        'A recorded figure, with no goal and no floor.',
      ],
      comparisons: [
        evaluate({ metric: 'latency p50', unit: 'ms', ours: result.latency.p50 ?? Number.NaN }),
        evaluate({ metric: 'latency p99', unit: 'ms', ours: result.latency.p99 ?? Number.NaN }),
        evaluate({ metric: 'requests per second (mean)', unit: 'req/s', ours: result.requests.mean }),
        evaluate({ metric: 'requests sent', unit: 'count', ours: result.requests.sent }),
      ],
      tables: [{ title: 'Answers by status', columns: ['status', 'count'], rows: statusRows(result) }],
      notes: [],
    };
  } finally {
    await stack.stop();
    rmSync(join(ROOT, buildFolder), { recursive: true, force: true });
    rmSync(logFile, { force: true });
  }
}

export const load: Benchmark = { name: 'load', title: 'Load', run: runLoad };
