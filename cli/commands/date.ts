/** `plex-connect date`: validates date-times and converts them to the form Plex accepts. */
import { PlexDateTime, PlexDateTimeError } from '../../client/index.js';
import { parseCommandLine } from '../args.js';
import { EXIT, EXIT_STATUS_HELP, type ExitCode } from '../exit-codes.js';
import { printError, printJson, printLine } from '../terminal.js';
import { UsageError } from '../usage-error.js';

export const USAGE = `Usage: plex-connect date <value>... [options]

Checks each value against the date-time form Plex Connect accepts,
YYYY-MM-DDThh:mm[:ss[.fffffff]]Z, and prints it in the long form Plex emits,
YYYY-MM-DDThh:mm:ss.fffffffZ, one line per value.

A value with a UTC offset such as +02:00 is converted to UTC exactly, and a note
on standard error says why Plex would reject it as written. A value that cannot
be converted, such as one without a time zone or with 8 fractional digits, is
explained on standard error, and the exit status is 1.

Example:
  plex-connect date 2024-03-31T23:59:59.9999999Z 2024-04-01T01:00+02:00

Options:
  --json                    print a JSON array with one object per value:
                            input, valid (as written), normalized and reason
  -h, --help                show this help

${EXIT_STATUS_HELP}`;

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The verdict on one value. */
export interface DateVerdict {
  input: string;
  /** Whether Plex accepts the value exactly as written. */
  valid: boolean;
  /** The value in the long Plex form, or null when it cannot be converted. */
  normalized: string | null;
  /** The reason Plex rejects the value as written, or null when it is valid. */
  reason: string | null;
}

function reasonOf(error: unknown): string {
  if (error instanceof PlexDateTimeError) return error.reason;
  throw error;
}

/** Judges one value: accepted as written, convertible, or invalid. */
export function judgeDate(input: string): DateVerdict {
  try {
    return { input, valid: true, normalized: PlexDateTime.parse(input).toString(), reason: null };
  } catch (strictError) {
    const reason = reasonOf(strictError);
    try {
      return { input, valid: false, normalized: PlexDateTime.from(input).toString(), reason };
    } catch (conversionError) {
      return { input, valid: false, normalized: null, reason: reasonOf(conversionError) };
    }
  }
}

function explain(verdict: DateVerdict): void {
  if (verdict.normalized === null) {
    printError(`plex-connect date: ${JSON.stringify(verdict.input)} is invalid: ${verdict.reason}.`);
  } else if (!verdict.valid) {
    printError(`note: Plex rejects ${JSON.stringify(verdict.input)} as written (${verdict.reason}); send ${verdict.normalized}.`);
  }
}

/** Runs `plex-connect date` and returns its exit status. */
export async function run(argv: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) {
    printLine(USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('Give at least one date-time, such as 2024-01-31T13:45:00Z.');

  const verdicts = positionals.map(judgeDate);
  for (const verdict of verdicts) {
    if (!values.json && verdict.normalized !== null) printLine(verdict.normalized);
    explain(verdict);
  }
  if (values.json) printJson(verdicts);

  return verdicts.every((verdict) => verdict.normalized !== null) ? EXIT.ok : EXIT.failed;
}
