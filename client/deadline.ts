import type { PlexClock } from './clock.js';
import { describeValue } from './describe-value.js';
import { PlexConfigError } from './errors/PlexConfigError.js';

/** Time budget of one call. */
export interface Deadline {
  /** Milliseconds left, or Infinity without a deadline. May be zero or negative. */
  remainingMs(): number;
  /** Clock time at which the budget ends, or undefined without a deadline. */
  endsAt(): number | undefined;
}

/**
 * Combines the `deadline` and `remainingTimeMs` call options into one budget, in which the
 * earlier of the two wins.
 *
 * @throws PlexConfigError if `deadline` is not a finite number or `remainingTimeMs` not a function.
 */
export function createDeadline(clock: PlexClock, deadline: unknown, remainingTimeMs: unknown): Deadline {
  if (deadline !== undefined && (typeof deadline !== 'number' || !Number.isFinite(deadline))) {
    throw new PlexConfigError(
      'deadline',
      `Invalid call option deadline: ${describeValue(deadline)}. ` +
        'Expected a time in milliseconds since the epoch, such as Date.now() + 10000.',
    );
  }
  if (remainingTimeMs !== undefined && typeof remainingTimeMs !== 'function') {
    throw new PlexConfigError(
      'remainingTimeMs',
      `Invalid call option remainingTimeMs: ${describeValue(remainingTimeMs)}. ` +
        'Expected a function that returns the milliseconds left, such as () => context.getRemainingTimeInMillis().',
    );
  }
  const remainingMs = (): number => {
    let remaining = Number.POSITIVE_INFINITY;
    if (deadline !== undefined) {
      remaining = deadline - clock.now();
    }
    if (remainingTimeMs !== undefined) {
      const reported = Number((remainingTimeMs as () => unknown)());
      remaining = Math.min(remaining, Number.isNaN(reported) ? 0 : reported);
    }
    return remaining;
  };
  return {
    remainingMs,
    endsAt: () => {
      const remaining = remainingMs();
      return Number.isFinite(remaining) ? clock.now() + remaining : undefined;
    },
  };
}
