import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { systemClock, type PlexClock } from '../../../client/index.js';

/**
 * A Powertools Logger that keeps each JSON line instead of printing it, through the
 * protected `printLog` that Powertools documents for subclasses.
 */
export class CapturingLogger extends Logger {
  readonly lines: string[] = [];

  protected override printLog(_logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    this.lines.push(JSON.stringify(log.getAttributes(), this.getJsonReplacer()));
  }

  /** Parses the captured lines. */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/**
 * Returns a clock that runs on the system time but is a new object. The client shares one
 * rate limiter per key and clock, so a fresh clock keeps tests from spending each other's budget.
 */
export function freshClock(): PlexClock {
  return { now: systemClock.now, sleep: systemClock.sleep };
}

/** Returns a Lambda context whose remaining time runs down from `remainingMs`. */
export function lambdaContext(remainingMs: number): Context {
  const endsAt = Date.now() + remainingMs;

  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'plex-connect-test-accessCheck',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:plex-connect-test-accessCheck',
    memoryLimitInMB: '256',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: '/aws/lambda/plex-connect-test-accessCheck',
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Returns an EventBridge scheduled event as Lambda passes it. */
export function scheduledEvent(time = new Date()): ScheduledEvent {
  return {
    version: '0',
    id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: time.toISOString(),
    region: 'us-east-1',
    resources: ['arn:aws:events:us-east-1:123456789012:rule/plex-connect-test-access-check'],
    detail: {},
  };
}
