import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricsOptions } from '@aws-lambda-powertools/metrics/types';
import { type AccessCheckReport, targetLabel } from './report.js';

/** Receives one EMF document as a line of JSON. */
export type MetricsWriter = (line: string) => void;

/** Writes a line to stdout, where Lambda sends it to CloudWatch Logs, as Powertools itself does. */
export const stdoutWriter: MetricsWriter = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * Powertools `Metrics` that hands each flushed EMF document to a writer instead of its
 * built-in console.
 *
 * NOTE: Powertools 2.35 always prints EMF through a private `Console` on stdout and has no
 * option to redirect it. So this subclass overrides the public `publishStoredMetrics`, and
 * serializes with the public `serializeMetrics`, which keeps Powertools' validation and
 * document format. Powertools also calls `publishStoredMetrics` itself when a metric
 * reaches 100 values, which then goes to the writer too.
 */
export class ReportMetrics extends Metrics {
  readonly #write: MetricsWriter;

  constructor(options: MetricsOptions, write: MetricsWriter = stdoutWriter) {
    super(options);
    this.#write = write;
  }

  override publishStoredMetrics(): this {
    if (!this.hasStoredMetrics()) return this;

    try {
      if (!this.isDisabled()) this.#write(JSON.stringify(this.serializeMetrics()));
    } finally {
      this.clearMetrics();
      this.clearDimensions();
      this.clearMetadata();
    }

    return this;
  }
}

/**
 * Emits the report's metrics and flushes them.
 *
 * - `ProbeFailures` (Count) = 1 per failed row, with dimensions `target` and `product`, one
 *   document each so that every failure keeps its own dimensions.
 * - `ProbeCount` and `ProbeFailures` (Count) for the whole run, with the service dimension
 *   only, so one alarm can watch every probe.
 * - `ProbeLatency` (Milliseconds), one value per probe that was sent.
 * - `KeyDaysUntilExpiry` (no unit), when the key's expiry is configured.
 */
export function publishReportMetrics(report: AccessCheckReport, metrics: Metrics): void {
  for (const row of report.rows) {
    if (row.status === 'ok') continue;

    metrics.addDimensions({ target: targetLabel(row.target), product: row.product });
    metrics.addMetric('ProbeFailures', MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
  }

  metrics.addMetric('ProbeCount', MetricUnit.Count, report.summary.probes);
  metrics.addMetric('ProbeFailures', MetricUnit.Count, report.summary.failed);
  for (const row of report.rows) {
    if (row.latencyMs !== null) metrics.addMetric('ProbeLatency', MetricUnit.Milliseconds, row.latencyMs);
  }
  if (report.keyExpiry) metrics.addMetric('KeyDaysUntilExpiry', MetricUnit.NoUnit, report.keyExpiry.daysLeft);

  metrics.publishStoredMetrics();
}
