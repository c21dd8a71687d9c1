/**
 * Production-scale lists are streamed: the emulator's memory must not grow with the size
 * of the body. The emulator runs in a child process so that its RSS is measured apart
 * from the test's own, which has to hold the parsed bodies.
 *
 * The bound of 64 MB is below the size of the jobs body alone (about 66 MB of JSON), so
 * an emulator that built the body as one string, which needs the string plus its encoded
 * copy, fails it. Streaming needs one 64 KiB chunk, socket buffers and short-lived record
 * garbage that V8's young generation (16 MB semi-spaces on Node 20) reclaims.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../emulator/index.js';
import { plexFetch } from './support/http.js';

const MAX_RSS_GROWTH_BYTES = 64 * 1024 * 1024;

/** Growth allowed while a client reads nothing: socket buffers and one chunk, far below the 66 MB body. */
const MAX_PAUSED_GROWTH_BYTES = 24 * 1024 * 1024;
const CHILD = fileURLToPath(new URL('./support/production-emulator.ts', import.meta.url));

let child: ChildProcess;
let url: string;

function request<T>(message: { type: string }): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

async function fetchList(path: string): Promise<{ count: number; bytes: number }> {
  const response = await plexFetch(url, path);
  expect(response.status).toBe(200);
  expect(response.headers.get('transfer-encoding')).toBe('chunked');
  const text = await response.text();
  return { count: (JSON.parse(text) as unknown[]).length, bytes: Buffer.byteLength(text) };
}

beforeAll(async () => {
  child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  url = (await new Promise<{ url: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { url: string }));
    child.once('exit', (code) => reject(new Error(`The emulator child exited with ${String(code)} before it was ready.`)));
  })).url;
});

afterAll(async () => {
  if (child.connected) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'close' });
    await exited;
  }
});

describe('production-scale streaming', () => {
  it('serves jobs and purchase orders within the memory bound', async () => {
    // Prepare: warm the code paths with a small list, then take the baseline.
    await fetchList('/mdm/v1/buildings');
    const baseline = await request<{ rss: number }>({ type: 'baseline' });

    // Act
    const jobs = await fetchList('/scheduling/v1/jobs');
    const orders = await fetchList('/purchasing/v1/purchase-orders');
    const peak = await request<{ rss: number }>({ type: 'peak' });

    // Assess
    const growth = peak.rss - baseline.rss;
    console.info(
      `jobs ${jobs.count} (${(jobs.bytes / 1e6).toFixed(1)} MB), purchase orders ${orders.count} ` +
        `(${(orders.bytes / 1e6).toFixed(1)} MB), emulator RSS ${(baseline.rss / 2 ** 20).toFixed(0)} MiB ` +
        `+ ${(growth / 2 ** 20).toFixed(1)} MiB at peak`,
    );
    expect(jobs.count).toBe(114_684);
    expect(orders.count).toBe(36_000);
    expect(orders.bytes).toBeGreaterThan(40e6);
    expect(orders.bytes).toBeLessThan(50e6);
    expect(growth).toBeLessThan(MAX_RSS_GROWTH_BYTES);
  });
});

describe('backpressure', () => {
  it('stops generating while the client does not read', async () => {
    // Prepare
    const baseline = await request<{ rss: number }>({ type: 'baseline' });
    let received = 0;
    const done = new Promise<number>((resolve, reject) => {
      const headers = { 'X-Plex-Connect-Api-Key': DEMO_KEYS.primary };
      const req = get(`${url}/scheduling/v1/jobs`, { headers }, (res) => {
        res.pause();
        setTimeout(() => {
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
          });
          res.on('end', () => resolve(received));
          res.resume();
        }, 1_500);
      });
      req.on('error', reject);
    });

    // Act: measure while the response is paused, then let it finish.
    await sleep(1_200);
    const paused = await request<{ rss: number }>({ type: 'peak' });
    const total = await done;

    // Assess
    expect(paused.rss - baseline.rss).toBeLessThan(MAX_PAUSED_GROWTH_BYTES);
    expect(total).toBeGreaterThan(60e6);
  });
});
