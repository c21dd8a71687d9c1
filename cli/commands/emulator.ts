/** `plex-connect emulator`: the local Plex Connect emulator, with the options of `npm run emulator`. */
import { CliUsageError, USAGE as EMULATOR_USAGE, parseCliArgs } from '../../emulator/cli-args.js';
import { DEMO_KEY_CONFIGS, type Emulator, startEmulator } from '../../emulator/index.js';
import { stderrSink } from '../../emulator/logger.js';
import { EXIT, EXIT_STATUS_HELP, type ExitCode } from '../exit-codes.js';
import { printLine } from '../terminal.js';
import { UsageError } from '../usage-error.js';

export const USAGE = `${EMULATOR_USAGE.replace('npm run emulator --', 'plex-connect emulator')}

The emulator logs one JSON line per request to standard error, naming each key
by its fingerprint. It runs until Ctrl-C or SIGTERM and then exits with 0.

${EXIT_STATUS_HELP}`;

function describeKey(config: (typeof DEMO_KEY_CONFIGS)[number]): string {
  const tenants = 1 + (config.tenants ?? []).filter((tenant) => tenant !== config.defaultTenant).length;
  const products = config.products === undefined ? 'every API product' : config.products.join(', ');
  const expired = config.expiresAt ? `, expired ${String(config.expiresAt).slice(0, 10)}` : '';

  return `  ${config.key.padEnd(24)} ${tenants} tenant${tenants === 1 ? '' : 's'}; ${products}${expired}`;
}

function printBanner(emulator: Emulator): void {
  const { scale, seed } = emulator.dataset;
  printLine(`Plex Connect emulator listening on ${emulator.url} (scale ${scale}, seed ${String(seed)})`);
  printLine('Demo keys, sent in the X-Plex-Connect-Api-Key header:');
  for (const config of DEMO_KEY_CONFIGS) printLine(describeKey(config));
  printLine('Press Ctrl-C to stop.');
}

/** Resolves with the exit status once SIGINT or SIGTERM has stopped the emulator. */
function waitForStop(emulator: Emulator): Promise<ExitCode> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      printLine(`Received ${signal}, stopping the emulator.`);
      emulator.close().then(() => resolve(EXIT.ok), reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs `plex-connect emulator` until a signal stops it, and returns its exit status. */
export async function run(argv: readonly string[]): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) throw new UsageError(error.message, { cause: error });
    throw error;
  }

  if (parsed.help) {
    printLine(USAGE);
    return EXIT.ok;
  }

  const emulator = await startEmulator({ ...parsed.options, logSink: stderrSink });
  printBanner(emulator);

  return waitForStop(emulator);
}
