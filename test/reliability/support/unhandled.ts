import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/**
 * Records every unhandled promise rejection of the test file and fails the test during which
 * one surfaced. Node reports a rejection only after the microtask queue drains, so the
 * check waits one macrotask before it looks.
 */
export function useUnhandledRejectionCheck(): void {
  const reasons: unknown[] = [];
  const listener = (reason: unknown): void => {
    reasons.push(reason);
  };

  beforeAll(() => {
    process.on('unhandledRejection', listener);
  });

  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const found = reasons.splice(0).map((reason) => inspect(reason, { depth: 2 }));
    expect(found, 'unhandled rejections').toEqual([]);
  });

  afterAll(() => {
    process.off('unhandledRejection', listener);
  });
}
