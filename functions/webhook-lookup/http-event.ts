import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Request headers by lower-case name. */
export type RequestHeaders = Readonly<Record<string, string | undefined>>;

/**
 * Returns the headers with lower-case names. API Gateway v2 already sends
 * them so, but other callers of the handler (tests, serverless-offline
 * versions) may not, and HTTP header names are case-insensitive.
 */
export function lowercaseHeaders(headers: APIGatewayProxyEventV2['headers'] | undefined): RequestHeaders {
  const lowercase: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) lowercase[name.toLowerCase()] = value;

  return lowercase;
}

/**
 * Returns the body bytes as the sender sent them: API Gateway delivers a body
 * either as text or base64-encoded (`isBase64Encoded`), and the signature
 * covers the original bytes.
 */
export function bodyBytes(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): Buffer {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);

  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/** Shortens a value quoted in a message, so a long header cannot bloat the response. */
export function clip(value: string, maxLength = 80): string {
  return value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
}
