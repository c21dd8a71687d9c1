import type { CallContext } from './call-context.js';
import { PlexApiError } from './errors/PlexApiError.js';
import { httpFailure, networkFailure, timeoutFailure } from './failures.js';
import { ResponseSnapshot } from './snapshot.js';

/**
 * Failure responses by error, so that every caller that receives an error (including
 * callers that shared a request in flight) can get a readable copy of its response.
 */
const failureResponses = new WeakMap<PlexApiError, ResponseSnapshot>();

/** Returns a fresh copy of the response behind `error`, or undefined when none arrived. */
export function responseOfFailure(error: PlexApiError): Response | undefined {
  return failureResponses.get(error)?.toResponse();
}

/**
 * Sends one attempt and reads the whole body within `timeoutMs`.
 *
 * @returns the 2xx response.
 * @throws PlexApiError for any other status, a timeout or a network failure.
 */
export function bufferedAttempt(call: CallContext, request: Request, timeoutMs: number): Promise<ResponseSnapshot> {
  return timedFetch(call, request, timeoutMs, async (response) => {
    const snapshot = await ResponseSnapshot.read(response, request.url);
    if (!snapshot.ok) {
      throw failureOf(call, snapshot);
    }
    return snapshot;
  });
}

/**
 * Sends one attempt and returns a 2xx response as soon as its headers arrive, with the body
 * unread. The timeout covers the headers only; the caller watches the body itself.
 *
 * @throws PlexApiError for any other status (its body is read), a timeout or a network failure.
 */
export function streamingAttempt(call: CallContext, request: Request, timeoutMs: number): Promise<Response> {
  return timedFetch(call, request, timeoutMs, async (response) => {
    if (response.ok) {
      return response;
    }
    throw failureOf(call, await ResponseSnapshot.read(response, request.url));
  });
}

function failureOf(call: CallContext, snapshot: ResponseSnapshot): PlexApiError {
  const error = httpFailure(call, snapshot, call.core.config.clock.now());
  failureResponses.set(error, snapshot);
  return error;
}

/**
 * Runs `fetch` and then `read` under one timeout, and turns every failure into a
 * `PlexApiError`. The fetch and the read are raced against the abort signal, so an injected
 * fetch that ignores the signal still times out. An abort by the caller's own signal is
 * passed through as the signal's reason.
 */
async function timedFetch<T>(
  call: CallContext,
  request: Request,
  timeoutMs: number,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const { clock, fetch } = call.core.config;
  const attemptController = new AbortController();
  const timerController = new AbortController();
  let timedOut = false;
  clock.sleep(timeoutMs, timerController.signal).then(
    () => {
      timedOut = true;
      attemptController.abort(new DOMException(`The attempt timed out after ${timeoutMs} ms.`, 'TimeoutError'));
    },
    () => undefined,
  );
  const signal =
    call.signal === undefined ? attemptController.signal : AbortSignal.any([attemptController.signal, call.signal]);
  try {
    const response = await raceAbort(fetch(new Request(request, { signal })), signal);
    return await raceAbort(read(response), signal);
  } catch (error) {
    if (call.signal?.aborted) {
      throw call.signal.reason;
    }
    if (timedOut) {
      throw timeoutFailure(call, timeoutMs, error);
    }
    if (error instanceof PlexApiError) {
      throw error;
    }
    throw networkFailure(call, error);
  } finally {
    timerController.abort();
  }
}

/** Settles like `promise`, or rejects with the signal's reason as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
