import type { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import type { SSMClientConfig } from '@aws-sdk/client-ssm';
import { FunctionConfigError } from './config-error.js';
import { type Env, optionalString } from './env.js';

/** How long a secret read from SSM stays cached in a warm container, in seconds. */
export const SECRET_MAX_AGE_SECONDS = 300;

/**
 * Reads one secret, from SSM Parameter Store in AWS or from the environment
 * locally. `refresh()` bypasses the cache once, for a key that may have been
 * rotated since the container started.
 */
export interface SecretSource {
  /** The secret's origin for logs: the variable or parameter name, never the value. */
  readonly origin: string;
  get(): Promise<string>;
  refresh(): Promise<string>;
}

let provider: Promise<SSMProvider> | undefined;
let providerConfig: SSMClientConfig | undefined;

/**
 * Shares one SSM provider, and so one cache, across the secrets of a container. The
 * provider and the AWS SDK it needs are loaded on first use, so code that reads every
 * secret from the environment runs without @aws-sdk/client-ssm installed.
 */
function ssm(clientConfig: SSMClientConfig | undefined): Promise<SSMProvider> {
  if (!provider || providerConfig !== clientConfig) {
    provider = import('@aws-lambda-powertools/parameters/ssm').then(
      ({ SSMProvider }) => new SSMProvider(clientConfig ? { clientConfig } : {}),
    );
    providerConfig = clientConfig;
  }

  return provider;
}

const SSM_PACKAGE = '@aws-sdk/client-ssm';

/**
 * Loads the shared provider. Outside Lambda the SDK may be missing, because the
 * package lists it as an optional peer, so that case names the variable and the fix.
 */
async function loadProvider(options: SecretOptions): Promise<SSMProvider> {
  try {
    return await ssm(options.ssmClientConfig);
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(SSM_PACKAGE);
    if (!missing) throw error;

    throw new FunctionConfigError(
      options.parameterVariable,
      `reading an SSM parameter needs the package ${SSM_PACKAGE}, which the Lambda runtime provides. ` +
        `Outside Lambda, install it next to plex-connect with \`npm install ${SSM_PACKAGE}\`, or set ${options.valueVariable} instead.`,
      { cause: error },
    );
  }
}

export interface SecretOptions {
  /** The variable that names the SSM parameter, for example `PLEX_API_KEY_PARAMETER`. */
  parameterVariable: string;
  /** The variable that contains the secret itself locally, for example `PLEX_API_KEY`. */
  valueVariable: string;
  /** Client settings for SSM, such as a test endpoint. */
  ssmClientConfig?: SSMClientConfig;
}

/**
 * Picks the secret's source: the SSM parameter named by `parameterVariable`
 * when it is set, otherwise the value of `valueVariable`. Neither set is a
 * configuration error that names both.
 */
export function secretFrom(env: Env, options: SecretOptions): SecretSource {
  const parameterName = optionalString(env, options.parameterVariable);

  if (parameterName) {
    const read = async (forceFetch: boolean) => {
      const value = await (await loadProvider(options)).get(parameterName, {
        decrypt: true,
        maxAge: SECRET_MAX_AGE_SECONDS,
        forceFetch,
      });
      if (typeof value !== 'string' || value.trim() === '') {
        throw new FunctionConfigError(options.parameterVariable, `the SSM parameter "${parameterName}" is empty.`);
      }

      return value.trim();
    };

    return { origin: `ssm:${parameterName}`, get: () => read(false), refresh: () => read(true) };
  }

  const value = optionalString(env, options.valueVariable);
  if (!value) {
    throw new FunctionConfigError(
      options.valueVariable,
      `is not set. Set ${options.parameterVariable} to the name of an SSM parameter, or ${options.valueVariable} to the value itself when running locally.`,
    );
  }

  return { origin: `env:${options.valueVariable}`, get: async () => value, refresh: async () => value };
}
