import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  PlexDateTime,
  PlexDateTimeError,
  comparePlexDateTime,
  formatPlexDateTime,
  isPlexDateTime,
  parsePlexDateTime,
  toPlexQueryValue,
} from '../../client/datetime.js';

/** Calls `action` and returns what it threw, or fails the test if it returned. */
function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** Calls `action` and returns the reason of the PlexDateTimeError it threw. */
function captureReason(action: () => unknown): string {
  const error = captureError(action);
  return error instanceof PlexDateTimeError ? error.reason : `not a PlexDateTimeError: ${String(error)}`;
}

/** Every precision Plex accepts, with the canonical form Plex emits for it. */
const PRECISION_EXAMPLES: [input: string, canonical: string][] = [
  ['1999-12-31T12:34Z', '1999-12-31T12:34:00.0000000Z'],
  ['1999-12-31T12:34:56Z', '1999-12-31T12:34:56.0000000Z'],
  ['1999-12-31T12:34:56.1Z', '1999-12-31T12:34:56.1000000Z'],
  ['1999-12-31T12:34:56.12Z', '1999-12-31T12:34:56.1200000Z'],
  ['1999-12-31T12:34:56.123Z', '1999-12-31T12:34:56.1230000Z'],
  ['1999-12-31T12:34:56.1234Z', '1999-12-31T12:34:56.1234000Z'],
  ['1999-12-31T12:34:56.12345Z', '1999-12-31T12:34:56.1234500Z'],
  ['1999-12-31T12:34:56.123456Z', '1999-12-31T12:34:56.1234560Z'],
  ['1999-12-31T12:34:56.1234567Z', '1999-12-31T12:34:56.1234567Z'],
];

/** Strings Plex rejects, each with a fragment of the reason the error must give. */
const INVALID_PLEX_DATE_TIMES: [input: string, reason: string][] = [
  ['1999-12-31', 'date without a time'],
  ['1999-12-31T', 'no time after T'],
  ['1999-12-31T12:34', 'no time zone: append Z'],
  ['1999-12-31T12:34:56.1234567', 'no time zone: append Z'],
  ['1999-12-31T12:34:56+02:00', 'UTC offset +02:00 but Plex accepts only Z'],
  ['1999-12-31T12:34:56+00:00', 'UTC offset +00:00 but Plex accepts only Z'],
  ['1999-12-31T12:34:56-0530', 'UTC offset -0530 but Plex accepts only Z'],
  ['1999-12-31T12:34+01', 'UTC offset +01 but Plex accepts only Z'],
  ['1999-12-31 12:34:56Z', 'space instead of T'],
  ['1999-12-31T12:34:56.12345678Z', '8 fractional digits but Plex allows at most 7'],
  ['1999-12-31T12:34:56.123456789Z', '9 fractional digits but Plex allows at most 7'],
  ['1999-12-31T12:34:56.Z', 'decimal point without digits'],
  ['1999-12-31T12:34:56,5Z', 'comma as the decimal sign'],
  ['1999-12-31T12:34.5Z', 'fraction of a minute'],
  ['1999-12-31T12.5Z', 'fraction of an hour'],
  ['1999-12-31T12Z', 'hour without minutes'],
  ['1999-12-31T1234Z', 'without colons'],
  ['19991231T123456Z', 'does not start with a date'],
  ['1999-00-01T00:00Z', 'month 00 is out of range'],
  ['1999-13-01T00:00Z', 'month 13 is out of range'],
  ['1999-12-00T00:00Z', 'day 00 is out of range'],
  ['1999-12-32T00:00Z', 'day 32 is out of range'],
  ['1999-04-31T00:00Z', '1999-04-31 does not exist because April has 30 days'],
  ['1999-06-31T00:00Z', '1999-06-31 does not exist because June has 30 days'],
  ['1999-09-31T00:00Z', '1999-09-31 does not exist because September has 30 days'],
  ['1999-11-31T00:00Z', '1999-11-31 does not exist because November has 30 days'],
  ['1999-02-30T00:00Z', '1999-02-30 does not exist because February has 28 days'],
  ['2000-02-30T00:00Z', '2000-02-30 does not exist because February has 29 days'],
  ['2023-02-29T00:00Z', '2023-02-29 does not exist because 2023 is not a leap year'],
  ['1999-12-31T24:00Z', 'hour 24 is out of range'],
  ['1999-12-31T12:60Z', 'minute 60 is out of range'],
  ['1999-12-31T23:59:60Z', 'second 60 is out of range 00 to 59 (Plex has no leap seconds)'],
  ['1999-12-31t12:34Z', 'lowercase t'],
  ['1999-12-31T12:34z', 'lowercase z'],
  ['10000-01-01T00:00Z', 'year 10000 must have exactly 4 digits'],
  ['999-01-01T00:00Z', 'year 999 must have exactly 4 digits'],
  ['+1999-12-31T12:34Z', 'year +1999 must have exactly 4 digits'],
  ['-0001-01-01T00:00Z', 'year -0001 must have exactly 4 digits'],
  ['1999-1-31T12:34Z', 'month 1 must have 2 digits'],
  ['1999-12-1T12:34Z', 'day 1 must have 2 digits'],
  ['1999-12-31T1:34Z', 'hour 1 must have 2 digits'],
  ['1999-12-31T12:3Z', 'minute 3 must have 2 digits'],
  ['1999-12-31T12:34:5Z', 'second 5 must have 2 digits'],
  ['1999-12-31T12:34ZZ', 'unexpected text "Z" after the zone Z'],
  ['1999-12-31T12:34 Z', 'unexpected text " Z" after the time'],
  [' 1999-12-31T12:34Z', 'leading or trailing whitespace'],
  ['1999-12-31T12:34Z\n', 'leading or trailing whitespace'],
  ['', 'empty'],
  ['\u0661\u0669\u0669\u0669-12-31T12:34Z', 'does not start with a date'],
];

/** Strings shaped like Plex API responses, which must format back to the same bytes. */
const API_SHAPED_VALUES = [
  '2024-02-29T23:30:00.1234567Z',
  '1999-12-31T23:59:59.9999999Z',
  '2000-01-01T00:00:00.0000000Z',
  '2021-06-15T08:05:03.0000001Z',
  '1969-12-31T23:59:59.9999999Z',
  '1970-01-01T00:00:00.0000000Z',
  '0000-01-01T00:00:00.0000000Z',
  '9999-12-31T23:59:59.9999999Z',
];

describe('Function: parsePlexDateTime', () => {
  it.each(PRECISION_EXAMPLES)('parses %s to canonical %s', (input, canonical) => {
    expect(parsePlexDateTime(input).toString()).toBe(canonical);
  });

  it.each(INVALID_PLEX_DATE_TIMES)('rejects %j with PlexDateTimeError', (input) => {
    expect(captureError(() => parsePlexDateTime(input))).toBeInstanceOf(PlexDateTimeError);
  });

  it.each(INVALID_PLEX_DATE_TIMES)('names %j in the message', (input) => {
    expect((captureError(() => parsePlexDateTime(input)) as Error).message).toContain(JSON.stringify(input));
  });

  it.each(INVALID_PLEX_DATE_TIMES)('explains why %j is invalid', (input, reason) => {
    expect(captureReason(() => parsePlexDateTime(input))).toContain(reason);
  });

  it.each(INVALID_PLEX_DATE_TIMES)('stores %j as the error value', (input) => {
    expect((captureError(() => parsePlexDateTime(input)) as PlexDateTimeError).value).toBe(input);
  });

  it.each([
    ['2000-02-29T00:00Z', '2000-02-29T00:00:00.0000000Z'],
    ['2024-02-29T00:00Z', '2024-02-29T00:00:00.0000000Z'],
    ['1600-02-29T00:00Z', '1600-02-29T00:00:00.0000000Z'],
    ['0000-02-29T00:00Z', '0000-02-29T00:00:00.0000000Z'],
    ['0004-02-29T00:00Z', '0004-02-29T00:00:00.0000000Z'],
  ])('accepts leap day %s', (input, canonical) => {
    expect(parsePlexDateTime(input).toString()).toBe(canonical);
  });

  it.each([
    ['1900-02-29T00:00Z', '1900-02-29 does not exist because 1900 is not a leap year'],
    ['2023-02-29T00:00Z', '2023-02-29 does not exist because 2023 is not a leap year'],
    ['2100-02-29T00:00Z', '2100-02-29 does not exist because 2100 is not a leap year'],
    ['0100-02-29T00:00Z', '0100-02-29 does not exist because 0100 is not a leap year'],
  ])('rejects leap day %s of a common year', (input, reason) => {
    expect(captureReason(() => parsePlexDateTime(input))).toBe(reason);
  });

  it.each([
    [null, 'expected a string but got null'],
    [undefined, 'expected a string but got undefined'],
    [42, 'expected a string but got number'],
    [{}, 'expected a string but got object'],
    [['1999-12-31T12:34Z'], 'expected a string but got an array'],
    [new Date(0), 'expected a string but got a Date'],
  ])('rejects non-string %j', (input, reason) => {
    expect(captureReason(() => parsePlexDateTime(input as string))).toContain(reason);
  });

  it('rejects a Date with a conversion hint', () => {
    const reason = captureReason(() => parsePlexDateTime(new Date(0) as unknown as string));
    expect(reason).toContain('PlexDateTime.from()');
  });

  it('reports the date-only fix with the date', () => {
    expect(captureReason(() => parsePlexDateTime('2024-05-06'))).toContain('for example 2024-05-06T00:00Z');
  });
});

describe('Function: isPlexDateTime', () => {
  it.each(PRECISION_EXAMPLES)('accepts %s', (input) => {
    expect(isPlexDateTime(input)).toBe(true);
  });

  it.each(INVALID_PLEX_DATE_TIMES)('rejects %j', (input) => {
    expect(isPlexDateTime(input)).toBe(false);
  });

  it.each([null, undefined, 0, new Date(0), {}])('returns false for non-string %j', (input) => {
    expect(isPlexDateTime(input)).toBe(false);
  });
});

describe('Function: formatPlexDateTime', () => {
  it.each(PRECISION_EXAMPLES)('formats %s as %s', (input, canonical) => {
    expect(formatPlexDateTime(input)).toBe(canonical);
  });

  it.each(API_SHAPED_VALUES)('keeps %s byte-for-byte', (input) => {
    expect(formatPlexDateTime(parsePlexDateTime(input))).toBe(input);
  });

  it.each([
    ['2024-03-01T01:30:00.1234567+02:00', '2024-02-29T23:30:00.1234567Z'],
    ['2023-03-01T01:30:00.1234567+02:00', '2023-02-28T23:30:00.1234567Z'],
    ['2025-01-01T00:30:00.0000001+01:00', '2024-12-31T23:30:00.0000001Z'],
    ['2024-12-31T20:00:00.9999999-05:00', '2025-01-01T01:00:00.9999999Z'],
    ['2024-02-28T22:00-0530', '2024-02-29T03:30:00.0000000Z'],
    ['2024-01-01T05:45+0545', '2024-01-01T00:00:00.0000000Z'],
    ['2024-01-01T00:00+05', '2023-12-31T19:00:00.0000000Z'],
    ['1999-12-31T12:34:56.1234567+00:00', '1999-12-31T12:34:56.1234567Z'],
    ['1999-12-31T12:34:56.1234567-00:00', '1999-12-31T12:34:56.1234567Z'],
    ['1999-12-31T12:34:56.1234567+23:59', '1999-12-30T12:35:56.1234567Z'],
    ['1970-01-01T00:00:00.0000001+00:01', '1969-12-31T23:59:00.0000001Z'],
    ['2024-01-01t00:00z', '2024-01-01T00:00:00.0000000Z'],
    ['0000-01-01T01:00+01:00', '0000-01-01T00:00:00.0000000Z'],
    ['9999-12-31T22:59:59.9999999-01:00', '9999-12-31T23:59:59.9999999Z'],
  ])('converts %s to %s', (input, canonical) => {
    expect(formatPlexDateTime(input)).toBe(canonical);
  });

  it.each([
    ['2024-01-01T10:00', 'no time zone, so the instant is ambiguous'],
    ['2024-01-01T10:00:00.123', 'no time zone, so the instant is ambiguous'],
    ['2024-01-01', 'date without a time'],
    ['2024-01-01T10:00:00.12345678+02:00', '8 fractional digits'],
    ['2024-01-01T10:00:00.99999999Z', '8 fractional digits'],
    ['2024-01-01T10:00+24:00', 'UTC offset +24:00 is out of range'],
    ['2024-01-01T10:00+02:60', 'UTC offset +02:60 is out of range'],
    ['2024-01-01T10:00+2:00', 'invalid UTC offset +2:00'],
    ['2024-01-01T10:00+02:0', 'invalid UTC offset +02:0'],
    ['2024-01-01T10:00+02:00Z', 'invalid UTC offset +02:00Z'],
    ['2024-01-01T23:59:60+01:00', 'second 60 is out of range'],
    ['2024-01-01 10:00+01:00', 'space instead of T'],
    ['0000-01-01T00:00+00:01', 'outside the years 0000 to 9999'],
    ['9999-12-31T23:59:59.9999999-00:01', 'outside the years 0000 to 9999'],
  ])('rejects %s', (input, reason) => {
    expect(captureReason(() => formatPlexDateTime(input))).toContain(reason);
  });

  it.each([
    [new Date(Date.UTC(2024, 1, 29, 23, 30, 0, 123)), '2024-02-29T23:30:00.1230000Z'],
    [new Date(-1), '1969-12-31T23:59:59.9990000Z'],
    [new Date(Date.UTC(1999, 11, 31, 12, 34, 56)), '1999-12-31T12:34:56.0000000Z'],
    [new Date('0000-01-01T00:00:00.000Z'), '0000-01-01T00:00:00.0000000Z'],
    [new Date('9999-12-31T23:59:59.999Z'), '9999-12-31T23:59:59.9990000Z'],
  ])('formats Date %j', (input, canonical) => {
    expect(formatPlexDateTime(input)).toBe(canonical);
  });

  it('rejects an invalid Date', () => {
    expect(captureReason(() => formatPlexDateTime(new Date(Number.NaN)))).toContain('the Date is invalid');
  });

  it.each([new Date('+010000-01-01T00:00:00.000Z'), new Date('-000001-12-31T23:59:59.999Z')])(
    'rejects Date %j outside years 0000 to 9999',
    (input) => {
      expect(captureReason(() => formatPlexDateTime(input))).toContain('outside the years 0000 to 9999');
    },
  );

  it('names an out-of-range Date in UTC', () => {
    const error = captureError(() => formatPlexDateTime(new Date('+010000-01-01T00:00:00.000Z')));
    expect((error as PlexDateTimeError).value).toBe('+010000-01-01T00:00:00.000Z');
  });

  it.each([42, null, undefined, {}])('rejects unsupported input %j', (input) => {
    expect(captureReason(() => formatPlexDateTime(input as string))).toContain(
      'expected a PlexDateTime, a Date or a string',
    );
  });
});

describe('Class: PlexDateTime', () => {
  it('splits the instant into milliseconds', () => {
    const value = PlexDateTime.parse('1999-12-31T12:34:56.1234567Z');
    expect(value.epochMilliseconds).toBe(Date.UTC(1999, 11, 31, 12, 34, 56, 123));
  });

  it('splits the instant into ticks', () => {
    expect(PlexDateTime.parse('1999-12-31T12:34:56.1234567Z').ticks).toBe(4567);
  });

  it('rounds milliseconds down before 1970', () => {
    expect(PlexDateTime.parse('1969-12-31T23:59:59.9999999Z').epochMilliseconds).toBe(-1);
  });

  it('keeps ticks positive before 1970', () => {
    expect(PlexDateTime.parse('1969-12-31T23:59:59.9999999Z').ticks).toBe(9999);
  });

  it('drops ticks in toDate', () => {
    expect(PlexDateTime.parse('1999-12-31T12:34:56.1234567Z').toDate().toISOString()).toBe(
      '1999-12-31T12:34:56.123Z',
    );
  });

  it('writes the canonical form in JSON', () => {
    expect(JSON.stringify({ modifiedDateBegin: PlexDateTime.parse('2024-02-29T23:30Z') })).toBe(
      '{"modifiedDateBegin":"2024-02-29T23:30:00.0000000Z"}',
    );
  });

  it('returns the canonical form from template literals', () => {
    expect(`${PlexDateTime.parse('2024-02-29T23:30Z')}`).toBe('2024-02-29T23:30:00.0000000Z');
  });

  it('returns the same instance from from()', () => {
    const value = PlexDateTime.parse('2024-02-29T23:30Z');
    expect(PlexDateTime.from(value)).toBe(value);
  });

  it('rejects writes to epochMilliseconds', () => {
    const value = PlexDateTime.parse('2024-02-29T23:30Z');
    expect(() => {
      (value as unknown as { epochMilliseconds: number }).epochMilliseconds = 0;
    }).toThrow(TypeError);
  });

  it('rejects writes to ticks', () => {
    const value = PlexDateTime.parse('2024-02-29T23:30Z');
    expect(() => {
      (value as unknown as { ticks: number }).ticks = 0;
    }).toThrow(TypeError);
  });

  it.each([
    ['2024-02-29T23:30Z', '2024-02-29T23:30:00.0000000Z', true],
    ['2024-02-29T23:30:00.0000001Z', '2024-02-29T23:30:00Z', false],
    ['2024-02-29T23:30:00.123Z', '2024-02-29T23:30:00.1230001Z', false],
  ])('equals(%s, %s) is %s', (left, right, expected) => {
    expect(PlexDateTime.parse(left).equals(PlexDateTime.parse(right))).toBe(expected);
  });

  it('creates a value from epoch milliseconds and ticks', () => {
    expect(PlexDateTime.fromEpochMilliseconds(-1, 9999).toString()).toBe('1969-12-31T23:59:59.9999999Z');
  });

  it.each([
    [0.5, 0, 'epoch milliseconds must be an integer'],
    [Number.NaN, 0, 'epoch milliseconds must be an integer'],
    [Date.UTC(10000, 0, 1), 0, 'epoch milliseconds must be an integer'],
    [-62167219200001, 0, 'epoch milliseconds must be an integer'],
    [0, 10000, 'ticks must be an integer from 0 to 9999'],
    [0, -1, 'ticks must be an integer from 0 to 9999'],
    [0, 1.5, 'ticks must be an integer from 0 to 9999'],
  ])('rejects fromEpochMilliseconds(%j, %j)', (epochMilliseconds, ticks, reason) => {
    expect(captureReason(() => PlexDateTime.fromEpochMilliseconds(epochMilliseconds, ticks))).toContain(reason);
  });

  it('accepts the earliest instant', () => {
    expect(PlexDateTime.fromEpochMilliseconds(-62167219200000).toString()).toBe('0000-01-01T00:00:00.0000000Z');
  });

  it('matches Date on every day of 0000 to 9999', { timeout: 60_000 }, () => {
    // One instant per day, with a time that exercises every field. Each day is formatted
    // and parsed, and Date.toISOString is the reference for both.
    const first = Date.parse('0000-01-01T12:34:56.789Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    const mismatches: string[] = [];
    for (let epochMs = first; epochMs <= last && mismatches.length < 5; epochMs += 86_400_000) {
      const iso = new Date(epochMs).toISOString();
      const formatted = PlexDateTime.fromEpochMilliseconds(epochMs).toString();
      if (formatted !== `${iso.slice(0, 23)}0000Z`) {
        mismatches.push(`${iso} formatted as ${formatted}`);
      }
      const parsed = PlexDateTime.parse(iso).epochMilliseconds;
      if (parsed !== epochMs) {
        mismatches.push(`${iso} parsed as ${parsed}, expected ${epochMs}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('Function: comparePlexDateTime', () => {
  it('orders values one tick apart', () => {
    expect(comparePlexDateTime('1999-12-31T12:34:56.1234567Z', '1999-12-31T12:34:56.1234566Z')).toBe(1);
  });

  it('orders values one tick apart in reverse', () => {
    expect(comparePlexDateTime('1999-12-31T12:34:56.1234566Z', '1999-12-31T12:34:56.1234567Z')).toBe(-1);
  });

  it('sees two values that Date considers equal', () => {
    expect(Date.parse('1999-12-31T12:34:56.1230000Z')).toBe(Date.parse('1999-12-31T12:34:56.1239999Z'));
  });

  it('orders values that Date considers equal', () => {
    expect(comparePlexDateTime('1999-12-31T12:34:56.1230000Z', '1999-12-31T12:34:56.1239999Z')).toBe(-1);
  });

  it('orders sub-millisecond values before 1970', () => {
    expect(comparePlexDateTime('1969-12-31T23:59:59.9999998Z', '1969-12-31T23:59:59.9999999Z')).toBe(-1);
  });

  it('treats equal instants in different forms as equal', () => {
    expect(comparePlexDateTime('1999-12-31T12:34Z', '1999-12-31T14:34:00.0000000+02:00')).toBe(0);
  });

  it('compares a Date with a string', () => {
    const date = new Date(Date.UTC(1999, 11, 31, 12, 34, 56, 123));
    expect(comparePlexDateTime(date, '1999-12-31T12:34:56.1230001Z')).toBe(-1);
  });

  it('sorts mixed inputs by instant', () => {
    const values = [
      '1999-12-31T12:34:56.1234567Z',
      '1999-12-31T12:34:56Z',
      '1999-12-31T14:34:56.1234566+02:00',
      '1999-12-31T12:34Z',
      '1999-12-31T12:34:56.123Z',
    ];
    expect(values.sort(comparePlexDateTime)).toEqual([
      '1999-12-31T12:34Z',
      '1999-12-31T12:34:56Z',
      '1999-12-31T12:34:56.123Z',
      '1999-12-31T14:34:56.1234566+02:00',
      '1999-12-31T12:34:56.1234567Z',
    ]);
  });
});

describe('Function: toPlexQueryValue', () => {
  it('formats a PlexDateTime', () => {
    expect(toPlexQueryValue(PlexDateTime.parse('2024-02-29T23:30Z'))).toBe('2024-02-29T23:30:00.0000000Z');
  });

  it('formats a Date', () => {
    expect(toPlexQueryValue(new Date(Date.UTC(2024, 1, 29, 23, 30)))).toBe('2024-02-29T23:30:00.0000000Z');
  });

  it.each(['2024-02-29T23:30Z', 42, true, null, undefined, { at: 1 }])('returns undefined for %j', (input) => {
    expect(toPlexQueryValue(input)).toBeUndefined();
  });

  it('rejects an invalid Date', () => {
    expect(captureError(() => toPlexQueryValue(new Date(Number.NaN)))).toBeInstanceOf(PlexDateTimeError);
  });
});

describe('Class: PlexDateTimeError', () => {
  it('has the name PlexDateTimeError', () => {
    expect(new PlexDateTimeError('x', 'reason').name).toBe('PlexDateTimeError');
  });

  it('extends Error', () => {
    expect(new PlexDateTimeError('x', 'reason')).toBeInstanceOf(Error);
  });

  it('cuts a long value to 100 characters', () => {
    expect(new PlexDateTimeError('9'.repeat(500), 'reason').value).toBe(`${'9'.repeat(100)}…`);
  });

  it('cuts a long value in the message', () => {
    expect(new PlexDateTimeError('9'.repeat(500), 'reason').message).not.toContain('9'.repeat(101));
  });

  it('converts a non-string value with String()', () => {
    expect(new PlexDateTimeError(42, 'reason').value).toBe('42');
  });

  it('converts a value without toString()', () => {
    expect(new PlexDateTimeError(Object.create(null), 'reason').value).toBe('[object Object]');
  });

  it('puts the reason in the message', () => {
    expect(new PlexDateTimeError('x', 'the reason').message).toContain(': the reason.');
  });
});

/** Time zone of a child run started below, or undefined in the parent run. */
const CHILD_TIME_ZONE = process.env['PLEX_TZ_CHILD'];
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITEST_ENTRY = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

/** Runs the date-time test files in a child vitest process with the given TZ. */
function runTestsInTimeZone(timeZone: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST_ENTRY, 'run', '--reporter=default', 'test/unit/datetime'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TZ: timeZone, PLEX_TZ_CHILD: timeZone },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

// The parent run starts one child per zone. PLEX_TZ_CHILD skips this block in the child,
// so it starts no further children, and runs the check below that the zone applies.
describe.skipIf(CHILD_TIME_ZONE !== undefined)('Time zone independence', () => {
  it.concurrent.each(['America/Los_Angeles', 'Asia/Kathmandu'])(
    'passes all tests under TZ=%s',
    async (timeZone) => {
      const { code, output } = await runTestsInTimeZone(timeZone);
      expect(code, output).toBe(0);
    },
    300_000,
  );
});

describe.runIf(CHILD_TIME_ZONE !== undefined)('Time zone of the child run', () => {
  it('is not UTC', () => {
    expect(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()).not.toBe(0);
  });
});
