import { bufferedAttempt, streamingAttempt } from './attempt.js';
import type { CallContext } from './call-context.js';
import { sendWithRetries } from './send.js';
import { describeTenant } from './tenant.js';

/** Function that openapi-fetch calls to send the request it built. */
export type Transport = (request: Request) => Promise<Response>;

/**
 * Creates the transport of a call whose body is read whole: retries, rate limiting and, for
 * GET with the cache enabled, the cache and sharing of identical requests in flight.
 * Failures are thrown as `PlexApiError`; the caller turns them into values.
 */
export function bufferedTransport(call: CallContext): Transport {
  return async (request) => {
    call.url = request.url;
    const load = () => sendWithRetries(call, (timeoutMs) => bufferedAttempt(call, request, timeoutMs));
    const { cache } = call.core;
    const snapshot =
      cache !== undefined && call.method === 'GET'
        ? await cache.getOrLoad(`${describeTenant(call.tenant)} ${request.url}`, load, call.signal === undefined)
        : await load();
    call.lastResponse = snapshot;
    return snapshot.toResponse();
  };
}

/** Creates the transport of a streamed list: retries and rate limiting up to the response headers, no cache. */
export function streamingTransport(call: CallContext): Transport {
  return async (request) => {
    call.url = request.url;
    return sendWithRetries(call, (timeoutMs) => streamingAttempt(call, request, timeoutMs));
  };
}
