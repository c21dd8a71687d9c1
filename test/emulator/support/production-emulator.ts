/**
 * Runs a production-scale emulator in a child process, so a test can measure the
 * emulator's memory apart from its own. Started with `fork()`; talks over IPC:
 *
 * - sends `{ type: 'ready', url }` once listening;
 * - on `{ type: 'baseline' }`, collects garbage (when started with --expose-gc), resets
 *   the peak and replies `{ type: 'baseline', rss }`;
 * - on `{ type: 'peak' }`, replies `{ type: 'peak', rss }` with the highest RSS sampled
 *   since the baseline;
 * - on `{ type: 'close' }`, closes the emulator and exits.
 */
import { startEmulator } from '../../../emulator/index.js';

/** RSS sampling period. Short enough to catch a peak while a 70 MB body is streamed. */
const SAMPLE_MS = 10;

type Command = { type: 'baseline' } | { type: 'peak' } | { type: 'close' };

function reply(message: Record<string, unknown>): void {
  process.send?.(message);
}

const emulator = await startEmulator({ scale: 'production', rateLimit: false });
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, SAMPLE_MS);

process.on('message', (command: Command) => {
  if (command.type === 'baseline') {
    (globalThis as { gc?: () => void }).gc?.();
    peak = process.memoryUsage.rss();
    reply({ type: 'baseline', rss: peak });
  } else if (command.type === 'peak') {
    peak = Math.max(peak, process.memoryUsage.rss());
    reply({ type: 'peak', rss: peak });
  } else {
    clearInterval(sampler);
    void emulator.close().then(() => process.exit(0));
  }
});

reply({ type: 'ready', url: emulator.url });
