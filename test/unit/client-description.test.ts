import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { API_KEY_HEADER } from '../../client/headers.js';
import { listGetOperationIds } from '../../client/operations.js';
import { isDateTimeParameter } from '../../client/query.js';

const OPENAPI_DIR = fileURLToPath(new URL('../../openapi/', import.meta.url));

interface Parameter {
  name: string;
  in: string;
  schema?: { $ref?: string; type?: string; items?: { $ref?: string } };
}

interface PathItem {
  get?: { operationId: string; parameters?: Parameter[] };
}

/** Reads a YAML file of the description. */
function readYaml<T>(relativePath: string): T {
  return parse(readFileSync(`${OPENAPI_DIR}${relativePath}`, 'utf8')) as T;
}

/** Returns every path template of the description with its path item. */
function readPaths(): [string, PathItem][] {
  const root = readYaml<{ paths: Record<string, { $ref: string }> }>('plex-connect.yaml');
  return Object.entries(root.paths).map(([template, { $ref }]) => [template, readYaml<PathItem>($ref)]);
}

describe('Client and description', () => {
  it('uses the header name of the security scheme', () => {
    const scheme = readYaml<{ name: string; in: string }>('components/securitySchemes/PlexApiKey.yaml');

    expect(scheme.in).toBe('header');
    expect(API_KEY_HEADER).toBe(scheme.name);
  });

  it('knows the operationId of every GET operation', () => {
    const expected = Object.fromEntries(readPaths().map(([template, item]) => [template, item.get?.operationId]));

    expect(listGetOperationIds()).toEqual(expected);
  });

  it('finds date-time query parameters by name', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [template, item] of readPaths()) {
      for (const parameter of item.get?.parameters ?? []) {
        if (parameter.in !== 'query') {
          continue;
        }
        checked += 1;
        const isDateTime = parameter.schema?.$ref?.endsWith('/PlexDateTime.yaml') === true;
        if (isDateTime !== isDateTimeParameter(parameter.name)) {
          mismatches.push(`${template} ${parameter.name}`);
        }
      }
    }

    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
