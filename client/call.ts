import { responseOfFailure } from './attempt.js';
import type { CallContext } from './call-context.js';
import type { ClientCore } from './core.js';
import { createDeadline } from './deadline.js';
import { PlexApiError } from './errors/PlexApiError.js';
import { PlexConfigError } from './errors/PlexConfigError.js';
import { invalidBodyFailure } from './failures.js';
import { API_SECRET_HEADER, CUSTOMER_ID_HEADER, TENANT_ID_HEADER } from './headers.js';
import { checkSecret } from './option-checks.js';
import { operationName } from './operations.js';
import { createRedactor } from './redact.js';
import { isIdempotentMethod } from './retry.js';
import { tenantFromIds, tenantHeaders, type PlexTenant } from './tenant.js';
import type { PlexCallOptions, PlexControlledOption, PlexResult } from './types.js';

/** openapi-fetch init of a call, as far as the client reads it. */
export interface RawInit extends PlexCallOptions {
  params?: { header?: Record<string, unknown>; [location: string]: unknown };
  signal?: AbortSignal | null;
  [option: string]: unknown;
}

/** A validated call: its context and the init to hand to openapi-fetch, without the Plex options. */
export interface PreparedCall {
  call: CallContext;
  init: Record<string, unknown>;
}

const CONTROLLED_OPTIONS: readonly PlexControlledOption[] = [
  'fetch',
  'baseUrl',
  'querySerializer',
  'pathSerializer',
  'parseAs',
  'middleware',
];

/**
 * Validates a call and builds its context. Runs before anything is sent.
 *
 * The tenant comes from `params.header`, else from the `tenantId` or `customerId` call
 * option, else from the client. Exactly one tenant header is sent, or none for the key's
 * default tenant.
 *
 * @throws PlexConfigError for a write without `allowWrites`, an invalid or doubly given
 *   tenant, an invalid deadline, a Plex header in `headers`, or an option that the client
 *   sets itself.
 */
export function prepareCall(
  core: ClientCore,
  clientTenant: PlexTenant | undefined,
  method: string,
  path: string,
  init: RawInit = {},
): PreparedCall {
  const upperMethod = method.toUpperCase();
  checkWriteAllowed(core, upperMethod, path);
  for (const option of CONTROLLED_OPTIONS) {
    if (init[option] !== undefined) {
      throw new PlexConfigError(
        option,
        `Invalid call option ${option}: the Plex client sets it itself. Remove it from the call.`,
      );
    }
  }
  checkHandWrittenHeaders(init.headers);
  const { tenantId, customerId, deadline, remainingTimeMs, params, ...rest } = init;
  const header = { ...params?.header };
  const tenant = chooseTenant(header, tenantFromIds(tenantId, customerId, 'in the call options'), clientTenant);
  const callSecret = checkSecret(header[API_SECRET_HEADER], `params.header.${API_SECRET_HEADER}`);
  const call: CallContext = {
    core,
    method: upperMethod,
    pathTemplate: path,
    operation: operationName(upperMethod, path),
    tenant,
    deadline: createDeadline(core.config.clock, deadline, remainingTimeMs),
    redactor:
      callSecret === undefined ? core.redactor : createRedactor([core.config.apiKey, core.config.apiSecret, callSecret]),
    signal: init.signal ?? undefined,
    url: '',
    attempts: 0,
    lastResponse: undefined,
  };
  return { call, init: { ...rest, params: { ...params, header } } };
}

function checkWriteAllowed(core: ClientCore, method: string, path: string): void {
  if (isIdempotentMethod(method) || core.config.allowWrites) {
    return;
  }
  throw new PlexConfigError(
    'allowWrites',
    `${method} ${path} was not sent: the client is read-only, so only GET and HEAD are allowed. ` +
      'Create the client with allowWrites: true to send other methods.',
  );
}

/**
 * Rejects `X-Plex-Connect-*` headers in the free-form `headers` option, where a misspelled
 * name or a second tenant header would go unnoticed until Plex responds with 400 or 401. The
 * client sets these headers from its options and from the typed `params.header`.
 */
function checkHandWrittenHeaders(headers: unknown): void {
  if (headers === undefined || headers === null) {
    return;
  }
  const names: string[] = [];
  if (headers instanceof Headers) {
    headers.forEach((_value, name) => names.push(name));
  } else if (Array.isArray(headers)) {
    names.push(...headers.map((entry: unknown) => String(Array.isArray(entry) ? entry[0] : entry)));
  } else {
    names.push(...Object.keys(headers));
  }
  const managed = names.find((name) => name.toLowerCase().startsWith('x-plex-connect-'));
  if (managed !== undefined) {
    throw new PlexConfigError(
      'headers',
      `Invalid call option headers: ${managed} is set by the client. Pass the key and secret as client options, ` +
        'and the tenant as the tenantId or customerId option or in params.header.',
    );
  }
}

/** Picks the tenant, removes the tenant headers from `header` and sets the one to send. */
function chooseTenant(
  header: Record<string, unknown>,
  callTenant: PlexTenant | undefined,
  clientTenant: PlexTenant | undefined,
): PlexTenant | undefined {
  const headerTenant = tenantFromIds(header[TENANT_ID_HEADER], header[CUSTOMER_ID_HEADER], 'in params.header');
  if (headerTenant !== undefined && callTenant !== undefined) {
    throw new PlexConfigError(
      'tenantId',
      'The tenant is given twice, in params.header and as the tenantId or customerId call option. Pass it once.',
    );
  }
  delete header[TENANT_ID_HEADER];
  delete header[CUSTOMER_ID_HEADER];
  const tenant = headerTenant ?? callTenant ?? clientTenant;
  Object.assign(header, tenantHeaders(tenant));
  return tenant;
}

/**
 * Turns what openapi-fetch returned or threw into a `PlexResult`.
 *
 * A `PlexApiError` becomes `error`. A 2xx body that does not parse as JSON, or an empty one
 * on a GET, becomes an `invalid-response` error. Anything else is misuse and is rethrown.
 */
export async function settle(
  call: CallContext,
  run: () => Promise<{ data?: unknown; response: Response }>,
): Promise<PlexResult<unknown>> {
  try {
    const { data, response } = await run();
    if (data === undefined && call.method === 'GET' && response.status !== 204) {
      const problem = `${response.status} with an empty body where JSON was expected.`;
      const error = invalidBodyFailure(call, response.status, problem);
      return { error, response };
    }
    return { data, response };
  } catch (error) {
    if (error instanceof PlexApiError) {
      return { error, response: responseOfFailure(error) };
    }
    if (error instanceof SyntaxError && call.lastResponse !== undefined) {
      const { status } = call.lastResponse;
      const problem = `${status} with a body that is not valid JSON (${error.message}).`;
      const failure = invalidBodyFailure(call, status, problem, error);
      return { error: failure, response: call.lastResponse.toResponse() };
    }
    throw error;
  }
}
