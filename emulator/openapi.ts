/** Reading the bundled OpenAPI description: JSON pointers, `$ref` chains and the ajv instance. */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The bundle that `npm run build:spec` writes. */
export const DEFAULT_DESCRIPTION_PATH = new URL('../dist/openapi/plex-connect.json', import.meta.url);

/** The key under which the bundle is added to ajv, so schemas can be referenced as `bundle#/…`. */
const BUNDLE_KEY = 'bundle';

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readDescription(path: string | URL): JsonObject {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const message = `Could not read the OpenAPI bundle ${String(path)}. Run \`npm run build:spec\` first.`;
    throw new Error(message, { cause: error });
  }

  const document = JSON.parse(text) as Json;
  if (!isObject(document) || !isObject(document.paths)) {
    throw new Error(`${String(path)} is not an OpenAPI description: it has no paths object.`);
  }

  return document;
}

/** Appends a key to a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Reads the value at a JSON pointer such as `/components/schemas/Uuid`. */
export function valueAt(document: Json, pointer: string): Json | undefined {
  let current: Json | undefined = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (isObject(current)) {
      current = current[key];
    } else if (Array.isArray(current)) {
      current = current[Number(key)];
    } else {
      return undefined;
    }
  }

  return current;
}

/** Follows local `$ref`s from `pointer` and returns the pointer and value they end at. */
export function follow(document: JsonObject, pointer: string): { pointer: string; value: Json | undefined } {
  let current = pointer;
  let value = valueAt(document, current);
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#/')) {
    if (seen.has(value.$ref)) {
      throw new Error(`The OpenAPI bundle has a circular $ref ${value.$ref}`);
    }

    seen.add(value.$ref);
    current = value.$ref.slice(1);
    value = valueAt(document, current);
  }

  return { pointer: current, value };
}

/** Compiles JSON Schema 2020-12 validators for schemas inside one bundle. */
export class SchemaCompiler {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(document: JsonObject) {
    // OpenAPI keywords such as `example` are not JSON Schema vocabulary, so strict mode
    // would reject the bundle.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(this.#ajv);
    this.#ajv.addSchema(document, BUNDLE_KEY);
  }

  /** Returns the validator of the schema at `pointer`, compiling it on first use. */
  compile(pointer: string): ValidateFunction {
    let validate = this.#cache.get(pointer);
    if (validate === undefined) {
      // A pointer inside a URI fragment must be percent-encoded (RFC 6901, section 6).
      const fragment = pointer.split('/').map(encodeURIComponent).join('/');
      validate = this.#ajv.compile({ $ref: `${BUNDLE_KEY}#${fragment}` });
      this.#cache.set(pointer, validate);
    }

    return validate;
  }
}
