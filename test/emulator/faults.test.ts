import { describe, expect, it } from 'vitest';
import { parseFaultSpec, startEmulator, type FaultSpec } from '../../emulator/index.js';
import { useEmulator } from './support/emulator.js';
import { plexFetch } from './support/http.js';

const plex = useEmulator({ rateLimit: false });

/** Adds one fault for the duration of `run`, then removes every fault. */
async function withFault(spec: FaultSpec, run: () => Promise<void>): Promise<void> {
  plex.emulator.addFault(spec);
  try {
    await run();
  } finally {
    plex.emulator.clearFaults();
  }
}

async function timed(path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await plexFetch(plex.url, path);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

describe('latency faults', () => {
  it('delays by a fixed time', async () => {
    await withFault({ kind: 'latency', route: 'listBuildings', latencyMs: 200 }, async () => {
      const { status, ms } = await timed('/mdm/v1/buildings');
      expect(status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(190);
    });
  });

  it('delays by a random time within bounds', async () => {
    await withFault({ kind: 'latency', latencyMs: 50, maxLatencyMs: 120 }, async () => {
      for (let round = 0; round < 3; round += 1) {
        const { ms } = await timed('/mdm/v1/operations');
        expect(ms).toBeGreaterThanOrEqual(45);
        expect(ms).toBeLessThan(1_000);
      }
    });
  });
});

describe('status faults', () => {
  it('sends 500 with a Plex error body', async () => {
    await withFault({ kind: 'server-error', route: 'listParts' }, async () => {
      const response = await plexFetch(plex.url, '/mdm/v1/parts');
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        code: 'REQUEST_PROCESSING_ERROR',
        message: 'An error occurred while processing the request.',
      });
    });
  });

  it('sends 502 with an HTML body', async () => {
    await withFault({ kind: 'bad-gateway', route: '/mdm/v1/parts' }, async () => {
      const response = await plexFetch(plex.url, '/mdm/v1/parts');
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<html>');
    });
  });

  it('sends 503 with Retry-After', async () => {
    await withFault({ kind: 'unavailable', retryAfterSeconds: 3 }, async () => {
      const response = await plexFetch(plex.url, '/mdm/v1/tenants');
      await response.arrayBuffer();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('3');
    });
  });

  it('sends a burst of 429 with Retry-After', async () => {
    await withFault({ kind: 'rate-limit', count: 3, retryAfterSeconds: 2 }, async () => {
      const statuses: (number | string | null)[] = [];
      for (let round = 0; round < 4; round += 1) {
        const response = await plexFetch(plex.url, '/mdm/v1/tenants');
        await response.arrayBuffer();
        statuses.push(response.status, response.headers.get('retry-after'));
      }
      expect(statuses).toEqual([429, '2', 429, '2', 429, '2', 200, null]);
    });
  });

  it('sends 429 without Retry-After', async () => {
    await withFault({ kind: 'rate-limit', count: 1 }, async () => {
      const response = await plexFetch(plex.url, '/mdm/v1/tenants');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBeNull();
      expect(((await response.json()) as { code: string }).code).toBe('REQUEST_RATE_LIMITED');
    });
  });
});

describe('body faults', () => {
  it('resets the connection mid-body', async () => {
    await withFault({ kind: 'reset', route: 'listJobs', afterBytes: 2_000 }, async () => {
      const response = await plexFetch(plex.url, '/scheduling/v1/jobs');
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    });
  });

  it('truncates the body with a matching Content-Length', async () => {
    await withFault({ kind: 'truncate', route: 'listJobs', afterBytes: 1_500 }, async () => {
      const response = await plexFetch(plex.url, '/scheduling/v1/jobs');
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe('1500');
      expect(Buffer.byteLength(text)).toBe(1_500);
      expect(() => JSON.parse(text)).toThrow();
    });
  });

  it('truncates a short body to half its length', async () => {
    const full = await (await plexFetch(plex.url, `/mdm/v1/tenants`)).text();
    await withFault({ kind: 'truncate', route: 'listTenants', afterBytes: 100_000 }, async () => {
      const text = await (await plexFetch(plex.url, '/mdm/v1/tenants')).text();
      expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));
    });
  });
});

describe('hang faults', () => {
  it('sends nothing until the client gives up', async () => {
    await withFault({ kind: 'hang', route: 'listSuppliers' }, async () => {
      await expect(plexFetch(plex.url, '/mdm/v1/suppliers', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
      const entry = plex.emulator.requests().findLast((request) => request.operationId === 'listSuppliers');
      expect(entry?.status).toBeNull();
      expect(entry?.faults).toEqual(['hang']);
    });
  });

  it('closes hanging connections when the emulator closes', async () => {
    const emulator = await startEmulator({ faults: [{ kind: 'hang' }] });
    const pending = plexFetch(emulator.url, '/mdm/v1/tenants');
    const settled = pending.then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await emulator.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await settled).toBe('failed');
  });
});

describe('fault selection', () => {
  it('stops after count', async () => {
    plex.emulator.addFault({ kind: 'server-error', route: 'listOperations', count: 2 });
    const statuses = [];
    for (let round = 0; round < 3; round += 1) {
      statuses.push((await timed('/mdm/v1/operations')).status);
    }
    expect(statuses).toEqual([500, 500, 200]);
    expect(plex.emulator.faults()).toEqual([]);
    expect(plex.emulator.faultCounts()).toContainEqual({ kind: 'server-error', operationId: 'listOperations', count: 2 });
  });

  it('affects only its route', async () => {
    await withFault({ kind: 'server-error', route: 'getPart' }, async () => {
      expect((await timed('/mdm/v1/parts')).status).toBe(200);
    });
  });

  it('never fires with probability 0', async () => {
    await withFault({ kind: 'server-error', probability: 0 }, async () => {
      const statuses = new Set<number>();
      for (let round = 0; round < 10; round += 1) {
        statuses.add((await timed('/mdm/v1/tenants')).status);
      }
      expect(statuses).toEqual(new Set([200]));
    });
  });

  it('fires some of the time with probability 0.5', async () => {
    await withFault({ kind: 'server-error', probability: 0.5 }, async () => {
      let failures = 0;
      for (let round = 0; round < 40; round += 1) {
        failures += (await timed('/mdm/v1/tenants')).status === 500 ? 1 : 0;
      }
      expect(failures).toBeGreaterThan(5);
      expect(failures).toBeLessThan(35);
    });
  });

  it('rejects a route that matches no operation', () => {
    expect(() => plex.emulator.addFault({ kind: 'hang', route: 'listWidgets' })).toThrow(RangeError);
  });

  it('rejects an invalid probability', () => {
    expect(() => plex.emulator.addFault({ kind: 'hang', probability: 2 })).toThrow(/probability/);
  });

  it('takes faults from the options', async () => {
    const emulator = await startEmulator({ faults: [parseFaultSpec('unavailable,route=listTenants,count=1,retry-after=4')] });
    try {
      const first = await plexFetch(emulator.url, '/mdm/v1/tenants');
      const second = await plexFetch(emulator.url, '/mdm/v1/tenants');
      expect([first.status, first.headers.get('retry-after'), second.status]).toEqual([503, '4', 200]);
    } finally {
      await emulator.close();
    }
  });
});

describe('Function: parseFaultSpec', () => {
  it('reads every key', () => {
    expect(parseFaultSpec('latency,route=listJobs,count=3,probability=0.25,ms=10,max-ms=20')).toEqual({
      kind: 'latency',
      route: 'listJobs',
      count: 3,
      probability: 0.25,
      latencyMs: 10,
      maxLatencyMs: 20,
    });
    expect(parseFaultSpec('kind=reset,after-bytes=64')).toEqual({ kind: 'reset', afterBytes: 64 });
  });

  it.each(['explode', 'hang,colour=red', 'hang,count=0', 'hang,count=1.5', 'latency,ms=-1'])('rejects %s', (text) => {
    expect(() => parseFaultSpec(text)).toThrow(RangeError);
  });
});
