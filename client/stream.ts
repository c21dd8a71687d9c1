import { JSONParser } from '@streamparser/json';
import type { CallContext } from './call-context.js';
import { PlexApiError } from './errors/PlexApiError.js';
import { bodyTimeoutFailure, invalidBodyFailure, networkFailure } from './failures.js';
import { nextRetryDelayMs } from './send.js';

/** Body and status of a streamed list response. */
export interface OpenedList {
  body: ReadableStream<Uint8Array> | null | undefined;
  status: number;
}

const TIMED_OUT = Symbol('timed out');

/** JSON whitespace (space, tab, line feed, carriage return) and the bytes of a UTF-8 byte order mark. */
const SKIPPED_BEFORE_ARRAY: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/**
 * Yields the items of a JSON array body as they arrive, so memory stays flat whatever the
 * size of the list.
 *
 * `open` sends the request (with retries up to the response headers). When the body fails
 * before the first item, the request is sent again under the same retry policy. After the
 * first item a failure is final. A broken connection, a body that stops before its closing
 * `]` or a body that is not a JSON array is thrown as a `PlexApiError`, never returned as a
 * short list. Leaving the loop early cancels the body.
 */
export async function* streamList<Item>(
  call: CallContext,
  open: () => Promise<OpenedList>,
): AsyncGenerator<Item, void, undefined> {
  for (;;) {
    const list = await open();
    let count = 0;
    try {
      for await (const batch of readJsonArray(call, list)) {
        for (const item of batch) {
          count += 1;
          yield item as Item;
        }
      }
      const fields = { operation: call.operation, items: count, attempt: call.attempts };
      call.core.logger.debug('Plex Connect list streamed', fields);
      return;
    } catch (error) {
      const delayMs = count === 0 && error instanceof PlexApiError ? nextRetryDelayMs(call, error) : undefined;
      if (delayMs === undefined) {
        throw error;
      }
      await call.core.config.clock.sleep(delayMs, call.signal);
    }
  }
}

/** Size of the parser's string buffer; a longer string is moved into a JavaScript string as it grows. */
const STRING_BUFFER_BYTES = 64 * 1024;

/** Size of the parser's number buffer. */
const NUMBER_BUFFER_BYTES = 64;

/** Parses a JSON array body chunk by chunk and yields the items each chunk completes. */
async function* readJsonArray(call: CallContext, list: OpenedList): AsyncGenerator<unknown[], void, undefined> {
  if (list.body === null || list.body === undefined) {
    throw invalidBodyFailure(call, list.status, `${list.status} with an empty body where a JSON array was expected.`);
  }
  const reader = list.body.getReader();
  // Buffering strings and numbers in typed arrays instead of growing strings
  // made parsing a list of 40,000 jobs about 15% faster here.
  const parser = new JSONParser({
    paths: ['$.*'],
    keepStack: false,
    stringBufferSize: STRING_BUFFER_BYTES,
    numberBufferSize: NUMBER_BUFFER_BYTES,
  });
  let batch: unknown[] = [];
  let started = false;
  let complete = false;
  parser.onValue = ({ value }) => {
    batch.push(value);
  };
  parser.onEnd = () => {
    complete = true;
  };
  try {
    for (let chunk = await readChunk(call, reader); chunk !== undefined; chunk = await readChunk(call, reader)) {
      started ||= checkArrayStart(call, list.status, chunk);
      writeChunk(call, list.status, parser, chunk);
      if (batch.length > 0) {
        const items = batch;
        batch = [];
        yield items;
      }
    }
    if (!complete) {
      const problem = started ? 'the list body ended before its closing ], so the list is incomplete' : 'the list body is empty';
      throw invalidBodyFailure(call, list.status, `${list.status}, but ${problem}.`);
    }
  } finally {
    // Cancelling a finished stream does nothing, and on an early exit it closes the connection.
    reader.cancel().catch(() => undefined);
  }
}

function writeChunk(call: CallContext, status: number, parser: JSONParser, chunk: Uint8Array): void {
  try {
    parser.write(chunk);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidBodyFailure(call, status, `${status}, but the list body is not valid JSON: ${reason}`, error);
  }
}

/**
 * Returns whether the chunk contains the first significant byte of the body, after checking
 * that it is `[`. Whitespace and a UTF-8 byte order mark before it are skipped.
 */
function checkArrayStart(call: CallContext, status: number, chunk: Uint8Array): boolean {
  for (const byte of chunk) {
    if (SKIPPED_BEFORE_ARRAY.has(byte)) {
      continue;
    }
    if (byte === 0x5b) {
      return true;
    }
    const first = JSON.stringify(String.fromCharCode(byte));
    throw invalidBodyFailure(call, status, `${status}, but the body is not a JSON array: it starts with ${first}.`);
  }
  return false;
}

/**
 * Reads the next chunk, or undefined at the end of the body. Each read must deliver data
 * within the per-attempt timeout, cut to the call's remaining time.
 */
async function readChunk(
  call: CallContext,
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<Uint8Array | undefined> {
  const timeoutMs = Math.min(call.core.config.timeoutMs, call.deadline.remainingMs());
  if (timeoutMs <= 0) {
    throw bodyTimeoutFailure(call, 0);
  }
  const timer = new AbortController();
  const timeout = call.core.config.clock.sleep(timeoutMs, timer.signal).then(
    () => TIMED_OUT,
    () => undefined,
  );
  try {
    const result = await Promise.race([reader.read(), timeout]);
    if (typeof result === 'symbol' || result === undefined) {
      throw bodyTimeoutFailure(call, timeoutMs);
    }
    return result.done ? undefined : result.value;
  } catch (error) {
    if (error instanceof PlexApiError) {
      throw error;
    }
    if (call.signal?.aborted) {
      throw call.signal.reason;
    }
    throw networkFailure(call, error);
  } finally {
    timer.abort();
  }
}
