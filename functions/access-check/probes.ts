import type { PlexCallOptions, PlexClient } from '../../client/index.js';

/** The API products of Plex Connect, named by the first segment of their paths. */
export const API_PRODUCTS = ['mdm', 'production', 'inventory', 'purchasing', 'scheduling'] as const;

export type ApiProduct = (typeof API_PRODUCTS)[number];

/**
 * The nil UUID. It passes UUID validation but is never generated as a record UUID, so a
 * filter on it matches nothing and the response is an empty list.
 */
export const NO_MATCH_ID = '00000000-0000-0000-0000-000000000000';

/** One cheap request that proves a key can reach an API product in a tenant. */
export interface Probe {
  product: ApiProduct;
  /** operationId of the request, for messages. */
  operation: string;
  /**
   * Sends the request and reads at most the first item of the list, so even a filter that
   * Plex ignored (it ignores unknown filters and returns the whole list) costs one item.
   * Resolves to the number of items read, 0 or 1.
   *
   * @throws PlexApiError (as a rejection) for every failure of the request.
   */
  send(client: PlexClient, call: PlexCallOptions): Promise<number>;
}

/** Reads the first item, if any. Leaving the loop early cancels the rest of the body. */
async function countFirstItem(items: AsyncIterable<unknown>): Promise<number> {
  for await (const _item of items) {
    return 1;
  }

  return 0;
}

/**
 * A probe per product, each a list filtered by a UUID field on the nil UUID. Every filter
 * used here is listed for its operation in the developer portal's description, so Plex
 * applies it instead of ignoring it.
 */
export const PROBES: Readonly<Record<ApiProduct, Probe>> = {
  mdm: {
    product: 'mdm',
    operation: 'listBuildings',
    send: (client, call) =>
      countFirstItem(client.stream('/mdm/v1/buildings', { ...call, params: { query: { id: [NO_MATCH_ID] } } })),
  },
  production: {
    product: 'production',
    operation: 'listWorkcenters',
    send: (client, call) =>
      countFirstItem(
        client.stream('/production/v1/production-definitions/workcenters', {
          ...call,
          params: { query: { buildingId: NO_MATCH_ID } },
        }),
      ),
  },
  inventory: {
    product: 'inventory',
    operation: 'listLocations',
    send: (client, call) =>
      countFirstItem(
        client.stream('/inventory/v1/inventory-definitions/locations', {
          ...call,
          params: { query: { locationId: NO_MATCH_ID } },
        }),
      ),
  },
  purchasing: {
    product: 'purchasing',
    operation: 'listPurchaseOrders',
    send: (client, call) =>
      countFirstItem(client.stream('/purchasing/v1/purchase-orders', { ...call, params: { query: { id: [NO_MATCH_ID] } } })),
  },
  scheduling: {
    product: 'scheduling',
    operation: 'listJobs',
    send: (client, call) =>
      countFirstItem(client.stream('/scheduling/v1/jobs', { ...call, params: { query: { partId: NO_MATCH_ID } } })),
  },
};
