import type { ClientCore } from './core.js';
import type { Deadline } from './deadline.js';
import type { FailureSource } from './failures.js';
import type { Redactor } from './redact.js';
import type { ResponseSnapshot } from './snapshot.js';
import type { PlexTenant } from './tenant.js';

/** State of one call, across its attempts. */
export interface CallContext extends FailureSource {
  readonly core: ClientCore;
  /** HTTP method, upper case. */
  readonly method: string;
  readonly pathTemplate: string;
  /** operationId, or the path template for a path that the description does not define. */
  readonly operation: string;
  readonly tenant: PlexTenant | undefined;
  readonly deadline: Deadline;
  readonly redactor: Redactor;
  /** Caller's abort signal. Aborting it rejects the call with the signal's reason. */
  readonly signal: AbortSignal | undefined;
  /** Request URL, set when openapi-fetch has built the request. */
  url: string;
  /** Attempts sent so far. */
  attempts: number;
  /** Last complete 2xx response, kept to report a body that does not parse. */
  lastResponse: ResponseSnapshot | undefined;
}
