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
      const value = await (await ssm(options.ssmClientConfig)).get(parameterName, {
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
