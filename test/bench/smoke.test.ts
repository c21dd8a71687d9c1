import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE_ARGS = ['--import', 'tsx', 'bench/run.ts'];
const RESULTS = `${ROOT}bench/RESULTS.md`;

/** The benchmarks and the section titles RESULTS.md gives them. */
const SECTIONS: Record<string, string> = {
  lookup: 'Lookup overhead',
  'cold-start': 'Cold start',
  'streamed-lists': 'Streamed lists',
  'rate-limit': 'Rate-limit use',
  'access-check': 'Access-check scale',
  datetime: 'Date-time',
  load: 'Load',
};

interface SmokeOutput {
  mode: string;
  results: { name: string; title: string; setup: string[]; comparisons: { metric: string; ours: unknown }[] }[];
  failures: { name: string; error: string }[];
  resultsFile?: string;
}

const run = promisify(execFile);

describe('bench script in smoke mode', () => {
  let output: SmokeOutput;
  let resultsBefore: string | undefined;

  beforeAll(async () => {
    resultsBefore = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : undefined;
    // Timings are not checked: other work on the machine makes them vary.
    const { stdout } = await run(process.execPath, [...NODE_ARGS, '--smoke', '--json'], {
      cwd: ROOT,
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 180_000,
    });
    output = JSON.parse(stdout) as SmokeOutput;
  }, 200_000);

  afterAll(() => {
    if (output?.resultsFile) rmSync(output.resultsFile, { force: true });
  });

  it('runs every benchmark without a failure', () => {
    expect(output.mode).toBe('smoke');
    expect(output.failures).toEqual([]);
    expect(output.results.map((result) => result.name)).toEqual(Object.keys(SECTIONS));
  });

  it('reports figures in every section', () => {
    for (const result of output.results) {
      expect(result.setup.length, result.name).toBeGreaterThan(0);
      expect(result.comparisons.length, result.name).toBeGreaterThan(0);
      for (const figure of result.comparisons) expect(typeof figure.ours, `${result.name}: ${figure.metric}`).toBe('number');
    }
  });

  it('renders every section to a temporary file', () => {
    expect(output.resultsFile).toBeDefined();
    expect(output.resultsFile).not.toBe(RESULTS);
    const markdown = readFileSync(output.resultsFile!, 'utf8');
    expect(markdown).toContain('## Machine');
    for (const title of Object.values(SECTIONS)) expect(markdown).toContain(`. ${title}\n`);
  });

  it('leaves RESULTS.md alone', () => {
    const resultsAfter = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : undefined;
    expect(resultsAfter).toBe(resultsBefore);
  });
});

describe('bench script options', () => {
  it('exits with 2 and names the benchmarks for an unknown one', () => {
    const result = spawnSync(process.execPath, [...NODE_ARGS, '--only', 'nothing'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--only must list benchmarks among lookup, cold-start');
  });
});
