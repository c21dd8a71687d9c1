import type { RequestHeaders } from './http-event.js';
import { clip } from './http-event.js';
import { type ProblemResponse, type ProblemError, problem } from './problems.js';
import {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  timestampSkewSeconds,
  verifyLookupSignature,
} from './signature.js';

/**
 * Checks that both signature headers are present and that the timestamp lies
 * within 300 seconds of `nowMs`: checks 2 and 3 of the description. Returns
 * the problem of the first check that fails, or undefined.
 */
export function checkSignatureHeaders(headers: RequestHeaders, nowMs: number): ProblemResponse | undefined {
  const errors: ProblemError[] = [];
  for (const name of [SIGNATURE_HEADER, TIMESTAMP_HEADER]) {
    const value = headers[name.toLowerCase()];
    if (value === undefined) errors.push({ name, detail: 'is missing' });
    else if (value === '') errors.push({ name, detail: 'is empty' });
  }

  if (errors.length > 0) {
    const detail = `The request must carry the ${SIGNATURE_HEADER} and ${TIMESTAMP_HEADER} headers.`;
    return problem('SIGNATURE_MISSING', detail, { errors });
  }

  return checkTimestamp(headers[TIMESTAMP_HEADER.toLowerCase()] ?? '', nowMs);
}

function checkTimestamp(timestamp: string, nowMs: number): ProblemResponse | undefined {
  const skewSeconds = timestampSkewSeconds(timestamp, nowMs);
  if (skewSeconds === undefined) {
    const detail =
      `${TIMESTAMP_HEADER} ${JSON.stringify(clip(timestamp))} is not Unix time in whole seconds: send 1 to 12 decimal ` +
      'digits, and divide a value in milliseconds by 1000.';
    return problem('TIMESTAMP_OUT_OF_RANGE', detail);
  }

  if (Math.abs(skewSeconds) <= DEFAULT_TOLERANCE_SECONDS) return undefined;

  const direction = skewSeconds < 0 ? 'behind' : 'ahead of';
  const detail =
    `${TIMESTAMP_HEADER} ${timestamp} is ${Math.ceil(Math.abs(skewSeconds))} seconds ${direction} the function's clock ` +
    `(${Math.floor(nowMs / 1000)}). The allowed difference is ${DEFAULT_TOLERANCE_SECONDS} seconds, so check the sender's clock.`;
  return problem('TIMESTAMP_OUT_OF_RANGE', detail);
}

/**
 * Checks the signature over the raw body bytes against every active secret:
 * check 4 of the description. Call it after `checkSignatureHeaders`.
 */
export function checkSignature(
  body: Uint8Array,
  headers: RequestHeaders,
  secrets: readonly string[],
  nowMs: number,
): ProblemResponse | undefined {
  const check = verifyLookupSignature({
    body,
    timestamp: headers[TIMESTAMP_HEADER.toLowerCase()],
    signature: headers[SIGNATURE_HEADER.toLowerCase()],
    secrets,
    nowMs,
  });
  if (check.ok) return undefined;

  if (check.code !== 'SIGNATURE_INVALID') return problem(check.code, check.detail);

  return problem('SIGNATURE_INVALID', `No v1 signature in ${SIGNATURE_HEADER} matches an active secret.`);
}
