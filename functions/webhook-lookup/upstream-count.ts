import { AsyncLocalStorage } from 'node:async_hooks';
import type { PlexFetch } from '../../client/index.js';

/** The Plex requests that one invocation sent itself. */
export interface UpstreamCount {
  requests: number;
}

const counts = new AsyncLocalStorage<UpstreamCount>();

/** Runs `work` so that every request sent through `countingFetch` on its behalf adds to `count`. */
export function runCounted<T>(count: UpstreamCount, work: () => Promise<T>): Promise<T> {
  return counts.run(count, work);
}

/**
 * Wraps a fetch so that each request adds to the count of the invocation it
 * serves. An invocation served from the cache, or by sharing another
 * invocation's request in flight, sends none, so its count stays 0.
 */
export function countingFetch(fetch: PlexFetch): PlexFetch {
  return (request) => {
    const count = counts.getStore();
    if (count !== undefined) count.requests += 1;

    return fetch(request);
  };
}
