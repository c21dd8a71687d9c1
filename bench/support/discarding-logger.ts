import { Logger, type LogItem } from '@aws-lambda-powertools/logger';

/**
 * A Powertools Logger that builds and serializes every JSON log line, as in Lambda, and
 * then drops it instead of writing it to stdout. The handler's own logging work stays in
 * the measurement, and the benchmark's output stays readable.
 */
export class DiscardingLogger extends Logger {
  /** Characters serialized so far, which keeps the serialization from being optimized away. */
  serializedChars = 0;

  protected override printLog(_logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    this.serializedChars += JSON.stringify(log.getAttributes(), this.getJsonReplacer()).length;
  }
}
