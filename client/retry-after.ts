/** IMF-fixdate, the preferred HTTP date form: `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110, section 5.6.7). */
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Obsolete RFC 850 form, which RFC 9110 requires recipients to accept: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC_850_DATE = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Parses a `Retry-After` header into milliseconds from `nowMs`.
 *
 * Accepts delay-seconds (digits only) and HTTP dates; a date in the past gives 0. Returns
 * undefined for a missing or malformed header, so the caller falls back to its own backoff.
 * See RFC 9110, section 10.2.3.
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) {
    return undefined;
  }
  const value = header.trim();
  if (/^\d+$/.test(value)) {
    const seconds = Number(value);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }
  if (!IMF_FIXDATE.test(value) && !RFC_850_DATE.test(value)) {
    return undefined;
  }
  const dateMs = Date.parse(value);
  if (Number.isNaN(dateMs)) {
    return undefined;
  }
  return Math.max(0, dateMs - nowMs);
}
