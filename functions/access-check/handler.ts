import { Logger } from '@aws-lambda-powertools/logger';
import type { SSMClientConfig } from '@aws-sdk/client-ssm';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { PlexClock, PlexFetch, PlexLogger } from '../../client/index.js';
import { type Env, optionalString } from '../shared/env.js';
import type { ClientTuning } from './client.js';
import { type AccessCheckConfig, readAccessCheckConfig } from './config.js';
import { type MetricsWriter, publishReportMetrics, ReportMetrics } from './metrics.js';
import type { AccessCheckReport } from './report.js';
import { runAccessCheck } from './run.js';

/** Service name of logs and metrics when `POWERTOOLS_SERVICE_NAME` is not set. */
export const DEFAULT_SERVICE_NAME = 'plex-connect';

/** Metrics namespace when `POWERTOOLS_METRICS_NAMESPACE` is not set. */
export const DEFAULT_METRICS_NAMESPACE = 'PlexConnect';

/** A key with this many days left, or fewer, logs a warning on every run. */
export const KEY_EXPIRY_WARNING_DAYS = 7;

export type AccessCheckHandler = (event: ScheduledEvent | undefined, context: Context) => Promise<AccessCheckReport>;

/** Dependencies of the handler. Tests replace each of them. */
export interface AccessCheckHandlerDeps {
  /** @default process.env */
  env?: Env;
  /** Client settings for SSM, such as a test endpoint. @default the SDK's, from the Lambda environment */
  ssmClientConfig?: SSMClientConfig;
  /** @default globalThis.fetch */
  fetch?: PlexFetch;
  /** @default the system clock */
  clock?: PlexClock;
  /** @default a Powertools Logger named by POWERTOOLS_SERVICE_NAME */
  logger?: Logger;
  /** Receives each EMF document as one line of JSON. @default a write to stdout */
  writeMetrics?: MetricsWriter;
  clientTuning?: ClientTuning;
}

/** Adapts a Powertools Logger to the client's logger interface, for its retry warnings. */
function plexLoggerOf(logger: Logger): PlexLogger {
  return {
    debug: (message, fields = {}) => logger.debug(message, fields),
    info: (message, fields = {}) => logger.info(message, fields),
    warn: (message, fields = {}) => logger.warn(message, fields),
    error: (message, fields = {}) => logger.error(message, fields),
  };
}

function warnOnExpiry(report: AccessCheckReport, logger: Logger): void {
  const expiry = report.keyExpiry;
  if (expiry === null || expiry.daysLeft > KEY_EXPIRY_WARNING_DAYS) return;

  const fields = { expires_at: expiry.expiresAt, days_left: expiry.daysLeft, key_fingerprint: report.keyFingerprint };
  if (expiry.daysLeft < 0) logger.warn('Plex API key has expired. Renew it in the Plex developer portal', fields);
  else logger.warn('Plex API key expires soon. Renew it in the Plex developer portal', fields);
}

function readConfigOrThrow(env: Env, deps: AccessCheckHandlerDeps, logger: Logger): AccessCheckConfig {
  try {
    return readAccessCheckConfig(env, deps.ssmClientConfig ? { ssmClientConfig: deps.ssmClientConfig } : {});
  } catch (error) {
    logger.error('Access check configuration is invalid, so no probe was sent', error as Error);
    throw error;
  }
}

/**
 * Creates the scheduled access check handler. The configuration is read on the first
 * invocation and kept for the container's life, so an invalid configuration fails every
 * invocation (and the alarm on Errors fires) until it is fixed. A key that cannot be read,
 * such as a missing SSM parameter, also fails the invocation. A failure of Plex never
 * throws: it is a row of the report.
 *
 * Each invocation logs the report as one line (`message: 'access check report'`), warns
 * when the key expires within `KEY_EXPIRY_WARNING_DAYS`, writes the metrics in embedded
 * metric format and returns the report.
 */
export function createAccessCheckHandler(deps: AccessCheckHandlerDeps = {}): AccessCheckHandler {
  const env = deps.env ?? process.env;
  const serviceName = optionalString(env, 'POWERTOOLS_SERVICE_NAME') ?? DEFAULT_SERVICE_NAME;
  const namespace = optionalString(env, 'POWERTOOLS_METRICS_NAMESPACE') ?? DEFAULT_METRICS_NAMESPACE;
  const logger = deps.logger ?? new Logger({ serviceName });
  const metrics = new ReportMetrics({ namespace, serviceName }, deps.writeMetrics);
  let config: AccessCheckConfig | undefined;

  return async (event, context) => {
    logger.addContext(context);
    config ??= readConfigOrThrow(env, deps, logger);

    let report: AccessCheckReport;
    try {
      report = await runAccessCheck(config, {
        fetch: deps.fetch,
        clock: deps.clock,
        logger: plexLoggerOf(logger),
        remainingTimeMs: () => context.getRemainingTimeInMillis(),
        clientTuning: deps.clientTuning,
      });
    } catch (error) {
      logger.error('Access check failed before its report was complete', error as Error);
      throw error;
    }

    logger.info('access check report', { report, scheduled_time: event?.time ?? null });
    warnOnExpiry(report, logger);
    publishReportMetrics(report, metrics);

    return report;
  };
}

/** The Lambda entry point of `access-check`. */
export const handler = createAccessCheckHandler();
