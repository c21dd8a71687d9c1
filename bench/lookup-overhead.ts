/**
 * Lookup overhead: the webhook-lookup handler, invoked in-process with a signed API
 * Gateway v2 event, against a direct `fetch` of the same Plex request to the emulator.
 * A third side, the client's `GET` alone, splits the overhead between client and handler.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createPlexClient, type PlexFetch } from '../client/index.js';
import { DEMO_KEYS } from '../emulator/index.js';
import { createLookupHandler } from '../functions/webhook-lookup/handler.js';
import type { BenchContext, Benchmark } from './support/benchmark.js';
import { DiscardingLogger } from './support/discarding-logger.js';
import { startEmulatorProcess } from './support/emulator-process.js';
import { timeInterleaved } from './support/interleave.js';
import { lambdaContext, signedLookupEvent } from './support/lambda-event.js';
import { type BenchResult, type Evaluated, evaluate } from './support/result.js';
import { type Summary, summarize } from './support/stats.js';

const SECRET = 'bench-lookup-signing-secret';
const BADGE = '004711';
const BODY = JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: BADGE } });
const EMPLOYEES_PATH = '/mdm/v1/employees';

interface UpstreamRequest {
  url: string;
  headers: Record<string, string>;
}

/** Wraps fetch so that the first Plex request the handler sends can be replayed directly. */
function recordingFetch(): { fetch: PlexFetch; recorded: () => UpstreamRequest } {
  let first: UpstreamRequest | undefined;
  const fetch: PlexFetch = (request) => {
    if (first === undefined) {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      first = { url: request.url, headers };
    }
    return globalThis.fetch(request);
  };
  const recorded = () => {
    if (first === undefined) throw new Error('The handler sent no Plex request during the warm-up invocation.');
    return first;
  };

  return { fetch, recorded };
}

function lookupEnv(plexUrl: string): Record<string, string> {
  return {
    PLEX_BASE_URL: plexUrl,
    PLEX_API_KEY: DEMO_KEYS.primary,
    LOOKUP_SIGNING_SECRETS: SECRET,
    // Caching off, so that every invocation sends its Plex request like the direct side.
    LOOKUP_CACHE_TTL_MS: '0',
    PLEX_RATE_LIMIT_PER_MINUTE: '100000',
    POWERTOOLS_SERVICE_NAME: 'plex-connect-bench',
  };
}

async function checkedInvoke(handler: ReturnType<typeof createLookupHandler>, event: APIGatewayProxyEventV2): Promise<void> {
  const result = await handler(event, lambdaContext());
  if (result.statusCode !== 200) {
    throw new Error(`The lookup handler returned ${result.statusCode} instead of 200: ${String(result.body).slice(0, 300)}`);
  }
}

function setupLines(scale: string, warmup: number, iterations: number): string[] {
  return [
    `Lookup \`employee-by-badge\` (badge ${BADGE}): Plex request \`GET ${EMPLOYEES_PATH}?badgeNumber=${BADGE}\` to an emulator at scale ${scale} in its own process, rate limit off.`,
    'Handler: `createLookupHandler` invoked in-process with a signed API Gateway v2 event (signature, validation, client call, projection, JSON log line serialized and dropped, response). `LOOKUP_CACHE_TTL_MS=0`, client budget 100,000 a minute.',
    'Floor: `fetch` of the same URL and headers the handler sent, body read with `response.json()`. Client: `client.GET` of the same request, cache and rate limit off.',
    `${warmup} warm-up rounds, then ${iterations} timed rounds. Each round runs the three sides in turn, rotating which goes first.`,
  ];
}

function dominantPart(handler: Summary, client: Summary, direct: Summary): string {
  const overheadMs = handler.p50 - direct.p50;
  const clientMs = client.p50 - direct.p50;
  return (
    `Of ${overheadMs.toFixed(2)} ms overhead at p50, the client adds ${clientMs.toFixed(2)} ms and the handler's ` +
    `own steps ${(handler.p50 - client.p50).toFixed(2)} ms.`
  );
}

function comparisonsOf(samples: Map<string, number[]>): { comparisons: Evaluated[]; dominant: string } {
  const [ours, viaClient, direct] = ['handler', 'client', 'direct'].map((name) => summarize(samples.get(name)!)) as [Summary, Summary, Summary];
  const dominant = dominantPart(ours, viaClient, direct);
  const comparisons = [
    evaluate({ metric: 'p50 latency', unit: 'ms', ours: ours.p50, floor: direct.p50, goal: { on: 'ratio', operator: '<=', target: 1.3 }, dominant }),
    evaluate({ metric: 'p99 latency', unit: 'ms', ours: ours.p99, floor: direct.p99, goal: { on: 'ratio', operator: '<=', target: 1.5 }, dominant }),
    evaluate({ metric: 'client GET p50 (for reference)', unit: 'ms', ours: viaClient.p50, floor: direct.p50 }),
    evaluate({ metric: 'client GET p99 (for reference)', unit: 'ms', ours: viaClient.p99, floor: direct.p99 }),
  ];

  return { comparisons, dominant };
}

async function runLookupOverhead(context: BenchContext): Promise<BenchResult> {
  const scale = 'production';
  const warmup = context.smoke ? 10 : 200;
  const iterations = context.smoke ? 30 : 2_000;
  const emulator = await startEmulatorProcess({ scale, rateLimit: false });
  try {
    const recorder = recordingFetch();
    const logger = new DiscardingLogger({ serviceName: 'plex-connect-bench' });
    const handler = createLookupHandler({ env: lookupEnv(emulator.url), logger, fetch: recorder.fetch });
    await checkedInvoke(handler, signedLookupEvent(BODY, SECRET));
    const upstream = recorder.recorded();
    const client = createPlexClient({ baseUrl: emulator.url, apiKey: DEMO_KEYS.primary, rateLimit: false, retry: { limit: 1 } });

    let event = signedLookupEvent(BODY, SECRET);
    context.progress(`lookup: ${warmup} + ${iterations} rounds`);
    const samples = await timeInterleaved(
      [
        { name: 'handler', prepare: () => (event = signedLookupEvent(BODY, SECRET)), call: () => checkedInvoke(handler, event) },
        { name: 'client', call: () => client.getOrThrow(EMPLOYEES_PATH, { params: { query: { badgeNumber: BADGE } } }) },
        { name: 'direct', call: () => fetch(upstream.url, { headers: upstream.headers }).then((response) => response.json()) },
      ],
      { warmup, iterations },
    );
    const { comparisons, dominant } = comparisonsOf(samples);

    return {
      name: 'lookup',
      title: 'Lookup overhead',
      setup: setupLines(scale, warmup, iterations),
      comparisons,
      tables: [],
      notes: [dominant],
    };
  } finally {
    await emulator.close();
  }
}

export const lookupOverhead: Benchmark = { name: 'lookup', title: 'Lookup overhead', run: runLookupOverhead };
