/**
 * The `plex-connect/functions` entry point: both Lambda handlers, the factories that
 * create them with injected dependencies, their configuration readers and the pieces
 * a caller needs to reuse them, such as the access check table and the lookup signature.
 */
export {
  DEFAULT_METRICS_NAMESPACE,
  DEFAULT_SERVICE_NAME,
  KEY_EXPIRY_WARNING_DAYS,
  createAccessCheckHandler,
  handler as accessCheckHandler,
  type AccessCheckHandler,
  type AccessCheckHandlerDeps,
} from './access-check/handler.js';
export { runAccessCheck, type AccessCheckDeps } from './access-check/run.js';
export {
  readAccessCheckConfig,
  type AccessCheckConfig,
  type AccessCheckConfigOptions,
  type AccessCheckTarget,
} from './access-check/config.js';
export type { ClientTuning } from './access-check/client.js';
export { API_PRODUCTS, type ApiProduct } from './access-check/probes.js';
export {
  PROBE_STATUSES,
  type AccessCheckReport,
  type AccessCheckRow,
  type AccessCheckSummary,
  type DefaultTenant,
  type ProbeStatus,
  type RowTarget,
  type TenantSummary,
} from './access-check/report.js';
export type { KeyExpiry } from './access-check/expiry.js';
export { formatReportTable, type TableOptions } from './access-check/table.js';
export {
  createLookupHandler,
  handler as lookupHandler,
  type LookupHandler,
  type LookupHandlerDeps,
} from './webhook-lookup/handler.js';
export {
  readLookupConfig,
  readSigningSecrets,
  type LookupConfig,
  type LookupConfigOptions,
  type PlexServer,
} from './webhook-lookup/config.js';
export { LOOKUPS, type LookupDefinition, type LookupOutcome } from './webhook-lookup/lookups.js';
export type { LookupMatch } from './webhook-lookup/matches.js';
export type { LookupName, LookupResult, ProblemCode, ProblemError } from './webhook-lookup/problems.js';
export { checkLookupRequest, type LookupRequest, type RequestCheck } from './webhook-lookup/request-validation.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signLookup,
  signatureHeaders,
  verifyLookupSignature,
  type SignatureCheck,
  type SignatureFailure,
  type VerifyOptions,
} from './webhook-lookup/signature.js';
export { FunctionConfigError } from './shared/config-error.js';
export type { Env } from './shared/env.js';
export type { SecretSource } from './shared/secrets.js';
