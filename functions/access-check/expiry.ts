import { FunctionConfigError } from '../shared/config-error.js';

const DAY_MS = 86_400_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Expiry of the API key as the report shows it. */
export interface KeyExpiry {
  /** ISO 8601 UTC time at which the key stops working. */
  expiresAt: string;
  /** Whole days left, rounded down: 0 on the last day, negative once the key has expired. */
  daysLeft: number;
}

/** Returns the UTC time of a calendar date, or undefined for a date that does not exist (such as February 30). */
function utcDate(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;

  return valid ? ms : undefined;
}

/** Returns the offset of a `Z` or `±hh:mm` zone in minutes east of UTC, or undefined when it is out of range. */
function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;

  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;

  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function parseDateTime(match: RegExpExecArray): number | undefined {
  const [, year, month, day, hours, minutes, seconds = '0', fraction = '', zone = 'Z'] = match;
  const dayMs = utcDate(Number(year), Number(month), Number(day));
  const offset = zoneOffsetMinutes(zone);
  if (dayMs === undefined || offset === undefined) return undefined;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;

  const timeMs = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  const fractionMs = Number(fraction.padEnd(3, '0').slice(0, 3));

  return dayMs + timeMs + fractionMs - offset * 60_000;
}

/**
 * Parses `PLEX_KEY_EXPIRES_AT`: a date `YYYY-MM-DD`, read as 00:00 UTC of that day so that
 * the warning comes early rather than late, or a date-time with seconds optional and a
 * zone required (`Z` or `±hh:mm`).
 *
 * @throws FunctionConfigError naming the variable when the value is neither, or names a date that does not exist.
 */
export function parseKeyExpiry(variable: string, raw: string): Date {
  const dateOnly = DATE_ONLY.exec(raw);
  const dateTime = dateOnly ? undefined : DATE_TIME.exec(raw);
  const ms = dateOnly
    ? utcDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]))
    : dateTime
      ? parseDateTime(dateTime)
      : undefined;

  if (ms === undefined) {
    throw new FunctionConfigError(
      variable,
      `"${raw}" is not a valid date or date-time. Write the key's expiry as shown in the Plex developer portal, ` +
        'as a date such as 2026-03-14 or a date-time with a zone such as 2026-03-14T17:00:00Z.',
    );
  }

  return new Date(ms);
}

/** Returns the expiry with the whole days left at `nowMs`, rounded down. */
export function keyExpiryAt(expiresAt: Date, nowMs: number): KeyExpiry {
  return {
    expiresAt: expiresAt.toISOString(),
    daysLeft: Math.floor((expiresAt.getTime() - nowMs) / DAY_MS),
  };
}
