import { describe, expect, it } from 'vitest';
import { runCli } from './support.js';

interface Verdict {
  input: string;
  valid: boolean;
  normalized: string | null;
  reason: string | null;
}

describe('plex-connect date', () => {
  it('prints a valid value in the long form', async () => {
    const result = await runCli(['date', '2024-01-31T13:45Z']);

    expect(result.stdout).toBe('2024-01-31T13:45:00.0000000Z\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('converts an offset and says why', async () => {
    const result = await runCli(['date', '2024-04-01T01:00+02:00']);

    expect(result.stdout).toBe('2024-03-31T23:00:00.0000000Z\n');
    expect(result.stderr).toContain('Plex rejects "2024-04-01T01:00+02:00" as written');
    expect(result.stderr).toContain('Plex accepts only Z');
    expect(result.status).toBe(0);
  });

  it('explains an invalid value', async () => {
    const result = await runCli(['date', '2023-02-29T00:00Z']);

    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('"2023-02-29T00:00Z" is invalid: 2023-02-29 does not exist because 2023 is not a leap year');
    expect(result.status).toBe(1);
  });

  it('exits 1 when any value is invalid', async () => {
    const result = await runCli(['date', '2024-01-31T13:45Z', '2024-01-31 13:45']);

    expect(result.stdout).toBe('2024-01-31T13:45:00.0000000Z\n');
    expect(result.stderr).toContain('replace the space with T');
    expect(result.status).toBe(1);
  });

  it('prints verdicts as JSON', async () => {
    const result = await runCli(['date', '--json', '2024-01-31T13:45:00.1234567Z', '2024-01-31T13:45:00.12345678Z']);
    const verdicts = JSON.parse(result.stdout) as Verdict[];

    expect(verdicts[0]).toEqual({
      input: '2024-01-31T13:45:00.1234567Z',
      valid: true,
      normalized: '2024-01-31T13:45:00.1234567Z',
      reason: null,
    });
    expect(verdicts[1]?.normalized).toBeNull();
    expect(verdicts[1]?.reason).toContain('8 fractional digits');
    expect(result.status).toBe(1);
  });

  it('exits 2 without a value', async () => {
    const result = await runCli(['date']);

    expect(result.stderr).toContain('Give at least one date-time');
    expect(result.status).toBe(2);
  });
});
