import { describe, expect, it } from 'vitest';
import { API_PRODUCTS } from '../../functions/access-check/probes.js';
import { type AccessCheckReport, type AccessCheckRow, type RowTarget, summarize } from '../../functions/access-check/report.js';
import { formatReportTable } from '../../functions/access-check/table.js';

const DEFAULT_TARGET: RowTarget = {
  kind: 'default',
  value: '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34',
  code: 'lakeshore',
  name: 'Lakeshore Precision Manufacturing',
};
const TENANT_TARGET: RowTarget = {
  kind: 'tenantId',
  value: 'b682a21b-befb-4416-97bc-2f7200426a97',
  code: 'lakeshoremx',
  name: 'Lakeshore Precision de Mexico',
};
const PCN_TARGET: RowTarget = { kind: 'customerId', value: 91544 };

const ANSI = /\u001b\[[0-9;]*m/;

function row(target: RowTarget, product: AccessCheckRow['product'], status: AccessCheckRow['status']): AccessCheckRow {
  const failed = status !== 'ok';
  return {
    target,
    product,
    status,
    httpStatus: failed ? 401 : 200,
    plexCode: failed ? 'REQUEST_NOT_AUTHENTICATED' : null,
    latencyMs: 12,
    message: failed ? `401 on ${product}.` : 'listed.',
  };
}

function sampleReport(): AccessCheckReport {
  const rows = [
    ...API_PRODUCTS.map((product) => row(DEFAULT_TARGET, product, 'ok')),
    ...API_PRODUCTS.map((product) => row(TENANT_TARGET, product, product === 'mdm' ? 'ok' : 'product-not-subscribed')),
    ...API_PRODUCTS.map((product) => row(PCN_TARGET, product, 'tenant-not-reachable')),
  ];

  return {
    timestamp: '2026-03-04T10:00:00.000Z',
    tier: 'test',
    host: 'test.connect.plex.com',
    keyFingerprint: 'sha256:1a2b3c4d',
    keyOrigin: 'ssm:/plex-connect/test/api-key',
    schedule: 'rate(1 hour)',
    defaultTenant: { id: DEFAULT_TARGET.value as string, code: 'lakeshore', name: 'Lakeshore Precision Manufacturing', determinedBy: 'record-match' },
    reachableTenants: [],
    keyExpiry: { expiresAt: '2026-03-14T00:00:00.000Z', daysLeft: 9 },
    rows,
    summary: summarize(rows),
  };
}

describe('Function: formatReportTable', () => {
  it('contains every product and tenant', () => {
    const text = formatReportTable(sampleReport(), { color: false });

    for (const product of API_PRODUCTS) expect(text).toContain(product);
    expect(text).toContain('default: lakeshore (8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34)');
    expect(text).toContain('lakeshoremx (b682a21b-befb-4416-97bc-2f7200426a97)');
    expect(text).toContain('PCN 91544');
  });

  it('puts one tenant on each line', () => {
    const lines = formatReportTable(sampleReport(), { color: false }).split('\n');

    const pcnLine = lines.find((line) => line.startsWith('PCN 91544'));
    expect(pcnLine?.match(/tenant-not-reachable/g)).toHaveLength(API_PRODUCTS.length);
    const tenantLine = lines.find((line) => line.startsWith('lakeshoremx'));
    expect(tenantLine?.match(/product-not-subscribed/g)).toHaveLength(API_PRODUCTS.length - 1);
  });

  it('aligns the status columns', () => {
    const lines = formatReportTable(sampleReport(), { color: false }).split('\n');
    const header = lines.find((line) => line.startsWith('Tenant'))!;
    const pcnLine = lines.find((line) => line.startsWith('PCN 91544'))!;

    expect(pcnLine.indexOf('tenant-not-reachable')).toBe(header.indexOf('mdm'));
  });

  it('ends with the summary, default tenant and key', () => {
    const text = formatReportTable(sampleReport(), { color: false });

    expect(text).toContain('Summary: 15 probes, 6 ok, 9 failed (tenant-not-reachable 5, product-not-subscribed 4)');
    expect(text).toContain('Default tenant: lakeshore, Lakeshore Precision Manufacturing');
    expect(text).toContain('Key: sha256:1a2b3c4d from ssm:/plex-connect/test/api-key');
    expect(text).toContain('9 days left');
    expect(text).toContain('401 on production.');
  });

  it('adds colour codes only when asked', () => {
    const plain = formatReportTable(sampleReport(), { color: false });
    const colored = formatReportTable(sampleReport(), { color: true });

    expect(plain).not.toMatch(ANSI);
    expect(colored).toMatch(ANSI);
    expect(colored).toContain('\u001b[32mok');
    expect(colored).toContain('\u001b[31mtenant-not-reachable');
    expect(colored.replace(new RegExp(ANSI.source, 'g'), '')).toBe(plain);
  });

  it('shows an unknown default tenant', () => {
    const report = { ...sampleReport(), defaultTenant: null };

    expect(formatReportTable(report, { color: false })).toContain('Default tenant: unknown');
  });
});
