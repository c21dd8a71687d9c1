import { fingerprint } from './fingerprint.js';

/**
 * Removes secrets from text before it reaches an error, a log line or a URL shown to people.
 *
 * Each secret is looked for as written, percent-encoded (`encodeURIComponent` and form
 * encoding) and JSON-escaped, and each occurrence is replaced by `[redacted sha256:…]`.
 */
export interface Redactor {
  /** Returns `value` with every secret replaced. */
  text(value: string): string;
  /** Returns the URL without user name and password and with every secret replaced. */
  url(value: string): string;
  /** Returns `error` unchanged when its message and stack hold no secret, or else a redacted copy. */
  error(error: unknown): unknown;
  /** Returns a copy of log fields with every secret replaced in string values and nested values. */
  fields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined;
}

interface Replacement {
  form: string;
  marker: string;
}

/** Creates a redactor for the given secrets. Undefined and empty entries are skipped. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const replacements = buildReplacements(secrets);
  const text = (value: string): string => replaceAll(value, replacements);
  return {
    text,
    url: (value) => text(stripCredentials(value)),
    error: (error) => redactError(error, replacements),
    fields: (fields) => (fields === undefined ? undefined : redactFields(fields, text)),
  };
}

function buildReplacements(secrets: readonly (string | undefined)[]): Replacement[] {
  const replacements: Replacement[] = [];
  for (const secret of secrets) {
    if (secret === undefined || secret === '') {
      continue;
    }
    const marker = `[redacted ${fingerprint(secret)}]`;
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ]);
    for (const form of forms) {
      replacements.push({ form, marker });
    }
  }
  // Longer forms first, so an encoded form is not cut apart by a shorter one inside it.
  return replacements.sort((a, b) => b.form.length - a.form.length);
}

function replaceAll(value: string, replacements: readonly Replacement[]): string {
  let result = value;
  for (const { form, marker } of replacements) {
    if (result.includes(form)) {
      result = result.split(form).join(marker);
    }
  }
  return result;
}

function stripCredentials(value: string): string {
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return value;
  }
}

function containsSecret(value: string | undefined, replacements: readonly Replacement[]): boolean {
  return value !== undefined && replacements.some(({ form }) => value.includes(form));
}

function redactError(error: unknown, replacements: readonly Replacement[]): unknown {
  if (typeof error === 'string') {
    return replaceAll(error, replacements);
  }
  if (!(error instanceof Error)) {
    return error;
  }
  const nested = error.cause === undefined ? undefined : redactError(error.cause, replacements);
  const clean =
    !containsSecret(error.message, replacements) && !containsSecret(error.stack, replacements) && nested === error.cause;
  if (clean) {
    return error;
  }
  const copy = new Error(replaceAll(error.message, replacements), nested === undefined ? undefined : { cause: nested });
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : replaceAll(error.stack, replacements);
  return copy;
}

function redactFields(fields: Record<string, unknown>, text: (value: string) => string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') {
      result[name] = text(value);
    } else if (value !== null && typeof value === 'object') {
      const json = safeStringify(value);
      result[name] = json !== undefined && text(json) !== json ? text(json) : value;
    } else {
      result[name] = value;
    }
  }
  return result;
}

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
