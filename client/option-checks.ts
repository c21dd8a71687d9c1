import { describeValue } from './describe-value.js';
import { PlexConfigError } from './errors/PlexConfigError.js';

/** Bounds of a numeric option. */
export interface NumberBounds {
  min: number;
  max?: number;
  integer?: boolean;
}

/**
 * Returns `value`, or `fallback` when it is undefined.
 *
 * @throws PlexConfigError (a range error in kind) naming the option unless `value` is a
 *   finite number within the bounds.
 */
export function checkNumber(value: unknown, option: string, bounds: NumberBounds, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  const integer = bounds.integer === true;
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= bounds.min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (valid) {
    return value;
  }
  const kind = integer ? 'an integer' : 'a number';
  throw new PlexConfigError(
    option,
    `Invalid option ${option}: ${describeValue(value)}. Expected ${kind} from ${bounds.min} to ${max}` +
      `, or leave it out for the default ${fallback}.`,
  );
}

/** Returns `value`, or `fallback` when it is undefined. @throws PlexConfigError unless it is a boolean. */
export function checkBoolean(value: unknown, option: string, fallback: boolean): boolean {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  throw new PlexConfigError(option, `Invalid option ${option}: ${describeValue(value)}. Expected true or false.`);
}

/** Returns `value`, or `fallback` when it is undefined. @throws PlexConfigError unless it is a function. */
export function checkFunction<T>(value: unknown, option: string, fallback: T): T {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value === 'function') {
    return value as T;
  }
  throw new PlexConfigError(option, `Invalid option ${option}: ${describeValue(value)}. Expected a function.`);
}

/**
 * Returns `value` as an object with function members `methods`, or `fallback` when undefined.
 *
 * @throws PlexConfigError naming the first missing method.
 */
export function checkMethods<T>(value: unknown, option: string, methods: readonly string[], fallback: T): T {
  if (value === undefined) {
    return fallback;
  }
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  const missing = record === undefined ? methods[0] : methods.find((name) => typeof record[name] !== 'function');
  if (missing === undefined) {
    return value as T;
  }
  throw new PlexConfigError(
    option,
    `Invalid option ${option}: ${describeValue(value)} has no method ${missing}(). ` +
      `Expected an object with the methods ${methods.join(', ')}.`,
  );
}

/**
 * Returns `value` as a plain object for an option that takes an object or false.
 * Returns undefined for false and for undefined.
 *
 * @throws PlexConfigError for anything else, or for a member not in `known`.
 */
export function checkOptionObject(
  value: unknown,
  option: string,
  known: readonly string[],
): Record<string, unknown> | undefined {
  if (value === undefined || value === false) {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PlexConfigError(
      option,
      `Invalid option ${option}: ${describeValue(value)}. Expected false or an object with the members ${known.join(', ')}.`,
    );
  }
  checkKnownKeys(value as Record<string, unknown>, option, known, {});
  return value as Record<string, unknown>;
}

/**
 * Rejects members that are not in `known`, so a misspelled option fails loudly instead of
 * being ignored. `renamed` maps common wrong names to the right one.
 *
 * @throws PlexConfigError naming the unknown member.
 */
export function checkKnownKeys(
  value: Record<string, unknown>,
  parent: string,
  known: readonly string[],
  renamed: Readonly<Record<string, string>>,
): void {
  for (const name of Object.keys(value)) {
    if (known.includes(name)) {
      continue;
    }
    const option = parent === '' ? name : `${parent}.${name}`;
    const suggestion = renamed[name];
    const fix = suggestion === undefined ? `Known options: ${known.join(', ')}.` : `Did you mean ${suggestion}?`;
    throw new PlexConfigError(option, `Unknown option ${option}. ${fix}`);
  }
}

/**
 * Returns a secret option (the API key or secret), or undefined when it is not set.
 *
 * The message of a rejected secret describes it by type and length only, never by value.
 *
 * @throws PlexConfigError unless `value` is a non-empty string of visible ASCII characters,
 *   the characters an HTTP header value can carry unchanged.
 */
export function checkSecret(value: unknown, option: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new PlexConfigError(option, `Invalid option ${option}: expected a string but got ${describeType(value)}.`);
  }
  if (value === '') {
    throw new PlexConfigError(
      option,
      `Invalid option ${option}: the string is empty. Pass the value from the Plex developer portal.`,
    );
  }
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new PlexConfigError(
      option,
      `Invalid option ${option}: the ${value.length}-character string contains whitespace or characters outside ` +
        'visible ASCII. Copy the value from the Plex developer portal again, without spaces or line breaks.',
    );
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
