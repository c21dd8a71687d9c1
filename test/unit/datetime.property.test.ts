import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  PlexDateTime,
  PlexDateTimeError,
  comparePlexDateTime,
  formatPlexDateTime,
  isPlexDateTime,
  parsePlexDateTime,
} from '../../client/datetime.js';

const RUN_OPTIONS = { seed: 20261204, numRuns: 500 };

/** The pattern of the PlexDateTime schema in the OpenAPI description, the reference syntax. */
const PLEX_PATTERN = new RegExp(
  (
    parseYaml(
      readFileSync(new URL('../../openapi/components/schemas/PlexDateTime.yaml', import.meta.url), 'utf8'),
    ) as { pattern: string }
  ).pattern,
);

/** Canonical form: always seconds and exactly 7 fractional digits. */
const CANONICAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

const TICKS_PER_MS = 10_000n;

interface Components {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits as written, '' for none. */
  fraction: string;
  /** Whether the seconds are written. A fraction requires them. */
  withSeconds: boolean;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one. setUTCFullYear avoids the
  // mapping of years 0 to 99 to 1900 to 1999 that Date.UTC applies.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

const componentsArbitrary: fc.Arbitrary<Components> = fc
  .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) =>
    fc.record({
      year: fc.constant(year),
      month: fc.constant(month),
      day: fc.integer({ min: 1, max: daysInMonth(year, month) }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,7}$/)),
      withSeconds: fc.boolean(),
    }),
  )
  .map((components) => (components.fraction === '' ? components : { ...components, withSeconds: true }));

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Writes the components in the shortest form they allow, with `zone` at the end. */
function writeDateTime(components: Components, zone = 'Z'): string {
  const { year, month, day, hour, minute, second, fraction, withSeconds } = components;
  let text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}`;
  if (withSeconds) {
    text += `:${pad(second, 2)}`;
  }
  if (fraction !== '') {
    text += `.${fraction}`;
  }
  return text + zone;
}

/** Writes the canonical form that formatting the components must produce. */
function writeCanonical(components: Components): string {
  const { year, month, day, hour, minute, fraction, withSeconds } = components;
  const second = withSeconds ? components.second : 0;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const time = `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${fraction.padEnd(7, '0')}`;
  return `${date}T${time}Z`;
}

/** Counts the ticks (100 ns) since the epoch with BigInt, independently of the module. */
function exactTicks(components: Components, offsetMinutes = 0): bigint {
  const { year, month, day, hour, minute, fraction, withSeconds } = components;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, withSeconds ? components.second : 0, 0);
  const offsetTicks = BigInt(offsetMinutes) * 60n * 1000n * TICKS_PER_MS;
  return BigInt(date.getTime()) * TICKS_PER_MS + BigInt(fraction.padEnd(7, '0')) - offsetTicks;
}

/** Formats an exact tick count with Date for the milliseconds and BigInt for the rest. */
function formatTicksWithDate(ticks: bigint): string {
  let epochMs = ticks / TICKS_PER_MS;
  let subMs = ticks % TICKS_PER_MS;
  if (subMs < 0n) {
    epochMs -= 1n;
    subMs += TICKS_PER_MS;
  }
  return `${new Date(Number(epochMs)).toISOString().slice(0, 23)}${pad(Number(subMs), 4)}Z`;
}

/** Returns -1, 0 or 1 like a sort comparator. */
function compareBigInts(left: bigint, right: bigint): -1 | 0 | 1 {
  if (left < right) {
    return -1;
  }
  return left > right ? 1 : 0;
}

function valueTicks(value: PlexDateTime): bigint {
  return BigInt(value.epochMilliseconds) * TICKS_PER_MS + BigInt(value.ticks);
}

/** Characters that make up date-times, so random strings often come close to valid ones. */
const DATE_TIME_CHARACTERS = [...'0123456789-:.TZtz+ ,', '\n', '\u0660'];

const nearDateTimeArbitrary = fc
  .array(fc.constantFrom(...DATE_TIME_CHARACTERS), { minLength: 0, maxLength: 34 })
  .map((characters) => characters.join(''));

/** A valid Plex date-time with one character replaced, inserted or deleted. */
const mutatedDateTimeArbitrary = fc
  .tuple(
    componentsArbitrary,
    fc.nat(),
    fc.constantFrom('replace', 'insert', 'delete'),
    fc.constantFrom(...DATE_TIME_CHARACTERS),
  )
  .map(([components, position, edit, character]) => {
    const text = writeDateTime(components);
    const index = position % (text.length + 1);
    if (edit === 'replace') {
      return text.slice(0, index) + character + text.slice(index + 1);
    }
    if (edit === 'insert') {
      return text.slice(0, index) + character + text.slice(index);
    }
    return text.slice(0, index) + text.slice(index + 1);
  });

const anyTextArbitrary = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  nearDateTimeArbitrary,
  mutatedDateTimeArbitrary,
  fc.stringMatching(PLEX_PATTERN),
);

const offsetArbitrary = fc.record({
  sign: fc.constantFrom(1, -1),
  hours: fc.integer({ min: 0, max: 23 }),
  minutes: fc.integer({ min: 0, max: 59 }),
  style: fc.constantFrom('colon', 'compact'),
});

describe('Function: parsePlexDateTime', () => {
  it('formats valid components canonically', () => {
    fc.assert(
      fc.property(componentsArbitrary, (components) => {
        expect(formatPlexDateTime(parsePlexDateTime(writeDateTime(components)))).toBe(writeCanonical(components));
      }),
      RUN_OPTIONS,
    );
  });

  it('re-parses the canonical form to an equal value', () => {
    fc.assert(
      fc.property(componentsArbitrary, (components) => {
        const value = parsePlexDateTime(writeDateTime(components));
        expect(parsePlexDateTime(value.toString()).equals(value)).toBe(true);
      }),
      RUN_OPTIONS,
    );
  });

  it('keeps the exact tick count', () => {
    fc.assert(
      fc.property(componentsArbitrary, (components) => {
        expect(valueTicks(parsePlexDateTime(writeDateTime(components)))).toBe(exactTicks(components));
      }),
      RUN_OPTIONS,
    );
  });

  it('accepts exactly what the OpenAPI pattern matches', () => {
    fc.assert(
      fc.property(anyTextArbitrary, (text) => {
        expect(isPlexDateTime(text)).toBe(PLEX_PATTERN.test(text));
      }),
      RUN_OPTIONS,
    );
  });

  it('returns a canonical value or throws PlexDateTimeError', () => {
    fc.assert(
      fc.property(anyTextArbitrary, (text) => {
        let outcome: string;
        try {
          const canonical = parsePlexDateTime(text).toString();
          outcome = CANONICAL_PATTERN.test(canonical) && PLEX_PATTERN.test(canonical) ? 'canonical' : canonical;
        } catch (error) {
          outcome = error instanceof PlexDateTimeError ? 'PlexDateTimeError' : String(error);
        }
        expect(['canonical', 'PlexDateTimeError']).toContain(outcome);
      }),
      RUN_OPTIONS,
    );
  });

  it('gives a specific reason for every rejection', () => {
    fc.assert(
      fc.property(anyTextArbitrary, (text) => {
        fc.pre(!PLEX_PATTERN.test(text));
        let reason = '';
        try {
          parsePlexDateTime(text);
        } catch (error) {
          reason = error instanceof PlexDateTimeError ? error.reason : String(error);
        }
        expect(reason).not.toBe('it is not in the form Plex accepts');
      }),
      RUN_OPTIONS,
    );
  });
});

describe('Function: formatPlexDateTime', () => {
  it('converts any UTC offset exactly', () => {
    fc.assert(
      fc.property(componentsArbitrary, offsetArbitrary, (components, offset) => {
        const { sign, hours, minutes, style } = offset;
        const separator = style === 'colon' ? ':' : '';
        const zone = `${sign > 0 ? '+' : '-'}${pad(hours, 2)}${separator}${pad(minutes, 2)}`;
        const ticks = exactTicks(components, sign * (hours * 60 + minutes));
        const expected = formatTicksWithDate(ticks);
        // Offsets near 0000-01-01 or 9999-12-31 can leave the supported years.
        const inRange = /^\d{4}-/.test(expected);
        let actual: string;
        try {
          actual = formatPlexDateTime(writeDateTime(components, zone));
        } catch (error) {
          actual = error instanceof PlexDateTimeError ? 'PlexDateTimeError' : String(error);
        }
        expect(actual).toBe(inRange ? expected : 'PlexDateTimeError');
      }),
      RUN_OPTIONS,
    );
  });

  it('returns a canonical string or throws PlexDateTimeError', () => {
    fc.assert(
      fc.property(anyTextArbitrary, (text) => {
        let outcome: string;
        try {
          const canonical = formatPlexDateTime(text);
          outcome = PLEX_PATTERN.test(canonical) && CANONICAL_PATTERN.test(canonical) ? 'canonical' : canonical;
        } catch (error) {
          outcome = error instanceof PlexDateTimeError ? 'PlexDateTimeError' : String(error);
        }
        expect(['canonical', 'PlexDateTimeError']).toContain(outcome);
      }),
      RUN_OPTIONS,
    );
  });
});

describe('Function: comparePlexDateTime', () => {
  it('orders values like their exact tick counts', () => {
    fc.assert(
      fc.property(componentsArbitrary, componentsArbitrary, (left, right) => {
        const expected = compareBigInts(exactTicks(left), exactTicks(right));
        expect(comparePlexDateTime(writeDateTime(left), writeDateTime(right))).toBe(expected);
      }),
      RUN_OPTIONS,
    );
  });

  it('orders values within one second like their tick counts', () => {
    // Random instants are rarely close, so this case shares everything but the fraction.
    fc.assert(
      fc.property(componentsArbitrary, fc.stringMatching(/^\d{1,7}$/), (components, otherFraction) => {
        const left = { ...components, withSeconds: true };
        const right = { ...left, fraction: otherFraction };
        const expected = compareBigInts(exactTicks(left), exactTicks(right));
        expect(comparePlexDateTime(writeDateTime(left), writeDateTime(right))).toBe(expected);
      }),
      RUN_OPTIONS,
    );
  });
});
