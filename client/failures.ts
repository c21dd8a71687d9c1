import { parseErrorBody } from './errors/error-body.js';
import { PlexApiError, type PlexApiErrorInit, type PlexApiErrorKind } from './errors/PlexApiError.js';
import type { PlexRateLimitError } from './errors/PlexRateLimitError.js';
import type { Redactor } from './redact.js';
import { parseRetryAfterMs } from './retry-after.js';
import type { ResponseSnapshot } from './snapshot.js';
import { describeTenant, type PlexTenant } from './tenant.js';

/** Fields of the call that a failure message includes. */
export interface FailureSource {
  readonly method: string;
  readonly pathTemplate: string;
  readonly operation: string;
  readonly tenant: PlexTenant | undefined;
  readonly redactor: Redactor;
  /** Request URL, already free of secrets. */
  url: string;
  attempts: number;
}

/** Maximum number of characters of a non-JSON body quoted in a message. */
const EXCERPT_LENGTH = 120;

/** Builds the error for a response with a status other than 2xx. */
export function httpFailure(source: FailureSource, snapshot: ResponseSnapshot, nowMs: number): PlexApiError {
  const text = snapshot.text();
  const body = parseErrorBody(text);
  const kind = kindOfStatus(snapshot.status, body.documented);
  const summary = body.documented
    ? `${snapshot.status} ${body.code}: ${withoutFinalPeriod(body.message ?? '')}${describeDetails(body.errors)}`
    : `${snapshot.status} with a body that is not the documented JSON error (${describeBody(snapshot, text)})`;
  return build(source, {
    kind,
    message: `${prefix(source)}${summary}${hint(source, snapshot.status, kind)}`,
    status: snapshot.status,
    code: body.code,
    serverMessage: body.message,
    errors: body.errors,
    retryAfterMs: parseRetryAfterMs(snapshot.headers.get('retry-after'), nowMs),
  });
}

/** Builds the error for a 2xx response whose body is not the documented JSON. */
export function invalidBodyFailure(
  source: FailureSource,
  status: number | undefined,
  problem: string,
  cause?: unknown,
): PlexApiError {
  return build(source, { kind: 'invalid-response', status, message: `${prefix(source)}${problem}`, cause });
}

/** Builds the error for an attempt that timed out. */
export function timeoutFailure(source: FailureSource, timeoutMs: number, cause?: unknown): PlexApiError {
  return build(source, {
    kind: 'timeout',
    message: `${prefix(source)}attempt ${source.attempts} timed out after ${timeoutMs} ms.`,
    cause,
  });
}

/** Builds the error for a list body that sent no data for `timeoutMs`, or outlived the deadline. */
export function bodyTimeoutFailure(source: FailureSource, timeoutMs: number): PlexApiError {
  return build(source, {
    kind: 'timeout',
    message: `${prefix(source)}the list body sent no data for ${timeoutMs} ms, or the call's deadline passed while reading it.`,
  });
}

/** Builds the error for a call whose deadline passed before another attempt could start. */
export function deadlineFailure(source: FailureSource): PlexApiError {
  return build(source, {
    kind: 'timeout',
    message:
      source.attempts === 0
        ? `${prefix(source)}the call's deadline passed before the first attempt.`
        : `${prefix(source)}the call's deadline passed after ${source.attempts} attempts, before another could start.`,
  });
}

/** Builds the error for a connection that failed or broke. */
export function networkFailure(source: FailureSource, cause: unknown): PlexApiError {
  const reason = describeCause(source, cause);
  return build(source, { kind: 'network', message: `${prefix(source)}network error: ${reason}.`, cause });
}

/** Builds the error for a call that the client-side rate limiter could not serve before the deadline. */
export function rateLimiterFailure(source: FailureSource, error: PlexRateLimitError): PlexApiError {
  return build(source, {
    kind: 'rate-limited',
    message: `${prefix(source)}${error.message}`,
    retryAfterMs: error.retryAfterMs,
    cause: error,
  });
}

/**
 * Creates the error with the call's fields, after removing secrets from every text that
 * came from the server or the network.
 */
function build(
  source: FailureSource,
  fields: Omit<PlexApiErrorInit, 'operation' | 'method' | 'url' | 'attempts'>,
): PlexApiError {
  const { redactor } = source;
  const redactOptional = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : redactor.text(value);
  return new PlexApiError({
    ...fields,
    message: redactor.text(fields.message),
    code: redactOptional(fields.code),
    serverMessage: redactOptional(fields.serverMessage),
    errors: fields.errors?.map((detail) => ({
      code: redactor.text(detail.code),
      message: redactor.text(detail.message),
    })),
    operation: source.operation,
    method: source.method,
    url: redactor.url(source.url),
    attempts: source.attempts,
    cause: fields.cause === undefined ? undefined : redactor.error(fields.cause),
  });
}

function prefix(source: FailureSource): string {
  const name = source.operation === source.pathTemplate ? '' : ` (${source.operation})`;
  return `${source.method} ${source.pathTemplate}${name} failed: `;
}

/**
 * Maps a status to a kind. A 5xx whose body is not the documented JSON is classed as
 * `invalid-response`, because it came from a gateway in front of Plex rather than Plex.
 * Other statuses keep their class whatever the body.
 */
function kindOfStatus(status: number, documented: boolean): PlexApiErrorKind {
  switch (status) {
    case 401:
      return 'not-authenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 429:
      return 'rate-limited';
    default:
      if (status >= 500) {
        return documented ? 'server' : 'invalid-response';
      }
      return status >= 400 ? 'validation' : 'invalid-response';
  }
}

function hint(source: FailureSource, status: number, kind: PlexApiErrorKind): string {
  switch (kind) {
    case 'not-authenticated':
      return (
        '. Plex sends this one 401 for four causes: the API key is missing, invalid or expired (keys are reported ' +
        `to expire 31 days after issue); the key may not reach the requested tenant (${describeTenant(source.tenant)}); ` +
        `the app is not subscribed to the API product that serves ${source.pathTemplate}; or the key was sent in the ` +
        'URL instead of the X-Plex-Connect-Api-Key header. Call GET /mdm/v1/tenants without a tenant header: a 200 ' +
        'proves the key is valid and lists the tenants it can reach.'
      );
    case 'forbidden':
      return '. The key is valid but may not perform this operation on this resource.';
    case 'not-found':
      return '. No record has this identifier in the requested tenant, or the route does not exist.';
    case 'rate-limited':
      return '. The app exceeded the Plex rate limit of about 200 requests a minute, counted across all endpoints.';
    case 'server':
      return '. Plex failed while processing the request.';
    case 'invalid-response':
      return status >= 500 ? '. It probably came from a gateway or proxy in front of Plex.' : '.';
    default:
      return '.';
  }
}

/** Drops one trailing period, because the hint that follows starts a sentence of its own. */
function withoutFinalPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** Lists the first few `errors[]` messages, which name the invalid parameters. */
function describeDetails(details: readonly { message: string }[]): string {
  if (details.length === 0) return '';

  const shown = details.slice(0, 3).map((detail) => withoutFinalPeriod(detail.message));
  const more = details.length > shown.length ? ` and ${details.length - shown.length} more` : '';
  return ` (${shown.join('; ')}${more})`;
}

function describeBody(snapshot: ResponseSnapshot, text: string): string {
  const type = snapshot.headers.get('content-type') ?? 'no content type';
  if (snapshot.body.byteLength === 0) {
    return `${type}, empty`;
  }
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const excerpt = collapsed.length > EXCERPT_LENGTH ? `${collapsed.slice(0, EXCERPT_LENGTH)}…` : collapsed;
  return `${type}, ${snapshot.body.byteLength} bytes, starting ${JSON.stringify(excerpt)}`;
}

function describeCause(source: FailureSource, cause: unknown): string {
  if (!(cause instanceof Error)) {
    return String(cause);
  }
  // undici reports "fetch failed" and puts the socket error (ECONNRESET, ECONNREFUSED) in cause.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return source.redactor.text(`${cause.message}${inner}`);
}
