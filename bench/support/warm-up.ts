import { createPlexClient } from '../../client/index.js';
import { DEMO_KEYS } from '../../emulator/index.js';

/**
 * Sends `count` requests, `concurrency` at a time, with the emulator's mdm-only demo key,
 * which has a budget of its own, so that neither the emulator nor the client's code runs
 * cold in a measured run. The emulator counts a request when its code handles it, so a
 * request handled late while that code is still being compiled is counted late, and could
 * push a later window over the budget although the client kept to it.
 */
export async function warmUpEmulator(baseUrl: string, concurrency: number, count: number): Promise<void> {
  const client = createPlexClient({ baseUrl, apiKey: DEMO_KEYS.mdmOnly, rateLimit: false });
  let remaining = count;
  const caller = async () => {
    while (remaining > 0) {
      remaining -= 1;
      await client.getOrThrow('/mdm/v1/buildings');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
}
