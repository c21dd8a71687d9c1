import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../emulator/index.js';
import { parseCliArgs } from '../../emulator/cli-args.js';
import { plexFetch } from './support/http.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE_ARGS = ['--import', 'tsx', 'emulator/cli.ts'];

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('emulator command', () => {
  it('prints the URL and demo keys and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, '--port', '0', '--log-level', 'info'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1] !== undefined && stdout.includes('Ctrl-C')) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${stderr}`)));
    });

    const response = await plexFetch(url, '/mdm/v1/tenants');
    await response.arrayBuffer();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');

    expect(response.status).toBe(200);
    expect(await exited).toBe(0);
    for (const key of Object.values(DEMO_KEYS)) {
      expect(stdout).toContain(key);
      expect(stderr).not.toContain(key);
    }
    expect(stdout).toContain('stopping the emulator');
    expect(stderr).toContain('"message":"request"');
  });

  it('exits with 2 and names the option for an invalid value', () => {
    const result = runCli(['--port', 'abc']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port must be an integer from 0 to 65535, received "abc"');
  });

  it('prints help', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--rate-limit <number>');
  });
});

describe('Function: parseCliArgs', () => {
  it.each([
    [['--port', '70000'], '--port must be an integer from 0 to 65535, received "70000"'],
    [['--port', '1.5'], '--port must be an integer'],
    [['--scale', 'huge'], '--scale must be one of small, production, received "huge"'],
    [['--rate-limit=-5'], '--rate-limit must be an integer from 0 to 1000000'],
    [['--rate-limit', 'many'], '--rate-limit must be an integer'],
    [['--log-level', 'loud'], '--log-level must be one of silent, error, info, debug'],
    [['--fault', 'meltdown'], '--fault "meltdown" is invalid'],
    [['--host', ''], '--host must not be empty'],
    [['--colour'], "Unknown option '--colour'"],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
  });

  it('uses the defaults', () => {
    const { options } = parseCliArgs([]);
    expect(options).toMatchObject({ port: 4010, host: '127.0.0.1', scale: 'small', logLevel: 'info', faults: [] });
    expect(options.rateLimit).toEqual({ requests: 200, windowMs: 60_000 });
  });

  it('reads repeated faults and turns the rate limit off with 0', () => {
    const args = ['--fault', 'hang,route=listJobs', '--fault', 'latency,ms=5', '--rate-limit', '0', '--seed', '42'];
    const { options } = parseCliArgs(args);
    expect(options.faults).toEqual([{ kind: 'hang', route: 'listJobs' }, { kind: 'latency', latencyMs: 5 }]);
    expect(options.rateLimit).toBe(false);
    expect(options.seed).toBe('42');
  });
});
