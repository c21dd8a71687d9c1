/** Output helpers shared by the subcommands. */

/**
 * Returns whether to colour text written to `stream`: on a terminal, unless `NO_COLOR` is
 * set to any non-empty value (https://no-color.org). `FORCE_COLOR` other than `0` forces it.
 */
export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;

  return stream.isTTY === true;
}

/** Writes one line to standard output. */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Writes one line to standard error. */
export function printError(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Writes a value to standard output as indented JSON. */
export function printJson(value: unknown): void {
  printLine(JSON.stringify(value, null, 2));
}
