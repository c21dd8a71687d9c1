import { describe, expect, it } from 'vitest';
import { type Json, createValidator, isObject, loadBundle, resolve } from '../support/bundle.js';

interface ExampleCase {
  location: string;
  schemaPointer: string;
  value: Json;
}

const escape = (key: string) => encodeURIComponent(key.replaceAll('~', '~0').replaceAll('/', '~1'));

/**
 * Finds every example in a bundle with the JSON pointer of the schema it
 * must satisfy: `example` and `examples` beside a `schema` (parameters,
 * headers, media types) and `examples` arrays inside schemas.
 */
function findExamples(bundle: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const visit = (node: Json, pointer: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${pointer}/${index}`));
      return;
    }
    if (!isObject(node)) return;

    if ('schema' in node && 'example' in node) {
      cases.push({ location: pointer, schemaPointer: `${pointer}/schema`, value: node.example ?? null });
    }
    if ('schema' in node && isObject(node.examples)) {
      for (const [name, example] of Object.entries(node.examples)) {
        const resolved = resolve(bundle as never, example);
        if (isObject(resolved) && 'value' in resolved) {
          cases.push({ location: `${pointer}/examples/${name}`, schemaPointer: `${pointer}/schema`, value: resolved.value ?? null });
        }
      }
    }
    if (Array.isArray(node.examples)) {
      node.examples.forEach((value, index) =>
        cases.push({ location: `${pointer}/examples/${index}`, schemaPointer: pointer, value }),
      );
    }

    for (const [key, child] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      visit(child, `${pointer}/${escape(key)}`);
    }
  };

  visit(bundle, '');
  return cases;
}

describe.each(['plex-connect', 'lookup-webhook'] as const)('Examples: %s', (name) => {
  const bundle = loadBundle(name);
  const ajv = createValidator(bundle);
  const cases = findExamples(bundle);

  it('has examples to check', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [decodeURIComponent(c.location), c] as const))('%s validates', (_location, c) => {
    const validate = ajv.compile({ $ref: `bundle#${c.schemaPointer}` });

    expect(validate(c.value), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});
