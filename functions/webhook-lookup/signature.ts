import { createHmac, timingSafeEqual } from 'node:crypto';

/** The request header that carries the `v1=<hex>` signature entries. */
export const SIGNATURE_HEADER = 'X-Lookup-Signature';

/** The request header that carries the signing time in Unix seconds. */
export const TIMESTAMP_HEADER = 'X-Lookup-Timestamp';

/** How far a timestamp may lie before or after the receiver's clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const ENTRY = /^v1=([0-9a-f]{64})$/;
const TIMESTAMP = /^[0-9]{1,12}$/;

export type SignatureFailure = 'SIGNATURE_MISSING' | 'TIMESTAMP_OUT_OF_RANGE' | 'SIGNATURE_INVALID';

export type SignatureCheck = { ok: true } | { ok: false; code: SignatureFailure; detail: string };

export interface VerifyOptions {
  /** The raw body bytes as received. */
  body: Uint8Array;
  /** The value of `X-Lookup-Timestamp`, if any. */
  timestamp: string | undefined;
  /** The value of `X-Lookup-Signature`, if any. */
  signature: string | undefined;
  /** The active secrets; a request signed with any of them is accepted. */
  secrets: readonly string[];
  /** The receiver's clock in epoch milliseconds. */
  nowMs: number;
  /** @default 300 seconds */
  toleranceSeconds?: number;
}

/** Computes the 32-byte HMAC-SHA256 of `<timestamp>.<body>` with one secret. */
function digest(secret: string, timestamp: string, body: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/**
 * Signs a body for `POST /lookups` and returns the `v1=<hex>` entry.
 * `timestampSeconds` is Unix time in whole seconds.
 */
export function signLookup(body: Uint8Array | string, secret: string, timestampSeconds: number): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(`timestampSeconds must be a non-negative whole number of seconds, got ${timestampSeconds}.`);
  }

  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return `v1=${digest(secret, String(timestampSeconds), bytes).toString('hex')}`;
}

/**
 * Builds both signature headers for a body, with one entry per secret, so a
 * sender can move between secrets while the receiver rotates them.
 */
export function signatureHeaders(
  body: Uint8Array | string,
  secrets: readonly string[],
  nowMs: number = Date.now(),
): Record<typeof TIMESTAMP_HEADER | typeof SIGNATURE_HEADER, string> {
  if (secrets.length === 0) throw new TypeError('signatureHeaders needs at least one secret.');

  const timestampSeconds = Math.floor(nowMs / 1000);
  return {
    [TIMESTAMP_HEADER]: String(timestampSeconds),
    [SIGNATURE_HEADER]: secrets.map((secret) => signLookup(body, secret, timestampSeconds)).join(','),
  };
}

/**
 * Returns how many seconds a timestamp header lies after the receiver's clock
 * (negative when it lies before), or undefined when it is not Unix time in
 * whole seconds.
 */
export function timestampSkewSeconds(timestamp: string, nowMs: number): number | undefined {
  return TIMESTAMP.test(timestamp) ? Number(timestamp) - nowMs / 1000 : undefined;
}

/** Reads the well-formed `v1` digests of a signature header; other entries are ignored. */
function parseEntries(header: string): Buffer[] {
  const digests: Buffer[] = [];
  for (const entry of header.split(',')) {
    const match = ENTRY.exec(entry.trim());
    if (match?.[1]) digests.push(Buffer.from(match[1], 'hex'));
  }

  return digests;
}

/**
 * Checks a lookup request's signature: headers present, timestamp inside the
 * window, and at least one `v1` entry equal to the HMAC of one active
 * secret. Digests are compared with `timingSafeEqual`, so the time taken does
 * not reveal how many leading bytes matched.
 */
export function verifyLookupSignature(options: VerifyOptions): SignatureCheck {
  const { body, timestamp, signature, secrets, nowMs } = options;
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;

  if (!timestamp || !signature) {
    const missing = !timestamp ? TIMESTAMP_HEADER : SIGNATURE_HEADER;
    return { ok: false, code: 'SIGNATURE_MISSING', detail: `The ${missing} header is missing or empty.` };
  }

  const skewSeconds = Math.abs(timestampSkewSeconds(timestamp, nowMs) ?? Number.POSITIVE_INFINITY);
  if (skewSeconds > toleranceSeconds) {
    return {
      ok: false,
      code: 'TIMESTAMP_OUT_OF_RANGE',
      detail: `${TIMESTAMP_HEADER} must be the signing time in Unix seconds, within ${toleranceSeconds} seconds of the receiver's clock.`,
    };
  }

  const received = parseEntries(signature);
  for (const secret of secrets) {
    const expected = digest(secret, timestamp, body);
    if (received.some((candidate) => timingSafeEqual(candidate, expected))) return { ok: true };
  }

  return {
    ok: false,
    code: 'SIGNATURE_INVALID',
    detail: `No v1 entry in ${SIGNATURE_HEADER} matches an HMAC-SHA256 of "<timestamp>.<body>" with an active secret.`,
  };
}
