/** Command-line options of `npm run emulator`, parsed with util.parseArgs. */
import { parseArgs } from 'node:util';
import { SCALES, type Scale } from './data/scale.js';
import { parseFaultSpec, type FaultSpec } from './faults.js';
import { LOG_LEVELS, isLogLevel } from './logger.js';
import type { EmulatorOptions } from './options.js';
import { DEFAULT_HOST, DEFAULT_SEED } from './options.js';

export const DEFAULT_CLI_PORT = 4010;

export const USAGE = `Usage: npm run emulator -- [options]

Starts a local Plex Connect emulator and prints its URL and demo keys.

Options:
  --port <number>           TCP port, 0 for any free port (default ${DEFAULT_CLI_PORT})
  --host <address>          interface to bind (default ${DEFAULT_HOST})
  --seed <text>             seed of the generated data (default ${DEFAULT_SEED})
  --scale <small|production>
                            record counts: small for tests, production for the
                            sizes of a real tenant (default small)
  --rate-limit <number>     requests per minute for each key, 0 for no limit
                            (default 200)
  --fault <spec>            inject a fault; repeatable. Spec: kind[,key=value...]
                            kinds: latency, server-error, bad-gateway, unavailable,
                            rate-limit, reset, truncate, hang
                            keys: route, count, probability, ms, max-ms,
                            retry-after, after-bytes
                            example: --fault server-error,route=listJobs,count=2
  --log-level <level>       ${LOG_LEVELS.join(', ')} (default info)
  --validate-responses      check each JSON body against the description and log mismatches
  -h, --help                show this help`;

/** A command line that cannot be used. The message names the option and the accepted values. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export interface CliArgs {
  help: boolean;
  options: EmulatorOptions & { port: number };
}

function integerOption(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) {
    return fallback;
  }

  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new CliUsageError(`--${name} must be an integer from ${min} to ${max}, received "${text}".`);
  }

  return value;
}

function faultOptions(texts: string[] | undefined): FaultSpec[] {
  return (texts ?? []).map((text) => {
    try {
      return parseFaultSpec(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliUsageError(`--fault "${text}" is invalid: ${reason}`);
    }
  });
}

/** Parses the arguments after the script name. Throws CliUsageError for an unusable command line. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        scale: { type: 'string' },
        'rate-limit': { type: 'string' },
        fault: { type: 'string', multiple: true },
        'log-level': { type: 'string' },
        'validate-responses': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }

  const scale = values.scale ?? 'small';
  if (!(SCALES as readonly string[]).includes(scale)) {
    throw new CliUsageError(`--scale must be one of ${SCALES.join(', ')}, received "${scale}".`);
  }
  const logLevel = values['log-level'] ?? 'info';
  if (!isLogLevel(logLevel)) {
    throw new CliUsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, received "${logLevel}".`);
  }
  if (values.host === '') {
    throw new CliUsageError('--host must not be empty.');
  }

  const perMinute = integerOption('rate-limit', values['rate-limit'], 200, 0, 1_000_000);
  return {
    help: values.help === true,
    options: {
      port: integerOption('port', values.port, DEFAULT_CLI_PORT, 0, 65_535),
      host: values.host ?? DEFAULT_HOST,
      seed: values.seed ?? DEFAULT_SEED,
      scale: scale as Scale,
      rateLimit: perMinute === 0 ? false : { requests: perMinute, windowMs: 60_000 },
      faults: faultOptions(values.fault),
      logLevel,
      validateResponses: values['validate-responses'] === true,
    },
  };
}
