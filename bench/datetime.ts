/**
 * Date-time throughput: parsing and formatting with client/datetime.ts against the
 * engine's `Date.parse` and `Date.prototype.toISOString`.
 */
import { PlexDateTime, parsePlexDateTime } from '../client/index.js';
import type { BenchContext, Benchmark } from './support/benchmark.js';
import { timeInterleaved } from './support/interleave.js';
import { type BenchResult, type Comparison, evaluate } from './support/result.js';
import { summarize } from './support/stats.js';

/** Values per timed batch: enough that the timer's resolution does not matter. */
const BATCH = 16_384;

const FROM_MS = Date.UTC(2000, 0, 1);
const TO_MS = Date.UTC(2030, 0, 1);

/** Builds `count` instants spread over 2000 to 2030 from a fixed seed, with sub-millisecond ticks. */
function sampleInstants(count: number): PlexDateTime[] {
  let state = 0x2545f491;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };

  return Array.from({ length: count }, () => {
    const epochMs = Math.floor(FROM_MS + next() * (TO_MS - FROM_MS));
    return PlexDateTime.fromEpochMilliseconds(epochMs, Math.floor(next() * 10_000));
  });
}

/** Keeps results observable, so the engine cannot drop the work as dead code. */
let checksum = 0;

function throughput(samplesMs: readonly number[]): { opsPerSecond: number; p50NsPerOp: number; p99NsPerOp: number } {
  const nsPerOp = summarize(samplesMs.map((ms) => (ms * 1e6) / BATCH));
  return { opsPerSecond: 1e9 / nsPerOp.p50, p50NsPerOp: nsPerOp.p50, p99NsPerOp: nsPerOp.p99 };
}

function compare(metric: string, ours: readonly number[], floor: readonly number[]): Comparison[] {
  const [mine, engine] = [throughput(ours), throughput(floor)];
  return [
    { metric: `${metric}, ops/s at p50`, unit: 'ops/s', ours: mine.opsPerSecond, floor: engine.opsPerSecond, goal: { on: 'ratio', operator: '>=', target: 0.5 } },
    { metric: `${metric}, ns/op p50`, unit: 'ns', ours: mine.p50NsPerOp, floor: engine.p50NsPerOp },
    { metric: `${metric}, ns/op p99`, unit: 'ns', ours: mine.p99NsPerOp, floor: engine.p99NsPerOp },
  ];
}

async function runDateTime(context: BenchContext): Promise<BenchResult> {
  const warmup = context.smoke ? 3 : 30;
  const iterations = context.smoke ? 10 : 300;
  const values = sampleInstants(BATCH);
  const texts = values.map((value) => value.toString());
  const dates = values.map((value) => value.toDate());

  context.progress(`datetime: ${warmup} + ${iterations} batches of ${BATCH}`);
  const samples = await timeInterleaved(
    [
      { name: 'parse', call: async () => texts.forEach((text) => (checksum += parsePlexDateTime(text).ticks)) },
      { name: 'Date.parse', call: async () => texts.forEach((text) => (checksum += Date.parse(text))) },
      { name: 'format', call: async () => values.forEach((value) => (checksum += value.toString().length)) },
      { name: 'toISOString', call: async () => dates.forEach((date) => (checksum += date.toISOString().length)) },
    ],
    { warmup, iterations },
  );
  if (!Number.isFinite(checksum)) throw new Error('The date-time checksum is not a number.');

  return {
    name: 'datetime',
    title: 'Date-time',
    setup: [
      `${BATCH} instants from 2000 to 2030 with 100 ns ticks, as Plex writes them: \`YYYY-MM-DDThh:mm:ss.fffffffZ\`.`,
      'Parse: `parsePlexDateTime(text)` against `Date.parse(text)` on the same strings (V8 reads the 7-digit fraction and drops the last 4 digits). Format: `PlexDateTime#toString()` against `Date#toISOString()` on the same instants.',
      `${warmup} warm-up batches, then ${iterations} timed batches per side, the four sides taken in turn. Throughput is 1 ÷ the median time per value.`,
    ],
    comparisons: [
      ...compare('parse', samples.get('parse')!, samples.get('Date.parse')!),
      ...compare('format', samples.get('format')!, samples.get('toISOString')!),
    ].map(evaluate),
    tables: [],
    notes: [],
  };
}

export const dateTime: Benchmark = { name: 'datetime', title: 'Date-time', run: runDateTime };
