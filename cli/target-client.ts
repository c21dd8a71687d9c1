/** A Plex client for the server and key that the options and the PLEX_* variables pick. */
import { type PlexClient, PlexConfigError, createPlexClient } from '../client/index.js';
import { FunctionConfigError } from '../functions/shared/config-error.js';
import { type Env, oneOf, optionalString } from '../functions/shared/env.js';
import { type PlexTarget, withOption } from './plex-target.js';
import { stderrLogger } from './stderr-logger.js';
import { UsageError } from './usage-error.js';

/** The variable behind each client option, for error messages. */
const OPTION_VARIABLES: Readonly<Record<string, string>> = {
  tier: 'PLEX_TIER',
  baseUrl: 'PLEX_BASE_URL',
  apiKey: 'PLEX_API_KEY',
};

function readServer(env: Env): { tier: 'production' | 'test' } | { baseUrl: string } {
  const baseUrl = optionalString(env, 'PLEX_BASE_URL');
  if (baseUrl !== undefined) return { baseUrl };

  const tier = oneOf(env, 'PLEX_TIER', ['production', 'test'] as const);
  if (tier !== undefined) return { tier };

  throw new FunctionConfigError(
    'PLEX_TIER',
    'is not set, and neither is PLEX_BASE_URL. Set PLEX_TIER to "production" or "test", set PLEX_BASE_URL ' +
      'to another server, or pass --tier, --base-url or --emulator.',
  );
}

/** Reads the key from PLEX_API_KEY, or from the SSM parameter that PLEX_API_KEY_PARAMETER names. */
async function readApiKey(env: Env): Promise<string> {
  if (optionalString(env, 'PLEX_API_KEY_PARAMETER') !== undefined) {
    const { secretFrom } = await import('../functions/shared/secrets.js');
    return secretFrom(env, { parameterVariable: 'PLEX_API_KEY_PARAMETER', valueVariable: 'PLEX_API_KEY' }).get();
  }

  const key = optionalString(env, 'PLEX_API_KEY');
  if (key === undefined) {
    throw new FunctionConfigError(
      'PLEX_API_KEY',
      'is not set. Set it to the consumer key from the Plex developer portal, name another variable with ' +
        '--key-env, or pass --emulator.',
    );
  }

  return key;
}

/**
 * Creates a client with the target's server and key, reporting retries on standard error.
 *
 * @throws UsageError naming the variable or option at fault when the configuration is invalid.
 */
export async function createTargetClient(target: PlexTarget): Promise<PlexClient> {
  try {
    const server = readServer(target.env);
    const apiKey = await readApiKey(target.env);
    return createPlexClient({ apiKey, ...server, logger: stderrLogger });
  } catch (error) {
    if (error instanceof FunctionConfigError) {
      throw new UsageError(withOption(error.message, error.variable, target), { cause: error });
    }
    if (error instanceof PlexConfigError) {
      const variable = OPTION_VARIABLES[error.option] ?? error.option;
      throw new UsageError(withOption(`${variable}: ${error.message}`, variable, target), { cause: error });
    }
    throw error;
  }
}
