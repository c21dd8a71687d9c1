/** Command-line options of `npm run bench`, parsed with util.parseArgs. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  json: boolean;
  smoke: boolean;
  /** Names of the benchmarks to run, or undefined for all. */
  only: string[] | undefined;
  help: boolean;
}

/** Raised for a command line that cannot be used. The message names the option. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export function usage(names: readonly string[]): string {
  return [
    'Usage: npm run bench -- [--json] [--smoke] [--only name,...]',
    '',
    'Runs the benchmarks, each against its physical floor in the same run, and writes',
    'bench/RESULTS.md when every benchmark ran in full mode.',
    '',
    'Options:',
    '  --json         print the results as JSON on stdout instead of Markdown',
    '  --smoke        few iterations and small inputs, to check that everything runs;',
    '                 RESULTS.md is left alone and the Markdown goes to a temporary file',
    `  --only <list>  comma-separated benchmarks to run: ${names.join(', ')}`,
    '  -h, --help     show this help',
  ].join('\n');
}

/** Parses the arguments after the script name. */
export function parseBenchOptions(argv: readonly string[], names: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        json: { type: 'boolean' },
        smoke: { type: 'boolean' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }

  const only = values.only?.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = only?.filter((name) => !names.includes(name)) ?? [];
  if (unknown.length > 0 || only?.length === 0) {
    throw new BenchUsageError(`--only must list benchmarks among ${names.join(', ')}, received "${values.only}".`);
  }

  return { json: values.json === true, smoke: values.smoke === true, only, help: values.help === true };
}
