import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export interface EventOptions {
  /** The body as sent: text, or bytes that the event carries base64-encoded. */
  body?: string | Uint8Array;
  /** Extra or replacing headers. Names are lower-cased, as API Gateway v2 sends them. */
  headers?: Record<string, string | undefined>;
  /** Sends a text body base64-encoded as well, as API Gateway does for some media types. */
  base64?: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a time as API Gateway writes `requestContext.time`, such as `04/Dec/2024:15:20:00 +0000`. */
function requestTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  return `${day}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/**
 * Builds the event API Gateway v2 (HTTP API, payload format 2.0) passes to
 * the function for `POST /lookups`, with every field it fills in.
 */
export function lookupEvent(options: EventOptions = {}): APIGatewayProxyEventV2 {
  const bytes = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : Buffer.from(options.body ?? []);
  const isBase64Encoded = options.base64 === true || typeof options.body !== 'string';
  const nowMs = Date.now();
  const headers: Record<string, string> = {
    accept: '*/*',
    'content-length': String(bytes.byteLength),
    'content-type': 'application/json',
    host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    'user-agent': 'badge-reader/2.1',
    'x-amzn-trace-id': 'Root=1-675072a0-3c1f0e2d4b5a69788796a5b4',
    'x-forwarded-for': '203.0.113.17',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }

  return {
    version: '2.0',
    routeKey: 'POST /lookups',
    rawPath: '/lookups',
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'a1b2c3d4e5',
      http: {
        method: 'POST',
        path: '/lookups',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.17',
        userAgent: 'badge-reader/2.1',
      },
      requestId: 'KQ1a3gNboAMEV3Q=',
      routeKey: 'POST /lookups',
      stage: '$default',
      time: requestTime(new Date(nowMs)),
      timeEpoch: nowMs,
    },
    body: isBase64Encoded ? bytes.toString('base64') : bytes.toString('utf8'),
    isBase64Encoded,
  };
}

/**
 * Builds a Lambda context whose remaining time runs down with `now`, the
 * clock the handler uses, from `remainingMs` at creation.
 */
export function lambdaContext(remainingMs = 10_000, now: () => number = Date.now): Context {
  const deadlineMs = now() + remainingMs;
  const fail = (): never => {
    throw new Error('The handler must return its result, not call the context callbacks.');
  };

  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'plex-connect-test-webhookLookup',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:plex-connect-test-webhookLookup',
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/plex-connect-test-webhookLookup',
    logStreamName: '2024/12/04/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - now()),
    done: fail,
    fail,
    succeed: fail,
  };
}
