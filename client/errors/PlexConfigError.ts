import { PlexError } from './PlexError.js';

/**
 * Error thrown before anything is sent when an option or a call argument is invalid.
 *
 * The message names the option, shows the rejected value (never the value of a secret)
 * and explains how to fix it. Nothing is sent to Plex when this is thrown.
 */
export class PlexConfigError extends PlexError {
  override readonly name = 'PlexConfigError';

  /** Option or argument that was rejected, for example `tier` or `retry.limit`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}
