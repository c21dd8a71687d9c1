import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Reads a bundled description that `npm run build:spec` wrote to dist/openapi/. */
export function loadBundle(name: 'plex-connect' | 'lookup-webhook'): JsonObject {
  const file = `${ROOT}dist/openapi/${name}.json`;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  } catch (error) {
    throw new Error(`Could not read ${file}. Run \`npm run build:spec\` first.`, { cause: error });
  }
}

/**
 * Creates a JSON Schema 2020-12 validator that registers the whole bundle under
 * the id `bundle`, so a schema can be compiled as `{ $ref: 'bundle#/components/schemas/X' }`.
 */
export function createValidator(bundle: JsonObject): Ajv2020 {
  // OpenAPI keywords such as `example` and `discriminator` are not JSON Schema
  // vocabulary, so strict mode would reject the document.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema(bundle, 'bundle');
  return ajv;
}

/** Follows a local `$ref` such as `#/components/parameters/TenantId` inside the bundle. */
export function resolve(bundle: JsonObject, node: Json | undefined): Json | undefined {
  let current = node;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`Circular $ref ${ref}`);
    seen.add(ref);
    current = pointer(bundle, ref.slice(1));
  }
  return current;
}

/** Reads the value at a JSON pointer such as `/components/schemas/Error`. */
export function pointer(document: Json, path: string): Json | undefined {
  let current: Json | undefined = document;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, Json>)[key];
  }
  return current;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Operation {
  path: string;
  method: string;
  pathItem: JsonObject;
  operation: JsonObject;
}

/** Lists every operation of a bundle with its path item. */
export function operations(bundle: JsonObject): Operation[] {
  const result: Operation[] = [];
  const paths = bundle.paths;
  if (!isObject(paths)) return result;

  for (const [path, item] of Object.entries(paths)) {
    const pathItem = resolve(bundle, item);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) result.push({ path, method, pathItem, operation });
    }
  }

  return result;
}

/** Returns the resolved parameters of an operation, path-level ones included. */
export function parametersOf(bundle: JsonObject, { pathItem, operation }: Operation): JsonObject[] {
  const all = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ];
  return all.map((parameter) => resolve(bundle, parameter)).filter(isObject);
}
