/**
 * List filters. Each query parameter of a list operation filters the record field of the
 * same name, with these rules:
 *
 * - A scalar parameter matches records whose field equals the value exactly. UUIDs are
 *   compared without case; other strings are case-sensitive.
 * - An array parameter (`?id=a&id=b`) matches records whose field equals any value, or, for
 *   an array field such as `allergens`, contains any value.
 * - A date-time parameter named `…Begin` or `begin…` is an inclusive lower bound, and one
 *   named `…End` or `end…` an inclusive upper bound, of the field the rest of the name
 *   names. Bounds compare at 100 ns precision, and records whose field is null never match.
 *
 * Startup fails when a parameter of the description maps to no field, so a new filter in
 * the description cannot be silently ignored.
 */
import { PlexDateTime } from '../client/datetime.js';
import type { DataRecord } from './data/dataset.js';
import type { OperationModel, ParameterModel } from './description.js';

export type RecordFilter = (record: DataRecord) => boolean;

/** Parameters whose field has another name. */
const FIELD_NAMES: Record<string, string> = {
  idList: 'id',
  codeList: 'code',
  contactResourceID: 'contactResourceId',
  pONumber: 'poNumber',
  jobStatuses: 'jobStatus',
};

/**
 * Filters that are not a field comparison. `locationTypeFlag` selects by the flags that a
 * location type implies.
 * NOTE: the Plex API reference lists no values for `locationTypeFlag`; `Inventory`,
 * `Supply` and `TankSilo` are assumed, and any other value matches `locationType` exactly.
 */
const SPECIAL_FILTERS: Record<string, (value: unknown) => RecordFilter> = {
  locationTypeFlag: (value) => {
    const flag = String(value).toLowerCase().replace(/[^a-z]/g, '');
    const field = { inventory: 'inventoryLocation', supply: 'supplyLocation', tanksilo: 'tankSilo' }[flag];
    return field === undefined ? (record) => record.locationType === value : (record) => record[field] === true;
  },
};

export type FilterRule =
  | { kind: 'equal'; field: string; caseless: boolean }
  | { kind: 'range'; field: string; bound: 'begin' | 'end' }
  | { kind: 'special'; build: (value: unknown) => RecordFilter };

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function dateRangeRule(name: string): FilterRule | undefined {
  const patterns: [RegExp, 'begin' | 'end'][] = [
    [/^(.+)Begin$/, 'begin'],
    [/^(.+)End$/, 'end'],
    [/^begin(.+)$/, 'begin'],
    [/^end(.+)$/, 'end'],
  ];
  for (const [pattern, bound] of patterns) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined) {
      return { kind: 'range', field: lowerFirst(match[1]), bound };
    }
  }

  return undefined;
}

/** Returns the rule of one query parameter, or throws when it maps to no field of the items. */
export function filterRule(
  operation: OperationModel,
  parameter: ParameterModel,
  fields: ReadonlySet<string>,
): FilterRule {
  const special = SPECIAL_FILTERS[parameter.name];
  if (special !== undefined) {
    return { kind: 'special', build: special };
  }

  const field = FIELD_NAMES[parameter.name] ?? parameter.name;
  const rule =
    parameter.schemaName === 'PlexDateTime'
      ? dateRangeRule(parameter.name)
      : { kind: 'equal' as const, field, caseless: parameter.schemaName === 'Uuid' };
  if (rule === undefined || (rule.kind !== 'special' && !fields.has(rule.field))) {
    throw new Error(
      `${operation.operationId}: query parameter ${parameter.name} maps to no field of the response items. ` +
        'Add it to FIELD_NAMES or SPECIAL_FILTERS in emulator/filters.ts.',
    );
  }

  return rule;
}

function normalize(value: unknown, caseless: boolean): unknown {
  return caseless && typeof value === 'string' ? value.toLowerCase() : value;
}

function equalFilter(field: string, caseless: boolean, value: unknown): RecordFilter {
  const accepted = new Set((Array.isArray(value) ? value : [value]).map((item) => normalize(item, caseless)));
  return (record) => {
    const actual = record[field];
    if (Array.isArray(actual)) {
      return actual.some((item) => accepted.has(normalize(item, caseless)));
    }

    return accepted.has(normalize(actual, caseless));
  };
}

function rangeFilter(field: string, bound: 'begin' | 'end', value: unknown): RecordFilter {
  const limit = PlexDateTime.parse(String(value));
  return (record) => {
    const actual = record[field];
    if (typeof actual !== 'string') {
      return false;
    }

    const order = PlexDateTime.parse(actual).compare(limit);
    return bound === 'begin' ? order >= 0 : order <= 0;
  };
}

/** Builds the filter of one parameter from its rule and its validated value. */
export function buildFilter(rule: FilterRule, value: unknown): RecordFilter {
  switch (rule.kind) {
    case 'equal':
      return equalFilter(rule.field, rule.caseless, value);
    case 'range':
      return rangeFilter(rule.field, rule.bound, value);
    case 'special':
      return rule.build(value);
  }
}
