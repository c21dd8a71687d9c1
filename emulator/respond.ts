/**
 * Writes responses: JSON bodies, streamed JSON arrays with backpressure, and bodies cut
 * short by `reset` and `truncate` faults.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DataRecord } from './data/dataset.js';
import type { OperationModel } from './description.js';
import { DEFAULT_AFTER_BYTES, type FaultSpec } from './faults.js';
import type { RequestLogEntry } from './request-log.js';
import type { ItemCheck, ResponseChecker } from './response-validation.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Characters of JSON collected before one `write()`. */
const CHUNK_CHARS = 64 * 1024;

/** Records examined between two yields to the event loop, so one long list does not starve other requests. */
const RECORDS_PER_YIELD = 2_000;

/** The fields of a `reset` or `truncate` fault that shape the cut. */
export type Cut = Pick<FaultSpec, 'kind' | 'afterBytes'>;

/** Resolves true on 'drain', or false if the response closes first (the client went away). */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/** Computes how many body bytes a cut sends: `afterBytes`, or half the body when the body is not longer. */
function cutLength(total: number, afterBytes: number): number {
  return afterBytes < total ? afterBytes : Math.max(1, Math.floor(total / 2));
}

export class Responder {
  readonly #res: ServerResponse;
  readonly #entry: RequestLogEntry;
  readonly #path: string;
  /** Set by the pipeline when a `reset` or `truncate` fault fired. */
  cut: Cut | undefined;
  /** Set once the operation is known; responses are checked against it when a checker is set. */
  operation: OperationModel | undefined;
  readonly #checker: ResponseChecker | undefined;

  constructor(res: ServerResponse, entry: RequestLogEntry, path: string, checker: ResponseChecker | undefined) {
    this.#res = res;
    this.#entry = entry;
    this.#path = path;
    this.#checker = checker;
  }

  /** Sends a JSON body, checked against the operation's schema for `status`. */
  json(status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
    if (this.operation !== undefined) {
      this.#checker?.checkBody(this.operation, this.#path, status, body);
    }

    this.#deliver(status, { ...headers, 'content-type': JSON_TYPE }, Buffer.from(JSON.stringify(body)));
  }

  /** Sends a body that is deliberately outside the description, such as an injected fault. It is not checked. */
  raw(status: number, contentType: string, body: string, headers: OutgoingHttpHeaders = {}): void {
    this.#deliver(status, { ...headers, 'content-type': contentType }, Buffer.from(body));
  }

  /**
   * Streams a JSON array. `records` yields each record to send, or undefined for a record
   * that was examined and filtered out, which lets this loop yield to the event loop during
   * long scans that send little.
   */
  async list(status: number, records: Iterable<DataRecord | undefined>): Promise<void> {
    const operation = this.operation;
    const check = operation === undefined ? undefined : this.#checker?.itemChecker(operation, this.#path, status);
    const res = this.#res;
    if (this.cut !== undefined) {
      this.#deliver(status, { 'content-type': JSON_TYPE }, this.#prefixOf(records, check));
      return;
    }

    this.#start(status, { 'content-type': JSON_TYPE });
    let chunk = '[';
    let sent = 0;
    let examined = 0;
    for (const record of records) {
      examined += 1;
      if (examined % RECORDS_PER_YIELD === 0) {
        await yieldToEventLoop();
      }
      if (res.destroyed) {
        return;
      }
      if (record === undefined) {
        continue;
      }

      check?.(record, sent);
      chunk += (sent === 0 ? '' : ',') + JSON.stringify(record);
      sent += 1;
      if (chunk.length >= CHUNK_CHARS) {
        const flushed = res.write(chunk);
        chunk = '';
        if (!flushed && !(await drained(res))) {
          return;
        }
      }
    }

    res.end(`${chunk}]`);
  }

  /** Builds the start of a list body, stopping once it is long enough for the cut. */
  #prefixOf(records: Iterable<DataRecord | undefined>, check: ItemCheck | undefined): Buffer {
    const needed = this.cut?.afterBytes ?? DEFAULT_AFTER_BYTES;
    let text = '[';
    let sent = 0;
    for (const record of records) {
      if (record === undefined) {
        continue;
      }

      check?.(record, sent);
      text += (sent === 0 ? '' : ',') + JSON.stringify(record);
      sent += 1;
      // UTF-8 bytes are never fewer than UTF-16 code units, so this length test guarantees enough bytes.
      if (text.length > needed) {
        return Buffer.from(text);
      }
    }

    return Buffer.from(`${text}]`);
  }

  #start(status: number, headers: OutgoingHttpHeaders): void {
    this.#entry.status = status;
    this.#res.writeHead(status, headers);
  }

  #deliver(status: number, headers: OutgoingHttpHeaders, body: Buffer): void {
    const res = this.#res;
    if (res.destroyed) {
      return;
    }

    const cut = this.cut;
    if (cut === undefined) {
      this.#start(status, { ...headers, 'content-length': body.length });
      res.end(body);
      return;
    }

    const length = cutLength(body.length, cut.afterBytes ?? DEFAULT_AFTER_BYTES);
    if (cut.kind === 'truncate') {
      // A Content-Length that matches the short body: the response ends cleanly, the JSON does not.
      this.#start(status, { ...headers, 'content-length': length });
      res.end(body.subarray(0, length));
      return;
    }

    // No Content-Length, so the body is chunked; closing before the last chunk breaks it mid-body.
    this.#start(status, headers);
    res.write(body.subarray(0, length), () => {
      res.socket?.destroy();
    });
  }
}
