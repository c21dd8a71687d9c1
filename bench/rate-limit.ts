/**
 * Rate-limit use: many concurrent callers share one client, and so one rate limiter,
 * against an emulator that enforces the same budget. Time is scaled down: the window is
 * shorter than a minute, and the limiter's safety margin shrinks with it.
 */
import { createPlexClient, type PlexFetch } from '../client/index.js';
import { DEMO_KEYS, fingerprint } from '../emulator/index.js';
import type { BenchContext, Benchmark } from './support/benchmark.js';
import { startEmulatorProcess } from './support/emulator-process.js';
import { type BenchResult, evaluate } from './support/result.js';
import { jainIndex } from './support/stats.js';
import { warmUpEmulator } from './support/warm-up.js';

/** The client's default margin for a one-minute window, in milliseconds. */
const MARGIN_PER_MINUTE_MS = 250;

interface Settings {
  callers: number;
  budget: number;
  windowMs: number;
  durationMs: number;
}

const FULL: Settings = { callers: 20, budget: 200, windowMs: 10_000, durationMs: 30_000 };
const SMOKE: Settings = { callers: 20, budget: 20, windowMs: 1_000, durationMs: 3_000 };

/** Counts the requests the client sends, after its limiter granted them, up to `endsAt`. */
function countingFetch(endsAt: () => number): { fetch: PlexFetch; sent: () => number } {
  let sent = 0;
  const fetch: PlexFetch = (request) => {
    if (performance.now() < endsAt()) sent += 1;
    return globalThis.fetch(request);
  };

  return { fetch, sent: () => sent };
}

/** Sends requests back to back until the signal aborts, and returns how many completed. */
async function callUntilAborted(send: (signal: AbortSignal) => Promise<unknown>, signal: AbortSignal): Promise<number> {
  let completed = 0;
  while (!signal.aborted) {
    try {
      await send(signal);
      completed += 1;
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  return completed;
}

/** Runs the callers for the settings' duration and returns the requests sent in time and each caller's count. */
async function runCallers(baseUrl: string, settings: Settings, safetyMarginMs: number): Promise<{ sent: number; perCaller: number[] }> {
  const { callers, budget, windowMs, durationMs } = settings;
  let endsAt = Number.POSITIVE_INFINITY;
  const counter = countingFetch(() => endsAt);
  const client = createPlexClient({
    baseUrl,
    apiKey: DEMO_KEYS.primary,
    rateLimit: { requestsPerMinute: budget, windowMs, safetyMarginMs },
    fetch: counter.fetch,
  });
  const send = (signal: AbortSignal) => client.getOrThrow('/mdm/v1/buildings', { signal });

  const stop = new AbortController();
  endsAt = performance.now() + durationMs;
  const timer = setTimeout(() => stop.abort(new Error('The benchmark duration is over.')), durationMs);
  const perCaller = await Promise.all(Array.from({ length: callers }, () => callUntilAborted(send, stop.signal)));
  clearTimeout(timer);

  return { sent: counter.sent(), perCaller };
}

function setupLines(settings: Settings, safetyMarginMs: number): string[] {
  const { callers, budget, windowMs, durationMs } = settings;
  const perMinute = ((budget * 60_000) / windowMs).toLocaleString('en-US');
  return [
    `${callers} concurrent callers share one client and its limiter, each sending \`GET /mdm/v1/buildings\` back to back for ${durationMs / 1000} s. Then the waiting callers are aborted. Before that, ${budget / 2} requests with another key (a budget of its own) warm up the emulator and the client code.`,
    `Budget ${budget} requests per ${windowMs / 1000} s window (${perMinute} a minute), enforced by both the client and the emulator (own process). Time is scaled ${60_000 / windowMs}× against Plex's one-minute window, so the client's safety margin is scaled too: ${safetyMarginMs.toFixed(1)} ms, the share of the window that 250 ms is of a minute.`,
    'Budget used: requests the client sent within the run ÷ (budget × duration ÷ window). 429 answers and the largest count in any window come from the emulator.',
  ];
}

async function runRateLimit(context: BenchContext): Promise<BenchResult> {
  const settings = context.smoke ? SMOKE : FULL;
  const { callers, budget, windowMs, durationMs } = settings;
  const safetyMarginMs = (MARGIN_PER_MINUTE_MS * windowMs) / 60_000;
  const emulator = await startEmulatorProcess({ scale: 'small', rateLimit: { requests: budget, windowMs } });
  try {
    await warmUpEmulator(emulator.url, callers, budget / 2);
    context.progress(`rate-limit: ${callers} callers for ${durationMs / 1000} s`);
    const { sent, perCaller } = await runCallers(emulator.url, settings, safetyMarginMs);
    const stats = (await emulator.stats()).keys[fingerprint(DEMO_KEYS.primary)];
    const ideal = (budget * durationMs) / windowMs;

    return {
      name: 'rate-limit',
      title: 'Rate-limit use',
      setup: setupLines(settings, safetyMarginMs),
      comparisons: [
        evaluate({ metric: 'requests sent vs budget', unit: 'count', ours: sent, floor: ideal, goal: { on: 'ratio', operator: '>=', target: 0.95 } }),
        evaluate({ metric: '429 answers (emulator)', unit: 'count', ours: stats?.rateLimited ?? 0, goal: { on: 'ours', operator: '<=', target: 0 } }),
        evaluate({ metric: 'max requests in any window (emulator) vs budget', unit: 'count', ours: stats?.maxInWindow ?? 0, floor: budget, goal: { on: 'ratio', operator: '<=', target: 1 } }),
        evaluate({ metric: 'requests per caller, fewest vs most', unit: 'count', ours: Math.min(...perCaller), floor: Math.max(...perCaller) }),
        evaluate({ metric: "Jain's fairness index (1 is perfectly even)", unit: '', ours: jainIndex(perCaller), floor: 1 }),
      ],
      tables: [],
      notes: [],
    };
  } finally {
    await emulator.close();
  }
}

export const rateLimit: Benchmark = { name: 'rate-limit', title: 'Rate-limit use', run: runRateLimit };
