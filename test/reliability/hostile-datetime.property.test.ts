import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PlexDateTime,
  PlexDateTimeError,
  formatPlexDateTime,
  isPlexDateTime,
  parsePlexDateTime,
} from '../../client/index.js';

const RUNS = { seed: 1_733_325_600, numRuns: 500 };

/** The form every value formats to: seconds and exactly 7 fractional digits, in UTC. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

/** Valid and nearly valid date-times, edge values among them. */
const SEEDS = [
  '2024-01-31T13:45:00.1234567Z',
  '2024-02-29T23:59:59Z',
  '2023-02-29T00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.9999999Z',
  '2024-12-31T23:59:60Z',
  '2024-06-01T12:00:00+24:00',
  '2024-06-01T12:00:00-00:00',
  '2024-06-01T12:00:00.12345678Z',
  '2024-06-01 12:00:00Z',
  '2024-06-01T12:00:00',
  '٢٠٢٤-06-01T12:00:00Z',
  '２０２４-06-01T12:00:00Z',
];

const CHARACTERS = [...'0123456789-:.TZtz+ ,', '\n', '\u0000', '\u0660', '\uff10', '\ud800'];

/** A seed with a few characters replaced, inserted or deleted. */
const edit = fc.tuple(fc.nat(), fc.constantFrom(...CHARACTERS), fc.constantFrom('replace', 'insert', 'delete'));
const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(edit, { maxLength: 3 }))
  .map(([seed, edits]) =>
    edits.reduce((text, [at, character, edit]) => {
      const index = at % (text.length + 1);
      if (edit === 'insert') return text.slice(0, index) + character + text.slice(index);
      if (edit === 'delete') return text.slice(0, index) + text.slice(index + 1);
      return text.slice(0, index) + character + text.slice(index + 1);
    }, seed),
  );

const hostileText = fc.oneof(
  mutated,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 34 }).map((characters) => characters.join('')),
  fc.constantFrom('', ' ', '9'.repeat(10_000), `${SEEDS[0]}${'0'.repeat(5_000)}`),
);

/** Checks the one allowed failure: a `PlexDateTimeError` whose `value` is cut to 100 characters and "…". */
function expectDateTimeError(error: unknown): void {
  expect(error).toBeInstanceOf(PlexDateTimeError);
  expect((error as PlexDateTimeError).value.length).toBeLessThanOrEqual(101);
}

/** Checks that a value formats canonically and that the canonical text parses back to it. */
function expectCanonical(value: PlexDateTime): void {
  const text = formatPlexDateTime(value);
  expect(text).toMatch(CANONICAL);
  expect(parsePlexDateTime(text).equals(value)).toBe(true);
  expect(value.toString()).toBe(text);
  expect(JSON.stringify({ at: value })).toBe(`{"at":"${text}"}`);
}

describe('Property: hostile date-times', () => {
  it('parses canonically or throws PlexDateTimeError', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        let value: PlexDateTime;
        try {
          value = parsePlexDateTime(text);
        } catch (error) {
          expectDateTimeError(error);
          expect(isPlexDateTime(text)).toBe(false);
          return;
        }
        expect(isPlexDateTime(text)).toBe(true);
        expectCanonical(value);
      }),
      RUNS,
    );
  });

  it('converts offsets exactly or throws', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        let value: PlexDateTime;
        try {
          value = PlexDateTime.from(text);
        } catch (error) {
          expectDateTimeError(error);
          return;
        }
        expectCanonical(value);
        // A string that Plex accepts as it is keeps its instant through the conversion.
        if (isPlexDateTime(text)) expect(value.equals(parsePlexDateTime(text))).toBe(true);
      }),
      RUNS,
    );
  });

  it('rejects values that are not strings', () => {
    const throwing = { toString: () => { throw new Error('toString called'); } };
    const values = fc.oneof(
      fc.anything({
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withTypedArray: true,
      }),
      fc.constantFrom<unknown>(
        throwing,
        Symbol('date'),
        Object.create(null),
        new Date(Number.NaN),
        { [Symbol.toPrimitive]: () => SEEDS[0] },
      ),
    );

    fc.assert(
      fc.property(values, (value) => {
        if (typeof value === 'string') return;

        expect(() => parsePlexDateTime(value as string)).toThrow(PlexDateTimeError);
        try {
          expectCanonical(PlexDateTime.from(value as string));
          // Only a valid Date converts, to its millisecond.
          expect(value).toBeInstanceOf(Date);
        } catch (error) {
          if (!(error instanceof PlexDateTimeError)) throw error;
        }
      }),
      RUNS,
    );
  });

  // The reason quotes the part of the input it rejects (a year, a zone, the text after Z),
  // so it is cut like `value` to keep the message short.
  it.each([
    ['text after Z', `2024-01-31T13:45:00Z${'x'.repeat(16_000)}`],
    ['a long year', `${'9'.repeat(16_000)}-01-31T13:45:00Z`],
    ['a long offset', `2024-01-31T13:45:00+${'9'.repeat(16_000)}`],
  ])('keeps the message short for %s', (_case, text) => {
    const error = (() => {
      try {
        PlexDateTime.from(text);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();

    expectDateTimeError(error);
    expect((error as PlexDateTimeError).message.length).toBeLessThan(1_000);
  });
});
