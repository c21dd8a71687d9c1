/** An emulator in a process of its own, so its work does not run on the benchmark's event loop. */
import type { RateLimitOptions, RateLimitStats, Scale } from '../../emulator/index.js';
import { benchFile } from './paths.js';
import { firstJsonLine, spawnTypeScript, waitForExit } from './processes.js';

/** Options of an emulator started with `startEmulatorProcess`. */
export interface HostedEmulatorOptions {
  scale: Scale;
  /** Requests per window for each key, or false for no limit. */
  rateLimit: RateLimitOptions | false;
}

export interface EmulatorProcess {
  readonly url: string;
  /** Reads the rate limit statistics from the control endpoint. */
  stats(): Promise<RateLimitStats>;
  /** Stops the emulator and waits for its process to exit. */
  close(): Promise<void>;
}

/** How long an emulator process may take to start, generating its dataset included. */
const START_TIMEOUT_MS = 60_000;

export async function startEmulatorProcess(options: HostedEmulatorOptions): Promise<EmulatorProcess> {
  const child = spawnTypeScript(benchFile('support/emulator-host.ts'), [JSON.stringify(options)]);
  const close = async () => {
    child.stdin!.end();
    await waitForExit(child, 5_000);
  };

  let url: string;
  try {
    ({ url } = await firstJsonLine<{ url: string }>(child, START_TIMEOUT_MS));
  } catch (error) {
    await close();
    throw error;
  }

  const stats = async () => {
    const response = await fetch(`${url}/_emulator/stats`);
    const body = (await response.json()) as { rateLimit: RateLimitStats };
    return body.rateLimit;
  };

  return { url, stats, close };
}
