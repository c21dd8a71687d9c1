import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type PlexClock, type PlexFetch, systemClock } from '../../../client/index.js';
import { type LookupHandler, createLookupHandler } from '../../../functions/webhook-lookup/handler.js';
import { signatureHeaders } from '../../../functions/webhook-lookup/signature.js';
import { CapturingLogger } from '../../functions/support/access-check.js';
import { lambdaContext, lookupEvent } from '../../functions/support/webhook-event.js';
import { type LookupReply, readReply } from '../../functions/support/webhook-responses.js';
import { isObject, loadBundle, createValidator, type JsonObject } from '../../support/bundle.js';
import type { LeakCollector } from './leak-check.js';

// The AWS SDK must never look for credentials on an instance metadata endpoint.
process.env['AWS_EC2_METADATA_DISABLED'] = 'true';

export interface LookupRigOptions {
  plexBaseUrl: string;
  apiKey: string;
  signingSecrets: readonly string[];
  /** Variables that replace or, with undefined, remove the defaults below. */
  env?: Record<string, string | undefined>;
  /** @default a new clock on the system time, so the rig gets a rate limiter of its own */
  clock?: PlexClock;
  /** Sends the Plex requests. @default globalThis.fetch */
  fetch?: PlexFetch;
}

/** A lookup handler and the logger that captures its lines. */
export interface LookupRig {
  readonly handler: LookupHandler;
  readonly logger: CapturingLogger;
  readonly clock: PlexClock;
  /** Log lines already handed to a leak collector. */
  collectedLines: number;
}

/**
 * Creates a lookup handler against a Plex server, with the cache off (so every lookup that
 * passes validation sends its own Plex request) and a budget that never makes a lookup
 * wait. Options override each of these.
 */
export function createLookupRig(options: LookupRigOptions): LookupRig {
  const clock = options.clock ?? { now: systemClock.now, sleep: systemClock.sleep };
  const logger = new CapturingLogger({ serviceName: 'plex-connect', logLevel: 'DEBUG' });
  const env: Record<string, string | undefined> = {
    PLEX_BASE_URL: options.plexBaseUrl,
    PLEX_API_KEY: options.apiKey,
    LOOKUP_SIGNING_SECRETS: options.signingSecrets.join(','),
    LOOKUP_CACHE_TTL_MS: '0',
    PLEX_RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  };

  return { handler: createLookupHandler({ env, clock, logger, fetch: options.fetch }), logger, clock, collectedLines: 0 };
}

/** Builds an API Gateway v2 event whose body is signed at `nowMs` with each of `secrets`. */
export function signedLookupEvent(
  body: string | object,
  secrets: readonly string[],
  nowMs: number,
  headers: Record<string, string | undefined> = {},
): APIGatewayProxyEventV2 {
  const bytes = typeof body === 'string' ? body : JSON.stringify(body);
  return lookupEvent({ body: bytes, headers: { ...signatureHeaders(bytes, secrets, nowMs), ...headers } });
}

/**
 * Invokes the handler, adds the result and the log lines not collected yet to `leaks`, and
 * returns the parsed reply.
 */
export async function invokeLookup(
  rig: LookupRig,
  event: APIGatewayProxyEventV2,
  leaks: LeakCollector,
  context: Context = lambdaContext(5_000, () => rig.clock.now()),
): Promise<LookupReply> {
  const result = await rig.handler(event, context);
  leaks.add('lookup response', result);
  leaks.addAll('lookup log', rig.logger.lines.slice(rig.collectedLines));
  rig.collectedLines = rig.logger.lines.length;

  return readReply(result);
}

const bundle = loadBundle('lookup-webhook');

function lookupResponses(): JsonObject {
  const paths = bundle['paths'] as JsonObject;
  const operation = (paths['/lookups'] as JsonObject)['post'] as JsonObject;
  return operation['responses'] as JsonObject;
}

/** The statuses that the description documents for `POST /lookups`, the keys of its responses. */
export const DOCUMENTED_STATUSES: readonly number[] = Object.keys(lookupResponses()).map(Number);

/** Statuses of requests that fail a check before the Plex step, so nothing may reach Plex. */
export const REJECTED_BEFORE_PLEX: readonly number[] = [400, 401, 403, 413, 415];

const validateProblem = createValidator(bundle).compile({ $ref: 'bundle#/components/schemas/Problem' });

/**
 * Lists how a reply breaks the description's Problem contract: a status that is not
 * documented, a 500, another media type, or a body that fails the Problem schema. A 200 is
 * checked for its status and media type only.
 */
export function problemContractErrors(reply: LookupReply): string[] {
  const errors: string[] = [];
  if (!DOCUMENTED_STATUSES.includes(reply.status)) errors.push(`status ${reply.status} is not documented`);
  if (reply.status === 500) errors.push('status 500');
  if (reply.status === 200) {
    if (reply.headers['content-type'] !== 'application/json') errors.push(`200 with ${reply.headers['content-type']}`);
    return errors;
  }

  if (reply.headers['content-type'] !== 'application/problem+json') {
    errors.push(`${reply.status} with ${String(reply.headers['content-type'])}`);
  }
  if (!validateProblem(reply.body)) {
    errors.push(...(validateProblem.errors ?? []).map((error) => `body${error.instancePath} ${error.message}`));
  }
  if (isObject(reply.body) && reply.body['status'] !== reply.status) errors.push('body status differs from the status');

  return errors;
}

/** One parameter of one lookup, as the description's request schemas define it. */
export interface LookupParameter {
  lookup: string;
  name: string;
  required: boolean;
  maxLength: number;
}

/** Lists every parameter of every lookup from the `*Lookup` request schemas of the description. */
export function lookupParameters(): LookupParameter[] {
  const schemas = (bundle['components'] as JsonObject)['schemas'] as JsonObject;
  const parameters: LookupParameter[] = [];
  for (const schema of Object.values(schemas)) {
    const properties = isObject(schema) ? schema['properties'] : undefined;
    if (!isObject(properties) || !isObject(properties['lookup']) || !isObject(properties['params'])) continue;

    const lookup = String(properties['lookup']['const']);
    const paramsRef = String(properties['params']['$ref']).split('/').pop()!;
    const params = schemas[paramsRef] as JsonObject;
    const required = (params['required'] ?? []) as string[];
    for (const [name, property] of Object.entries(params['properties'] as JsonObject)) {
      const maxLength = Number((property as JsonObject)['maxLength']);
      parameters.push({ lookup, name, required: required.includes(name), maxLength });
    }
  }

  return parameters;
}
