/** Runs `osls package`, which builds the Lambda zips exactly as a deployment would. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.js';
import { childEnv } from './processes.js';

const run = promisify(execFile);

/** Zip sizes in bytes by function name of serverless.yml, such as `webhookLookup`. */
export type PackageSizes = Record<string, number>;

/**
 * Packages every function into a temporary folder and returns the zip sizes. The build
 * folder and the output are deleted afterwards. No AWS credentials are needed or used.
 */
export async function packageSizes(functionNames: readonly string[]): Promise<PackageSizes> {
  const output = mkdtempSync(join(tmpdir(), 'plex-connect-bench-package-'));
  const buildFolder = `.esbuild-bench-${process.pid}`;
  try {
    await run(join(ROOT, 'node_modules/.bin/osls'), ['package', '--stage', 'bench', '--package', output], {
      cwd: ROOT,
      env: childEnv({
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        PLEX_CONNECT_BUILD_FOLDER: buildFolder,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
      }),
      timeout: 180_000,
    });

    return Object.fromEntries(functionNames.map((name) => [name, statSync(join(output, `${name}.zip`)).size]));
  } finally {
    rmSync(output, { recursive: true, force: true });
    rmSync(join(ROOT, buildFolder), { recursive: true, force: true });
  }
}
