// Writes generated/lookup-request.validate.js and its .d.ts: the ajv validators
// of the webhook's LookupRequest schema, compiled ahead of time with ajv's
// standalone code generation, so the Lambda bundle carries plain validation
// functions and neither the ajv compiler nor the description.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { ROOT, run } from './apis.mjs';

const HEADER = `/**
 * This file was generated from openapi/lookup-webhook.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */
`;

const OUTPUT = 'generated/lookup-request.validate';

// Keywords that only document a schema. Dropping them keeps the generated
// module small and changes no validation result.
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example']);

// Keywords whose members are names mapped to schemas, not keywords.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

// Keywords whose values are instance data, copied as they are.
const DATA_KEYWORDS = new Set(['const', 'enum', 'default']);

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function stripAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (!isObject(schema)) return schema;

  const stripped = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (DATA_KEYWORDS.has(keyword)) stripped[keyword] = value;
    else if (SCHEMA_MAPS.has(keyword) && isObject(value)) {
      stripped[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripAnnotations(sub)]));
    } else stripped[keyword] = stripAnnotations(value);
  }

  return stripped;
}

/** Bundles the webhook description into a temporary file and returns it parsed. */
function bundleDescription() {
  const directory = mkdtempSync(join(tmpdir(), 'plex-connect-validator-'));
  try {
    const file = join(directory, 'lookup-webhook.json');
    run('redocly', ['bundle', 'lookup-webhook', '--output', file], { quiet: true });
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Compiles LookupRequest and each of its variants. ajv's `discriminator`
 * option stays off, because ajv 8 rejects a discriminator with `mapping`, which
 * the description has. The `const` of each variant's `lookup` already makes
 * `oneOf` pick exactly one. The keyword is registered only so that strict
 * mode accepts it.
 */
function compile(schemas) {
  const defs = JSON.parse(JSON.stringify(stripAnnotations(schemas)).replaceAll('"#/components/schemas/', '"#/$defs/'));
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    inlineRefs: false,
    code: { source: true, esm: true, lines: true },
  });
  ajv.addKeyword('discriminator');
  addFormats.default(ajv, ['uuid']);
  ajv.addSchema({ $id: 'lookup-webhook', $defs: defs });

  const mapping = schemas.LookupRequest.discriminator.mapping;
  const variants = Object.entries(mapping).map(([lookup, ref]) => [lookup, ref.split('/').at(-1)]);
  const exports = {};
  for (const [, schema] of variants) exports[`validate${schema}`] = `lookup-webhook#/$defs/${schema}`;
  exports.validateLookupRequest = 'lookup-webhook#/$defs/LookupRequest';

  return { code: standaloneCode.default(ajv, exports), variants };
}

// ajv's standalone output loads its code-point counter with require(), which an
// ES module cannot call. The generated module defines its own instead: a string
// iterator yields code points, so a surrogate pair counts once, as JSON Schema
// requires for minLength and maxLength.
const CODE_POINT_COUNTER = /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g;

function withoutRequire(code) {
  const replaced = code.replace(
    CODE_POINT_COUNTER,
    (_match, name) => `const ${name} = (text) => { let length = 0; for (const _ of text) length += 1; return length; };`,
  );
  if (/\brequire\(/.test(replaced)) {
    throw new Error(`${OUTPUT}.js would call require(), which an ES module cannot. Check the ajv version's standalone output.`);
  }

  return replaced;
}

function moduleSource(code, variants, names) {
  const table = variants.map(([lookup, schema]) => `  ${JSON.stringify(lookup)}: validate${schema},`).join('\n');
  return `${HEADER}${withoutRequire(code).replace(/^"use strict";\n?/, '')}
/** The validator of each lookup's request variant, by lookup name. */
export const lookupValidators = {
${table}
};

/** The lookup names of the LookupName schema, in the order the description lists them. */
export const lookupNames = ${JSON.stringify(names)};
`;
}

function declarations(variants) {
  const variantLines = variants
    .map(([lookup, schema]) => `export declare const validate${schema}: RequestValidator<components['schemas']['${schema}']>;`)
    .join('\n');
  return `${HEADER}
import type { ErrorObject } from 'ajv';
import type { components } from './lookup-webhook.js';

type LookupName = components['schemas']['LookupName'];

/** A compiled validator: true when \`data\` matches, otherwise false with the reasons in \`errors\`. */
export interface RequestValidator<T> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

export declare const validateLookupRequest: RequestValidator<components['schemas']['LookupRequest']>;
${variantLines}

/** The validator of each lookup's request variant, by lookup name. */
export declare const lookupValidators: {
  readonly [Name in LookupName]: RequestValidator<Extract<components['schemas']['LookupRequest'], { lookup: Name }>>;
};

/** The lookup names of the LookupName schema, in the order the description lists them. */
export declare const lookupNames: readonly LookupName[];
`;
}

/** Writes the standalone validator module and its type declarations into generated/. */
export function writeLookupValidator() {
  const { schemas } = bundleDescription().components;
  const { code, variants } = compile(schemas);

  writeFileSync(`${ROOT}${OUTPUT}.js`, moduleSource(code, variants, schemas.LookupName.enum));
  writeFileSync(`${ROOT}${OUTPUT}.d.ts`, declarations(variants));
  console.log(`🚀 LookupRequest validators → ${OUTPUT}.js and .d.ts`);
}
