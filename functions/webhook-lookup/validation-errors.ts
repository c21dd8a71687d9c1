import type { ErrorObject } from 'ajv';
import type { LookupName, ProblemError } from './problems.js';

/** The pattern the description puts on every free-text parameter: no control characters or unpaired surrogates. */
const NO_CONTROL_CHARACTERS = '^[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]+$';

/** The pattern of `serialNo`, which also rejects "." and "..": URL parsing would drop them as path segments. */
const SERIAL_NUMBER = '^(?!\\.{1,2}$)[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]+$';

/** The pattern of `tenantId`, a UUID in 8-4-4-4-12 form. */
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const UUID_DETAIL = 'must be a UUID in 8-4-4-4-12 hexadecimal form';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
  null: 'null',
};

/** Escapes a member name for a JSON Pointer (RFC 6901, section 3). */
function pointerToken(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

function describeAdditional(instancePath: string, lookup: LookupName): string {
  if (instancePath === '/params') return `is not a parameter of ${lookup}`;

  return instancePath === '' ? `is not a member of the ${lookup} request` : 'is not allowed';
}

function describePattern(pattern: unknown): string {
  if (pattern === NO_CONTROL_CHARACTERS) return 'must not contain control characters or unpaired surrogates';
  if (pattern === SERIAL_NUMBER) return 'must not be "." or "..", nor contain control characters or unpaired surrogates';

  return pattern === UUID_PATTERN ? UUID_DETAIL : `must match the pattern ${String(pattern)}`;
}

function describeType(type: unknown): string {
  const names = (Array.isArray(type) ? type : [type]).map((name) => TYPE_NAMES[String(name)] ?? String(name));
  return `must be ${names.join(' or ')}`;
}

function describeLength(error: ErrorObject): string {
  const limit = Number(error.params['limit']);
  if (error.keyword === 'maxLength') return `must not be longer than ${limit} characters`;

  return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
}

/** Describes one ajv error as a ProblemError item: a JSON Pointer and what is wrong there. */
function describeError(error: ErrorObject, lookup: LookupName): ProblemError {
  const { instancePath, params } = error;
  switch (error.keyword) {
    case 'required':
      return { name: `${instancePath}/${pointerToken(String(params['missingProperty']))}`, detail: 'is missing' };
    case 'additionalProperties': {
      const name = `${instancePath}/${pointerToken(String(params['additionalProperty']))}`;
      return { name, detail: describeAdditional(instancePath, lookup) };
    }
    case 'type':
      return { name: instancePath, detail: describeType(params['type']) };
    case 'minLength':
    case 'maxLength':
      return { name: instancePath, detail: describeLength(error) };
    case 'pattern':
      return { name: instancePath, detail: describePattern(params['pattern']) };
    case 'format': {
      const format = String(params['format']);
      return { name: instancePath, detail: format === 'uuid' ? UUID_DETAIL : `must be a valid ${format}` };
    }
    case 'minimum':
      return { name: instancePath, detail: `must be at least ${String(params['limit'])}` };
    case 'maximum':
      return { name: instancePath, detail: `must be at most ${String(params['limit'])}` };
    default:
      return { name: instancePath, detail: error.message ?? 'is invalid' };
  }
}

/** Returns whether an error comes from the rule that forbids `tenantId` together with `customerId`. */
export function isTenantConflictError(error: ErrorObject): boolean {
  return error.schemaPath.includes('/dependentSchemas/');
}

/** The two items that name both tenant members, as the description words them. */
export const TENANT_CONFLICT_ERRORS: readonly ProblemError[] = [
  { name: '/tenantId', detail: 'must not be sent together with customerId' },
  { name: '/customerId', detail: 'must not be sent together with tenantId' },
];

/**
 * Maps ajv errors to ProblemError items, one per invalid value. A value that
 * breaks two rules saying the same (a UUID's `pattern` and `format`, or an
 * empty string's `minLength` and `pattern`) is listed once. Errors of the
 * tenant-conflict rule are left out, because the caller reports that conflict
 * with `TENANT_CONFLICT_ERRORS`.
 */
export function describeErrors(errors: readonly ErrorObject[], lookup: LookupName): ProblemError[] {
  // An empty string also fails the pattern, which requires at least one character.
  const tooShort = new Set(errors.filter((error) => error.keyword === 'minLength').map((error) => error.instancePath));
  const described = new Map<string, ProblemError>();
  for (const error of errors) {
    if (isTenantConflictError(error)) continue;
    if (error.keyword === 'pattern' && tooShort.has(error.instancePath)) continue;

    const item = describeError(error, lookup);
    described.set(`${item.name}\u0000${item.detail}`, item);
  }

  return [...described.values()];
}
