/** Child processes of the benchmarks: TypeScript workers run by Node with the tsx loader. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from './paths.js';

/** Environment of every child: the AWS SDK must never look for instance metadata. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', ...extra };
}

/** Starts a TypeScript file in a fresh Node process, with `args` after the file name and `nodeArgs` before it. */
export function spawnTypeScript(file: string, args: readonly string[], nodeArgs: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env: childEnv(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/**
 * Resolves with the first line the child writes to stdout, parsed as JSON. Rejects when
 * the child exits before writing one or takes longer than `timeoutMs`.
 */
export function firstJsonLine<T>(child: ChildProcess, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.off('line', onLine);
      settle();
    };
    const onLine = (line: string) => {
      try {
        const value = JSON.parse(line) as T;
        finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(new Error(`Child ${child.pid} wrote a line that is not JSON: ${line.slice(0, 200)}`, { cause: error })));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish(() => reject(new Error(`Child ${child.pid} exited (${signal ?? code}) before writing its result.`)));
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`Child ${child.pid} wrote no result within ${timeoutMs} ms.`)));
    }, timeoutMs);
    lines.on('line', onLine);
    child.once('exit', onExit);
  });
}

/** Resolves once the child has exited, sending SIGKILL to it after `graceMs`. */
export function waitForExit(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();

  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs a worker to completion and returns the JSON result it writes to stdout. */
export async function runWorker<T>(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  nodeArgs: readonly string[] = [],
): Promise<T> {
  const child = spawnTypeScript(file, args, nodeArgs);
  child.stdin!.end();
  try {
    return await firstJsonLine<T>(child, timeoutMs);
  } finally {
    await waitForExit(child, 5_000);
  }
}
