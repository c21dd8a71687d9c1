import { LogFormatter, LogItem, Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

/**
 * A log formatter that also keeps each line it formats, with errors expanded
 * the way Powertools prints them. Passed to a Logger through its
 * `logFormatter` option, so nothing global is patched.
 */
export class CapturingFormatter extends LogFormatter {
  readonly lines: string[] = [];

  formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    const item = new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        service: attributes.serviceName,
        timestamp: this.formatTimestamp(attributes.timestamp),
      },
    }).addAttributes(additionalLogAttributes);
    this.lines.push(JSON.stringify(item.getAttributes(), (_key, value: unknown) => (value instanceof Error ? this.formatError(value) : value)));

    return item;
  }

  /** Returns the captured lines parsed. */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** Creates a logger at `logLevel` that captures its lines in the returned formatter. */
export function capturingLogger(logLevel: 'DEBUG' | 'INFO' = 'INFO'): { logger: Logger; formatter: CapturingFormatter } {
  const formatter = new CapturingFormatter();
  return { logger: new Logger({ serviceName: 'plex-connect', logLevel, logFormatter: formatter }), formatter };
}
