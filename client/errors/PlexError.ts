/**
 * Base class of the errors this client raises itself, so callers can catch every client
 * failure with one `instanceof PlexError` check.
 *
 * `PlexDateTimeError` predates this class and extends `Error` directly.
 */
export class PlexError extends Error {
  override readonly name: string = 'PlexError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
