/**
 * Reads one Plex list in a fresh process and prints its item count, time and peak RSS
 * growth as one JSON line. The first argument is a JSON `ListJob`.
 *
 * - `stream`: the client's `stream()`, counting items as they arrive.
 * - `parse`: `fetch`, the whole body as text, `JSON.parse`, then the array's length.
 * - `drain`: `fetch` and every body chunk read and dropped, the cost of transfer alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { API_KEY_HEADER, createPlexClient, type PlexListPath } from '../../client/index.js';

export type ListMode = 'stream' | 'parse' | 'drain';

export interface ListJob {
  mode: ListMode;
  baseUrl: string;
  apiKey: string;
  path: PlexListPath;
}

export interface ListRun {
  mode: ListMode;
  items: number;
  bodyBytes: number;
  durationMs: number;
  baselineRssBytes: number;
  peakRssBytes: number;
  /** Source of the peak RSS: the kernel's high-water mark, or sampling every few milliseconds. */
  peakSource: 'VmHWM' | 'sampled';
}

const job = JSON.parse(process.argv[2] ?? '{}') as ListJob;

/** A list of a few records. */
const WARM_UP_PATH = '/mdm/v1/buildings';

/** Reads a `kB` field of /proc/self/status in bytes, or undefined where there is none. */
function procStatusBytes(field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the kernel's peak RSS to the current RSS (Linux 4.0 and later). Returns whether that worked. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function streamItems(): Promise<{ items: number; bodyBytes: number }> {
  const client = createPlexClient({ baseUrl: job.baseUrl, apiKey: job.apiKey, rateLimit: false, timeoutMs: 120_000 });
  let items = 0;
  for await (const _item of client.stream(job.path)) items += 1;

  return { items, bodyBytes: Number.NaN };
}

async function parseItems(): Promise<{ items: number; bodyBytes: number }> {
  const response = await fetch(`${job.baseUrl}${job.path}`, { headers: { [API_KEY_HEADER]: job.apiKey } });
  const text = await response.text();
  const list = JSON.parse(text) as unknown[];

  return { items: list.length, bodyBytes: Buffer.byteLength(text) };
}

async function drainBody(): Promise<{ items: number; bodyBytes: number }> {
  const response = await fetch(`${job.baseUrl}${job.path}`, { headers: { [API_KEY_HEADER]: job.apiKey } });
  const reader = response.body!.getReader();
  let bodyBytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bodyBytes += chunk.value.byteLength;

  return { items: Number.NaN, bodyBytes };
}

const READERS = { stream: streamItems, parse: parseItems, drain: drainBody };

/**
 * Sends one small request first, so that loading and setting up `fetch` is not counted as
 * growth of either side.
 */
async function warmUp(): Promise<void> {
  const response = await fetch(`${job.baseUrl}${WARM_UP_PATH}`, { headers: { [API_KEY_HEADER]: job.apiKey } });
  await response.arrayBuffer();
}

async function main(): Promise<ListRun> {
  await warmUp();
  globalThis.gc?.();
  const exact = resetPeak() && procStatusBytes('VmHWM') !== undefined;
  const baselineRssBytes = procStatusBytes('VmRSS') ?? process.memoryUsage().rss;
  let sampledPeak = baselineRssBytes;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, 5);

  const started = performance.now();
  const { items, bodyBytes } = await READERS[job.mode]();
  const durationMs = performance.now() - started;
  clearInterval(sampler);
  const peakRssBytes = exact ? procStatusBytes('VmHWM')! : Math.max(sampledPeak, process.memoryUsage().rss);

  return { mode: job.mode, items, bodyBytes, durationMs, baselineRssBytes, peakRssBytes, peakSource: exact ? 'VmHWM' : 'sampled' };
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
