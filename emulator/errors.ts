/** The error bodies Plex Connect sends: `{ code, message, errors? }`. */

export interface ErrorDetail {
  code: string;
  message: string;
  /** The name of the invalid parameter. Plex's `ErrorDetail` allows extra members. */
  parameter?: string;
  in?: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  errors?: ErrorDetail[];
}

/** The one 401 body, identical for every cause so that it reveals nothing about the key. */
export const NOT_AUTHENTICATED: ErrorBody = Object.freeze({
  code: 'REQUEST_NOT_AUTHENTICATED',
  message: 'The request could not be authenticated.',
});

export const RESOURCE_NOT_FOUND: ErrorBody = Object.freeze({
  code: 'RESOURCE_NOT_FOUND',
  message: 'The requested resource was not found.',
});

export const PROCESSING_ERROR: ErrorBody = Object.freeze({
  code: 'REQUEST_PROCESSING_ERROR',
  message: 'An error occurred while processing the request.',
});

export const BOTH_TENANT_HEADERS: ErrorBody = Object.freeze({
  code: 'REQUEST_MALFORMED',
  message:
    'The request is malformed: send X-Plex-Connect-Tenant-Id or X-Plex-Connect-Customer-Id, not both.',
});

export function rateLimited(retryAfterSeconds: number | undefined): ErrorBody {
  const wait = retryAfterSeconds === undefined ? 'later' : `after ${retryAfterSeconds} s, as Retry-After says`;
  return { code: 'REQUEST_RATE_LIMITED', message: `Too many requests. Retry ${wait}.` };
}

export function validationFailed(errors: ErrorDetail[]): ErrorBody {
  return { code: 'REQUEST_VALIDATION_FAILED', message: 'The request failed validation.', errors };
}
