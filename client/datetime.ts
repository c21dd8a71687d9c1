/**
 * Date-times in the form Plex Connect reads and writes.
 *
 * Plex accepts only `YYYY-MM-DDThh:mm`, then optional `:ss`, then an optional fraction of
 * the second with 1 to 7 digits, then a mandatory `Z`. It emits the long form
 * `YYYY-MM-DDThh:mm:ss.fffffffZ`, whose last digit is 100 ns (one tick).
 *
 * JavaScript `Date` stores whole milliseconds, so `new Date(text).toISOString()` drops the
 * last four fractional digits. A value sent back to Plex that way (for example the upper
 * bound of an incremental sync) no longer matches the record it came from. `PlexDateTime`
 * keeps the full precision, so a string that Plex sent formats back to the same bytes.
 *
 * All arithmetic is integer arithmetic on UTC fields. Nothing here reads the local time
 * zone, so results do not depend on the `TZ` environment variable.
 */
import { PlexDateTimeError } from './errors/PlexDateTimeError.js';

export { PlexDateTimeError };

/** Input accepted wherever a date-time is converted: a value, a `Date` or an ISO 8601 string. */
export type PlexDateTimeInput = PlexDateTime | Date | string;

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const TICKS_PER_MS = 10_000;

/** Days in 400 Gregorian years, the period after which the calendar repeats. */
const DAYS_PER_400_YEARS = 146_097;

/** Days from 0000-01-01 (proleptic Gregorian) to 1970-01-01. */
const DAYS_FROM_YEAR_0_TO_EPOCH = 719_528;

/** Epoch milliseconds of 0000-01-01T00:00:00Z, the earliest Plex date-time. */
const MIN_EPOCH_MS = -DAYS_FROM_YEAR_0_TO_EPOCH * MS_PER_DAY;

/** Epoch milliseconds of the last millisecond of 9999-12-31, the latest Plex date-time. */
const MAX_EPOCH_MS = (daysBeforeYear(10_000) - DAYS_FROM_YEAR_0_TO_EPOCH) * MS_PER_DAY - 1;

/** Days before the first of each month in a common year, indexed by month 1 to 12. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const MONTH_NAMES = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Scale factors that turn a fraction of n digits into ticks, indexed by 7 - n. */
const TICK_SCALE = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** Two-digit strings "00" to "99", so formatting needs no padding calls. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

const CHAR_PLUS = 0x2b;
const CHAR_MINUS = 0x2d;
const CHAR_DOT = 0x2e;
const CHAR_ZERO = 0x30;
const CHAR_COLON = 0x3a;
const CHAR_UPPER_T = 0x54;
const CHAR_UPPER_Z = 0x5a;
const CHAR_LOWER_T = 0x74;
const CHAR_LOWER_Z = 0x7a;

/**
 * Immutable UTC instant with 100 ns precision, within 0000-01-01 and 9999-12-31.
 *
 * The value is stored as whole epoch milliseconds (rounded down, so negative before 1970)
 * plus the ticks within that millisecond. Both parts are exact JavaScript numbers, so
 * parsing, formatting and comparing need no `BigInt`.
 */
export class PlexDateTime {
  readonly #epochMilliseconds: number;
  readonly #ticks: number;

  private constructor(epochMilliseconds: number, ticks: number) {
    this.#epochMilliseconds = epochMilliseconds;
    this.#ticks = ticks;
  }

  /**
   * Parses a string in the exact form Plex accepts.
   *
   * @throws PlexDateTimeError if `text` is not a string or not a Plex date-time. The
   *   message names the problem, for example a missing `Z` or a day that does not exist.
   */
  static parse(text: string): PlexDateTime {
    if (typeof text !== 'string') {
      throw new PlexDateTimeError(text, describeNonString(text, 'a string'));
    }
    if (!scanDateTime(text, false)) {
      throw new PlexDateTimeError(text, explainRejection(text, false));
    }
    return new PlexDateTime(scannedEpochMs, scannedTicks);
  }

  /**
   * Converts a `PlexDateTime`, a `Date` or a date-time string to a `PlexDateTime`.
   *
   * A string may be a Plex date-time or an ISO 8601 / RFC 3339 date-time with any UTC
   * offset (`Z`, `+02:00`, `-0530`, `+05`). The offset is applied exactly, and fractions
   * of up to 7 digits are kept, never rounded. A string without a zone is rejected because
   * its instant is ambiguous.
   *
   * @throws PlexDateTimeError for an invalid `Date`, an unsupported or ambiguous string,
   *   or an instant outside the years 0000 to 9999.
   */
  static from(value: PlexDateTimeInput): PlexDateTime {
    if (value instanceof PlexDateTime) {
      return value;
    }
    if (typeof value === 'string') {
      if (!scanDateTime(value, true)) {
        throw new PlexDateTimeError(value, explainRejection(value, true));
      }
      return new PlexDateTime(scannedEpochMs, scannedTicks);
    }
    if (value instanceof Date) {
      return PlexDateTime.#fromDate(value);
    }
    throw new PlexDateTimeError(value, describeNonString(value, 'a PlexDateTime, a Date or a string'));
  }

  /**
   * Creates a value from whole epoch milliseconds and the ticks (100 ns) within that millisecond.
   *
   * @throws PlexDateTimeError if `epochMilliseconds` is not an integer in the years 0000 to
   *   9999 or `ticks` is not an integer from 0 to 9999.
   */
  static fromEpochMilliseconds(epochMilliseconds: number, ticks = 0): PlexDateTime {
    const inRange = epochMilliseconds >= MIN_EPOCH_MS && epochMilliseconds <= MAX_EPOCH_MS;
    if (!Number.isInteger(epochMilliseconds) || !inRange) {
      throw new PlexDateTimeError(
        epochMilliseconds,
        `epoch milliseconds must be an integer from ${MIN_EPOCH_MS} to ${MAX_EPOCH_MS} (years 0000 to 9999)`,
      );
    }
    if (!Number.isInteger(ticks) || ticks < 0 || ticks >= TICKS_PER_MS) {
      throw new PlexDateTimeError(
        ticks,
        'ticks must be an integer from 0 to 9999 (100 ns units within one millisecond)',
      );
    }
    return new PlexDateTime(epochMilliseconds, ticks);
  }

  static #fromDate(date: Date): PlexDateTime {
    const epochMilliseconds = date.getTime();
    if (Number.isNaN(epochMilliseconds)) {
      throw new PlexDateTimeError('Invalid Date', 'the Date is invalid (its time value is NaN)');
    }
    if (epochMilliseconds < MIN_EPOCH_MS || epochMilliseconds > MAX_EPOCH_MS) {
      // toISOString() rather than String(), which would print local time.
      throw new PlexDateTimeError(
        date.toISOString(),
        'the Date is outside the years 0000 to 9999 that Plex supports',
      );
    }
    return new PlexDateTime(epochMilliseconds, 0);
  }

  /** Whole milliseconds since 1970-01-01T00:00:00Z, rounded down (towards the past). */
  get epochMilliseconds(): number {
    return this.#epochMilliseconds;
  }

  /** Ticks of 100 ns after `epochMilliseconds`, from 0 to 9999. */
  get ticks(): number {
    return this.#ticks;
  }

  /**
   * Converts to a `Date`, dropping the ticks.
   *
   * The result is the millisecond at or before this instant. Formatting it again loses the
   * last four fractional digits, so send the `PlexDateTime` itself back to Plex.
   */
  toDate(): Date {
    return new Date(this.#epochMilliseconds);
  }

  /** Compares two values and returns -1, 0 or 1, for use with `Array.prototype.sort`. */
  compare(other: PlexDateTime): -1 | 0 | 1 {
    const msDifference = this.#epochMilliseconds - other.#epochMilliseconds;
    if (msDifference !== 0) {
      return msDifference < 0 ? -1 : 1;
    }
    const tickDifference = this.#ticks - other.#ticks;
    if (tickDifference === 0) {
      return 0;
    }
    return tickDifference < 0 ? -1 : 1;
  }

  /** Returns whether both values are the same instant, to the tick. */
  equals(other: PlexDateTime): boolean {
    return this.#epochMilliseconds === other.#epochMilliseconds && this.#ticks === other.#ticks;
  }

  /** Formats as `YYYY-MM-DDThh:mm:ss.fffffffZ`, the form Plex emits. */
  toString(): string {
    return formatCanonical(this.#epochMilliseconds, this.#ticks);
  }

  /** Formats as `YYYY-MM-DDThh:mm:ss.fffffffZ`, so `JSON.stringify` writes the Plex form. */
  toJSON(): string {
    return formatCanonical(this.#epochMilliseconds, this.#ticks);
  }
}

/**
 * Parses a string in the exact form Plex accepts.
 *
 * @throws PlexDateTimeError if `text` is not a string or not a Plex date-time.
 */
export function parsePlexDateTime(text: string): PlexDateTime {
  return PlexDateTime.parse(text);
}

/** Returns whether `text` is a string in the exact form Plex accepts. Never throws. */
export function isPlexDateTime(text: unknown): boolean {
  return typeof text === 'string' && scanDateTime(text, false);
}

/**
 * Formats a value as `YYYY-MM-DDThh:mm:ss.fffffffZ` in UTC.
 *
 * Strings may carry any UTC offset and are converted exactly (see `PlexDateTime.from`).
 *
 * @throws PlexDateTimeError for an invalid `Date`, an unsupported or ambiguous string, or an
 *   instant outside the years 0000 to 9999.
 */
export function formatPlexDateTime(value: PlexDateTimeInput): string {
  return PlexDateTime.from(value).toString();
}

/**
 * Compares two date-times to the tick and returns -1, 0 or 1, for use with `Array.prototype.sort`.
 *
 * @throws PlexDateTimeError if either input cannot be converted (see `PlexDateTime.from`).
 */
export function comparePlexDateTime(a: PlexDateTimeInput, b: PlexDateTimeInput): -1 | 0 | 1 {
  return PlexDateTime.from(a).compare(PlexDateTime.from(b));
}

/**
 * Converts a query parameter to its Plex string if it is a date-time.
 *
 * Returns the canonical string for a `PlexDateTime` or a `Date`, and `undefined` for any
 * other value, which the caller serializes on its own. Strings are returned as `undefined`
 * too, so they are sent exactly as given.
 *
 * @throws PlexDateTimeError for an invalid `Date` or one outside the years 0000 to 9999.
 */
export function toPlexQueryValue(value: unknown): string | undefined {
  if (value instanceof PlexDateTime || value instanceof Date) {
    return PlexDateTime.from(value).toString();
  }
  return undefined;
}

// Results of the last successful scanDateTime call. Module state avoids allocating a
// result object on every parse, and is safe because the scan is synchronous.
let scannedEpochMs = 0;
let scannedTicks = 0;

/**
 * Scans a date-time string and stores its instant in `scannedEpochMs` and `scannedTicks`.
 *
 * With `acceptOffset` false, this accepts exactly the strings that the OpenAPI pattern of
 * PlexDateTime matches. With `acceptOffset` true, it also accepts a lowercase `t` or `z`
 * (allowed by RFC 3339) and a UTC offset `+hh:mm`, `+hhmm` or `+hh` in place of `Z`.
 * Returns false on any mismatch. `explainRejection` then finds the reason.
 */
function scanDateTime(text: string, acceptOffset: boolean): boolean {
  const length = text.length;
  // The shortest form is YYYY-MM-DDThh:mmZ.
  if (length < 17) {
    return false;
  }

  const century = readTwoDigits(text, 0);
  const yearOfCentury = readTwoDigits(text, 2);
  if (century < 0 || yearOfCentury < 0) {
    return false;
  }
  const year = century * 100 + yearOfCentury;
  if (text.charCodeAt(4) !== CHAR_MINUS || text.charCodeAt(7) !== CHAR_MINUS) {
    return false;
  }
  const month = readTwoDigits(text, 5);
  if (month < 1 || month > 12) {
    return false;
  }
  const day = readTwoDigits(text, 8);
  if (day < 1 || day > daysInMonth(year, month)) {
    return false;
  }

  const separator = text.charCodeAt(10);
  if (separator !== CHAR_UPPER_T && !(acceptOffset && separator === CHAR_LOWER_T)) {
    return false;
  }
  const hour = readTwoDigits(text, 11);
  if (hour < 0 || hour > 23 || text.charCodeAt(13) !== CHAR_COLON) {
    return false;
  }
  const minute = readTwoDigits(text, 14);
  if (minute < 0 || minute > 59) {
    return false;
  }

  let second = 0;
  let fractionTicks = 0;
  let index = 16;
  if (text.charCodeAt(index) === CHAR_COLON) {
    // readTwoDigits returns -1 past the end of the text, so no length check is needed.
    second = readTwoDigits(text, index + 1);
    if (second < 0 || second > 59) {
      return false;
    }
    index += 3;
    if (text.charCodeAt(index) === CHAR_DOT) {
      index += 1;
      const fractionStart = index;
      while (index < length) {
        const digit = text.charCodeAt(index) - CHAR_ZERO;
        if (digit < 0 || digit > 9) {
          break;
        }
        fractionTicks = fractionTicks * 10 + digit;
        index += 1;
      }
      const digitCount = index - fractionStart;
      if (digitCount === 0 || digitCount > 7) {
        return false;
      }
      fractionTicks *= TICK_SCALE[7 - digitCount]!;
    }
  }

  let offsetMinutes = 0;
  const zone = text.charCodeAt(index);
  if (zone === CHAR_UPPER_Z || (acceptOffset && zone === CHAR_LOWER_Z)) {
    if (index + 1 !== length) {
      return false;
    }
  } else if (acceptOffset && (zone === CHAR_PLUS || zone === CHAR_MINUS)) {
    offsetMinutes = readOffsetMinutes(text, index);
    if (Number.isNaN(offsetMinutes)) {
      return false;
    }
  } else {
    return false;
  }

  const epochMs =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * MS_PER_MINUTE +
    second * MS_PER_SECOND +
    Math.floor(fractionTicks / TICKS_PER_MS) -
    offsetMinutes * MS_PER_MINUTE;
  // Only an offset can move a valid local date-time outside the years 0000 to 9999.
  if (epochMs < MIN_EPOCH_MS || epochMs > MAX_EPOCH_MS) {
    return false;
  }
  scannedEpochMs = epochMs;
  scannedTicks = fractionTicks % TICKS_PER_MS;
  return true;
}

/**
 * Reads a UTC offset `±hh:mm`, `±hhmm` or `±hh` that starts at `index` and ends the text.
 * Returns the signed offset in minutes, or NaN if it is malformed or out of range.
 */
function readOffsetMinutes(text: string, index: number): number {
  const hours = readTwoDigits(text, index + 1);
  const remaining = text.length - (index + 3);
  let minutes: number;
  if (remaining === 0) {
    minutes = 0;
  } else if (remaining === 2) {
    minutes = readTwoDigits(text, index + 3);
  } else if (remaining === 3 && text.charCodeAt(index + 3) === CHAR_COLON) {
    minutes = readTwoDigits(text, index + 4);
  } else {
    return Number.NaN;
  }
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    return Number.NaN;
  }
  const offset = hours * 60 + minutes;
  return text.charCodeAt(index) === CHAR_MINUS ? -offset : offset;
}

/** Reads two ASCII digits at `index` as a number, or returns -1 if either is missing or not a digit. */
function readTwoDigits(text: string, index: number): number {
  // charCodeAt past the end returns NaN, which fails both range tests.
  const tens = text.charCodeAt(index) - CHAR_ZERO;
  const ones = text.charCodeAt(index + 1) - CHAR_ZERO;
  if (tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9) {
    return tens * 10 + ones;
  }
  return -1;
}

/** Returns whether `year` is a leap year in the proleptic Gregorian calendar (so 0000 is one). */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Counts the days from 0000-01-01 to the first of January of `year`, for `year` >= 0. */
function daysBeforeYear(year: number): number {
  // Leap years before `year` are the multiples of 4, minus those of 100, plus those of 400,
  // counting year 0 in each group.
  return (
    year * 365 + Math.floor((year + 3) / 4) - Math.floor((year + 99) / 100) + Math.floor((year + 399) / 400)
  );
}

/** Counts the days from 1970-01-01 to the given date, negative before 1970. */
function daysFromCivil(year: number, month: number, day: number): number {
  const leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
  return daysBeforeYear(year) + DAYS_BEFORE_MONTH[month]! + leapDay + day - 1 - DAYS_FROM_YEAR_0_TO_EPOCH;
}

/** Formats an in-range instant as `YYYY-MM-DDThh:mm:ss.fffffffZ`. */
function formatCanonical(epochMs: number, ticks: number): string {
  const epochDays = Math.floor(epochMs / MS_PER_DAY);
  let msOfDay = epochMs - epochDays * MS_PER_DAY;
  const dayNumber = epochDays + DAYS_FROM_YEAR_0_TO_EPOCH;

  // The average Gregorian year gives an estimate that is at most one year off.
  let year = Math.floor((dayNumber * 400) / DAYS_PER_400_YEARS);
  if (daysBeforeYear(year) > dayNumber) {
    year -= 1;
  } else if (daysBeforeYear(year + 1) <= dayNumber) {
    year += 1;
  }
  const dayOfYear = dayNumber - daysBeforeYear(year);

  // No month is longer than 31 days, so this estimate is the month or the one before it.
  const leapDay = isLeapYear(year) ? 1 : 0;
  let month = Math.floor(dayOfYear / 31) + 1;
  if (month < 12 && dayOfYear >= DAYS_BEFORE_MONTH[month + 1]! + (month + 1 > 2 ? leapDay : 0)) {
    month += 1;
  }
  const day = dayOfYear - DAYS_BEFORE_MONTH[month]! - (month > 2 ? leapDay : 0) + 1;

  const hour = Math.floor(msOfDay / MS_PER_HOUR);
  msOfDay -= hour * MS_PER_HOUR;
  const minute = Math.floor(msOfDay / MS_PER_MINUTE);
  msOfDay -= minute * MS_PER_MINUTE;
  const second = Math.floor(msOfDay / MS_PER_SECOND);
  const fraction = (msOfDay - second * MS_PER_SECOND) * TICKS_PER_MS + ticks;

  return (
    TWO_DIGITS[Math.floor(year / 100)]! +
    TWO_DIGITS[year % 100]! +
    '-' +
    TWO_DIGITS[month]! +
    '-' +
    TWO_DIGITS[day]! +
    'T' +
    TWO_DIGITS[hour]! +
    ':' +
    TWO_DIGITS[minute]! +
    ':' +
    TWO_DIGITS[second]! +
    '.' +
    TWO_DIGITS[Math.floor(fraction / 100_000)]! +
    TWO_DIGITS[Math.floor(fraction / 1_000) % 100]! +
    TWO_DIGITS[Math.floor(fraction / 10) % 100]! +
    (fraction % 10) +
    'Z'
  );
}

/** Describes a non-string input, for example "expected a string but got number". */
function describeNonString(value: unknown, expected: string): string {
  if (value instanceof Date && expected === 'a string') {
    return 'expected a string but got a Date: convert it with PlexDateTime.from() or formatPlexDateTime()';
  }
  let actual: string;
  if (value === null) {
    actual = 'null';
  } else if (value instanceof Date) {
    actual = 'a Date';
  } else if (Array.isArray(value)) {
    actual = 'an array';
  } else {
    actual = typeof value;
  }
  return `expected ${expected} but got ${actual}`;
}

const LOOSE_DATE = /^([+-]?)(\d+)-(\d+)-(\d+)(.*)$/s;
const LOOSE_TIME = /^(\d+)(?::(\d+))?(?::(\d+))?(?:([.,])(\d*))?(.*)$/s;
const LOOSE_OFFSET = /^[+-](\d{2})(?::?(\d{2}))?$/;

/**
 * Finds why `scanDateTime` rejected `text` and returns the reason with its fix.
 *
 * This runs only after a failed scan, so it uses loose regular expressions that split the
 * text into fields and then checks each field in reading order.
 */
function explainRejection(text: string, acceptOffset: boolean): string {
  if (text.length === 0) {
    return 'the string is empty';
  }
  if (text.trim() !== text) {
    return 'it has leading or trailing whitespace: remove it';
  }
  const dateMatch = LOOSE_DATE.exec(text);
  if (dateMatch === null) {
    return 'it does not start with a date in the form YYYY-MM-DD';
  }
  const [, sign = '', yearText = '', monthText = '', dayText = '', rest = ''] = dateMatch;

  const dateProblem = explainDate(sign, yearText, monthText, dayText);
  if (dateProblem !== undefined) {
    return dateProblem;
  }
  const date = `${yearText}-${monthText}-${dayText}`;
  if (rest === '') {
    return `it is a date without a time: add a time and a zone, for example ${date}T00:00Z`;
  }

  const separator = rest.charAt(0);
  if (separator === ' ') {
    return 'it uses a space instead of T between the date and the time: replace the space with T';
  }
  if (separator === 't' && !acceptOffset) {
    return 'it uses a lowercase t between the date and the time: use an uppercase T';
  }
  if (separator !== 'T' && separator !== 't') {
    return `it has ${JSON.stringify(separator)} after the date where T must separate the date and the time`;
  }

  const timeMatch = LOOSE_TIME.exec(rest.slice(1));
  if (timeMatch === null) {
    return `it has no time after T: add hh:mm, for example ${date}T00:00Z`;
  }
  const [, hourText = '', minuteText, secondText, decimalSign, fractionText = '', zone = ''] = timeMatch;

  const timeProblem = explainTime(hourText, minuteText, secondText, decimalSign, fractionText);
  if (timeProblem !== undefined) {
    return timeProblem;
  }
  const zoneProblem = explainZone(zone, acceptOffset);
  if (zoneProblem !== undefined) {
    return zoneProblem;
  }
  if (acceptOffset) {
    // The syntax is valid, so the offset moved the instant out of range.
    return 'after conversion to UTC it is outside the years 0000 to 9999 that Plex supports';
  }
  return 'it is not in the form Plex accepts';
}

function explainDate(sign: string, yearText: string, monthText: string, dayText: string): string | undefined {
  if (sign !== '' || yearText.length !== 4) {
    return `year ${sign}${yearText} must have exactly 4 digits, from 0000 to 9999`;
  }
  if (monthText.length !== 2) {
    return `month ${monthText} must have 2 digits, from 01 to 12`;
  }
  if (dayText.length !== 2) {
    return `day ${dayText} must have 2 digits, from 01 to 31`;
  }
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12) {
    return `month ${monthText} is out of range 01 to 12`;
  }
  if (day < 1 || day > 31) {
    return `day ${dayText} is out of range 01 to 31`;
  }
  const monthLength = daysInMonth(year, month);
  if (day > monthLength) {
    const date = `${yearText}-${monthText}-${dayText}`;
    if (month === 2 && day === 29) {
      return `${date} does not exist because ${yearText} is not a leap year`;
    }
    return `${date} does not exist because ${MONTH_NAMES[month]} has ${monthLength} days`;
  }
  return undefined;
}

function explainTime(
  hourText: string,
  minuteText: string | undefined,
  secondText: string | undefined,
  decimalSign: string | undefined,
  fractionText: string,
): string | undefined {
  if (minuteText === undefined) {
    if (decimalSign !== undefined) {
      return 'it has a fraction of an hour, but only seconds may have a fraction: write hh:mm:ss.fffffff';
    }
    if (hourText.length > 2) {
      return 'it writes the time without colons: write hh:mm or hh:mm:ss';
    }
    return 'it has an hour without minutes: write the time as hh:mm';
  }

  if (hourText.length !== 2) {
    return `hour ${hourText} must have 2 digits, from 00 to 23`;
  }
  if (minuteText.length !== 2) {
    return `minute ${minuteText} must have 2 digits, from 00 to 59`;
  }
  if (secondText !== undefined && secondText.length !== 2) {
    return `second ${secondText} must have 2 digits, from 00 to 59`;
  }

  if (Number(hourText) > 23) {
    return `hour ${hourText} is out of range 00 to 23`;
  }
  if (Number(minuteText) > 59) {
    return `minute ${minuteText} is out of range 00 to 59`;
  }
  if (secondText !== undefined && Number(secondText) > 59) {
    return `second ${secondText} is out of range 00 to 59 (Plex has no leap seconds)`;
  }

  if (decimalSign === undefined) {
    return undefined;
  }
  if (secondText === undefined) {
    return 'it has a fraction of a minute, but only seconds may have a fraction: write hh:mm:ss.fffffff';
  }
  if (decimalSign === ',') {
    return 'it uses a comma as the decimal sign: use a period';
  }
  if (fractionText.length === 0) {
    return 'it has a decimal point without digits: add 1 to 7 digits or remove the point';
  }
  if (fractionText.length > 7) {
    return (
      `it has ${fractionText.length} fractional digits but Plex allows at most 7 (100 ns): ` +
      'cut the digits after the seventh'
    );
  }
  return undefined;
}

function explainZone(zone: string, acceptOffset: boolean): string | undefined {
  if (zone === '') {
    return acceptOffset
      ? 'it has no time zone, so the instant is ambiguous: append Z for UTC or an offset such as +02:00'
      : 'it has no time zone: append Z for UTC';
  }
  if (zone === 'Z' || (acceptOffset && zone === 'z')) {
    return undefined;
  }
  if (zone === 'z') {
    return 'it uses a lowercase z: use an uppercase Z for UTC';
  }
  if (zone.startsWith('+') || zone.startsWith('-')) {
    if (!acceptOffset) {
      return (
        `it has the UTC offset ${zone} but Plex accepts only Z: ` +
        'convert the value to UTC first, for example with formatPlexDateTime()'
      );
    }
    const offsetMatch = LOOSE_OFFSET.exec(zone);
    if (offsetMatch === null) {
      return `it has an invalid UTC offset ${zone}: write +hh:mm, +hhmm or +hh`;
    }
    const [, hoursText = '', minutesText = '00'] = offsetMatch;
    if (Number(hoursText) > 23 || Number(minutesText) > 59) {
      return `UTC offset ${zone} is out of range: hours must be 00 to 23 and minutes 00 to 59`;
    }
    return undefined;
  }
  if (zone.startsWith('Z') || zone.startsWith('z')) {
    return `it has unexpected text ${JSON.stringify(zone.slice(1))} after the zone Z: remove it`;
  }
  return `it has unexpected text ${JSON.stringify(zone)} after the time: end the value with Z`;
}
