import {
  fingerprint,
  isPlexApiError,
  silentLogger,
  systemClock,
  type PlexCallOptions,
  type PlexClient,
  type PlexClock,
} from '../../client/index.js';
import { type Classification, classifyOutcomes, classifyTenantListFailure, type ProbeOutcome } from './classify.js';
import { type ClientDeps, openTenantAccess } from './client.js';
import type { AccessCheckConfig, AccessCheckTarget } from './config.js';
import { findDefaultTenant } from './default-tenant.js';
import { keyExpiryAt } from './expiry.js';
import { PROBES, type ApiProduct } from './probes.js';
import { type AccessCheckReport, type AccessCheckRow, type DefaultTenant, type RowTarget, summarize, type TenantSummary } from './report.js';

/** Milliseconds of the Lambda's remaining time kept back for logging the report and flushing metrics. */
export const RESERVED_TIME_MS = 500;

/** Probes in flight at once. The rate limiter paces them within the budget. */
export const PROBE_CONCURRENCY = 4;

export interface AccessCheckDeps extends ClientDeps {
  /** Milliseconds left before the Lambda is stopped. @default no limit but the per-request timeout */
  remainingTimeMs?: (() => number) | undefined;
}

/** Runs `run` on every item with at most `limit` in flight, and returns the results in item order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));

  return results;
}

function tenantOption(target: AccessCheckTarget): PlexCallOptions {
  if (target.kind === 'tenantId') return { tenantId: target.tenantId };
  if (target.kind === 'customerId') return { customerId: target.customerId };

  return {};
}

async function runProbe(
  client: PlexClient,
  job: { target: AccessCheckTarget; product: ApiProduct },
  call: PlexCallOptions,
  clock: PlexClock,
): Promise<ProbeOutcome> {
  const probe = PROBES[job.product];
  const outcome = { ...job, operation: probe.operation };
  if (call.remainingTimeMs !== undefined && call.remainingTimeMs() <= 0) {
    return { ...outcome, result: { kind: 'not-started' }, latencyMs: null };
  }

  const startedAt = clock.now();
  try {
    await probe.send(client, { ...call, ...tenantOption(job.target) });
    return { ...outcome, result: { kind: 'ok' }, latencyMs: clock.now() - startedAt };
  } catch (error) {
    if (!isPlexApiError(error)) throw error;
    return { ...outcome, result: { kind: 'failed', error }, latencyMs: clock.now() - startedAt };
  }
}

function rowTarget(target: AccessCheckTarget, defaultTenant: DefaultTenant | null, tenants: readonly TenantSummary[]): RowTarget {
  if (target.kind === 'customerId') return { kind: 'customerId', value: target.customerId };

  const tenant =
    target.kind === 'default' ? defaultTenant : tenants.find((listed) => listed.id.toLowerCase() === target.tenantId);
  const value = target.kind === 'default' ? (tenant?.id ?? null) : target.tenantId;

  return tenant ? { kind: target.kind, value, code: tenant.code, name: tenant.name } : { kind: target.kind, value };
}

function jobsOf(config: AccessCheckConfig): { target: AccessCheckTarget; product: ApiProduct }[] {
  return config.targets.flatMap((target) => config.products.map((product) => ({ target, product })));
}

/** Probes every target and product, and finds the default tenant alongside. */
async function probeAll(
  config: AccessCheckConfig,
  client: PlexClient,
  tenants: TenantSummary[],
  call: PlexCallOptions,
  deps: AccessCheckDeps,
): Promise<{ rows: AccessCheckRow[]; defaultTenant: DefaultTenant | null }> {
  const clock = deps.clock ?? systemClock;
  const [defaultTenant, outcomes] = await Promise.all([
    findDefaultTenant(client, tenants, call, deps.logger ?? silentLogger),
    mapConcurrently(jobsOf(config), PROBE_CONCURRENCY, (job) => runProbe(client, job, call, clock)),
  ]);
  const reachable = new Set(tenants.map((tenant) => tenant.id.toLowerCase()));
  const classifications = classifyOutcomes(outcomes, reachable);
  const rows = outcomes.map((outcome, index) => ({
    target: rowTarget(outcome.target, defaultTenant, tenants),
    product: outcome.product,
    ...classifications[index]!,
    latencyMs: outcome.latencyMs,
  }));

  return { rows, defaultTenant };
}

function unprobedRows(config: AccessCheckConfig, classification: Classification): AccessCheckRow[] {
  return jobsOf(config).map(({ target, product }) => ({
    target: rowTarget(target, null, []),
    product,
    ...classification,
    latencyMs: null,
  }));
}

/**
 * Checks which targets and API products the key reaches now, and returns the report.
 *
 * First `GET /mdm/v1/tenants` without tenant headers proves the key valid and lists the
 * tenants it reaches (see `openTenantAccess` for the retry with a re-read key). Then one
 * probe per target and product runs, at most `PROBE_CONCURRENCY` at once, each within the
 * rate limit and the remaining time. Every target and product gets a row, also when its
 * probe was not sent. Failures of Plex become rows. The promise rejects only when the key
 * cannot be read (such as a missing SSM parameter) or the client rejects the key's characters.
 */
export async function runAccessCheck(config: AccessCheckConfig, deps: AccessCheckDeps = {}): Promise<AccessCheckReport> {
  const clock = deps.clock ?? systemClock;
  const startedAt = clock.now();
  const { remainingTimeMs } = deps;
  const call: PlexCallOptions = remainingTimeMs ? { remainingTimeMs: () => remainingTimeMs() - RESERVED_TIME_MS } : {};
  const access = await openTenantAccess(config, deps, call);

  const { rows, defaultTenant } = access.result.error
    ? { rows: unprobedRows(config, classifyTenantListFailure(access.result.error)), defaultTenant: null }
    : await probeAll(config, access.client, access.result.data, call, deps);

  return {
    timestamp: new Date(startedAt).toISOString(),
    tier: config.tier ?? null,
    host: config.host,
    keyFingerprint: fingerprint(access.apiKey),
    keyOrigin: config.apiKey.origin,
    schedule: config.schedule ?? null,
    defaultTenant,
    reachableTenants: access.result.error ? null : access.result.data,
    keyExpiry: config.keyExpiresAt ? keyExpiryAt(config.keyExpiresAt, startedAt) : null,
    rows,
    summary: summarize(rows),
  };
}
