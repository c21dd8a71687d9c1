/** Time for a fresh Node process to load a bundled handler. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ROOT } from './paths.js';
import { childEnv } from './processes.js';

const run = promisify(execFile);

/** Timings of one fresh process, in milliseconds since the process started. */
export interface LoadTiming {
  /** From process start until `handler` is exported: what a cold start pays before the first invocation. */
  readyMs: number;
  /** The `require` of the bundle alone. */
  requireMs: number;
  /** Whether requiring the bundle also loaded `@aws-sdk/client-ssm`. */
  sdkLoaded: boolean;
}

/**
 * Requires the bundle given as the first argument and prints both timings, and whether the
 * SSM client came along, as JSON. `performance.now()` counts from the start of the process.
 */
const LOADER = [
  'const before = performance.now();',
  'const loaded = require(process.argv[1]);',
  "if (typeof loaded.handler !== 'function') { process.stderr.write('no handler export'); process.exit(3); }",
  'const ready = performance.now();',
  "const sdkLoaded = Object.keys(require.cache).some((file) => file.includes('/@aws-sdk/client-ssm/'));",
  'process.stdout.write(JSON.stringify({ readyMs: ready, requireMs: ready - before, sdkLoaded }));',
].join('\n');

/**
 * Loads the bundle in a new Node process with `--enable-source-maps`, as serverless.yml
 * sets in `NODE_OPTIONS`, and returns the timings it measured. The bundles leave the AWS
 * SDK v3 to the Lambda runtime, which provides it as installed packages, so `NODE_PATH`
 * points at the project's installed copy in its place.
 */
export async function measureLoad(bundle: string): Promise<LoadTiming> {
  const { stdout } = await run(process.execPath, ['-e', LOADER, bundle], {
    env: childEnv({ NODE_OPTIONS: '--enable-source-maps', NODE_PATH: join(ROOT, 'node_modules') }),
    timeout: 30_000,
  });

  return JSON.parse(stdout) as LoadTiming;
}
