import { describe, expect, it } from 'vitest';
import { createValidator, loadBundle } from '../support/bundle.js';

const bundle = loadBundle('plex-connect');
const validate = createValidator(bundle).compile({ $ref: 'bundle#/components/schemas/PlexDateTime' });

const PRECISION_LEVELS = [
  '1999-12-31T12:34Z',
  '1999-12-31T12:34:56Z',
  '1999-12-31T12:34:56.1Z',
  '1999-12-31T12:34:56.12Z',
  '1999-12-31T12:34:56.123Z',
  '1999-12-31T12:34:56.1234Z',
  '1999-12-31T12:34:56.12345Z',
  '1999-12-31T12:34:56.123456Z',
  '1999-12-31T12:34:56.1234567Z',
];

const VALID = [
  ...PRECISION_LEVELS,
  '2000-02-29T00:00Z',
  '2024-02-29T23:59:59.9999999Z',
  '2023-04-30T00:00:00Z',
  '2023-01-31T23:59:59.0000000Z',
  '1600-02-29T08:00Z',
];

const INVALID: [string, string][] = [
  ['date without a time', '1999-12-31'],
  ['time without a zone', '1999-12-31T12:34:56'],
  ['time without a zone, with a fraction', '1999-12-31T12:34:56.1234567'],
  ['positive offset', '1999-12-31T12:34:56+02:00'],
  ['zero offset written as +00:00', '1999-12-31T12:34:56+00:00'],
  ['negative offset', '1999-12-31T12:34:56-05:00'],
  ['offset after a fraction', '1999-12-31T12:34:56.123-0500'],
  ['space instead of T', '1999-12-31 12:34:56Z'],
  ['8 fractional digits', '1999-12-31T12:34:56.12345678Z'],
  ['9 fractional digits', '1999-12-31T12:34:56.123456789Z'],
  ['fraction of a minute', '1999-12-31T12:34.5Z'],
  ['fraction of an hour', '1999-12-31T12.5Z'],
  ['hour without minutes', '1999-12-31T12Z'],
  ['decimal point with no digits', '1999-12-31T12:34:56.Z'],
  ['month 00', '1999-00-10T12:34Z'],
  ['month 13', '1999-13-10T12:34Z'],
  ['day 00', '1999-12-00T12:34Z'],
  ['day 32', '1999-12-32T12:34Z'],
  ['31 April', '1999-04-31T12:34Z'],
  ['30 February', '2000-02-30T12:34Z'],
  ['29 February of a common year', '2023-02-29T12:34Z'],
  ['29 February of a century year that is not a leap year', '1900-02-29T12:34Z'],
  ['hour 24', '1999-12-31T24:00Z'],
  ['minute 60', '1999-12-31T12:60Z'],
  ['second 60', '1999-12-31T12:34:60Z'],
  ['lowercase t', '1999-12-31t12:34Z'],
  ['lowercase z', '1999-12-31T12:34z'],
  ['two-digit year', '99-12-31T12:34Z'],
  ['five-digit year', '19999-12-31T12:34Z'],
  ['one-digit month', '1999-1-31T12:34Z'],
  ['leading space', ' 1999-12-31T12:34Z'],
  ['trailing newline', '1999-12-31T12:34Z\n'],
  ['empty string', ''],
];

describe('Schema: PlexDateTime', () => {
  it('lists the nine precision levels as its examples', () => {
    const schema = (bundle.components as { schemas: Record<string, { examples: string[] }> }).schemas.PlexDateTime;

    expect(schema?.examples).toEqual(PRECISION_LEVELS);
  });

  it.each(VALID)('accepts %s', (value) => {
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(INVALID)('rejects %s: %j', (_reason, value) => {
    expect(validate(value)).toBe(false);
  });

  it('rejects non-string values', () => {
    expect(validate(946643696000)).toBe(false);
  });
});
