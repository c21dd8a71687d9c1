/**
 * The handling of one API request. The steps run in this order, which models an API
 * gateway in front of Plex Connect:
 *
 * 1. count the request against its key's rate limit (every request with a configured key counts);
 * 2. route: no operation with this method and path gives 404 `RESOURCE_NOT_FOUND`, also for a
 *    known path with another method, because the description defines no 405 response;
 * 3. injected faults: latency, or a replaced or cut response;
 * 4. key, tenant headers and subscription (401, or 400 for bad tenant headers);
 * 5. rate limit: 429 with `Retry-After` when the key is over its limit, so a 401 wins over a 429;
 * 6. parameter validation: 400 `REQUEST_VALIDATION_FAILED` naming each bad parameter;
 * 7. the operation itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { type AuthResult, authenticate, keyHeader, redactQuery } from './auth.js';
import type { Dataset } from './data/dataset.js';
import type { ResourceName } from './data/scale.js';
import { type Endpoint, serve, tenantSource } from './endpoints.js';
import { PROCESSING_ERROR, RESOURCE_NOT_FOUND, rateLimited, validationFailed } from './errors.js';
import type { OperationModel } from './description.js';
import type { ActiveFault, FaultRegistry } from './fault-registry.js';
import { fingerprint, type ResolvedKey } from './keys.js';
import type { Logger } from './logger.js';
import type { Admission, RateLimiter } from './rate-limit.js';
import type { RequestLog, RequestLogEntry } from './request-log.js';
import { type RequestParts, validateParameters } from './request-validation.js';
import { JSON_TYPE, Responder } from './respond.js';
import type { ResponseChecker } from './response-validation.js';
import type { Router } from './router.js';

export interface PipelineState {
  router: Router;
  endpoints: Map<string, Endpoint>;
  keys: ReadonlyMap<string, ResolvedKey>;
  dataset: Dataset;
  limiter: RateLimiter;
  faults: FaultRegistry;
  requestLog: RequestLog;
  logger: Logger;
  checker: ResponseChecker | undefined;
  /** Aborted when the emulator closes, to cancel pending latency. */
  closing: AbortSignal;
}

const ALL_LOCATIONS = new Set(['path', 'query', 'header'] as const);

const BAD_GATEWAY_HTML =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>' +
  '<p>The upstream server sent an invalid response.</p></body></html>';

/** Sends the response of a fault that replaces the normal one. A `hang` sends nothing. */
function sendFault(fault: ActiveFault, responder: Responder): void {
  const retryAfter = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  switch (fault.kind) {
    case 'server-error':
      return responder.json(500, PROCESSING_ERROR);
    case 'bad-gateway':
      return responder.raw(502, 'text/html; charset=utf-8', BAD_GATEWAY_HTML);
    case 'unavailable': {
      const seconds = fault.retryAfterSeconds ?? 1;
      const body = { code: 'SERVICE_UNAVAILABLE', message: `The service is unavailable. Retry after ${seconds} s.` };
      return responder.raw(503, JSON_TYPE, JSON.stringify(body), { 'retry-after': String(seconds) });
    }
    case 'rate-limit':
      return responder.json(429, rateLimited(fault.retryAfterSeconds), retryAfter);
    default:
      return undefined;
  }
}

function logRequest(state: PipelineState, entry: RequestLogEntry, startedMs: number): void {
  entry.durationMs = Math.round((performance.now() - startedMs) * 10) / 10;
  state.logger.info('request', {
    method: entry.method,
    path: entry.path,
    operationId: entry.operationId,
    tenantId: entry.tenantId,
    status: entry.status,
    durationMs: entry.durationMs,
    keyFingerprint: entry.keyFingerprint,
    faults: entry.faults,
  });
}

/** One request in progress and everything the steps record about it. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  entry: RequestLogEntry;
  responder: Responder;
  parts: RequestParts;
  rawPath: string;
}

/** Counts the request for its key and returns the rate limit decision, or undefined when no configured key was sent. */
function admit(state: PipelineState, exchange: Exchange): Admission | undefined {
  const sent = keyHeader(exchange.req.headers);
  if (sent === undefined || sent === '') {
    return undefined;
  }

  exchange.entry.keyFingerprint = fingerprint(sent);
  return state.keys.has(sent) ? state.limiter.record(exchange.entry.keyFingerprint, Date.now()) : undefined;
}

/** Finds the endpoint of the request, or sends 404 and returns undefined. */
function route(state: PipelineState, exchange: Exchange): Endpoint | undefined {
  const match = state.router.match(exchange.req.method ?? 'GET', exchange.rawPath);
  const endpoint = match === undefined ? undefined : state.endpoints.get(match.operation.operationId);
  if (match === undefined || endpoint === undefined) {
    exchange.responder.json(404, RESOURCE_NOT_FOUND);
    return undefined;
  }

  exchange.parts.pathParams = match.pathParams;
  exchange.entry.operationId = match.operation.operationId;
  exchange.responder.operation = match.operation;
  return endpoint;
}

/**
 * Applies the faults chosen for the request. Returns false when a fault replaced the
 * response or the request ended during injected latency, so nothing more is to be sent.
 */
async function applyFaults(state: PipelineState, exchange: Exchange, operation: OperationModel): Promise<boolean> {
  const plan = state.faults.plan(operation);
  exchange.entry.faults = plan.fired;
  if (plan.latencyMs > 0) {
    try {
      await delay(plan.latencyMs, undefined, { signal: state.closing });
    } catch {
      return false;
    }
    if (exchange.res.destroyed) {
      return false;
    }
  }

  if (plan.replace !== undefined) {
    sendFault(plan.replace, exchange.responder);
    return false;
  }

  exchange.responder.cut = plan.cut;
  return true;
}

/** Checks key, tenant, subscription and rate limit. On failure, sends the rejection and returns undefined. */
function authorize(
  state: PipelineState,
  exchange: Exchange,
  operation: OperationModel,
  admission: Admission | undefined,
): Extract<AuthResult, { ok: true }> | undefined {
  const auth = authenticate(operation, exchange.parts, state.keys, Date.now());
  if (!auth.ok) {
    state.logger.debug('request rejected', {
      operationId: operation.operationId,
      reason: auth.reason,
      keyFingerprint: exchange.entry.keyFingerprint,
    });
    exchange.responder.json(auth.status, auth.body);
    return undefined;
  }

  exchange.entry.tenantId = auth.tenant.id;
  if (admission !== undefined && !admission.allowed) {
    state.limiter.countRejection(auth.key.fingerprint);
    const retryAfter = String(admission.retryAfterSeconds);
    exchange.responder.json(429, rateLimited(admission.retryAfterSeconds), { 'retry-after': retryAfter });
    return undefined;
  }

  return auth;
}

async function run(state: PipelineState, exchange: Exchange): Promise<void> {
  const admission = admit(state, exchange);
  const endpoint = route(state, exchange);
  if (endpoint === undefined || !(await applyFaults(state, exchange, endpoint.operation))) {
    return;
  }

  const auth = authorize(state, exchange, endpoint.operation, admission);
  if (auth === undefined) {
    return;
  }

  const checked = validateParameters(endpoint.operation, exchange.parts, ALL_LOCATIONS);
  if (checked.problems.length > 0) {
    exchange.responder.json(400, validationFailed(checked.problems));
    return;
  }

  const source =
    endpoint.resource === 'tenants'
      ? tenantSource(auth.key.tenants)
      : state.dataset.source(auth.tenant, endpoint.resource as ResourceName);
  await serve(endpoint, checked.values, source, exchange.responder);
}

/** Handles one request to the API surface (every path outside the control endpoints). */
export async function handleApiRequest(state: PipelineState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedMs = performance.now();
  const target = req.url ?? '/';
  const queryStart = target.indexOf('?');
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const searchParams = new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1));
  const query = redactQuery(searchParams, state.keys);
  const entry = state.requestLog.start({ method: req.method ?? 'GET', path: rawPath, query });
  const responder = new Responder(res, entry, rawPath, state.checker);
  res.once('close', () => logRequest(state, entry, startedMs));

  const parts: RequestParts = { pathParams: {}, searchParams, headers: req.headers };
  try {
    await run(state, { req, res, entry, responder, parts, rawPath });
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const { method, operationId } = entry;
    state.logger.error('request failed', { method, path: rawPath, operationId, error: detail });
    if (!res.headersSent) {
      responder.json(500, PROCESSING_ERROR);
    } else {
      res.destroy();
    }
  }
}
