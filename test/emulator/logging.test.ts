import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, TENANTS, fingerprint, startEmulator, type LogLevel } from '../../emulator/index.js';
import { plexFetch } from './support/http.js';

async function logLines(level: LogLevel, requests: (url: string) => Promise<void>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const emulator = await startEmulator({ logLevel: level, logSink: (line) => lines.push(line) });
  try {
    await requests(emulator.url);
  } finally {
    await emulator.close();
  }

  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function someRequests(url: string): Promise<void> {
  await (await plexFetch(url, '/mdm/v1/tenants')).arrayBuffer();
  await (await plexFetch(url, '/mdm/v1/parts', { key: DEMO_KEYS.mdmOnly, customerId: TENANTS[0]!.pcn })).arrayBuffer();
  await (await plexFetch(url, '/mdm/v1/tenants', { key: null, query: { apiKey: DEMO_KEYS.expired } })).arrayBuffer();
}

describe('request logs', () => {
  it('writes one JSON line per request', async () => {
    const lines = await logLines('info', someRequests);
    const requests = lines.filter((line) => line.message === 'request');
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/mdm/v1/tenants',
      tenantId: TENANTS[0]!.id,
      status: 200,
      keyFingerprint: fingerprint(DEMO_KEYS.primary),
    });
    expect(typeof requests[0]?.durationMs).toBe('number');
    expect(requests[1]).toMatchObject({ status: 401, keyFingerprint: fingerprint(DEMO_KEYS.mdmOnly) });
  });

  it('never writes a key', async () => {
    const lines = await logLines('debug', someRequests);
    const text = lines.map((line) => JSON.stringify(line)).join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const key of Object.values(DEMO_KEYS)) {
      expect(text).not.toContain(key);
    }
  });

  it('writes the rejection reason at debug level only', async () => {
    const debug = await logLines('debug', someRequests);
    const info = await logLines('info', someRequests);
    expect(debug.map((line) => line.reason)).toContain('tenant 79870 not reachable');
    expect(info.some((line) => line.message === 'request rejected')).toBe(false);
  });

  it('writes nothing when silent', async () => {
    expect(await logLines('silent', someRequests)).toEqual([]);
  });

  it('writes only errors at error level', async () => {
    expect(await logLines('error', someRequests)).toEqual([]);
  });

  it('uses eight hex digits of SHA-256 as the fingerprint', () => {
    expect(fingerprint('emulator-key-primary')).toMatch(/^sha256:[0-9a-f]{8}$/);
    expect(fingerprint('a')).toBe('sha256:ca978112');
  });
});
