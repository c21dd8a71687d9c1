/**
 * Authentication as the Plex Connect gateway does it: the key, then the tenant headers,
 * then the API product subscription. Every failure except a malformed tenant header gives
 * the same 401 body, so the response never shows which check failed. `reason` records the
 * cause for debug logs only.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { TenantProfile } from './data/tenants.js';
import { findTenant } from './data/tenants.js';
import type { OperationModel } from './description.js';
import { BOTH_TENANT_HEADERS, type ErrorBody, NOT_AUTHENTICATED, validationFailed } from './errors.js';
import { fingerprint, type ResolvedKey } from './keys.js';
import { type RequestParts, validateParameters } from './request-validation.js';

export const KEY_HEADER = 'x-plex-connect-api-key';
export const TENANT_ID_HEADER = 'X-Plex-Connect-Tenant-Id';
export const CUSTOMER_ID_HEADER = 'X-Plex-Connect-Customer-Id';

/** Query parameter names that carry a key, compared without case and punctuation. */
const KEY_PARAMETER_NAMES = new Set(['apikey', 'xplexconnectapikey', 'consumerkey']);

const HEADER_LOCATION = new Set(['header'] as const);

export type AuthResult =
  | { ok: true; key: ResolvedKey; tenant: TenantProfile }
  | { ok: false; status: 400 | 401; body: ErrorBody; reason: string };

/** Returns whether a query parameter carries a key: by its name, or because its value is a configured key. */
export function isKeyParameter(name: string, value: string, keys: ReadonlyMap<string, ResolvedKey>): boolean {
  return KEY_PARAMETER_NAMES.has(name.toLowerCase().replace(/[^a-z0-9]/g, '')) || keys.has(value);
}

/** Returns the query string with every key replaced by its fingerprint, for logs. */
export function redactQuery(searchParams: URLSearchParams, keys: ReadonlyMap<string, ResolvedKey>): string {
  const redacted = new URLSearchParams();
  for (const [name, value] of searchParams) {
    redacted.append(name, isKeyParameter(name, value, keys) ? `[key ${fingerprint(value)}]` : value);
  }

  return redacted.toString();
}

/** Returns the key header's value, or undefined when it is absent. */
export function keyHeader(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[KEY_HEADER];
  return Array.isArray(value) ? value[0] : value;
}

function denied(reason: string): AuthResult {
  return { ok: false, status: 401, body: NOT_AUTHENTICATED, reason };
}

function selectTenant(operation: OperationModel, parts: RequestParts, key: ResolvedKey): AuthResult {
  const tenantHeader = parts.headers[TENANT_ID_HEADER.toLowerCase()];
  const customerHeader = parts.headers[CUSTOMER_ID_HEADER.toLowerCase()];
  if (tenantHeader !== undefined && customerHeader !== undefined) {
    return { ok: false, status: 400, body: BOTH_TENANT_HEADERS, reason: 'both tenant headers' };
  }
  if (tenantHeader === undefined && customerHeader === undefined) {
    return { ok: true, key, tenant: key.defaultTenant };
  }

  const name = tenantHeader === undefined ? CUSTOMER_ID_HEADER : TENANT_ID_HEADER;
  const checked = validateParameters(operation, parts, HEADER_LOCATION, new Set([name]));
  if (checked.problems.length > 0) {
    return { ok: false, status: 400, body: validationFailed(checked.problems), reason: `invalid ${name}` };
  }

  const reference = checked.values.get(name);
  const tenant = typeof reference === 'string' || typeof reference === 'number' ? findTenant(reference) : undefined;
  if (tenant === undefined || !key.tenants.includes(tenant)) {
    return denied(`tenant ${String(reference)} not reachable`);
  }

  return { ok: true, key, tenant };
}

/**
 * Checks the key, the tenant headers and the subscription, in that order.
 *
 * A malformed tenant header gives 400 `REQUEST_VALIDATION_FAILED` naming the header, and
 * both tenant headers at once give 400 `REQUEST_MALFORMED`. Everything else gives 401.
 */
export function authenticate(
  operation: OperationModel,
  parts: RequestParts,
  keys: ReadonlyMap<string, ResolvedKey>,
  nowMs: number,
): AuthResult {
  for (const [name, value] of parts.searchParams) {
    if (isKeyParameter(name, value, keys)) {
      return denied('key in query string');
    }
  }

  const sent = keyHeader(parts.headers);
  if (sent === undefined || sent === '') {
    return denied('missing key');
  }

  const key = keys.get(sent);
  if (key === undefined) {
    return denied('unknown key');
  }
  if (key.expiresAtMs !== undefined && key.expiresAtMs <= nowMs) {
    return denied('expired key');
  }

  const selected = selectTenant(operation, parts, key);
  if (selected.ok && !key.products.has(operation.product)) {
    return denied(`not subscribed to ${operation.product}`);
  }

  return selected;
}
