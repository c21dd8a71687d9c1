/** Maximum number of characters of the rejected input kept in `value` and in the message. */
const MAX_VALUE_LENGTH = 100;

/** Maximum length of `reason`, which may quote a part of the input, such as the text after Z. */
const MAX_REASON_LENGTH = 300;

/**
 * Error thrown when a value is not a valid Plex date-time or cannot be converted to one.
 *
 * `value` is the rejected input as a string, cut to 100 characters. `reason` describes the
 * problem and its fix. The message combines both with the expected format.
 */
export class PlexDateTimeError extends Error {
  override readonly name = 'PlexDateTimeError';

  /** Rejected input, converted with `String()` and cut to 100 characters (plus "…"). */
  readonly value: string;

  /** Specific problem with the input and the fix, cut to 300 characters (plus "…"). */
  readonly reason: string;

  constructor(value: unknown, fullReason: string) {
    const displayValue = describeValue(value);
    const reason = clip(fullReason, MAX_REASON_LENGTH);
    const quoted = typeof value === 'string' ? JSON.stringify(displayValue) : displayValue;
    super(
      `Invalid Plex date-time ${quoted}: ${reason}. ` +
        'Plex date-times have the form YYYY-MM-DDThh:mm[:ss[.fffffff]]Z, for example 2024-01-31T13:45:00.1234567Z.',
    );
    this.value = displayValue;
    this.reason = reason;
  }
}

/** Converts any input to a string for the message, cut to MAX_VALUE_LENGTH characters. */
function describeValue(value: unknown): string {
  let text: string;
  try {
    text = String(value);
  } catch {
    // Objects with a null prototype or a throwing toString() cannot be converted.
    text = Object.prototype.toString.call(value);
  }
  return clip(text, MAX_VALUE_LENGTH);
}

function clip(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
