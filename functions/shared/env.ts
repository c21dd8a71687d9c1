import { FunctionConfigError } from './config-error.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Reads a variable, treating an empty or blank value as unset. */
export function optionalString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Reads a variable that must be set. */
export function requiredString(env: Env, name: string, hint: string): string {
  const value = optionalString(env, name);
  if (value === undefined) throw new FunctionConfigError(name, `is not set. ${hint}`);

  return value;
}

/** Reads a whole number within bounds, or the default when the variable is unset. */
export function integer(env: Env, name: string, bounds: { default: number; min: number; max: number }): number {
  const raw = optionalString(env, name);
  if (raw === undefined) return bounds.default;

  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < bounds.min || value > bounds.max) {
    throw new FunctionConfigError(name, `must be a whole number from ${bounds.min} to ${bounds.max}, got "${raw}".`);
  }

  return value;
}

/** Reads a comma-separated list, dropping blank entries. */
export function list(env: Env, name: string): string[] {
  return (optionalString(env, name) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Reads one of a closed set of values. */
export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[]): T | undefined {
  const raw = optionalString(env, name);
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new FunctionConfigError(name, `must be one of ${allowed.map((value) => `"${value}"`).join(', ')}, got "${raw}".`);
  }

  return raw as T;
}
