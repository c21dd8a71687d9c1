import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS, type Emulator, startEmulator } from '../../emulator/index.js';
import type { AccessCheckReport } from '../../functions/access-check/report.js';
import { leakedKeys, runCli } from './support.js';

const ANSI = /\u001b\[\d+m/;

describe('plex-connect check', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it('passes against a fresh emulator', async () => {
    const result = await runCli(['check', '--emulator']);

    expect(result.stdout).toMatch(/^Tenant +mdm +production +inventory +purchasing +scheduling$/m);
    expect(result.stdout).toContain('default: lakeshore');
    expect(result.stdout).toContain('PCN 91544');
    expect(result.stdout).toContain('Summary: 15 probes, 15 ok, 0 failed');
    expect(result.stdout).toMatch(/^Key: sha256:[0-9a-f]{8} from demo key primary$/m);
    expect(result.stdout).not.toMatch(ANSI);
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('prints the report as JSON', async () => {
    const result = await runCli(['check', '--emulator', '--json']);
    const report = JSON.parse(result.stdout) as AccessCheckReport;

    expect(report.summary).toMatchObject({ probes: 15, ok: 15, failed: 0 });
    expect(report.keyFingerprint).toMatch(/^sha256:[0-9a-f]{8}$/);
    expect(report.defaultTenant?.code).toBe('lakeshore');
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('colours the table when forced', async () => {
    const result = await runCli(['check', '--emulator', '--products', 'mdm'], { env: { FORCE_COLOR: '1' } });

    expect(result.stdout).toMatch(ANSI);
    expect(result.status).toBe(0);
  });

  it('exits 1 for an unsubscribed product', async () => {
    const result = await runCli(['check', '--emulator', '--demo-key', 'mdm-only']);

    expect(result.stdout).toContain('product-not-subscribed');
    expect(result.stdout).toContain('tenant-not-reachable');
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(1);
  });

  it('exits 1 for an expired key', async () => {
    const env = { PLEX_BASE_URL: emulator.url, PLEX_API_KEY: DEMO_KEYS.expired };
    const result = await runCli(['check', '--json'], { env });
    const report = JSON.parse(result.stdout) as AccessCheckReport;

    expect(report.rows.every((row) => row.status === 'key-rejected')).toBe(true);
    expect(report.keyOrigin).toBe('env:PLEX_API_KEY');
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(1);
  });

  it('reads the key from --key-env', async () => {
    const env = { PLEX_BASE_URL: emulator.url, SYNC_PLEX_KEY: DEMO_KEYS.primary };
    const result = await runCli(['check', '--key-env', 'SYNC_PLEX_KEY', '--products', 'mdm'], { env });

    expect(result.stdout).toContain('from env:SYNC_PLEX_KEY');
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('exits 2 without a server', async () => {
    const result = await runCli(['check'], { env: { PLEX_API_KEY: DEMO_KEYS.primary } });

    expect(result.stderr).toContain('plex-connect check: PLEX_TIER: is not set');
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(2);
  });

  it('names the option of an invalid value', async () => {
    const result = await runCli(['check', '--tier', 'prod'], { env: { PLEX_API_KEY: DEMO_KEYS.primary } });

    expect(result.stderr).toContain('--tier: must be one of "production", "test", got "prod".');
    expect(result.status).toBe(2);
  });

  it('rejects --tier with --emulator', async () => {
    const result = await runCli(['check', '--emulator', '--tier', 'test']);

    expect(result.stderr).toContain('--tier is not allowed with it');
    expect(result.status).toBe(2);
  });
});
