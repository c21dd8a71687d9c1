/** One JSON object per line, at a configurable level, written to an injectable sink. */

export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Receives one complete JSON line, without a trailing newline. */
export type LogSink = (line: string) => void;

/** Writes each line to stderr. */
export const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

export function isLogLevel(value: unknown): value is LogLevel {
  return (LOG_LEVELS as readonly unknown[]).includes(value);
}

export class Logger {
  readonly #rank: number;
  readonly #sink: LogSink;

  constructor(level: LogLevel, sink: LogSink) {
    this.#rank = LOG_LEVELS.indexOf(level);
    this.#sink = sink;
  }

  enabled(level: Exclude<LogLevel, 'silent'>): boolean {
    return LOG_LEVELS.indexOf(level) <= this.#rank;
  }

  error(message: string, fields: Record<string, unknown> = {}): void {
    this.#write('error', message, fields);
  }

  info(message: string, fields: Record<string, unknown> = {}): void {
    this.#write('info', message, fields);
  }

  debug(message: string, fields: Record<string, unknown> = {}): void {
    this.#write('debug', message, fields);
  }

  #write(level: Exclude<LogLevel, 'silent'>, message: string, fields: Record<string, unknown>): void {
    if (!this.enabled(level)) {
      return;
    }

    this.#sink(JSON.stringify({ level, timestamp: new Date().toISOString(), message, ...fields }));
  }
}
