/** Signed API Gateway v2 events for `POST /lookups`, built as the tests build them. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signatureHeaders } from '../../functions/webhook-lookup/signature.js';
import { lookupEvent } from '../../test/functions/support/webhook-event.js';

export { lambdaContext } from '../../test/functions/support/webhook-event.js';

/** Builds the event of a lookup body signed with `secret` at the current time. */
export function signedLookupEvent(body: string, secret: string): APIGatewayProxyEventV2 {
  return lookupEvent({ body, headers: signatureHeaders(body, [secret]) });
}
