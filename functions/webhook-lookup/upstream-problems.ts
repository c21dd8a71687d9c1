import type { PlexApiError } from '../../client/index.js';
import { type ProblemResponse, problem, retryAfterSeconds } from './problems.js';

/**
 * The `Retry-After` of a Plex 429 that came without one. Plex counts its
 * budget over a rolling minute, so a minute is the longest wait that can be
 * needed.
 */
const FALLBACK_RETRY_AFTER_MS = 60_000;

function authFailed(error: PlexApiError, tenant: string): ProblemResponse {
  const reason = [error.status, error.code].filter((part) => part !== undefined).join(' ');
  const scope = tenant === 'default' ? '' : ` for ${tenant}`;
  const detail =
    `Plex rejected this deployment's API key${scope} (${reason}). The operator must renew the key or its ` +
    'subscription, or give it access to the tenant.';
  return problem('UPSTREAM_AUTH_FAILED', detail);
}

function rateLimited(error: PlexApiError): ProblemResponse {
  const seconds = retryAfterSeconds(error.retryAfterMs ?? FALLBACK_RETRY_AFTER_MS);
  // Without a status the failure comes from the container's own limiter,
  // which found no free slot within the remaining time.
  const detail =
    error.status === undefined
      ? `This function has used its share of the Plex request budget for now. Retry after ${seconds} seconds.`
      : `Plex rate-limited this deployment. Retry after ${seconds} seconds.`;
  return problem('UPSTREAM_RATE_LIMITED', detail, { retryAfterSeconds: seconds });
}

function upstreamError(error: PlexApiError, plexRequest: string): ProblemResponse {
  let detail: string;
  if (error.kind === 'network') detail = `The connection to Plex failed during ${plexRequest}.`;
  else if (error.kind === 'invalid-response') {
    const status = error.status === undefined ? '' : ` with status ${error.status}`;
    detail = `Plex responded to ${plexRequest}${status} and a body the function cannot read.`;
  } else detail = `Plex responded to ${plexRequest} with status ${error.status ?? 'unknown'}.`;

  return problem('UPSTREAM_ERROR', detail);
}

/**
 * Maps a failed Plex request to the function's response: 401 and 403 to 502
 * UPSTREAM_AUTH_FAILED, 429 and the container's own limiter to 503
 * UPSTREAM_RATE_LIMITED, a timeout to 504 UPSTREAM_TIMEOUT, and every other
 * failure to 502 UPSTREAM_ERROR. A 404 never arrives here: it means no match.
 *
 * `plexRequest` is the method and path template, `tenant` the label of the
 * chosen tenant, and `elapsedMs` the time the request has run so far.
 */
export function upstreamProblem(
  error: PlexApiError,
  plexRequest: string,
  tenant: string,
  elapsedMs: number,
): ProblemResponse {
  switch (error.kind) {
    case 'not-authenticated':
    case 'forbidden':
      return authFailed(error, tenant);
    case 'rate-limited':
      return rateLimited(error);
    case 'timeout': {
      const seconds = Math.max(1, Math.round(elapsedMs / 1000));
      return problem('UPSTREAM_TIMEOUT', `Plex did not respond to ${plexRequest} within ${seconds} seconds.`);
    }
    default:
      return upstreamError(error, plexRequest);
  }
}
