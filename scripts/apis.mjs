// The two descriptions this project publishes, as named in redocly.yaml.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const APIS = [
  { name: 'plex-connect', title: 'Plex Connect API' },
  { name: 'lookup-webhook', title: 'Lookup webhook' },
];

// Redocly prints a boxed Node.js deprecation banner on Node 20. The box adds
// nothing to a build log, so its lines are dropped and everything else kept.
const BANNER_LINE = /[║╔╚]/;

/**
 * Runs a command from node_modules/.bin with telemetry off, and exits the
 * process with its status when it fails.
 */
export function run(bin, args, { quiet = false } = {}) {
  const result = spawnSync(`${ROOT}node_modules/.bin/${bin}`, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_UPDATE_NOTIFIER: '1' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    .split('\n')
    .filter((line) => !BANNER_LINE.test(line))
    .join('\n')
    .trim();

  if (result.error || result.status !== 0) {
    console.error(output);
    console.error(`${bin} ${args.join(' ')} failed with status ${result.status}.`);
    process.exit(result.status || 1);
  }

  if (!quiet && output) console.log(output);
  return output;
}
