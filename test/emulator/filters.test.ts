import { describe, expect, it } from 'vitest';
import { PlexDateTime } from '../../client/datetime.js';
import { useEmulator } from './support/emulator.js';
import { plexFetch, plexJson, type Row } from './support/http.js';

const plex = useEmulator({ rateLimit: false });

async function list(path: string, query: Record<string, string | string[]> = {}): Promise<Row[]> {
  const { status, body } = await plexJson<Row[]>(plex.url, path, { query });
  expect(status).toBe(200);
  return body;
}

/** Moves a Plex date-time by whole ticks of 100 ns. */
function shift(text: string, ticks: number): string {
  const value = PlexDateTime.parse(text);
  // Epoch ticks exceed 2^53, so carry between milliseconds and ticks by hand.
  const tick = value.ticks + ticks;
  const carry = Math.floor(tick / 10_000);
  return PlexDateTime.fromEpochMilliseconds(value.epochMilliseconds + carry, tick - carry * 10_000).toString();
}

describe('scalar filters', () => {
  it('matches a string exactly', async () => {
    const all = await list('/mdm/v1/employees');
    const badge = String(all[7]!.badgeNumber);
    expect(await list('/mdm/v1/employees', { badgeNumber: badge })).toEqual([all[7]]);
  });

  it('is case-sensitive for strings', async () => {
    const all = await list('/mdm/v1/suppliers');
    expect(await list('/mdm/v1/suppliers', { code: String(all[0]!.code).toLowerCase() })).toEqual([]);
  });

  it('matches a UUID in any case', async () => {
    const all = await list('/mdm/v1/employees');
    const supervisor = String(all.find((employee) => employee.supervisorId !== null)!.supervisorId);
    const expected = all.filter((employee) => employee.supervisorId === supervisor);
    expect(await list('/mdm/v1/employees', { supervisorId: supervisor.toUpperCase() })).toEqual(expected);
  });

  it('matches a boolean', async () => {
    const all = await list('/mdm/v1/buildings');
    expect(await list('/mdm/v1/buildings', { active: 'false' })).toEqual(all.filter((building) => building.active === false));
    expect(await list('/mdm/v1/buildings', { active: 'true' })).toEqual(all.filter((building) => building.active === true));
  });

  it('combines filters with and', async () => {
    const all = await list('/scheduling/v1/jobs');
    const { partId, jobStatus } = all[0]!;
    const expected = all.filter((job) => job.partId === partId && job.jobStatus === jobStatus);
    expect(await list('/scheduling/v1/jobs', { partId: String(partId), jobStatuses: [String(jobStatus)] })).toEqual(expected);
  });

  it('returns an empty array when nothing matches', async () => {
    expect(await list('/mdm/v1/parts', { number: 'NO-SUCH-PART' })).toEqual([]);
  });

  it('maps pONumber to poNumber', async () => {
    const all = await list('/purchasing/v1/purchase-orders');
    expect(await list('/purchasing/v1/purchase-orders', { pONumber: String(all[4]!.poNumber) })).toEqual([all[4]]);
  });
});

describe('list filters', () => {
  it('matches any of repeated ids', async () => {
    const all = await list('/mdm/v1/parts');
    const ids = [all[40]!.id, all[3]!.id, all[3]!.id, '3f2b8c1e-6d4a-4e0b-9a7c-2d5e8f1a0b3c'].map(String);
    expect(await list('/mdm/v1/parts', { id: ids })).toEqual([all[3], all[40]]);
  });

  it('matches any of repeated statuses', async () => {
    const all = await list('/scheduling/v1/jobs');
    const selected = ['Open', 'Hold'];
    const matched = await list('/scheduling/v1/jobs', { jobStatuses: selected });
    expect(matched.length).toBeGreaterThan(0);
    expect(matched).toEqual(all.filter((job) => selected.includes(String(job.jobStatus))));
  });

  it('sends repeated keys on the wire', async () => {
    const path = '/inventory/v1/inventory-tracking/containers?inventoryType=WIP&inventoryType=Raw%20Material';
    const response = await plexFetch(plex.url, path);
    const body = (await response.json()) as Row[];
    expect(new Set(body.map((container) => container.inventoryType))).toEqual(new Set(['WIP', 'Raw Material']));
  });

  it('matches an array field that contains any value', async () => {
    const all = await list('/mdm/v1/parts');
    const matched = await list('/mdm/v1/parts', { allergens: ['Soy', 'Peanuts'] });
    const selected = ['Soy', 'Peanuts'];
    const hasSelected = (part: Row) => Array.isArray(part.allergens) && part.allergens.some((item) => selected.includes(item));
    const expected = all.filter(hasSelected);
    expect(matched.length).toBeGreaterThan(0);
    expect(matched).toEqual(expected);
  });

  it('matches Tools & Inserts percent-encoded', async () => {
    const response = await plexFetch(plex.url, '/inventory/v1/inventory-definitions/supply-items?category=Tools%20%26%20Inserts');
    const body = (await response.json()) as Row[];
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((item) => item.category === 'Tools & Inserts')).toBe(true);
  });

  it('matches the group Tools & Inserts', async () => {
    const body = await list('/inventory/v1/inventory-definitions/supply-items', { group: 'Tools & Inserts' });
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((item) => item.group === 'Tools & Inserts')).toBe(true);
  });

  it('filters locations by type flag', async () => {
    const all = await list('/inventory/v1/inventory-definitions/locations');
    expect(await list('/inventory/v1/inventory-definitions/locations', { locationTypeFlag: 'Supply' })).toEqual(
      all.filter((location) => location.supplyLocation === true),
    );
  });
});

describe('date range filters', () => {
  it('includes both bounds at 100 ns precision', async () => {
    const all = await list('/mdm/v1/suppliers');
    const target = all[9]!;
    const modified = String(target.modifiedDate);
    const matched = await list('/mdm/v1/suppliers', { modifiedDateBegin: modified, modifiedDateEnd: modified });
    expect(matched).toEqual(all.filter((supplier) => supplier.modifiedDate === modified));
    expect(matched).toContainEqual(target);
  });

  it('excludes a record one tick before the begin bound', async () => {
    const all = await list('/mdm/v1/suppliers');
    const modified = String(all[9]!.modifiedDate);
    const later = shift(modified, 1);
    const matched = await list('/mdm/v1/suppliers', { modifiedDateBegin: later, modifiedDateEnd: later });
    expect(matched.map((supplier) => supplier.id)).not.toContain(all[9]!.id);
  });

  it('excludes a record one tick after the end bound', async () => {
    const all = await list('/mdm/v1/suppliers');
    const modified = String(all[9]!.modifiedDate);
    const matched = await list('/mdm/v1/suppliers', { modifiedDateEnd: shift(modified, -1) });
    expect(matched.map((supplier) => supplier.id)).not.toContain(all[9]!.id);
  });

  it('compares within one millisecond', async () => {
    const all = await list('/mdm/v1/suppliers');
    const modified = String(all[9]!.modifiedDate);
    const value = PlexDateTime.parse(modified);
    const sameMillisecond = PlexDateTime.fromEpochMilliseconds(value.epochMilliseconds, 0).toString();
    const after = await list('/mdm/v1/suppliers', { modifiedDateBegin: sameMillisecond, modifiedDateEnd: modified });
    const strictlyAfter = await list('/mdm/v1/suppliers', { modifiedDateBegin: shift(modified, 1) });
    expect(after.map((supplier) => supplier.id)).toContain(all[9]!.id);
    expect(strictlyAfter.map((supplier) => supplier.id)).not.toContain(all[9]!.id);
  });

  it('keeps a range of records in order', async () => {
    const all = await list('/purchasing/v1/purchase-orders');
    const begin = '2024-01-01T00:00:00Z';
    const end = '2024-06-30T23:59:59.9999999Z';
    // Canonical Plex date-times of the same form sort as strings in time order.
    const created = (order: Row) => String(order.createdDate);
    const expected = all.filter((order) => created(order) >= '2024-01-01T00:00:00.0000000Z' && created(order) <= end);
    expect(expected.length).toBeGreaterThan(0);
    expect(await list('/purchasing/v1/purchase-orders', { createdDateBegin: begin, createdDateEnd: end })).toEqual(expected);
  });

  it('leaves out null fields', async () => {
    const matched = await list('/scheduling/v1/jobs', { completedDateBegin: '2000-01-01T00:00Z' });
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.every((job) => job.completedDate !== null)).toBe(true);
  });

  it('reads begin… and end… names', async () => {
    const all = await list('/scheduling/v1/jobs');
    const start = String(all.find((job) => job.earliestStartDateTime !== null)!.earliestStartDateTime);
    const matched = await list('/scheduling/v1/jobs', { beginEarliestStartDateTime: start, endEarliestStartDateTime: start });
    expect(matched).toEqual(all.filter((job) => job.earliestStartDateTime === start));
  });
});
