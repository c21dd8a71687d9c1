/**
 * Runs one emulator in its own process for the benchmarks. The first argument is a JSON
 * `HostedEmulatorOptions`. It writes `{ "url": ... }` as one line to stdout once it listens,
 * and stops when its stdin closes, so it never outlives the benchmark that started it.
 */
import { startEmulator } from '../../emulator/index.js';
import type { HostedEmulatorOptions } from './emulator-process.js';

const options = JSON.parse(process.argv[2] ?? '{}') as HostedEmulatorOptions;
const emulator = await startEmulator({ port: 0, scale: options.scale, rateLimit: options.rateLimit });
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);

process.stdin.resume();
process.stdin.on('end', () => {
  void emulator.close().then(() => process.exit(0));
});
