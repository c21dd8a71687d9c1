/**
 * The operations of the OpenAPI description, with compiled parameter validators. The
 * emulator routes and validates requests from this model only, so the bundle stays the
 * single source of the rules.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import {
  DEFAULT_DESCRIPTION_PATH,
  type Json,
  type JsonObject,
  SchemaCompiler,
  childPointer,
  follow,
  isObject,
  readDescription,
} from './openapi.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type ParameterLocation = 'path' | 'query' | 'header';

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** True for an array parameter, read with `URLSearchParams.getAll`. */
  isArray: boolean;
  /** The JSON type of the value, or of each item for an array: the target of coercion. */
  valueType: string | undefined;
  /** The name of the component schema the value follows, such as `Uuid` or `PlexDateTime`. */
  schemaName: string | undefined;
  validate: ValidateFunction;
}

export interface ResponseModel {
  /** Pointer to the JSON schema of the body. */
  schemaPointer: string;
  /** Pointer to the item schema when the body is an array, so lists can be checked item by item. */
  itemPointer: string | undefined;
}

export interface OperationModel {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** The API product (collection) that serves the operation: the first path segment. */
  product: string;
  parameters: ParameterModel[];
  responses: Map<string, ResponseModel>;
}

export interface ApiDescription {
  document: JsonObject;
  compiler: SchemaCompiler;
  operations: OperationModel[];
}

function componentName(schema: Json | undefined): string | undefined {
  if (isObject(schema) && typeof schema.$ref === 'string') {
    return schema.$ref.split('/').at(-1);
  }

  return undefined;
}

function parameterModel(description: Omit<ApiDescription, 'operations'>, pointer: string): ParameterModel {
  const resolved = follow(description.document, pointer);
  const parameter = resolved.value;
  if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') {
    throw new Error(`The parameter at ${pointer} has no name or location.`);
  }

  const schemaPointer = childPointer(resolved.pointer, 'schema');
  const schema = follow(description.document, schemaPointer);
  const isArray = isObject(schema.value) && schema.value.type === 'array';
  // For an array, the item schema decides coercion and the name shown in error messages.
  const rawValueSchema = isArray && isObject(schema.value) ? schema.value.items : parameter.schema;
  const itemsPointer = childPointer(schema.pointer, 'items');
  const valueSchema = isArray ? follow(description.document, itemsPointer).value : schema.value;

  return {
    name: parameter.name,
    in: parameter.in as ParameterLocation,
    required: parameter.required === true,
    isArray,
    valueType: isObject(valueSchema) && typeof valueSchema.type === 'string' ? valueSchema.type : undefined,
    schemaName: componentName(rawValueSchema),
    validate: description.compiler.compile(schemaPointer),
  };
}

function responseModels(document: JsonObject, operationPointer: string): Map<string, ResponseModel> {
  const models = new Map<string, ResponseModel>();
  const responses = follow(document, childPointer(operationPointer, 'responses')).value;
  if (!isObject(responses)) {
    return models;
  }

  for (const status of Object.keys(responses)) {
    const response = follow(document, childPointer(childPointer(operationPointer, 'responses'), status));
    const contentPointer = childPointer(childPointer(response.pointer, 'content'), 'application/json');
    const schemaPointer = childPointer(contentPointer, 'schema');
    const schema = follow(document, schemaPointer);
    if (schema.value === undefined) {
      continue;
    }

    const isArray = isObject(schema.value) && schema.value.type === 'array';
    models.set(status, { schemaPointer, itemPointer: isArray ? childPointer(schema.pointer, 'items') : undefined });
  }

  return models;
}

function operationModels(base: Omit<ApiDescription, 'operations'>): OperationModel[] {
  const models: OperationModel[] = [];
  const paths = base.document.paths as JsonObject;
  for (const pathTemplate of Object.keys(paths)) {
    const itemPointer = follow(base.document, childPointer('/paths', pathTemplate)).pointer;
    const item = follow(base.document, itemPointer).value;
    if (!isObject(item)) {
      continue;
    }

    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) {
        continue;
      }

      const operationPointer = childPointer(itemPointer, method);
      const pointers = [...parameterPointers(item, itemPointer), ...parameterPointers(operation, operationPointer)];
      models.push({
        operationId: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${pathTemplate}`,
        method: method.toUpperCase(),
        pathTemplate,
        product: pathTemplate.split('/')[1] ?? '',
        parameters: mergeParameters(pointers.map((pointer) => parameterModel(base, pointer))),
        responses: responseModels(base.document, operationPointer),
      });
    }
  }

  return models;
}

/** Lists the pointers of the `parameters` entries of a path item or an operation. */
function parameterPointers(owner: JsonObject, pointer: string): string[] {
  const parameters = owner.parameters;
  const listPointer = childPointer(pointer, 'parameters');
  return Array.isArray(parameters) ? parameters.map((_, position) => childPointer(listPointer, position)) : [];
}

/** Lets an operation parameter replace a path item parameter of the same name and location. */
function mergeParameters(parameters: ParameterModel[]): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  for (const parameter of parameters) {
    byKey.set(`${parameter.in}:${parameter.name.toLowerCase()}`, parameter);
  }

  return [...byKey.values()];
}

const cache = new Map<string, ApiDescription>();
const objectCache = new WeakMap<JsonObject, ApiDescription>();

/**
 * Loads an OpenAPI bundle and compiles its operations. Pass a path or a parsed document;
 * the default is the Plex Connect bundle in dist/openapi/. Results are cached, so many
 * emulators in one process compile the validators once.
 */
export function loadDescription(source: string | URL | JsonObject = DEFAULT_DESCRIPTION_PATH): ApiDescription {
  if (typeof source === 'object' && !(source instanceof URL)) {
    let description = objectCache.get(source);
    if (description === undefined) {
      description = build(source);
      objectCache.set(source, description);
    }

    return description;
  }

  const key = String(source);
  let description = cache.get(key);
  if (description === undefined) {
    description = build(readDescription(source));
    cache.set(key, description);
  }

  return description;
}

function build(document: JsonObject): ApiDescription {
  const base = { document, compiler: new SchemaCompiler(document) };
  return { ...base, operations: operationModels(base) };
}
