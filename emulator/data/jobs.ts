/** Production jobs, numbered by creation day like `J240311-02`. */
import { pickBuilding } from './buildings.js';
import type { TenantContext } from './context.js';
import { type Complete, Draw, type Schemas } from './common.js';
import { DATASET_END_MS, DATASET_START_MS, MS_PER_DAY, MS_PER_HOUR, dayAt, randomInstant, yymmdd } from './dates.js';
import { pickPart } from './parts.js';

export type Job = Complete<Schemas['Job']>;

const HISTORY_DAYS = Math.round((DATASET_END_MS - DATASET_START_MS) / MS_PER_DAY);
const OPEN_STATUSES = ['Open', 'Open', 'Scheduled', 'Scheduled', 'In Process', 'Hold'];
const TYPES = ['Standard', 'Standard', 'Rework', 'Prototype'];
const PRIORITIES = ['Low', 'Normal', 'Normal', 'High', 'Hot'];

/**
 * Returns the creation day of job `index` and its sequence number within that day. Jobs
 * are spread evenly over the history in index order, so day d contains the indexes from
 * ceil(d * count / days) on, and (day, sequence) identifies the index.
 */
function dayOf(context: TenantContext, index: number): { dayMs: number; sequence: number } {
  const count = context.count('jobs');
  const day = Math.floor((index * HISTORY_DAYS) / count);
  const firstOfDay = Math.ceil((day * count) / HISTORY_DAYS);

  return { dayMs: DATASET_START_MS + day * MS_PER_DAY, sequence: index - firstOfDay + 1 };
}

function completionOf(draw: Draw, createdMs: number, dueMs: number) {
  const old = dueMs < DATASET_END_MS - 21 * MS_PER_DAY;
  if (!old && !draw.random.chance(0.1)) {
    return { status: draw.random.pick(OPEN_STATUSES), completed: null };
  }

  const latest = Math.min(dueMs + 5 * MS_PER_DAY, DATASET_END_MS);
  const completed = randomInstant(draw.random, createdMs + MS_PER_DAY, latest);
  return { status: draw.random.chance(0.97) ? 'Complete' : 'Cancelled', completed: completed.text };
}

export function generateJob(context: TenantContext, index: number): Job {
  const draw = new Draw(context, 'jobs', index);
  const { random } = draw;
  const { dayMs, sequence } = dayOf(context, index);
  const created = randomInstant(random, dayMs + 5 * MS_PER_HOUR, dayMs + 19 * MS_PER_HOUR);
  const dueMs = created.ms + random.int(3, 30) * MS_PER_DAY;
  const completion = completionOf(draw, created.ms, dueMs);
  const part = pickPart(context, random);
  const quantity = random.int(1, 60) * 50;
  const building = pickBuilding(context, random);
  const hasBuilding = draw.maybe(0.1, true) === true;

  return {
    id: context.id('jobs', index),
    externalJobCode: draw.maybe(0.7, `APS-${random.digits(5)}`),
    jobNumber: `J${yymmdd(dayMs)}-${String(sequence).padStart(2, '0')}`,
    createdDate: created.text,
    partId: part.id,
    partNumber: part.number,
    partRevision: part.revision,
    partNumberRevision: part.numberRevision,
    dueDate: draw.maybe(0.05, dayAt(dueMs, 22)),
    completedDate: draw.sparse ? null : completion.completed,
    quantity,
    quantityCompleted: completion.completed === null ? random.int(0, quantity - 1) : quantity,
    jobStatus: completion.status,
    buildingId: hasBuilding ? building.id : null,
    buildingCode: hasBuilding ? building.code : null,
    jobType: draw.maybe(0.2, random.pick(TYPES)),
    earliestStartDateTime: draw.maybe(0.3, dayAt(created.ms + MS_PER_DAY, 6)),
    priority: draw.maybe(0.3, random.pick(PRIORITIES)),
  };
}
