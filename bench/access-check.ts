/**
 * Access-check scale: the scheduled handler probing 50 targets × 5 API products at the
 * container's share of the budget, against the time the budget itself allows.
 */
import type { Context } from 'aws-lambda';
import { DEMO_KEYS, TENANTS, fingerprint } from '../emulator/index.js';
import { createAccessCheckHandler } from '../functions/access-check/handler.js';
import { API_PRODUCTS } from '../functions/access-check/probes.js';
import type { BenchContext, Benchmark } from './support/benchmark.js';
import { DiscardingLogger } from './support/discarding-logger.js';
import { startEmulatorProcess } from './support/emulator-process.js';
import { lambdaContext } from './support/lambda-event.js';
import { type BenchResult, evaluate } from './support/result.js';
import { summarize } from './support/stats.js';
import { warmUpEmulator } from './support/warm-up.js';

/** The key's budget and the number of containers sharing it, as serverless.yml sets them. */
const BUDGET_PER_MINUTE = 200;
const TOTAL_CONCURRENCY = 5;
const CONTAINER_SHARE = BUDGET_PER_MINUTE / TOTAL_CONCURRENCY;

interface Settings {
  targets: number;
  windowMs: number;
}

const FULL: Settings = { targets: 50, windowMs: 2_000 };
const SMOKE: Settings = { targets: 10, windowMs: 500 };

/**
 * Returns the tenant UUIDs to probe besides the default tenant: the emulator's two other
 * tenants, then made-up UUIDs that no tenant has.
 */
function tenantIds(count: number): string[] {
  const real = TENANTS.slice(1).map((tenant) => tenant.id);
  const madeUp = Array.from({ length: count - real.length }, (_, index) => `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`);

  return [...real, ...madeUp].slice(0, count);
}

function checkEnv(plexUrl: string, targets: number): Record<string, string> {
  return {
    PLEX_BASE_URL: plexUrl,
    PLEX_API_KEY: DEMO_KEYS.primary,
    ACCESS_CHECK_TENANT_IDS: tenantIds(targets - 1).join(','),
    PLEX_RATE_LIMIT_PER_MINUTE: String(BUDGET_PER_MINUTE),
    PLEX_KEY_TOTAL_CONCURRENCY: String(TOTAL_CONCURRENCY),
    POWERTOOLS_SERVICE_NAME: 'plex-connect-bench',
  };
}

function setupLines(settings: Settings, probes: number, marginMs: number): string[] {
  const scale = 60_000 / settings.windowMs;
  return [
    `\`createAccessCheckHandler\` invoked in-process: ${settings.targets} targets × ${API_PRODUCTS.length} API products = ${probes} probes. The project has 5 API products (${API_PRODUCTS.join(', ')}), not 6.`,
    `Targets: the key's default tenant, the emulator's 2 other tenants, and ${settings.targets - 3} made-up tenant UUIDs. The emulator has only 3 tenants, so a probe of a made-up tenant gets 401 (\`tenant-not-reachable\`). It is still one request that counts against the budget, which is all this timing needs.`,
    `Budget: the container's share of ${CONTAINER_SHARE} requests per window (${BUDGET_PER_MINUTE} a minute ÷ total concurrency ${TOTAL_CONCURRENCY}, as in serverless.yml), enforced by the client and by the emulator (own process). Time is scaled ${scale}×: a ${settings.windowMs} ms window, and a ${marginMs.toFixed(1)} ms safety margin, the share of the window that 250 ms is of a minute.`,
    'Ideal: probes ÷ budget rate. The run also sends the tenant list and the default-tenant match, which count against the same budget. The emulator is warmed up with another key first.',
  ];
}

async function runAccessCheckScale(context: BenchContext): Promise<BenchResult> {
  const settings = context.smoke ? SMOKE : FULL;
  const probes = settings.targets * API_PRODUCTS.length;
  const marginMs = (250 * settings.windowMs) / 60_000;
  const emulator = await startEmulatorProcess({ scale: 'small', rateLimit: { requests: CONTAINER_SHARE, windowMs: settings.windowMs } });
  try {
    await warmUpEmulator(emulator.url, 4, CONTAINER_SHARE / 2);
    const handler = createAccessCheckHandler({
      env: checkEnv(emulator.url, settings.targets),
      logger: new DiscardingLogger({ serviceName: 'plex-connect-bench' }),
      writeMetrics: () => undefined,
      clientTuning: { rateLimitWindowMs: settings.windowMs, rateLimitSafetyMarginMs: marginMs },
    });

    context.progress(`access-check: ${probes} probes`);
    const started = performance.now();
    const report = await handler(undefined, lambdaContext(900_000) as Context);
    const totalMs = performance.now() - started;

    const stats = (await emulator.stats()).keys[fingerprint(DEMO_KEYS.primary)];
    const idealMs = (probes / CONTAINER_SHARE) * settings.windowMs;
    const latencies = summarize(report.rows.map((row) => row.latencyMs ?? Number.NaN).filter(Number.isFinite));
    const statuses = Object.entries(report.summary.byStatus).filter(([, count]) => count > 0);
    return {
      name: 'access-check',
      title: 'Access-check scale',
      setup: setupLines(settings, probes, marginMs),
      comparisons: [
        evaluate({ metric: 'total time vs ideal', unit: 'ms', ours: totalMs, floor: idealMs, goal: { on: 'ratio', operator: '<=', target: 1.05 } }),
        evaluate({ metric: 'requests the emulator counted vs probes', unit: 'count', ours: stats?.requests ?? 0, floor: probes }),
        evaluate({ metric: '429 answers (emulator)', unit: 'count', ours: stats?.rateLimited ?? 0, goal: { on: 'ours', operator: '<=', target: 0 } }),
        evaluate({ metric: 'probe latency p50, rate-limit wait included', unit: 'ms', ours: latencies.p50 }),
        evaluate({ metric: 'probe latency p99, rate-limit wait included', unit: 'ms', ours: latencies.p99 }),
      ],
      tables: [{ title: 'Rows of the report by status', columns: ['status', 'rows'], rows: statuses }],
      notes: [],
    };
  } finally {
    await emulator.close();
  }
}

export const accessCheckScale: Benchmark = { name: 'access-check', title: 'Access-check scale', run: runAccessCheckScale };
