/** Helpers that several record generators share. */
import type { components } from '../../generated/plex-connect.js';
import type { TenantContext } from './context.js';
import { DATASET_END_MS, DATASET_START_MS, randomInstant } from './dates.js';
import type { Random } from './random.js';
import type { ResourceName } from './scale.js';
import { COMPANY_SUFFIXES, COMPANY_TRADES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES } from './words.js';

export type Schemas = components['schemas'];

/** A schema type with every optional property made required, so a generator cannot leave one out. */
export type Complete<T> = { [K in keyof T]-?: T[K] };

/** Builds record `index` of one resource in one tenant. */
export type Generator<T> = (context: TenantContext, index: number) => T;

/** Stream numbers of `TenantContext.random`, so identity fields and other fields draw independently. */
export const RECORD_STREAM = 0;
export const IDENTITY_STREAM = 1;

/** The random draws of one record, and whether it is the record whose optional fields are all null. */
export class Draw {
  readonly random: Random;
  readonly sparse: boolean;

  constructor(context: TenantContext, name: ResourceName, index: number) {
    this.random = context.random(name, index, RECORD_STREAM);
    // The last record of every resource has every nullable field null, so clients always
    // meet the null case. Other records leave a field null with its own probability.
    this.sparse = index === context.count(name) - 1;
  }

  /** Returns null in the sparse record or with probability `nullProbability`, otherwise `value`. */
  maybe<T>(nullProbability: number, value: T): T | null {
    const isNull = this.random.chance(nullProbability);
    return this.sparse || isNull ? null : value;
  }
}

/** Picks the UUID of a Plex user account (IAM account), such as the creator of a record. */
export function userId(context: TenantContext, random: Random): string {
  return context.id('users', context.pickIndex(random, 'users'));
}

/** Draws a creation date-time and a later modification date-time, both with 7 fractional digits. */
export function auditDates(random: Random, startMs = DATASET_START_MS): { created: string; modified: string } {
  const created = randomInstant(random, startMs, DATASET_END_MS - 86_400_000);
  const modified = randomInstant(random, created.ms, DATASET_END_MS);

  return { created: created.text, modified: modified.text };
}

export function phoneNumber(context: TenantContext, random: Random): string {
  return `${context.tenant.phonePrefix} ${random.digits(4)}`;
}

export function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
}

export function companyName(random: Random): string {
  return `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_TRADES)} ${random.pick(COMPANY_SUFFIXES)}`;
}

/** Returns the lower-case letters and digits of a name, for e-mail addresses and web sites. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Returns the first `length` upper-case letters of a name, for codes such as `GLAS`. */
export function letters(text: string, length: number): string {
  return text.toUpperCase().replace(/[^A-Z]/g, '').slice(0, length).padEnd(length, 'X');
}
