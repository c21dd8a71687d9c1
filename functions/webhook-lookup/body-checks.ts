import type { RequestHeaders } from './http-event.js';
import { clip } from './http-event.js';
import { type ProblemResponse, problem } from './problems.js';

/** The largest body the description allows, in bytes (16 KiB). */
export const MAX_BODY_BYTES = 16_384;

/** Checks the body length before anything else: check 1 of the description. */
export function checkBodySize(body: Uint8Array): ProblemResponse | undefined {
  if (body.byteLength <= MAX_BODY_BYTES) return undefined;

  const detail = `The request body has ${body.byteLength} bytes. The limit is ${MAX_BODY_BYTES} bytes.`;
  return problem('BODY_TOO_LARGE', detail);
}

const UTF8_CHARSET = /^charset\s*=\s*(?:utf-8|"utf-8")$/i;

/**
 * Checks that `Content-Type` is `application/json`, alone or with
 * `charset=utf-8`, in any letter case: check 5 of the description.
 */
export function checkContentType(headers: RequestHeaders): ProblemResponse | undefined {
  const value = headers['content-type'];
  if (value === undefined || value.trim() === '') {
    return problem('UNSUPPORTED_MEDIA_TYPE', 'The request has no Content-Type header. Send application/json.');
  }

  const [mediaType = '', ...parameters] = value.split(';').map((part) => part.trim());
  const extra = parameters.filter((parameter) => parameter !== '');
  const isJson = mediaType.toLowerCase() === 'application/json';
  const hasOnlyCharset = extra.length === 0 || (extra.length === 1 && UTF8_CHARSET.test(extra[0] ?? ''));
  if (isJson && hasOnlyCharset) return undefined;

  return problem('UNSUPPORTED_MEDIA_TYPE', `Content-Type ${clip(value)} is not supported. Send application/json.`);
}

export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; response: ProblemResponse };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses the body as UTF-8 JSON that must be an object: check 6 of the
 * description. The detail never quotes the body.
 */
export function parseJsonObject(body: Uint8Array): JsonObjectResult {
  const invalid = (detail: string): JsonObjectResult => ({ ok: false, response: problem('INVALID_JSON', detail) });
  if (body.byteLength === 0) return invalid('The request body is empty. Send a JSON object.');

  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return invalid('The request body is not valid UTF-8.');
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return invalid(`The request body is not valid JSON: ${describeSyntaxError(error)}.`);
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(`The request body is ${describeJsonValue(value)}, not a JSON object.`);
  }

  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Reduces a `JSON.parse` error to its kind and position. V8's own message can
 * quote the body, which the detail must not repeat.
 */
function describeSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input/i.test(message)) return 'unexpected end of input';

  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? 'syntax error' : `syntax error at character ${position}`;
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';

  return `a ${typeof value}`;
}
