import type { BenchResult } from './result.js';

/** Settings and services every benchmark receives from the runner. */
export interface BenchContext {
  /** Few iterations and small inputs: proves the benchmark runs, measures nothing reliable. */
  smoke: boolean;
  /** Writes a progress line to stderr. */
  progress(message: string): void;
}

export interface Benchmark {
  /** Name used by `--only`. */
  name: string;
  title: string;
  run(context: BenchContext): Promise<BenchResult>;
}
