import type { PlexLogger } from '../client/index.js';
import { printError } from './terminal.js';

function describeFields(fields: Record<string, unknown> | undefined): string {
  return fields === undefined || Object.keys(fields).length === 0 ? '' : ` ${JSON.stringify(fields)}`;
}

/**
 * A client logger that writes warnings and errors to standard error, one line each, and
 * drops the rest. The client's fields name a key by its fingerprint only.
 */
export const stderrLogger: PlexLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message, fields) => printError(`warning: ${message}${describeFields(fields)}`),
  error: (message, fields) => printError(`error: ${message}${describeFields(fields)}`),
};
