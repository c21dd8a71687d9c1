import { PlexApiError, type PlexCallOptions, type PlexClient, type PlexResult } from '../../client/index.js';
import {
  type LookupMatch,
  containerMatch,
  customerMatch,
  employeeMatch,
  partMatch,
  supplierMatch,
  supplyItemMatch,
  workcenterMatch,
} from './matches.js';
import type { LookupName } from './problems.js';
import type { LookupRequest } from './request-validation.js';

type ParamsOf<Name extends LookupName> = Extract<LookupRequest, { lookup: Name }>['params'];

/** The result of a lookup's Plex request: the matches, possibly none, or the failure. */
export type LookupOutcome = { matches: LookupMatch[]; error?: never } | { matches?: never; error: PlexApiError };

/** One row of the description's lookup table. */
export interface LookupDefinition<Params> {
  /** The Plex request as messages name it: method and path template, never the values. */
  readonly plexRequest: string;
  /** Describes what matched nothing, for the NO_MATCH detail. */
  describeNoMatch(params: Params): string;
  /** Sends the Plex request with the values as query or encoded path parameters, and projects the records. */
  fetchMatches(client: PlexClient, params: Params, call: PlexCallOptions): Promise<LookupOutcome>;
}

const quote = (value: string): string => JSON.stringify(value);

/** Returns no matches for a 404, as for an empty list, and the failure for any other error. */
function failed(error: PlexApiError): LookupOutcome {
  return error.kind === 'not-found' ? { matches: [] } : { error };
}

function notAList(plexRequest: string, response: Response): PlexApiError {
  const [method = 'GET'] = plexRequest.split(' ');
  return new PlexApiError({
    kind: 'invalid-response',
    message: `${plexRequest} failed: ${response.status} with a body that is not a JSON array.`,
    status: response.status,
    operation: plexRequest,
    method,
    url: response.url,
    attempts: 1,
  });
}

function listMatches<Item>(plexRequest: string, project: (item: Item) => LookupMatch) {
  return async (pending: Promise<PlexResult<Item[]>>): Promise<LookupOutcome> => {
    const result = await pending;
    if (result.error) return failed(result.error);
    if (!Array.isArray(result.data)) return { error: notAList(plexRequest, result.response) };

    return { matches: result.data.map(project) };
  };
}

const employees = listMatches('GET /mdm/v1/employees', employeeMatch);
const parts = listMatches('GET /mdm/v1/parts', partMatch);
const suppliers = listMatches('GET /mdm/v1/suppliers', supplierMatch);
const customers = listMatches('GET /mdm/v1/customers', customerMatch);
const workcenters = listMatches('GET /production/v1/production-definitions/workcenters', workcenterMatch);
const supplyItems = listMatches('GET /inventory/v1/inventory-definitions/supply-items', supplyItemMatch);

/** The lookups of the description's table, by name. */
export const LOOKUPS: { readonly [Name in LookupName]: LookupDefinition<ParamsOf<Name>> } = {
  'employee-by-badge': {
    plexRequest: 'GET /mdm/v1/employees',
    describeNoMatch: ({ badgeNumber }) => `No employee has badge number ${quote(badgeNumber)}`,
    fetchMatches: (client, { badgeNumber }, call) =>
      employees(client.GET('/mdm/v1/employees', { params: { query: { badgeNumber } }, ...call })),
  },
  'employee-by-last-name': {
    plexRequest: 'GET /mdm/v1/employees',
    describeNoMatch: ({ lastName }) => `No employee has last name ${quote(lastName)}`,
    fetchMatches: (client, { lastName }, call) =>
      employees(client.GET('/mdm/v1/employees', { params: { query: { lastName } }, ...call })),
  },
  'part-by-number': {
    plexRequest: 'GET /mdm/v1/parts',
    describeNoMatch: ({ partNumber, revision }) =>
      `No part has number ${quote(partNumber)}${revision === undefined ? '' : ` and revision ${quote(revision)}`}`,
    fetchMatches: (client, { partNumber, revision }, call) => {
      const query = revision === undefined ? { number: partNumber } : { number: partNumber, revision };
      return parts(client.GET('/mdm/v1/parts', { params: { query }, ...call }));
    },
  },
  'supplier-by-code': {
    plexRequest: 'GET /mdm/v1/suppliers',
    describeNoMatch: ({ supplierCode }) => `No supplier has code ${quote(supplierCode)}`,
    fetchMatches: (client, { supplierCode }, call) =>
      suppliers(client.GET('/mdm/v1/suppliers', { params: { query: { code: supplierCode } }, ...call })),
  },
  'customer-by-code': {
    plexRequest: 'GET /mdm/v1/customers',
    describeNoMatch: ({ customerCode }) => `No customer has code ${quote(customerCode)}`,
    fetchMatches: (client, { customerCode }, call) =>
      customers(client.GET('/mdm/v1/customers', { params: { query: { code: customerCode } }, ...call })),
  },
  'workcenter-by-code': {
    plexRequest: 'GET /production/v1/production-definitions/workcenters',
    describeNoMatch: ({ workcenterCode }) => `No workcenter has code ${quote(workcenterCode)}`,
    fetchMatches: (client, { workcenterCode }, call) =>
      workcenters(
        client.GET('/production/v1/production-definitions/workcenters', { params: { query: { workcenterCode } }, ...call }),
      ),
  },
  'supply-item-by-number': {
    plexRequest: 'GET /inventory/v1/inventory-definitions/supply-items',
    describeNoMatch: ({ supplyItemNumber }) => `No supply item has number ${quote(supplyItemNumber)}`,
    fetchMatches: (client, { supplyItemNumber }, call) =>
      supplyItems(
        client.GET('/inventory/v1/inventory-definitions/supply-items', { params: { query: { supplyItemNumber } }, ...call }),
      ),
  },
  'container-by-serial-no': {
    plexRequest: 'GET /inventory/v1/inventory-tracking/containers/{serialNo}',
    describeNoMatch: ({ serialNo }) => `No active container has serial number ${quote(serialNo)}`,
    fetchMatches: async (client, { serialNo }, call) => {
      // openapi-fetch percent-encodes path parameters, so a serial number
      // with "/" or "?" stays one path segment.
      const path = '/inventory/v1/inventory-tracking/containers/{serialNo}';
      const result = await client.GET(path, { params: { path: { serialNo } }, ...call });
      return result.error ? failed(result.error) : { matches: [containerMatch(result.data)] };
    },
  },
};

/** Returns the definition of a validated request's lookup. */
export function lookupOf(request: LookupRequest): LookupDefinition<LookupRequest['params']> {
  // The validator has checked that `params` has the shape that `lookup` selects.
  return LOOKUPS[request.lookup] as LookupDefinition<LookupRequest['params']>;
}
