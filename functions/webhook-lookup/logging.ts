import type { Logger } from '@aws-lambda-powertools/logger';
import { type PlexApiError, type PlexLogger, fingerprint } from '../../client/index.js';
import type { LookupResponse, LookupName } from './problems.js';

/** Facts about one invocation, gathered on the way for its log line. */
export interface LookupTrace {
  /** The lookup, once the body named a valid one. */
  lookup?: LookupName;
  /** The chosen tenant's label, once the request passed validation. */
  tenant?: string;
  /** Whether the request passed every check and went on to the Plex step. */
  reachedPlex: boolean;
  /** The Plex failure behind a 5xx response. */
  upstreamError?: PlexApiError;
  /** The key that Plex rejected, as its fingerprint. */
  rejectedKey?: string;
  /** The exception behind a 500 response. */
  failure?: unknown;
}

export interface ResponseLogFields {
  requestId: string;
  durationMs: number;
  /** Plex requests this invocation sent itself. */
  plexRequests: number;
}

/** Returns the fields of a Plex failure that are safe to log: the client keeps the key out of all of them. */
function upstreamFields(error: PlexApiError): Record<string, unknown> {
  return {
    kind: error.kind,
    status: error.status,
    code: error.code,
    operation: error.operation,
    attempts: error.attempts,
    message: error.message,
  };
}

/**
 * Writes the one log line of an invocation. It names the lookup and the
 * tenant but not the parameter values, and never the body, a signature or a
 * secret.
 * `cache_hit` is true when a lookup that reached the Plex step was served
 * without a request of its own: from the cache, or by sharing an identical
 * request in flight.
 */
export function logResponse(logger: Logger, response: LookupResponse, trace: LookupTrace, fields: ResponseLogFields): void {
  const status = response.kind === 'matches' ? 200 : response.status;
  const resolved = response.kind === 'matches' || response.code === 'NO_MATCH';
  const attributes = {
    request_id: fields.requestId,
    lookup: trace.lookup,
    tenant: trace.tenant,
    status,
    code: response.kind === 'problem' ? response.code : undefined,
    duration_ms: Math.round(fields.durationMs),
    cache_hit: trace.reachedPlex ? resolved && fields.plexRequests === 0 : undefined,
    plex_requests: fields.plexRequests,
    upstream: trace.upstreamError ? upstreamFields(trace.upstreamError) : undefined,
    api_key: trace.rejectedKey,
  };

  if (trace.failure !== undefined) logger.error('Lookup failed unexpectedly', { ...attributes, error: trace.failure });
  else if (status >= 500) logger.warn('Lookup failed upstream', attributes);
  else logger.info('Lookup handled', attributes);
}

/** Records the key's fingerprint when Plex rejected it, so the operator can tell which key to renew. */
export function noteRejectedKey(trace: LookupTrace, apiKey: string): void {
  trace.rejectedKey = fingerprint(apiKey);
}

/** Adapts a Powertools logger to the client's logger, which may pass no fields. */
export function plexLogger(logger: Logger): PlexLogger {
  const forward = (write: (message: string, attributes: Record<string, unknown>) => void) => {
    return (message: string, fields?: Record<string, unknown>) => write(message, fields ?? {});
  };

  return {
    debug: forward((message, attributes) => logger.debug(message, attributes)),
    info: forward((message, attributes) => logger.info(message, attributes)),
    warn: forward((message, attributes) => logger.warn(message, attributes)),
    error: forward((message, attributes) => logger.error(message, attributes)),
  };
}
