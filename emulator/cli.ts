/**
 * `npm run emulator`: starts the emulator, prints its URL and the demo keys, and stops
 * cleanly on SIGINT or SIGTERM. Exits with 2 for an unusable command line and 1 when the
 * emulator cannot start.
 */
import { CliUsageError, USAGE, parseCliArgs } from './cli-args.js';
import { DEMO_KEY_CONFIGS, resolveKeys } from './keys.js';
import { stderrSink } from './logger.js';
import type { Emulator } from './options.js';
import { startEmulator } from './server.js';

function describeKeys(): string[] {
  return [...resolveKeys(DEMO_KEY_CONFIGS).values()].map((key) => {
    const tenants = key.tenants.map((tenant) => {
      const role = tenant === key.defaultTenant ? ', default' : '';
      return `${tenant.code} (PCN ${tenant.pcn}${role})`;
    });
    const products = [...key.products].join(', ');
    const expiry =
      key.expiresAtMs === undefined
        ? 'no expiry'
        : `${key.expiresAtMs <= Date.now() ? 'expired' : 'expires'} ${new Date(key.expiresAtMs).toISOString()}`;
    return `  ${key.key.padEnd(24)} ${tenants.join(', ')}; products: ${products}; ${expiry}`;
  });
}

function printBanner(emulator: Emulator): void {
  const lines = [
    `Plex Connect emulator listening on ${emulator.url} ` +
      `(scale ${emulator.dataset.scale}, seed ${String(emulator.dataset.seed)})`,
    'Demo keys, sent in the X-Plex-Connect-Api-Key header:',
    ...describeKeys(),
    `Control endpoints: ${emulator.url}/_emulator/faults, /_emulator/requests, /_emulator/stats`,
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function stopOnSignals(emulator: Emulator): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal while closing means the user wants out now.
      process.exit(130);
    }

    stopping = true;
    process.stdout.write(`Received ${signal}, stopping the emulator.\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`The emulator did not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`plex-connect emulator: ${error.message}\nRun with --help for the options.\n`);
      process.exit(2);
    }
    throw error;
  }

  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const emulator = await startEmulator({ ...parsed.options, logSink: stderrSink });
  printBanner(emulator);
  stopOnSignals(emulator);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`plex-connect emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
