import type { PlexFetch } from '../client/index.js';

/** A progress line on standard error, and the fetch that advances it. */
export interface Progress {
  /** Counts each request; undefined when no progress is shown, so the client uses its default. */
  readonly fetch: PlexFetch | undefined;
  /** Clears the progress line. */
  stop(): void;
}

const CLEAR_LINE = '\r\u001b[2K';

/**
 * Shows how many Plex requests were sent and completed, rewriting one line of `stream`.
 * Nothing is shown unless `stream` is a terminal, so logs and pipes stay clean.
 */
export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { fetch: undefined, stop: () => undefined };

  let sent = 0;
  let completed = 0;
  const render = () => stream.write(`${CLEAR_LINE}${label}: requests sent ${sent}, completed ${completed}`);
  render();

  const fetch: PlexFetch = async (request) => {
    sent += 1;
    render();
    try {
      return await globalThis.fetch(request);
    } finally {
      completed += 1;
      render();
    }
  };

  return { fetch, stop: () => stream.write(CLEAR_LINE) };
}
