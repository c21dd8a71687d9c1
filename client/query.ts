import { PlexDateTime, formatPlexDateTime, isPlexDateTime, toPlexQueryValue } from './datetime.js';
import { describeValue } from './describe-value.js';
import { PlexConfigError } from './errors/PlexConfigError.js';

/**
 * Returns whether a query parameter takes a `PlexDateTime`. In the description every such
 * parameter, and no other, has `Date` in its name (`modifiedDateBegin`,
 * `beginEarliestStartDateTime`). A unit test keeps this rule and the description in step.
 */
export function isDateTimeParameter(name: string): boolean {
  return name.includes('Date');
}

/**
 * Serializes query parameters the way Plex Connect reads them.
 *
 * - Arrays repeat the key: `?id=a&id=b`.
 * - Values are percent-encoded like `encodeURIComponent`, so a space is `%20`, never `+`.
 * - `Date` and `PlexDateTime` values become the canonical Plex string.
 * - A string that already is a Plex date-time is sent byte for byte, unencoded, because it
 *   contains only characters that are safe in a query.
 * - For a date-time parameter, a string with another UTC offset is converted exactly, and a
 *   string without a zone is rejected before anything is sent.
 * - `undefined` and `null` values, also inside arrays, are left out.
 *
 * @throws PlexDateTimeError for an invalid date-time value.
 * @throws PlexConfigError for an object value, which no Plex parameter takes.
 */
export function serializePlexQuery(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null) {
        continue;
      }
      pairs.push(`${encodeURIComponent(name)}=${encodeQueryValue(name, item)}`);
    }
  }
  return pairs.join('&');
}

function encodeQueryValue(name: string, value: unknown): string {
  const dateTime = toPlexQueryValue(value);
  if (dateTime !== undefined) {
    return dateTime;
  }
  if (typeof value === 'string') {
    if (isPlexDateTime(value)) {
      return value;
    }
    // PlexDateTime.from accepts any UTC offset and throws PlexDateTimeError for a string without one.
    return isDateTimeParameter(name) ? formatPlexDateTime(value) : encodeURIComponent(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return encodeURIComponent(String(value));
  }
  throw new PlexConfigError(
    `params.query.${name}`,
    `Invalid query parameter ${name}: ${describeValue(value)}. Plex query parameters take strings, numbers, ` +
      'booleans, Date or PlexDateTime values, or arrays of them.',
  );
}

/** Types accepted for a date-time query parameter, in addition to a Plex date-time string. */
export type PlexDateTimeQueryValue = string | Date | PlexDateTime;
