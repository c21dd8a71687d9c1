/**
 * An unusable command line or configuration. The command prints the message and exits
 * with status 2, so the message names the option or variable at fault and the fix.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
