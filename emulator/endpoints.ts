/**
 * Serves the operations of the description from the dataset. Each operation is a list or
 * a get-by-key of one resource, recognised from its path template: `/…/{resource}` lists,
 * `/…/{resource}/{key}` gets one record.
 */
import { isResourceName, keyFieldOf, type DataRecord, type RecordSource } from './data/dataset.js';
import type { TenantProfile } from './data/tenants.js';
import type { ApiDescription, OperationModel } from './description.js';
import { RESOURCE_NOT_FOUND } from './errors.js';
import { buildFilter, filterRule, type FilterRule, type RecordFilter } from './filters.js';
import { follow, isObject } from './openapi.js';
import type { Responder } from './respond.js';

export interface Endpoint {
  operation: OperationModel;
  /** A dataset resource, or `tenants`, which comes from the key's configuration. */
  resource: string;
  kind: 'list' | 'get';
  /** For a get: the path parameter that carries the key. */
  keyParameter: string | undefined;
  /** For a list: the filter rule of each query parameter. */
  rules: Map<string, FilterRule>;
  keyField: string;
}

function itemFields(description: ApiDescription, operation: OperationModel): Set<string> {
  const pointer = operation.responses.get('200')?.itemPointer;
  const schema = pointer === undefined ? undefined : follow(description.document, pointer).value;
  return new Set(isObject(schema) && isObject(schema.properties) ? Object.keys(schema.properties) : []);
}

function endpointOf(description: ApiDescription, operation: OperationModel): Endpoint {
  const segments = operation.pathTemplate.split('/');
  const last = segments.at(-1) ?? '';
  const keyParameter = /^\{(.+)\}$/.exec(last)?.[1];
  const resource = keyParameter === undefined ? last : segments.at(-2) ?? '';
  if (resource !== 'tenants' && !isResourceName(resource)) {
    throw new Error(
      `${operation.operationId}: the emulator has no data for the resource "${resource}" of ${operation.pathTemplate}.`,
    );
  }

  const rules = new Map<string, FilterRule>();
  if (keyParameter === undefined) {
    const fields = itemFields(description, operation);
    for (const parameter of operation.parameters.filter((entry) => entry.in === 'query')) {
      rules.set(parameter.name, filterRule(operation, parameter, fields));
    }
  }

  return {
    operation,
    resource,
    kind: keyParameter === undefined ? 'list' : 'get',
    keyParameter,
    rules,
    keyField: resource === 'tenants' ? 'id' : keyFieldOf(resource as Parameters<typeof keyFieldOf>[0]),
  };
}

/** Builds the endpoint of every operation, by operationId. Throws if one cannot be served. */
export function buildEndpoints(description: ApiDescription): Map<string, Endpoint> {
  const endpoints = new Map<string, Endpoint>();
  for (const operation of description.operations) {
    endpoints.set(operation.operationId, endpointOf(description, operation));
  }

  return endpoints;
}

/** Builds a record source of the tenants a key can reach, for `listTenants` and `getTenant`. */
export function tenantSource(tenants: readonly TenantProfile[]): RecordSource {
  return {
    keyField: 'id',
    count: tenants.length,
    record: (index) => {
      const tenant = tenants[index];
      return tenant === undefined ? {} : { id: tenant.id, code: tenant.code, name: tenant.name };
    },
    indexOf: (key) => {
      const index = tenants.findIndex((tenant) => tenant.id === key.toLowerCase());
      return index < 0 ? undefined : index;
    },
  };
}

function* scan(
  source: RecordSource,
  indices: Iterable<number>,
  filters: RecordFilter[],
): Iterable<DataRecord | undefined> {
  for (const index of indices) {
    const record = source.record(index);
    yield filters.every((filter) => filter(record)) ? record : undefined;
  }
}

/** Decodes keys to the sorted, distinct indexes of the records that exist. */
function indicesOf(source: RecordSource, keys: unknown[]): number[] {
  const found = keys.map((key) => source.indexOf(String(key))).filter((index) => index !== undefined);
  return [...new Set(found)].sort((a, b) => a - b);
}

function* allIndices(count: number): Iterable<number> {
  for (let index = 0; index < count; index += 1) {
    yield index;
  }
}

/** Serves one validated request. `values` are the validated parameter values by name. */
export async function serve(
  endpoint: Endpoint,
  values: Map<string, unknown>,
  source: RecordSource,
  responder: Responder,
): Promise<void> {
  if (endpoint.kind === 'get') {
    const index = source.indexOf(String(values.get(endpoint.keyParameter ?? '')));
    if (index === undefined) {
      responder.json(404, RESOURCE_NOT_FOUND);
    } else {
      responder.json(200, source.record(index));
    }
    return;
  }

  const filters: RecordFilter[] = [];
  let keys: unknown[] | undefined;
  for (const [name, rule] of endpoint.rules) {
    const value = values.get(name);
    if (value === undefined) {
      continue;
    }

    filters.push(buildFilter(rule, value));
    if (rule.kind === 'equal' && rule.field === source.keyField) {
      keys = Array.isArray(value) ? value : [value];
    }
  }

  // A filter on the key decodes the keys to indexes instead of scanning every record.
  const indices = keys === undefined ? allIndices(source.count) : indicesOf(source, keys);
  await responder.list(200, scan(source, indices, filters));
}
