import type { PlexApiError } from '../../client/index.js';
import type { AccessCheckTarget } from './config.js';
import type { ApiProduct } from './probes.js';
import type { ProbeStatus } from './report.js';

/** The product of `GET /mdm/v1/tenants`: its 200 proves the app is subscribed to it. */
export const TENANT_LIST_PRODUCT: ApiProduct = 'mdm';

/** Outcome of one probe before classification. */
export type ProbeResult = { kind: 'ok' } | { kind: 'failed'; error: PlexApiError } | { kind: 'not-started' };

export interface ProbeOutcome {
  target: AccessCheckTarget;
  product: ApiProduct;
  operation: string;
  result: ProbeResult;
  latencyMs: number | null;
}

/** Status, HTTP status, Plex error code and message of one row. */
export interface Classification {
  status: ProbeStatus;
  httpStatus: number | null;
  plexCode: string | null;
  message: string;
}

/** Facts the probes established, used to tell the causes of a 401 apart. */
interface Evidence {
  /** Tenant UUIDs from `GET /mdm/v1/tenants`, in lower case. */
  reachableTenantIds: ReadonlySet<string>;
  /** Targets where some probe succeeded. */
  reachedTargets: ReadonlySet<string>;
  /** Products that succeeded somewhere, plus the product of the tenant list. */
  subscribed: ReadonlySet<ApiProduct>;
  /** Products that gave 401 in a tenant the key certainly reaches. */
  unsubscribed: ReadonlySet<ApiProduct>;
  /** Targets that gave 401 on a subscribed product. */
  unreachedTargets: ReadonlySet<string>;
}

function targetKey(target: AccessCheckTarget): string {
  if (target.kind === 'default') return 'default';

  return target.kind === 'tenantId' ? `tenant:${target.tenantId}` : `pcn:${target.customerId}`;
}

function isNotAuthenticated(outcome: ProbeOutcome): boolean {
  return outcome.result.kind === 'failed' && outcome.result.error.kind === 'not-authenticated';
}

/** Returns whether the key certainly reaches the target without looking at the probes. */
function isListedTarget(target: AccessCheckTarget, reachableTenantIds: ReadonlySet<string>): boolean {
  return target.kind === 'default' || (target.kind === 'tenantId' && reachableTenantIds.has(target.tenantId));
}

function gatherEvidence(outcomes: readonly ProbeOutcome[], reachableTenantIds: ReadonlySet<string>): Evidence {
  const reachedTargets = new Set<string>();
  const subscribed = new Set<ApiProduct>([TENANT_LIST_PRODUCT]);
  const unsubscribed = new Set<ApiProduct>();
  for (const outcome of outcomes) {
    if (outcome.result.kind === 'ok') {
      reachedTargets.add(targetKey(outcome.target));
      subscribed.add(outcome.product);
    } else if (isNotAuthenticated(outcome) && isListedTarget(outcome.target, reachableTenantIds)) {
      unsubscribed.add(outcome.product);
    }
  }

  const unreachedTargets = new Set<string>();
  for (const outcome of outcomes) {
    if (isNotAuthenticated(outcome) && subscribed.has(outcome.product)) unreachedTargets.add(targetKey(outcome.target));
  }

  return { reachableTenantIds, reachedTargets, subscribed, unsubscribed, unreachedTargets };
}

function describeTarget(target: AccessCheckTarget): string {
  if (target.kind === 'default') return 'the default tenant';

  return target.kind === 'tenantId' ? `tenant ${target.tenantId}` : `PCN ${target.customerId}`;
}

const notSubscribed = (product: ApiProduct) =>
  `401: the app is not subscribed to the ${product} API product. Add it to the app in the Plex developer portal.`;

/**
 * Tells the causes of a 401 apart, which Plex reports with one body. The key is valid here,
 * because the tenant list returned 200. A tenant UUID is reachable exactly when the tenant
 * list contains it. A PCN is not in that list, so its reachability comes from the probes:
 * any success proves it reachable, and a 401 on a product that succeeded elsewhere proves
 * it unreachable.
 */
function classifyNotAuthenticated(outcome: ProbeOutcome, evidence: Evidence): Pick<Classification, 'status' | 'message'> {
  const { target, product } = outcome;
  const key = targetKey(target);
  const where = describeTarget(target);

  if (isListedTarget(target, evidence.reachableTenantIds) || evidence.reachedTargets.has(key)) {
    return { status: 'product-not-subscribed', message: notSubscribed(product) };
  }
  if (target.kind === 'tenantId' || evidence.subscribed.has(product) || evidence.unreachedTargets.has(key)) {
    const message = `401: the key cannot reach ${where}. Ask the tenant's administrator to grant the app access to it.`;
    return { status: 'tenant-not-reachable', message };
  }
  if (evidence.unsubscribed.has(product)) {
    const message = `${notSubscribed(product)} Whether the key reaches ${where} is unknown.`;
    return { status: 'product-not-subscribed', message };
  }

  const message =
    `401: either the key cannot reach ${where} or the app is not subscribed to ${product}; ` +
    `no other probe told them apart. Add ${TENANT_LIST_PRODUCT} to ACCESS_CHECK_PRODUCTS to decide.`;
  return { status: 'tenant-not-reachable', message };
}

function statusOfFailure(error: PlexApiError): ProbeStatus {
  switch (error.kind) {
    case 'not-found':
      return 'not-found';
    case 'rate-limited':
      return 'rate-limited';
    case 'timeout':
      return 'timeout';
    default:
      return 'upstream-error';
  }
}

function classifyOne(outcome: ProbeOutcome, evidence: Evidence): Classification {
  const { result } = outcome;
  if (result.kind === 'ok') {
    return { status: 'ok', httpStatus: 200, plexCode: null, message: `${outcome.operation} returned a list.` };
  }
  if (result.kind === 'not-started') {
    const message = `${outcome.operation} was not sent: the remaining Lambda time ran out.`;
    return { status: 'timeout', httpStatus: null, plexCode: null, message };
  }

  const { error } = result;
  const http = { httpStatus: error.status ?? null, plexCode: error.code ?? null };
  if (error.kind === 'not-authenticated') return { ...http, ...classifyNotAuthenticated(outcome, evidence) };

  return { ...http, status: statusOfFailure(error), message: error.message };
}

/**
 * Classifies every probe of a run in which `GET /mdm/v1/tenants` returned 200, so the key is
 * valid and `reachableTenantIds` lists the tenants it reaches.
 */
export function classifyOutcomes(
  outcomes: readonly ProbeOutcome[],
  reachableTenantIds: ReadonlySet<string>,
): Classification[] {
  const evidence = gatherEvidence(outcomes, reachableTenantIds);
  return outcomes.map((outcome) => classifyOne(outcome, evidence));
}

/**
 * Classifies every row of a run in which `GET /mdm/v1/tenants` failed, so no probe was sent.
 * A 401 there, also after re-reading the key, rejects the key. Any other failure leaves the
 * key's tenants unknown, and without them a 401 could not be classified, so the rows take
 * the status of that failure.
 */
export function classifyTenantListFailure(error: PlexApiError): Classification {
  const http = { httpStatus: error.status ?? null, plexCode: error.code ?? null };
  if (error.kind === 'not-authenticated') {
    const message =
      'The key was rejected: GET /mdm/v1/tenants returned 401 without tenant headers, also after reading the key ' +
      `again. Renew it in the Plex developer portal (keys expire after about 31 days). Plex sends the same 401 ` +
      `when the app is not subscribed to ${TENANT_LIST_PRODUCT}.`;
    return { ...http, status: 'key-rejected', message };
  }

  return { ...http, status: statusOfFailure(error), message: `Not probed, because the tenant list failed: ${error.message}` };
}
