import { createPlexClient, type PlexClient, type PlexClientOptions, type PlexLogger } from '../../../client/index.js';
import { scriptedFetch, type Reply, type ScriptedFetch } from './scripted-fetch.js';
import { VirtualClock } from './virtual-clock.js';

/** API key used by the unit tests. Long and distinctive, so a leak is easy to find. */
export const TEST_KEY = 'pk_live_7Hq2+Vx9/Lm4Zr8=Kt3&Wn6';

/** Consumer secret used by the unit tests. */
export const TEST_SECRET = 'sk_9fB2kQ7x L0pV4mN8#Zc';

/** One line written to a `RecordingLogger`. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** Logger that keeps every line. */
export function recordingLogger(): { logger: PlexLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: LogLine['level']) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') }, lines };
}

/** Client under test with its fake server, virtual clock and log. */
export interface TestClient {
  client: PlexClient;
  server: ScriptedFetch;
  clock: VirtualClock;
  lines: LogLine[];
}

/**
 * Creates a client on a scripted fetch, a virtual clock and a recording logger. The random
 * source returns 0.5, so each backoff is half its ceiling. Rate limiting is off unless the
 * options turn it on, so tests of other features do not share a limiter. A `VirtualClock`
 * passed in the options is used and returned, so several clients can share one.
 */
export function testClient(replies: readonly Reply[], options: PlexClientOptions = {}, fallback?: Reply): TestClient {
  const clock = options.clock instanceof VirtualClock ? options.clock : new VirtualClock();
  const server = scriptedFetch(replies, fallback, () => clock.now());
  const { logger, lines } = recordingLogger();
  const client = createPlexClient({
    apiKey: TEST_KEY,
    tier: 'test',
    fetch: server.fetch,
    clock,
    random: () => 0.5,
    logger,
    rateLimit: false,
    ...options,
  });
  return { client, server, clock, lines };
}
