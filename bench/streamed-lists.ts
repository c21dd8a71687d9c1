/**
 * Streamed lists: the client's `stream()` of the largest Plex lists against `fetch` and
 * `JSON.parse` of the whole body, each run in a fresh process so its peak RSS is its own.
 */
import type { PlexListPath } from '../client/index.js';
import { DEMO_KEYS } from '../emulator/index.js';
import type { BenchContext, Benchmark } from './support/benchmark.js';
import { startEmulatorProcess } from './support/emulator-process.js';
import { benchFile } from './support/paths.js';
import { runWorker } from './support/processes.js';
import { type BenchResult, type Comparison, evaluate, type Table } from './support/result.js';
import { median } from './support/stats.js';
import type { ListJob, ListMode, ListRun } from './workers/list-worker.js';

const LISTS: readonly { name: string; path: PlexListPath }[] = [
  { name: 'jobs', path: '/scheduling/v1/jobs' },
  { name: 'purchase orders', path: '/purchasing/v1/purchase-orders' },
];

const MODES: readonly ListMode[] = ['stream', 'parse', 'drain'];

const MB = 1024 * 1024;

/** Time limit of one worker, generous for a 65 MB list on a loaded machine. */
const WORKER_TIMEOUT_MS = 180_000;

interface ModeFigures {
  items: number;
  bodyBytes: number;
  durationMs: number;
  growthBytes: number;
  peakSource: string;
}

function figuresOf(runs: readonly ListRun[]): ModeFigures {
  return {
    items: runs[0]!.items,
    bodyBytes: runs.find((run) => Number.isFinite(run.bodyBytes))?.bodyBytes ?? Number.NaN,
    durationMs: median(runs.map((run) => run.durationMs)),
    growthBytes: median(runs.map((run) => run.peakRssBytes - run.baselineRssBytes)),
    peakSource: runs[0]!.peakSource,
  };
}

/** Runs every mode `runs` times on one list, taking the modes in turn. */
async function measureList(baseUrl: string, path: PlexListPath, runs: number): Promise<Map<ListMode, ListRun[]>> {
  const results = new Map(MODES.map((mode) => [mode, [] as ListRun[]]));
  for (let round = 0; round < runs; round += 1) {
    for (let offset = 0; offset < MODES.length; offset += 1) {
      const mode = MODES[(round + offset) % MODES.length]!;
      const job: ListJob = { mode, baseUrl, apiKey: DEMO_KEYS.primary, path };
      const run = await runWorker<ListRun>(benchFile('workers/list-worker.ts'), [JSON.stringify(job)], WORKER_TIMEOUT_MS, ['--expose-gc']);
      results.get(mode)!.push(run);
    }
  }

  return results;
}

function dominantOf(stream: ModeFigures, parse: ModeFigures, drain: ModeFigures): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return (
    `Transfer alone (drain) takes ${seconds(drain.durationMs)}. Streaming adds ${seconds(stream.durationMs - drain.durationMs)} ` +
    `of incremental parsing, JSON.parse adds ${seconds(parse.durationMs - drain.durationMs)}. ` +
    `RSS growth: stream ${(stream.growthBytes / MB).toFixed(1)} MB, parse ${(parse.growthBytes / MB).toFixed(1)} MB, drain ${(drain.growthBytes / MB).toFixed(1)} MB.`
  );
}

function comparisonsOf(name: string, results: Map<ListMode, ListRun[]>): { comparisons: Comparison[]; row: (string | number)[] } {
  const [stream, parse, drain] = MODES.map((mode) => figuresOf(results.get(mode)!));
  const dominant = dominantOf(stream!, parse!, drain!);
  const comparisons: Comparison[] = [
    { metric: `${name}: peak RSS growth`, unit: 'MB', ours: stream!.growthBytes / MB, floor: parse!.growthBytes / MB, goal: { on: 'ratio', operator: '<=', target: 0.2 }, dominant },
    { metric: `${name}: time`, unit: 'ms', ours: stream!.durationMs, floor: parse!.durationMs, goal: { on: 'ratio', operator: '<=', target: 1.5 }, dominant },
    { metric: `${name}: items`, unit: 'count', ours: stream!.items, floor: parse!.items, goal: { on: 'ratio', operator: '==', target: 1 } },
  ];
  const row = [name, parse!.items, (drain!.bodyBytes / MB).toFixed(1), (drain!.durationMs / 1000).toFixed(2), (drain!.growthBytes / MB).toFixed(1), stream!.peakSource];

  return { comparisons, row };
}

async function runStreamedLists(context: BenchContext): Promise<BenchResult> {
  const scale = context.smoke ? 'small' : 'production';
  const runs = context.smoke ? 1 : 3;
  const emulator = await startEmulatorProcess({ scale, rateLimit: false });
  try {
    const comparisons: Comparison[] = [];
    const table: Table = {
      title: 'Transfer floor: fetch with every chunk read and dropped (drain), median',
      columns: ['list', 'items', 'body MB', 'drain s', 'drain RSS growth MB', 'peak RSS from'],
      rows: [],
    };
    for (const list of LISTS) {
      context.progress(`streamed-lists: ${list.name}, ${runs} run(s) of each mode`);
      const measured = comparisonsOf(list.name, await measureList(emulator.url, list.path, runs));
      comparisons.push(...measured.comparisons);
      table.rows.push(measured.row);
    }

    return {
      name: 'streamed-lists',
      title: 'Streamed lists',
      setup: [
        `Emulator at scale ${scale} in its own process, rate limit off. Lists: ${LISTS.map((list) => `\`GET ${list.path}\``).join(', ')}, unfiltered.`,
        'Ours: `client.stream(path)` counting items. Floor: `fetch`, `response.text()`, `JSON.parse`, then the array length. Each run is a fresh Node process started with `--expose-gc`.',
        'Peak RSS growth: the kernel high-water mark `VmHWM` after the read, minus `VmRSS` just before it, with the mark reset through `/proc/self/clear_refs` after a full GC (sampled every 5 ms where that is unavailable).',
        `${runs} run(s) per side and list, the sides taken in turn, and the median of each side reported.`,
      ],
      comparisons: comparisons.map(evaluate),
      tables: [table],
      notes: [],
    };
  } finally {
    await emulator.close();
  }
}

export const streamedLists: Benchmark = { name: 'streamed-lists', title: 'Streamed lists', run: runStreamedLists };
