import { inspect } from 'node:util';
import { afterAll, expect } from 'vitest';
import { fingerprint } from '../../../client/index.js';
import type { TestSecret } from './secrets.js';

/** One captured text and where it came from, such as `webhook log` or `client error`. */
export interface Capture {
  source: string;
  text: string;
}

/**
 * Returns the forms in which a secret could appear in text: as written, percent-encoded
 * (`encodeURIComponent`), form-encoded (`URLSearchParams`) and JSON-escaped.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ]);
  return [...forms];
}

/** Converts any captured value to searchable text: errors with their stack, cause and own fields. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) {
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      json = '';
    }
    return [value.message, value.stack ?? '', json, inspect(value, { depth: 6 })].join('\n');
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return inspect(value, { depth: 6 });
  }
}

/**
 * Lists every capture that contains a secret in any of its forms, or its random part. Each
 * finding names the source and the secret's fingerprint, never the secret itself.
 */
export function findLeaks(captures: readonly Capture[], secrets: readonly TestSecret[]): string[] {
  const findings: string[] = [];
  for (const { source, text } of captures) {
    for (const secret of secrets) {
      const forms = [...secretForms(secret.value), secret.core];
      if (forms.some((form) => text.includes(form))) findings.push(`${source} contains ${fingerprint(secret.value)}`);
    }
  }
  return findings;
}

/** Texts captured by one test file: log lines, errors, responses and reports. */
export class LeakCollector {
  readonly captures: Capture[] = [];

  /** Adds a value under `source`. Strings are kept as they are, anything else is converted by `textOf`. */
  add(source: string, value: unknown): void {
    this.captures.push({ source, text: textOf(value) });
  }

  /** Adds each line under the same source. */
  addAll(source: string, values: Iterable<unknown>): void {
    for (const value of values) this.add(source, value);
  }
}

/**
 * Returns a collector whose captures are checked after the file's tests: none may contain
 * one of `secrets()` in any form. The check also fails when nothing was captured, since an
 * empty capture proves nothing.
 */
export function useLeakCheck(secrets: () => readonly TestSecret[]): LeakCollector {
  const collector = new LeakCollector();

  afterAll(() => {
    expect(collector.captures.length, 'no logs, errors or responses were captured').toBeGreaterThan(0);
    expect(findLeaks(collector.captures, secrets())).toEqual([]);
  });

  return collector;
}
