import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient } from '../../client/index.js';
import { DEMO_KEYS, type Emulator, startEmulator } from '../../emulator/index.js';
import { leakedKeys, runCli } from './support.js';

interface LookupOutput {
  lookup: string;
  count: number;
  matches: { badgeNumber?: string }[];
}

describe('plex-connect lookup', () => {
  let emulator: Emulator;
  let badge: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    const plex = createPlexClient({ baseUrl: emulator.url, apiKey: DEMO_KEYS.primary });
    const employees = await plex.getOrThrow('/mdm/v1/employees');
    badge = employees.find((employee) => employee.badgeNumber)!.badgeNumber!;
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it('prints the match', async () => {
    const result = await runCli(['lookup', 'employee-by-badge', `badgeNumber=${badge}`, '--emulator']);

    expect(result.stdout).toMatch(/^employee-by-badge: \d+ match/);
    expect(result.stdout).toMatch(new RegExp(`^  badgeNumber +${badge}$`, 'm'));
    expect(result.status).toBe(0);
  });

  it('prints JSON from PLEX_BASE_URL', async () => {
    const env = { PLEX_BASE_URL: emulator.url, PLEX_API_KEY: DEMO_KEYS.primary };
    const result = await runCli(['lookup', 'employee-by-badge', `badgeNumber=${badge}`, '--json'], { env });
    const output = JSON.parse(result.stdout) as LookupOutput;

    expect(output.lookup).toBe('employee-by-badge');
    expect(output.count).toBe(output.matches.length);
    expect(output.matches[0]?.badgeNumber).toBe(badge);
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('exits 1 without a match', async () => {
    const result = await runCli(['lookup', 'employee-by-badge', 'badgeNumber=NO-SUCH-BADGE', '--emulator', '--json']);
    const output = JSON.parse(result.stdout) as LookupOutput;

    expect(output.count).toBe(0);
    expect(result.stderr).toContain('No employee has badge number "NO-SUCH-BADGE".');
    expect(result.status).toBe(1);
  });

  it('exits 1 for a container not found', async () => {
    const result = await runCli(['lookup', 'container-by-serial-no', 'serialNo=S-NONE', '--emulator']);

    expect(result.stderr).toContain('No active container has serial number "S-NONE".');
    expect(result.status).toBe(1);
  });

  it('exits 1 when Plex rejects the key', async () => {
    const env = { PLEX_BASE_URL: emulator.url, PLEX_API_KEY: DEMO_KEYS.expired };
    const result = await runCli(['lookup', 'part-by-number', 'partNumber=X'], { env });

    expect(result.stderr).toContain('401');
    expect(leakedKeys(result)).toEqual([]);
    expect(result.status).toBe(1);
  });

  it('exits 2 for invalid parameters', async () => {
    const result = await runCli(['lookup', 'employee-by-badge', 'badge=1', '--emulator']);

    expect(result.stderr).toContain('badgeNumber is missing');
    expect(result.stderr).toContain('badge is not a parameter of employee-by-badge');
    expect(result.status).toBe(2);
  });

  it('exits 2 for an unknown lookup', async () => {
    const result = await runCli(['lookup', 'employee-by-name', 'name=x']);

    expect(result.stderr).toContain('Unknown lookup "employee-by-name". Use one of employee-by-badge,');
    expect(result.status).toBe(2);
  });

  it('exits 2 without a key', async () => {
    const result = await runCli(['lookup', 'part-by-number', 'partNumber=X'], { env: { PLEX_TIER: 'test' } });

    expect(result.stderr).toContain('PLEX_API_KEY: is not set');
    expect(result.status).toBe(2);
  });
});
