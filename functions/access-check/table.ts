import { type AccessCheckReport, type AccessCheckRow, type ProbeStatus, type RowTarget, targetLabel } from './report.js';

export interface TableOptions {
  /** Colour the statuses with ANSI escape codes, for a terminal. */
  color: boolean;
}

/** ANSI foreground colour of each status: green for ok, red for access problems, yellow and magenta for the rest. */
const STATUS_COLORS: Record<ProbeStatus, number> = {
  ok: 32,
  'key-rejected': 31,
  'tenant-not-reachable': 31,
  'product-not-subscribed': 31,
  'not-found': 33,
  'rate-limited': 33,
  timeout: 33,
  'upstream-error': 35,
};

const COLUMN_GAP = '  ';

/** Affected probes listed by name under a failure; more are counted instead. */
const MAX_LISTED_CELLS = 3;

function paint(text: string, code: number, options: TableOptions): string {
  return options.color ? `\u001b[${code}m${text}\u001b[39m` : text;
}

function bold(text: string, options: TableOptions): string {
  return options.color ? `\u001b[1m${text}\u001b[22m` : text;
}

/** Describes a row's tenant for people: its code when known, then its UUID or PCN. */
function describeTarget(target: RowTarget): string {
  const value = target.value === null ? 'unknown' : String(target.value);
  if (target.kind === 'customerId') return `PCN ${value}`;

  const named = target.code === undefined ? value : `${target.code} (${value})`;
  return target.kind === 'default' ? `default: ${named}` : named;
}

/** Groups the rows by target, in the order the targets first appear. */
function groupByTarget(rows: readonly AccessCheckRow[]): Map<string, AccessCheckRow[]> {
  const groups = new Map<string, AccessCheckRow[]>();
  for (const row of rows) {
    const label = targetLabel(row.target);
    groups.set(label, [...(groups.get(label) ?? []), row]);
  }

  return groups;
}

function formatGrid(report: AccessCheckReport, options: TableOptions): string[] {
  const products = [...new Set(report.rows.map((row) => row.product))];
  const groups = [...groupByTarget(report.rows).values()];
  const header = ['Tenant', ...products];
  const body = groups.map((rows) => [
    describeTarget(rows[0]!.target),
    ...products.map((product) => rows.find((row) => row.product === product)?.status ?? '-'),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));

  // Padding goes outside the colour codes, and the last column gets none.
  const line = (cells: string[], style: (cell: string, column: number) => string) =>
    cells
      .map((cell, column) => {
        const padding = column === cells.length - 1 ? '' : ' '.repeat(widths[column]! - cell.length);
        return `${style(cell, column)}${padding}`;
      })
      .join(COLUMN_GAP);

  return [
    line(header, (cell) => bold(cell, options)),
    ...body.map((cells) =>
      line(cells, (cell, column) => {
        const code = column === 0 ? undefined : STATUS_COLORS[cell as ProbeStatus];
        return code === undefined ? cell : paint(cell, code, options);
      }),
    ),
  ];
}

function formatSummary(report: AccessCheckReport): string {
  const { probes, ok, failed, byStatus } = report.summary;
  const failures = Object.entries(byStatus)
    .filter(([status, count]) => status !== 'ok' && count > 0)
    .map(([status, count]) => `${status} ${count}`);

  return `Summary: ${probes} probes, ${ok} ok, ${failed} failed${failures.length ? ` (${failures.join(', ')})` : ''}`;
}

function formatDefaultTenant(report: AccessCheckReport): string {
  const tenant = report.defaultTenant;
  if (tenant === null) return 'Default tenant: unknown';

  const name = tenant.name === null ? '' : `, ${tenant.name}`;
  return `Default tenant: ${tenant.code}${name} (${tenant.id}), found by ${tenant.determinedBy.replace('-', ' ')}`;
}

function formatKey(report: AccessCheckReport): string {
  const expiry = report.keyExpiry;
  const expires = expiry === null ? '' : `, expires ${expiry.expiresAt} (${expiry.daysLeft} days left)`;

  return `Key: ${report.keyFingerprint} from ${report.keyOrigin}${expires}`;
}

/** Lists each distinct failure once, with the tenants and products it affects. */
function formatFailures(report: AccessCheckReport, options: TableOptions): string[] {
  const groups = new Map<string, AccessCheckRow[]>();
  for (const row of report.rows) {
    if (row.status === 'ok') continue;

    const key = `${row.status}\n${row.message}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }

  return [...groups.values()].map((rows) => {
    const { status, message } = rows[0]!;
    const cells = rows.map((row) => `${describeTarget(row.target)} ${row.product}`);
    const affected = cells.length <= MAX_LISTED_CELLS ? cells.join('; ') : `${cells.length} probes`;
    return `  ${paint(status, STATUS_COLORS[status], options)} (${affected}): ${message}`;
  });
}

/**
 * Formats a report as text for a terminal: one line per tenant with a status per product,
 * then the summary, the default tenant, the key's fingerprint and each failure's message.
 * With `color`, statuses are coloured with ANSI escape codes, and without it the text has none.
 */
export function formatReportTable(report: AccessCheckReport, options: TableOptions): string {
  const server = report.tier === null ? report.host : `${report.host} (tier ${report.tier})`;
  const failures = formatFailures(report, options);

  return [
    `Access check of ${server} at ${report.timestamp}${report.schedule ? `, schedule ${report.schedule}` : ''}`,
    '',
    ...formatGrid(report, options),
    '',
    formatSummary(report),
    formatDefaultTenant(report),
    formatKey(report),
    ...(failures.length ? ['Failures:', ...failures] : []),
  ].join('\n');
}
