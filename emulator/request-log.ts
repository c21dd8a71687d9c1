/** A bounded in-memory log of the requests the emulator received, newest last. */
import type { FaultKind } from './faults.js';

export interface RequestLogEntry {
  /** Sequence number, from 1. */
  id: number;
  /** Arrival time, ISO 8601. */
  time: string;
  method: string;
  path: string;
  /** The query string without `?`, with any key replaced by its fingerprint. */
  query: string;
  operationId: string | null;
  /** The tenant the request ran in, or null when it was rejected before one was chosen. */
  tenantId: string | null;
  keyFingerprint: string | null;
  /** The status sent, or null while the response has not started (a hang, or still running). */
  status: number | null;
  /** Time from arrival to the end of the response, or null until then. */
  durationMs: number | null;
  faults: FaultKind[];
}

/** Entries kept when no limit is given. Older entries are dropped first. */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

export class RequestLog {
  readonly #limit: number;
  #entries: RequestLogEntry[] = [];
  #nextId = 1;

  constructor(limit = DEFAULT_REQUEST_LOG_LIMIT) {
    this.#limit = limit;
  }

  /** Adds an entry on arrival, so a request shows up even if it never gets a response. */
  start(fields: Pick<RequestLogEntry, 'method' | 'path' | 'query'>): RequestLogEntry {
    const entry: RequestLogEntry = {
      id: this.#nextId,
      time: new Date().toISOString(),
      ...fields,
      operationId: null,
      tenantId: null,
      keyFingerprint: null,
      status: null,
      durationMs: null,
      faults: [],
    };
    this.#nextId += 1;
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) {
      this.#entries = this.#entries.slice(-this.#limit);
    }

    return entry;
  }

  list(): RequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry, faults: [...entry.faults] }));
  }

  clear(): void {
    this.#entries = [];
  }
}
