/** Options of `startEmulator` and the handle it returns. */
import type { Dataset } from './data/dataset.js';
import type { Scale } from './data/scale.js';
import type { ActiveFault, FaultCount } from './fault-registry.js';
import type { FaultSpec } from './faults.js';
import type { ApiKeyConfig } from './keys.js';
import type { LogLevel, LogSink } from './logger.js';
import type { JsonObject } from './openapi.js';
import type { KeyRateStats, RateLimitOptions, RateLimitStats } from './rate-limit.js';
import type { RequestLogEntry } from './request-log.js';
import type { ResponseMismatch } from './response-validation.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED = 'plex-connect';

export interface EmulatorOptions {
  /** TCP port. @default 0, an ephemeral port */
  port?: number;
  /** Interface to bind. Only loopback clients may use the control endpoints. @default '127.0.0.1' */
  host?: string;
  /** Seed of the generated data: the same seed gives the same records. @default 'plex-connect' */
  seed?: string | number;
  /** `small` for tests, `production` for the record counts of a real tenant. @default 'small' */
  scale?: Scale;
  /** Keys the emulator accepts. @default DEMO_KEY_CONFIGS */
  keys?: readonly ApiKeyConfig[];
  /** Requests per rolling window for each key, or false for no limit. @default 200 per 60,000 ms */
  rateLimit?: RateLimitOptions | false;
  /** Faults in effect from the start. More can be added with `addFault` or the control endpoint. */
  faults?: readonly FaultSpec[];
  /** @default 'silent' */
  logLevel?: LogLevel;
  /** Receives each log line. @default a writer to stderr */
  logSink?: LogSink;
  /** Check every JSON body sent against the description and record mismatches. @default false */
  validateResponses?: boolean;
  /** The OpenAPI bundle: a path or a parsed document. @default dist/openapi/plex-connect.json */
  description?: string | URL | JsonObject;
  /** Entries the request log keeps. @default 10,000 */
  requestLogLimit?: number;
}

export interface Emulator {
  /** Base URL without a trailing slash, such as `http://127.0.0.1:4010`. Pass it to a client as `baseUrl`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly dataset: Dataset;
  /** Stops listening and closes every connection, hanging ones included. */
  close(): Promise<void>;
  /** Bodies that did not match the description. Always empty unless `validateResponses` is set. */
  responseMismatches(): ResponseMismatch[];
  rateLimitStats(): RateLimitStats;
  /** Rate limit statistics of one key, given as the key itself. */
  keyStats(key: string): KeyRateStats;
  /** Adds a fault. Throws a RangeError for an invalid spec. */
  addFault(spec: FaultSpec): ActiveFault;
  removeFault(id: string): boolean;
  clearFaults(): void;
  faults(): ActiveFault[];
  /** How often each fault kind fired on each operation. */
  faultCounts(): FaultCount[];
  requests(): RequestLogEntry[];
  clearRequests(): void;
}
