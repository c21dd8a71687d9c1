/**
 * The options that pick the Plex Connect server and API key, shared by `check` and
 * `lookup`. They override the PLEX_* variables, or start a fresh emulator instead.
 */
import { DEMO_KEYS, type Emulator, startEmulator } from '../emulator/index.js';
import type { Env } from '../functions/shared/env.js';
import { UsageError } from './usage-error.js';

export const TARGET_OPTIONS = {
  tier: { type: 'string' },
  'base-url': { type: 'string' },
  'key-env': { type: 'string' },
  emulator: { type: 'boolean' },
  'demo-key': { type: 'string' },
} as const;

export const TARGET_HELP = `Server and key (options override the environment):
  --tier <production|test>  Plex Connect tier (default: PLEX_TIER)
  --base-url <url>          another server, such as a running emulator (default:
                            PLEX_BASE_URL, which wins over PLEX_TIER)
  --key-env <name>          environment variable that contains the API key
                            (default: PLEX_API_KEY). The key is never a command
                            line argument, so it stays out of the shell history
  --emulator                start a fresh emulator on 127.0.0.1 and use one of
                            its demo keys; the PLEX_* variables are ignored
  --demo-key <name>         demo key for --emulator: primary, mdm-only or
                            expired (default primary)`;

/** The demo keys `--demo-key` accepts, by option value. */
const DEMO_KEY_NAMES: Readonly<Record<string, string>> = {
  primary: DEMO_KEYS.primary,
  'mdm-only': DEMO_KEYS.mdmOnly,
  expired: DEMO_KEYS.expired,
};

export interface TargetValues {
  tier?: string | undefined;
  'base-url'?: string | undefined;
  'key-env'?: string | undefined;
  emulator?: boolean | undefined;
  'demo-key'?: string | undefined;
}

export interface PlexTarget {
  /** The environment with the PLEX_* variables that the options set. */
  readonly env: Env;
  /** The option that set each variable, so an error about the variable can name it. */
  readonly optionOf: Readonly<Record<string, string>>;
  /** The key's origin for the report, such as `env:PLEX_API_KEY`, when an option changed it. */
  readonly keyOrigin: string | undefined;
  /** The emulator that `--emulator` started. */
  readonly emulator: Emulator | undefined;
  /** Stops the emulator, if any. */
  close(): Promise<void>;
}

function checkCombination(values: TargetValues): void {
  if (values.emulator) {
    const conflicting = (['tier', 'base-url', 'key-env'] as const).find((name) => values[name] !== undefined);
    if (conflicting) {
      throw new UsageError(`--emulator picks the server and key itself, so --${conflicting} is not allowed with it.`);
    }
  } else if (values['demo-key'] !== undefined) {
    throw new UsageError('--demo-key needs --emulator. Against another emulator, set PLEX_API_KEY to the demo key.');
  }

  if (values.tier !== undefined && values['base-url'] !== undefined) {
    throw new UsageError('Pass --tier or --base-url, not both.');
  }
}

async function emulatorTarget(values: TargetValues): Promise<PlexTarget> {
  const name = values['demo-key'] ?? 'primary';
  const apiKey = DEMO_KEY_NAMES[name];
  if (apiKey === undefined) {
    throw new UsageError(`--demo-key must be one of ${Object.keys(DEMO_KEY_NAMES).join(', ')}, received "${name}".`);
  }

  const emulator = await startEmulator({ port: 0, logLevel: 'silent' });
  return {
    env: { PLEX_BASE_URL: emulator.url, PLEX_API_KEY: apiKey },
    optionOf: {},
    keyOrigin: `demo key ${name}`,
    emulator,
    close: () => emulator.close(),
  };
}

function environmentTarget(values: TargetValues, env: Env): PlexTarget {
  const overrides: Record<string, string> = {};
  const optionOf: Record<string, string> = {};
  // An option for one server clears the variable of the other, so the option always wins.
  if (values.tier !== undefined) {
    Object.assign(overrides, { PLEX_TIER: values.tier, PLEX_BASE_URL: '' });
    optionOf.PLEX_TIER = '--tier';
  }
  if (values['base-url'] !== undefined) {
    Object.assign(overrides, { PLEX_BASE_URL: values['base-url'], PLEX_TIER: '' });
    optionOf.PLEX_BASE_URL = '--base-url';
  }

  const keyVariable = values['key-env'];
  if (keyVariable !== undefined) {
    const key = env[keyVariable]?.trim();
    if (!key) throw new UsageError(`--key-env names ${keyVariable}, but ${keyVariable} is not set or empty.`);

    Object.assign(overrides, { PLEX_API_KEY: key, PLEX_API_KEY_PARAMETER: '' });
    optionOf.PLEX_API_KEY = '--key-env';
  }

  return {
    env: { ...env, ...overrides },
    optionOf,
    keyOrigin: keyVariable === undefined ? undefined : `env:${keyVariable}`,
    emulator: undefined,
    close: async () => undefined,
  };
}

/**
 * Resolves the server and key options. With `--emulator` it starts an emulator on an
 * ephemeral port of 127.0.0.1, which the caller stops with `close()`.
 *
 * @throws UsageError for options that cannot be combined or an unknown demo key.
 */
export async function resolveTarget(values: TargetValues, env: Env = process.env): Promise<PlexTarget> {
  checkCombination(values);

  return values.emulator ? emulatorTarget(values) : environmentTarget(values, env);
}

/**
 * Names the option instead of the variable in a message that starts with `VARIABLE:`,
 * when an option set that variable.
 */
export function withOption(message: string, variable: string, target: PlexTarget): string {
  const option = target.optionOf[variable];
  if (option === undefined) return message;

  const prefix = `${variable}: `;
  return message.startsWith(prefix) ? `${option}: ${message.slice(prefix.length)}` : `${option}: ${message}`;
}
