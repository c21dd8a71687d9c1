import type { PlexErrorDetail } from './PlexApiError.js';

/** Content of an error response body, as far as it could be read. */
export interface ParsedErrorBody {
  /** Whether the body is the documented JSON object with string `code` and `message`. */
  documented: boolean;
  code: string | undefined;
  message: string | undefined;
  /** Entries of `errors` that have string `code` and `message`; other entries are skipped. */
  errors: PlexErrorDetail[];
}

/**
 * Reads a Plex error body `{ code, message, errors? }`. Never throws: extra members are
 * ignored, and an empty, non-JSON or differently shaped body gives `documented: false`.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  const body = parseJsonObject(text);
  if (body === undefined) {
    return { documented: false, code: undefined, message: undefined, errors: [] };
  }
  const code = typeof body['code'] === 'string' ? body['code'] : undefined;
  const message = typeof body['message'] === 'string' ? body['message'] : undefined;
  return {
    documented: code !== undefined && message !== undefined,
    code,
    message,
    errors: readDetails(body['errors']),
  };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function readDetails(value: unknown): PlexErrorDetail[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const details: PlexErrorDetail[] = [];
  for (const entry of value) {
    if (entry !== null && typeof entry === 'object') {
      const { code, message } = entry as Record<string, unknown>;
      if (typeof code === 'string' && typeof message === 'string') {
        details.push({ code, message });
      }
    }
  }
  return details;
}
