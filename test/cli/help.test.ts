import { describe, expect, it } from 'vitest';
import { runCli } from './support.js';

const SUBCOMMANDS = ['check', 'lookup', 'date', 'emulator', 'sign'];

describe('plex-connect help', () => {
  it('lists every command', async () => {
    const result = await runCli(['--help']);

    for (const name of SUBCOMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(result.stdout).toContain('Exit status:');
    expect(result.status).toBe(0);
  });

  it.each(SUBCOMMANDS)('shows help for %s', async (name) => {
    const result = await runCli([name, '--help']);

    expect(result.stdout).toMatch(new RegExp(`^Usage: plex-connect ${name}`));
    expect(result.stdout).toContain('Exit status:');
    expect(result.stdout).toContain('  2  invalid command line or configuration');
    expect(result.status).toBe(0);
  });

  it('lists every lookup in the lookup help', async () => {
    const { lookupNames } = await import('../../generated/lookup-request.validate.js');
    const result = await runCli(['lookup', '-h']);

    for (const name of lookupNames) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('exits 2 for an unknown command', async () => {
    const result = await runCli(['chek']);

    expect(result.stderr).toContain('Unknown command "chek"');
    expect(result.status).toBe(2);
  });

  it('exits 2 for an unknown option', async () => {
    const result = await runCli(['date', '--verbose', '2024-01-31T13:45Z']);

    expect(result.stderr).toContain("Unknown option '--verbose'");
    expect(result.status).toBe(2);
  });

  it('prints usage and exits 2 without a command', async () => {
    const result = await runCli([]);

    expect(result.stderr).toContain('Usage: plex-connect <command>');
    expect(result.status).toBe(2);
  });
});
