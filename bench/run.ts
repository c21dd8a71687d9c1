/**
 * `npm run bench`: runs every benchmark against its physical floor and writes
 * bench/RESULTS.md. See `usage` in support/cli-options.ts for the options.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessCheckScale } from './access-check.js';
import { coldStart } from './cold-start.js';
import { dateTime } from './datetime.js';
import { load } from './load.js';
import { lookupOverhead } from './lookup-overhead.js';
import { rateLimit } from './rate-limit.js';
import { streamedLists } from './streamed-lists.js';
import type { Benchmark, BenchContext } from './support/benchmark.js';
import { BenchUsageError, parseBenchOptions, usage, type BenchOptions } from './support/cli-options.js';
import { describeMachine } from './support/machine.js';
import { renderMarkdown, type RunReport } from './support/markdown.js';
import { benchFile } from './support/paths.js';

const BENCHMARKS: readonly Benchmark[] = [lookupOverhead, coldStart, streamedLists, rateLimit, accessCheckScale, dateTime, load];

const NAMES = BENCHMARKS.map((benchmark) => benchmark.name);

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function runSelected(options: BenchOptions): Promise<RunReport> {
  const started = performance.now();
  const report: RunReport = { machine: describeMachine(), mode: options.smoke ? 'smoke' : 'full', durationSeconds: 0, results: [], failures: [] };
  const context: BenchContext = { smoke: options.smoke, progress };
  for (const benchmark of BENCHMARKS.filter((candidate) => options.only?.includes(candidate.name) ?? true)) {
    progress(`${benchmark.title}: starting`);
    try {
      report.results.push(await benchmark.run(context));
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      progress(`${benchmark.title} failed: ${detail}`);
      report.failures.push({ name: benchmark.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  report.durationSeconds = (performance.now() - started) / 1000;

  return report;
}

/** Writes the Markdown where the mode allows, and returns the file, if any. */
function writeMarkdown(report: RunReport, options: BenchOptions): string | undefined {
  const markdown = renderMarkdown(report);
  if (options.smoke) {
    const file = join(tmpdir(), `plex-connect-bench-smoke-${process.pid}.md`);
    writeFileSync(file, markdown);
    return file;
  }
  if (options.only !== undefined || report.failures.length > 0) {
    progress('bench/RESULTS.md was not written: it is written only when every benchmark ran and finished.');
    return undefined;
  }

  const file = benchFile('RESULTS.md');
  writeFileSync(file, markdown);
  return file;
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseBenchOptions(argv, NAMES);
  if (options.help) {
    process.stdout.write(`${usage(NAMES)}\n`);
    return 0;
  }

  const report = await runSelected(options);
  const resultsFile = writeMarkdown(report, options);
  if (resultsFile !== undefined) progress(`Wrote ${resultsFile}`);
  process.stdout.write(options.json ? `${JSON.stringify({ ...report, resultsFile }, null, 2)}\n` : renderMarkdown(report));

  return report.failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BenchUsageError) {
      process.stderr.write(`bench: ${error.message}\n${usage(NAMES)}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
