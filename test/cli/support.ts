import { spawn } from 'node:child_process';
import { DEMO_KEYS } from '../../emulator/index.js';
import { ROOT } from '../support/bundle.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables added to the cleaned environment. */
  env?: Record<string, string>;
  /** Bytes written to standard input, which is then closed. */
  input?: string;
  /** @default 60 s */
  timeoutMs?: number;
}

/** Variables the command reads, removed so the caller's shell cannot change a test's outcome. */
const COMMAND_VARIABLES = /^(PLEX_|ACCESS_CHECK_|LOOKUP_|NO_COLOR$|FORCE_COLOR$|AWS_)/;

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !COMMAND_VARIABLES.test(name)));
  return { ...env, ...extra };
}

/**
 * Runs `plex-connect` from source through tsx as a real process. It is asynchronous, so
 * an emulator started by the test keeps responding while the command runs.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/plex-connect.ts', ...args], {
    cwd: ROOT,
    env: cleanEnv(options.env ?? {}),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(options.input ?? '');

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`plex-connect ${args.join(' ')} did not exit within ${options.timeoutMs ?? 60_000} ms`));
    }, options.timeoutMs ?? 60_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Returns the demo keys that appear in the command's output; a command must never print a key. */
export function leakedKeys(result: CliResult): string[] {
  return Object.values(DEMO_KEYS).filter((key) => result.stdout.includes(key) || result.stderr.includes(key));
}
