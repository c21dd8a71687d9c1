import { PlexError } from './PlexError.js';

/**
 * Failure classes of a Plex Connect call.
 *
 * - `not-authenticated`: 401. Plex sends it for a bad or expired key, an unreachable
 *   tenant, an unsubscribed API product and a key in the URL alike.
 * - `forbidden`: 403.
 * - `not-found`: 404, an unknown route or no record with this identifier.
 * - `validation`: 400 and the other 4xx statuses without a class of their own.
 * - `rate-limited`: 429, or the client's own rate limiter could not grant a slot
 *   before the call's deadline (then `status` is undefined).
 * - `server`: 5xx with the documented JSON error body.
 * - `timeout`: an attempt timed out, or the call's deadline passed.
 * - `network`: the connection failed or broke, including mid-body.
 * - `invalid-response`: a body that is not the documented JSON, such as an HTML 502
 *   page from a gateway, a truncated list or a 2xx body that does not parse.
 */
export type PlexApiErrorKind =
  | 'not-authenticated'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalid-response';

/** One problem of a failed request, as listed in the `errors` member of a Plex error body. */
export interface PlexErrorDetail {
  code: string;
  message: string;
}

/** Fields of a `PlexApiError`. The message and the URL must already be free of secrets. */
export interface PlexApiErrorInit {
  kind: PlexApiErrorKind;
  message: string;
  status?: number | undefined;
  code?: string | undefined;
  serverMessage?: string | undefined;
  errors?: readonly PlexErrorDetail[] | undefined;
  operation: string;
  method: string;
  url: string;
  attempts: number;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/** Plain-object form of a `PlexApiError`, as written by `JSON.stringify`. */
export interface PlexApiErrorJson {
  name: 'PlexApiError';
  kind: PlexApiErrorKind;
  message: string;
  status: number | undefined;
  code: string | undefined;
  serverMessage: string | undefined;
  errors: readonly PlexErrorDetail[];
  operation: string;
  method: string;
  url: string;
  attempts: number;
  retryAfterMs: number | undefined;
  cause: { name: string; message: string } | undefined;
}

/**
 * Failure of a call to Plex Connect: an HTTP error status, a timeout, a network failure
 * or a response that is not the documented JSON.
 *
 * The value API returns it as `error`; `getOrThrow` and `stream` throw it. It contains no
 * request headers, and its message, URL and cause never contain the API key or secret.
 */
export class PlexApiError extends PlexError {
  override readonly name = 'PlexApiError';

  readonly kind: PlexApiErrorKind;

  /** HTTP status, or undefined when no response arrived (timeout, network, client rate limit). */
  readonly status: number | undefined;

  /** `code` of the Plex error body, such as `REQUEST_NOT_AUTHENTICATED`, when the body had one. */
  readonly code: string | undefined;

  /** `message` of the Plex error body when the body had one, with any secret replaced by its fingerprint. */
  readonly serverMessage: string | undefined;

  /** `errors` of the Plex error body, one entry per problem. Empty when the body had none. */
  readonly errors: readonly PlexErrorDetail[];

  /** operationId of the call, such as `listParts`, or the path template when it has none. */
  readonly operation: string;

  /** HTTP method, upper case. */
  readonly method: string;

  /** Request URL with any secret replaced by its fingerprint. */
  readonly url: string;

  /** Attempts sent, retries included. 0 when the call failed before the first request. */
  readonly attempts: number;

  /** Milliseconds to wait before trying again, from `Retry-After` or the client's rate limiter. */
  readonly retryAfterMs: number | undefined;

  constructor(init: PlexApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.errors = init.errors ?? [];
    this.operation = init.operation;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Returns the fields for logging. It has no headers, and the cause is reduced to its name and message. */
  toJSON(): PlexApiErrorJson {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : undefined;
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      serverMessage: this.serverMessage,
      errors: this.errors,
      operation: this.operation,
      method: this.method,
      url: this.url,
      attempts: this.attempts,
      retryAfterMs: this.retryAfterMs,
      cause,
    };
  }
}

/** Returns whether `value` is a `PlexApiError`, optionally of one of the given kinds. */
export function isPlexApiError(value: unknown, ...kinds: PlexApiErrorKind[]): value is PlexApiError {
  return value instanceof PlexApiError && (kinds.length === 0 || kinds.includes(value.kind));
}
