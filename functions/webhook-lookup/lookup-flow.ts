import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { checkBodySize, checkContentType, parseJsonObject } from './body-checks.js';
import { readSigningSecrets } from './config.js';
import { bodyBytes, lowercaseHeaders } from './http-event.js';
import type { LookupTrace } from './logging.js';
import { type PlexStepContext, runPlexStep } from './plex-step.js';
import type { LookupResponse } from './problems.js';
import { checkLookupRequest } from './request-validation.js';
import { checkSignature, checkSignatureHeaders } from './signature-checks.js';
import { checkTenantAllowed, tenantLabel } from './tenants.js';

/**
 * Checks one lookup request in the description's order and runs it against
 * Plex. It returns the problem of the first check that fails, so nothing
 * reaches Plex for a request that failed any check. The signing secrets are read only
 * once the signature headers are known to be usable.
 */
export async function handleLookupRequest(
  event: APIGatewayProxyEventV2,
  context: PlexStepContext,
  trace: LookupTrace,
): Promise<LookupResponse> {
  const body = bodyBytes(event);
  const headers = lowercaseHeaders(event.headers);
  const nowMs = context.clock.now();

  const envelopeProblem = checkBodySize(body) ?? checkSignatureHeaders(headers, nowMs);
  if (envelopeProblem) return envelopeProblem;

  const secrets = await readSigningSecrets(context.config);
  const signedProblem = checkSignature(body, headers, secrets, nowMs) ?? checkContentType(headers);
  if (signedProblem) return signedProblem;

  const json = parseJsonObject(body);
  if (!json.ok) return json.response;

  const checked = checkLookupRequest(json.value);
  if (!checked.ok) return checked.response;

  const { request } = checked;
  trace.lookup = request.lookup;
  trace.tenant = tenantLabel(request);
  const tenantProblem = checkTenantAllowed(request, context.config.allowedTenants);
  if (tenantProblem) return tenantProblem;

  return runPlexStep(request, context, trace);
}
