import { Logger } from '@aws-lambda-powertools/logger';
import type { SSMClientConfig } from '@aws-sdk/client-ssm';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type PlexClock, type PlexFetch, systemClock } from '../../client/index.js';
import { FunctionConfigError } from '../shared/config-error.js';
import type { Env } from '../shared/env.js';
import { type LookupConfig, readLookupConfig } from './config.js';
import { type LookupTrace, logResponse, plexLogger } from './logging.js';
import { handleLookupRequest } from './lookup-flow.js';
import { createLookupClient } from './plex-client.js';
import { PlexSession } from './plex-session.js';
import { type LookupResponse, internalError, toResult } from './problems.js';
import { type UpstreamCount, countingFetch, runCounted } from './upstream-count.js';

/** Dependencies of the handler, replaceable in tests. */
export interface LookupHandlerDeps {
  /** @default process.env, read on the first invocation */
  env?: Env;
  /** Sends the Plex requests. @default globalThis.fetch */
  fetch?: PlexFetch;
  /** Time source of the signature window, the rate limiter and the timeouts. @default the system clock */
  clock?: PlexClock;
  /** SSM client settings for the key and the signing secrets, such as a test endpoint. */
  ssmClientConfig?: SSMClientConfig;
  /** @default a Powertools logger configured by the POWERTOOLS_* variables */
  logger?: Logger;
}

export type LookupHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

interface LookupRuntime {
  readonly config: LookupConfig;
  readonly session: PlexSession;
}

function unexpectedErrorResponse(error: unknown): LookupResponse {
  if (error instanceof FunctionConfigError) {
    return internalError('The function is not configured correctly. The operator can find the variable at fault in its log.');
  }

  return internalError('The function failed unexpectedly. The operator can find the cause in its log under this instance.');
}

/**
 * Creates a lookup handler with its own configuration, Plex client, rate
 * limiter and cache, all created on the first invocation and kept for the
 * handler's lifetime. A configuration error is reported on each invocation
 * until the environment is fixed.
 */
export function createLookupHandler(deps: LookupHandlerDeps = {}): LookupHandler {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? new Logger();
  const fetch = countingFetch(deps.fetch ?? ((request) => globalThis.fetch(request)));
  let runtime: LookupRuntime | undefined;

  const prepare = (): LookupRuntime => {
    if (runtime !== undefined) return runtime;

    const config = readLookupConfig(deps.env ?? process.env, { ssmClientConfig: deps.ssmClientConfig });
    const options = { fetch, clock, logger: plexLogger(logger) };
    const session = new PlexSession(config.apiKey, (apiKey) => createLookupClient(config, apiKey, options), clock);
    runtime = { config, session };
    return runtime;
  };

  return async (event, context) => {
    const startedMs = clock.now();
    const trace: LookupTrace = { reachedPlex: false };
    const count: UpstreamCount = { requests: 0 };
    let response: LookupResponse;
    try {
      const { config, session } = prepare();
      const remainingTimeMs = () => context.getRemainingTimeInMillis();
      const stepContext = { config, session, clock, remainingTimeMs, startedMs };
      response = await runCounted(count, () => handleLookupRequest(event, stepContext, trace));
    } catch (error) {
      trace.failure = error;
      response = unexpectedErrorResponse(error);
    }

    const fields = { requestId: context.awsRequestId, durationMs: clock.now() - startedMs, plexRequests: count.requests };
    logResponse(logger, response, trace, fields);
    return toResult(response, context.awsRequestId);
  };
}

/** The Lambda entry point. Its client, rate limiter and cache live as long as the container. */
export const handler: LookupHandler = createLookupHandler();
