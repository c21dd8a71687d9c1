/**
 * Generated date-times. All of them fall before `DATASET_END_MS`, a fixed instant rather
 * than the current time, so the same seed gives the same records on every run.
 */
import { PlexDateTime } from '../../client/datetime.js';
import type { Random } from './random.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** 2026-01-01T00:00:00Z. Generated history ends here. */
export const DATASET_END_MS = Date.UTC(2026, 0, 1);

/** 2023-01-01T00:00:00Z. Generated history starts here. */
export const DATASET_START_MS = Date.UTC(2023, 0, 1);

/** Formats epoch milliseconds plus 100 ns ticks in the Plex form with 7 fractional digits. */
export function formatDateTime(epochMs: number, ticks = 0): string {
  return PlexDateTime.fromEpochMilliseconds(Math.floor(epochMs), ticks).toString();
}

/** Draws an instant from `startMs` (inclusive) to `endMs` (exclusive), with random ticks. */
export function randomInstant(random: Random, startMs: number, endMs: number): { ms: number; text: string } {
  const span = Math.max(1, Math.floor(endMs - startMs));
  const ms = Math.floor(startMs) + Math.floor(random.float() * span);

  return { ms, text: formatDateTime(ms, random.int(0, 9_999)) };
}

/** Formats the calendar day of an instant at a fixed hour (such as a due date), with zero fractional digits. */
export function dayAt(epochMs: number, hour: number): string {
  const day = Math.floor(epochMs / MS_PER_DAY) * MS_PER_DAY;
  return formatDateTime(day + hour * MS_PER_HOUR);
}

/** Returns the yymmdd digits of an instant, as used in job and lot numbers. */
export function yymmdd(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(2, 10).replaceAll('-', '');
}
