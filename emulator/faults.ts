/**
 * Fault specifications for reliability tests: what goes wrong, on which route, how often.
 */

export const FAULT_KINDS = [
  /** Delays the response by `latencyMs`, or by a random time up to `maxLatencyMs`, then sends the normal response. */
  'latency',
  /** 500 with a Plex error body. */
  'server-error',
  /** 502 with an HTML body, as a proxy in front of the API sends it. */
  'bad-gateway',
  /** 503 with `Retry-After: retryAfterSeconds` (default 1). */
  'unavailable',
  /** 429 with a Plex error body, with `Retry-After` only when `retryAfterSeconds` is set. */
  'rate-limit',
  /** Sends the status, headers and the first `afterBytes` bytes of the body, then resets the connection. */
  'reset',
  /** Sends the first `afterBytes` bytes of the body with a matching Content-Length: a clean but short body. */
  'truncate',
  /** Sends no response. The connection stays open until the client gives up or the emulator closes. */
  'hang',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** An operationId (`listJobs`) or a path template (`/scheduling/v1/jobs`). Absent for every operation. */
  route?: string;
  /** Fire this many times, then stop. Absent for no limit. */
  count?: number;
  /** Chance from 0 to 1 that a matching request gets the fault. @default 1 */
  probability?: number;
  /** For `latency`: the delay, or the lower bound of a random delay when `maxLatencyMs` is set. @default 0 */
  latencyMs?: number;
  maxLatencyMs?: number;
  /** For `unavailable` and `rate-limit`: the `Retry-After` header value in seconds. */
  retryAfterSeconds?: number;
  /** For `reset` and `truncate`: how many bytes of the body to send. @default 512 */
  afterBytes?: number;
}

export const DEFAULT_AFTER_BYTES = 512;

/** The text form used by `--fault`: `kind[,key=value…]`, for example `server-error,route=listJobs,count=2`. */
const TEXT_KEYS: Record<string, keyof FaultSpec> = {
  kind: 'kind',
  route: 'route',
  count: 'count',
  probability: 'probability',
  ms: 'latencyMs',
  'latency-ms': 'latencyMs',
  'max-ms': 'maxLatencyMs',
  'max-latency-ms': 'maxLatencyMs',
  'retry-after': 'retryAfterSeconds',
  'after-bytes': 'afterBytes',
};

const NUMERIC_FIELDS = [
  'count',
  'probability',
  'latencyMs',
  'maxLatencyMs',
  'retryAfterSeconds',
  'afterBytes',
] as const;

/** Parses the `--fault` text form. Throws a RangeError naming the bad part. */
export function parseFaultSpec(text: string): FaultSpec {
  const fields: Record<string, unknown> = {};
  text.split(',').forEach((token, position) => {
    const trimmed = token.trim();
    const separator = trimmed.indexOf('=');
    if (separator < 0 && position === 0) {
      fields.kind = trimmed;
      return;
    }

    const name = trimmed.slice(0, separator);
    const field = TEXT_KEYS[name];
    if (separator < 0 || field === undefined) {
      const keys = Object.keys(TEXT_KEYS).join(', ');
      throw new RangeError(`"${trimmed}" in fault "${text}" is not one of ${keys} as key=value.`);
    }

    const value = trimmed.slice(separator + 1);
    fields[field] = (NUMERIC_FIELDS as readonly string[]).includes(field) ? Number(value) : value;
  });

  return checkFaultSpec(fields);
}

function checkNumber(spec: Record<string, unknown>, field: string, min: number, max: number, integer: boolean): void {
  const value = spec[field];
  if (value === undefined) {
    return;
  }
  const inRange = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  const valid = inRange && (!integer || Number.isInteger(value));
  if (!valid) {
    const kind = integer ? 'an integer' : 'a number';
    throw new RangeError(`Fault ${field} must be ${kind} from ${min} to ${max}, received ${JSON.stringify(value)}.`);
  }
}

/** Checks a fault specification from an option, the CLI or the control endpoint, and returns it typed. */
export function checkFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RangeError(`A fault must be an object with a kind, received ${JSON.stringify(input)}.`);
  }

  const spec = input as Record<string, unknown>;
  if (!(FAULT_KINDS as readonly unknown[]).includes(spec.kind)) {
    throw new RangeError(`Fault kind must be one of ${FAULT_KINDS.join(', ')}, received ${JSON.stringify(spec.kind)}.`);
  }
  if (spec.route !== undefined && (typeof spec.route !== 'string' || spec.route === '')) {
    const received = JSON.stringify(spec.route);
    throw new RangeError(`Fault route must be an operationId or a path template, received ${received}.`);
  }

  checkNumber(spec, 'count', 1, Number.MAX_SAFE_INTEGER, true);
  checkNumber(spec, 'probability', 0, 1, false);
  checkNumber(spec, 'latencyMs', 0, 600_000, true);
  checkNumber(spec, 'maxLatencyMs', 0, 600_000, true);
  checkNumber(spec, 'retryAfterSeconds', 0, 86_400, true);
  checkNumber(spec, 'afterBytes', 1, 1_000_000_000, true);

  const checked: FaultSpec = { kind: spec.kind as FaultKind };
  for (const field of ['route', ...NUMERIC_FIELDS] as const) {
    if (spec[field] !== undefined) {
      Object.assign(checked, { [field]: spec[field] });
    }
  }

  return checked;
}
