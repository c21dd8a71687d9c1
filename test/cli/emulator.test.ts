import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../emulator/index.js';
import { ROOT } from '../support/bundle.js';
import { runCli } from './support.js';

describe('plex-connect emulator', () => {
  it('serves until SIGTERM and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/plex-connect.ts', 'emulator', '--port', '0'], { cwd: ROOT });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1] && stdout.includes('Ctrl-C')) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${String(code)} before it was ready`)));
    });

    const response = await fetch(`${url}/mdm/v1/tenants`, { headers: { 'X-Plex-Connect-Api-Key': DEMO_KEYS.primary } });
    await response.arrayBuffer();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');

    expect(response.status).toBe(200);
    expect(stdout).toContain(DEMO_KEYS.mdmOnly);
    expect(await exited).toBe(0);
  });

  it('exits 2 for an invalid port', async () => {
    const result = await runCli(['emulator', '--port', 'abc']);

    expect(result.stderr).toContain('--port must be an integer from 0 to 65535, received "abc"');
    expect(result.status).toBe(2);
  });
});
