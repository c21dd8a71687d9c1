import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { components } from '../../generated/lookup-webhook.js';

export type ProblemCode = components['schemas']['ProblemCode'];
export type ProblemError = components['schemas']['ProblemError'];
export type LookupName = components['schemas']['LookupName'];
export type LookupResult = components['schemas']['LookupResult'];
type Problem = components['schemas']['Problem'];

/**
 * The status and title of each code, as the description's ProblemCode table
 * fixes them. The `type` URI is derived from the code.
 */
const PROBLEM_TYPES: Readonly<Record<ProblemCode, { status: Problem['status']; title: string }>> = {
  INVALID_JSON: { status: 400, title: 'Invalid JSON' },
  UNKNOWN_LOOKUP: { status: 400, title: 'Unknown lookup' },
  INVALID_PARAMETERS: { status: 400, title: 'Invalid parameters' },
  SIGNATURE_MISSING: { status: 401, title: 'Signature missing' },
  TIMESTAMP_OUT_OF_RANGE: { status: 401, title: 'Timestamp out of range' },
  SIGNATURE_INVALID: { status: 401, title: 'Signature invalid' },
  TENANT_NOT_ALLOWED: { status: 403, title: 'Tenant not allowed' },
  NO_MATCH: { status: 404, title: 'No match' },
  BODY_TOO_LARGE: { status: 413, title: 'Body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests' },
  UPSTREAM_AUTH_FAILED: { status: 502, title: 'Plex authentication failed' },
  UPSTREAM_ERROR: { status: 502, title: 'Plex request failed' },
  UPSTREAM_RATE_LIMITED: { status: 503, title: 'Plex rate limit reached' },
  UPSTREAM_TIMEOUT: { status: 504, title: 'Plex timed out' },
  INTERNAL_ERROR: { status: 500, title: 'Internal error' },
};

/** The code of the last-resort 500 response to an unexpected exception. */
export const INTERNAL_ERROR = 'INTERNAL_ERROR' satisfies ProblemCode;

/** The value of `WWW-Authenticate` that HTTP requires with every 401. */
const WWW_AUTHENTICATE = 'LookupSignature realm="lookups"';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A failed request, before it becomes an `application/problem+json` response. */
export interface ProblemResponse {
  readonly kind: 'problem';
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly ProblemError[];
  readonly validLookups?: readonly LookupName[];
  /** Whole seconds for the `Retry-After` header, at least 1. */
  readonly retryAfterSeconds?: number;
}

/** A successful lookup, sent with status 200. */
export interface MatchResponse {
  readonly kind: 'matches';
  readonly body: LookupResult;
}

export type LookupResponse = ProblemResponse | MatchResponse;

type ProblemExtras = Pick<ProblemResponse, 'errors' | 'validLookups' | 'retryAfterSeconds'>;

/** Builds the response for one of the description's problem codes. */
export function problem(code: ProblemCode, detail: string, extras: ProblemExtras = {}): ProblemResponse {
  const { status, title } = PROBLEM_TYPES[code];
  return { kind: 'problem', code, status, title, detail, ...extras };
}

/** Builds the last-resort 500 response. Its detail never repeats the exception, which may name internals. */
export function internalError(detail: string): ProblemResponse {
  return problem(INTERNAL_ERROR, detail);
}

/** Converts a wait in milliseconds to `Retry-After` seconds: rounded up, and at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/** Builds the `urn:plex-connect:problem:…` type URI of a code. */
function problemType(code: string): string {
  return `urn:plex-connect:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

function problemHeaders(response: ProblemResponse): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  };
  if (response.status === 401) headers['www-authenticate'] = WWW_AUTHENTICATE;
  if (response.retryAfterSeconds !== undefined) headers['retry-after'] = String(response.retryAfterSeconds);

  return headers;
}

/**
 * Converts a response to the API Gateway result. `requestId` becomes the
 * problem's `instance` when it is a UUID, as Lambda request IDs are.
 */
export function toResult(response: LookupResponse, requestId: string): APIGatewayProxyStructuredResultV2 {
  if (response.kind === 'matches') {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify(response.body),
    };
  }

  const id = requestId.toLowerCase();
  const body = {
    type: problemType(response.code),
    title: response.title,
    status: response.status,
    detail: response.detail,
    code: response.code,
    ...(UUID.test(id) ? { instance: `urn:uuid:${id}` } : {}),
    ...(response.errors ? { errors: response.errors } : {}),
    ...(response.validLookups ? { validLookups: response.validLookups } : {}),
  };

  return { statusCode: response.status, headers: problemHeaders(response), body: JSON.stringify(body) };
}
