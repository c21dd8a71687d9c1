import type { paths } from '../generated/plex-connect.js';

/** Header parameters that the description declares on every Plex Connect operation. */
type PlexHeaderParameter = keyof NonNullable<paths['/mdm/v1/tenants']['parameters']['header']>;

/**
 * Header that carries the consumer key. It comes from the `PlexApiKey` security scheme,
 * which openapi-typescript does not emit, so a unit test compares it with the description.
 */
export const API_KEY_HEADER = 'X-Plex-Connect-Api-Key';

/** Header that carries the consumer secret. */
export const API_SECRET_HEADER = 'X-Plex-Connect-Api-Secret' satisfies PlexHeaderParameter;

/** Header that selects a tenant by UUID. */
export const TENANT_ID_HEADER = 'X-Plex-Connect-Tenant-Id' satisfies PlexHeaderParameter;

/** Header that selects a tenant by PCN (Plex customer number). */
export const CUSTOMER_ID_HEADER = 'X-Plex-Connect-Customer-Id' satisfies PlexHeaderParameter;
