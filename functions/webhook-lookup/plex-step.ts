import type { PlexCallOptions, PlexClock } from '../../client/index.js';
import type { LookupConfig } from './config.js';
import { type LookupTrace, noteRejectedKey } from './logging.js';
import { type LookupDefinition, type LookupOutcome, lookupOf } from './lookups.js';
import type { LookupMatch } from './matches.js';
import type { PlexConnection, PlexSession } from './plex-session.js';
import { type LookupResponse, type LookupResult, problem, retryAfterSeconds } from './problems.js';
import type { LookupRequest } from './request-validation.js';
import { upstreamProblem } from './upstream-problems.js';

/**
 * Time kept back from the Lambda's remaining time to write the response and
 * its log line, in milliseconds, so that a slow Plex gives a 504 from the
 * function rather than a timeout of the function itself.
 */
export const RESPONSE_MARGIN_MS = 300;

export interface PlexStepContext {
  readonly config: LookupConfig;
  readonly session: PlexSession;
  readonly clock: PlexClock;
  /** Milliseconds left before the Lambda times out. */
  readonly remainingTimeMs: () => number;
  /** Clock time at which the invocation started. */
  readonly startedMs: number;
}

/** Returns the 429 of check 10 when this container already has as many lookups waiting for the limiter as it allows. */
function checkWaitingQueue(connection: PlexConnection, maxWaiting: number): LookupResponse | undefined {
  const limiter = connection.client.rateLimiter;
  if (limiter === undefined || limiter.pending < maxWaiting) return undefined;

  const waitMs = limiter.estimateWaitMs();
  if (waitMs <= 0) return undefined;

  const seconds = retryAfterSeconds(waitMs);
  const detail = `Too many lookups are waiting for Plex. Retry after ${seconds} seconds.`;
  return problem('TOO_MANY_REQUESTS', detail, { retryAfterSeconds: seconds });
}

/**
 * Sends the lookup's Plex request. After a 401 the key is re-read once, and
 * the request is sent again when the key has changed. A key that Plex
 * rejected in the end is noted in the trace by its fingerprint.
 */
async function fetchWithKeyRenewal(
  lookup: LookupDefinition<LookupRequest['params']>,
  request: LookupRequest,
  call: PlexCallOptions,
  session: PlexSession,
  trace: LookupTrace,
): Promise<LookupOutcome> {
  let connection = await session.current();
  let outcome = await lookup.fetchMatches(connection.client, request.params, call);
  if (outcome.error?.kind === 'not-authenticated') {
    const renewed = await session.renew(connection);
    if (renewed) {
      connection = renewed;
      outcome = await lookup.fetchMatches(renewed.client, request.params, call);
    }
  }

  const kind = outcome.error?.kind;
  if (kind === 'not-authenticated' || kind === 'forbidden') noteRejectedKey(trace, connection.apiKey);

  return outcome;
}

function matchesResponse(request: LookupRequest, matches: LookupMatch[]): LookupResponse {
  const result = {
    lookup: request.lookup,
    ...(request.tenantId === undefined ? {} : { tenantId: request.tenantId }),
    ...(request.customerId === undefined ? {} : { customerId: request.customerId }),
    count: matches.length,
    matches,
  };
  // Each lookup projects to the match schema of its own result variant, a
  // pairing that the union types cannot express.
  return { kind: 'matches', body: result as LookupResult };
}

/**
 * Runs a checked request against Plex: checks 10 to 12 of the description.
 * Check 11, the container's share of the budget, happens inside the client:
 * its limiter fails at once when no slot frees up within the remaining time,
 * and a cached response needs no slot at all.
 */
export async function runPlexStep(
  request: LookupRequest,
  context: PlexStepContext,
  trace: LookupTrace,
): Promise<LookupResponse> {
  const queueFull = checkWaitingQueue(await context.session.current(), context.config.maxWaiting);
  if (queueFull) return queueFull;

  trace.reachedPlex = true;
  const lookup = lookupOf(request);
  const call: PlexCallOptions = {
    tenantId: request.tenantId,
    customerId: request.customerId,
    remainingTimeMs: () => context.remainingTimeMs() - RESPONSE_MARGIN_MS,
  };
  const outcome = await fetchWithKeyRenewal(lookup, request, call, context.session, trace);
  const tenant = trace.tenant ?? 'default';
  if (outcome.error) {
    trace.upstreamError = outcome.error;
    return upstreamProblem(outcome.error, lookup.plexRequest, tenant, context.clock.now() - context.startedMs);
  }

  if (outcome.matches.length === 0) {
    const where = tenant === 'default' ? '' : ` in tenant ${tenant}`;
    return problem('NO_MATCH', `${lookup.describeNoMatch(request.params)}${where}.`);
  }

  return matchesResponse(request, outcome.matches);
}
