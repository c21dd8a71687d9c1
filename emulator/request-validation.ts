/**
 * Reads an operation's parameters from a request and validates them with the validators
 * compiled from the description's parameter schemas.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { PlexDateTime, PlexDateTimeError } from '../client/datetime.js';
import type { OperationModel, ParameterLocation, ParameterModel } from './description.js';
import type { ErrorDetail } from './errors.js';

/** The raw parts of a request that parameters are read from. */
export interface RequestParts {
  pathParams: Record<string, string>;
  searchParams: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface ValidationResult {
  /** Coerced values of the parameters that were sent and are valid, by parameter name. */
  values: Map<string, unknown>;
  problems: ErrorDetail[];
}

/** Converts a query or header string to the JSON type its schema declares, when it has that form. */
function coerce(raw: string, type: string | undefined): unknown {
  if (type === 'integer' && /^-?\d+$/.test(raw)) {
    return Number(raw);
  }
  if (type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) {
    return Number(raw);
  }
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) {
    return raw === 'true';
  }

  return raw;
}

function readRaw(parameter: ParameterModel, parts: RequestParts): string | string[] | undefined {
  switch (parameter.in) {
    case 'path': {
      const value = parts.pathParams[parameter.name];
      return value === '' ? undefined : value;
    }
    case 'query': {
      if (parameter.isArray) {
        const values = parts.searchParams.getAll(parameter.name);
        return values.length === 0 ? undefined : values;
      }
      return parts.searchParams.get(parameter.name) ?? undefined;
    }
    case 'header': {
      const value = parts.headers[parameter.name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    }
  }
}

function describeError(parameter: ParameterModel, raw: string | string[], error: ErrorObject | undefined): string {
  const position = /^\/(\d+)/.exec(error?.instancePath ?? '');
  const itemIndex = position === null ? undefined : Number(position[1]);
  const value = Array.isArray(raw) ? raw[itemIndex ?? 0] ?? '' : raw;
  const shown = itemIndex === undefined ? JSON.stringify(value) : `${JSON.stringify(value)} (value ${itemIndex + 1})`;

  if (parameter.schemaName === 'PlexDateTime') {
    try {
      PlexDateTime.parse(value);
    } catch (parseError) {
      if (parseError instanceof PlexDateTimeError) {
        return `${parameter.name}: ${shown} is not a valid date-time: ${parseError.reason}.`;
      }
    }
    return `${parameter.name}: ${shown} is not a valid date-time.`;
  }
  if (parameter.schemaName === 'Uuid') {
    return `${parameter.name}: ${shown} is not a valid UUID.`;
  }
  if (error?.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
    return `${parameter.name}: ${shown} must be one of ${error.params.allowedValues.map(String).join(', ')}.`;
  }

  return `${parameter.name}: ${shown} ${error?.message ?? 'is invalid'}.`;
}

function problem(parameter: ParameterModel, message: string): ErrorDetail {
  return { code: 'ARGUMENT_INVALID', message, parameter: parameter.name, in: parameter.in };
}

/**
 * Validates the parameters of `operation` in the given locations and returns their
 * coerced values and one problem for each invalid or missing parameter. Parameters that
 * the description does not declare are not read, so unknown query parameters are ignored.
 */
export function validateParameters(
  operation: OperationModel,
  parts: RequestParts,
  locations: ReadonlySet<ParameterLocation>,
  only?: ReadonlySet<string>,
): ValidationResult {
  const values = new Map<string, unknown>();
  const problems: ErrorDetail[] = [];
  for (const parameter of operation.parameters) {
    if (!locations.has(parameter.in) || (only !== undefined && !only.has(parameter.name))) {
      continue;
    }

    const raw = readRaw(parameter, parts);
    if (raw === undefined) {
      if (parameter.required) {
        problems.push(problem(parameter, `${parameter.name}: the required ${parameter.in} parameter is missing.`));
      }
      continue;
    }

    const type = parameter.valueType;
    const value = Array.isArray(raw) ? raw.map((item) => coerce(item, type)) : coerce(raw, type);
    if (parameter.validate(value)) {
      values.set(parameter.name, value);
    } else {
      problems.push(problem(parameter, describeError(parameter, raw, parameter.validate.errors?.[0] ?? undefined)));
    }
  }

  return { values, problems };
}
