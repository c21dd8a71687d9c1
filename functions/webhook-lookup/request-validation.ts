import type { components } from '../../generated/lookup-webhook.js';
import { lookupNames, lookupValidators, validateLookupRequest } from '../../generated/lookup-request.validate.js';
import { clip } from './http-event.js';
import { type LookupName, type ProblemResponse, type ProblemError, problem } from './problems.js';
import { TENANT_CONFLICT_ERRORS, describeErrors } from './validation-errors.js';

export type LookupRequest = components['schemas']['LookupRequest'];

export type RequestCheck = { ok: true; request: LookupRequest } | { ok: false; response: ProblemResponse };

function isLookupName(value: unknown): value is LookupName {
  return typeof value === 'string' && (lookupNames as readonly string[]).includes(value);
}

function unknownLookup(value: unknown): ProblemResponse {
  const hint = 'Use one of the names in validLookups.';
  let detail: string;
  if (value === undefined) detail = `The request body has no "lookup" member. ${hint}`;
  else if (typeof value !== 'string') detail = `The "lookup" member must be a string. ${hint}`;
  else detail = `Unknown lookup ${JSON.stringify(clip(value, 60))}. ${hint}`;

  return problem('UNKNOWN_LOOKUP', detail, { validLookups: lookupNames });
}

/**
 * Validates a parsed body against the description's LookupRequest schema,
 * compiled ahead of time into generated/lookup-request.validate.js: checks 7
 * and 8 of the description. The name in `lookup` is checked first, so that a
 * misspelled name gives UNKNOWN_LOOKUP rather than the errors of every
 * variant. The errors then come from the one variant that the name selects.
 */
export function checkLookupRequest(body: Record<string, unknown>): RequestCheck {
  const lookup = body['lookup'];
  if (!isLookupName(lookup)) return { ok: false, response: unknownLookup(lookup) };

  if (validateLookupRequest(body)) return { ok: true, request: body };

  const variant = lookupValidators[lookup];
  variant(body);
  const errors: ProblemError[] = describeErrors(variant.errors ?? validateLookupRequest.errors ?? [], lookup);
  const hasTenantConflict = 'tenantId' in body && 'customerId' in body;
  if (hasTenantConflict) errors.push(...TENANT_CONFLICT_ERRORS);

  const detail =
    hasTenantConflict && errors.length === TENANT_CONFLICT_ERRORS.length
      ? 'Send tenantId or customerId to choose a tenant, not both.'
      : `The parameters of lookup ${lookup} are invalid. See errors for each value.`;
  if (errors.length === 0) errors.push({ name: '', detail: `does not match the ${lookup} request schema` });

  return { ok: false, response: problem('INVALID_PARAMETERS', detail, { errors }) };
}
