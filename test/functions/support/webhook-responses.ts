import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ValidateFunction } from 'ajv';
import { type JsonObject, createValidator, isObject, loadBundle, resolve } from '../../support/bundle.js';

/** A handler result with its body parsed. */
export interface LookupReply {
  status: number;
  headers: Record<string, string>;
  // `any`, because the tests read members of result and problem bodies alike.
  body: any;
}

const bundle = loadBundle('lookup-webhook');
const ajv = createValidator(bundle);
const validators = new Map<string, ValidateFunction>();

/** Parses a handler result. */
export function readReply(result: APIGatewayProxyStructuredResultV2): LookupReply {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);

  return { status: result.statusCode ?? 200, headers, body: JSON.parse(result.body ?? 'null') };
}

function operationResponses(): JsonObject {
  const paths = bundle['paths'] as JsonObject;
  const operation = (paths['/lookups'] as JsonObject)['post'] as JsonObject;
  return operation['responses'] as JsonObject;
}

function compiled(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: pointer });
    validators.set(pointer, validate);
  }

  return validate;
}

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Checks each required header of a response: present, and valid for its schema (integers parsed first). */
function headerErrors(reply: LookupReply, response: JsonObject): string[] {
  const errors: string[] = [];
  for (const [name, entry] of Object.entries((response['headers'] ?? {}) as JsonObject)) {
    const header = resolve(bundle, entry);
    if (!isObject(header) || !isObject(entry) || header['required'] !== true) continue;

    const value = reply.headers[name.toLowerCase()];
    if (value === undefined) {
      errors.push(`header ${name} is missing`);
      continue;
    }

    const schema = header['schema'] as JsonObject;
    const validate = compiled(`bundle${String(entry['$ref'])}/schema`);
    const parsed = schema['type'] === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (!validate(parsed)) errors.push(`header ${name} ${JSON.stringify(value)} ${validate.errors?.[0]?.message ?? ''}`);
  }

  return errors;
}

/**
 * Lists how a reply departs from the description's response for its status:
 * an undescribed status, another media type, a missing required header, or a
 * body that breaks the schema. An empty list means the reply is as described.
 */
export function describedResponseErrors(reply: LookupReply): string[] {
  const entry = operationResponses()[String(reply.status)];
  const response = resolve(bundle, entry);
  if (!isObject(entry) || typeof entry['$ref'] !== 'string' || !isObject(response)) {
    return [`status ${reply.status} is not described`];
  }

  const content = response['content'] as JsonObject;
  const mediaType = reply.headers['content-type'] ?? '';
  if (!(mediaType in content)) return [`content type ${mediaType} is not one of ${Object.keys(content).join(', ')}`];

  const errors = headerErrors(reply, response);
  const validate = compiled(`bundle${entry['$ref']}/content/${escapeToken(mediaType)}/schema`);
  if (!validate(reply.body)) errors.push(...(validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`));

  return errors;
}
