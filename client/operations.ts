import type { paths } from '../generated/plex-connect.js';

/**
 * operationId of each GET operation, for error messages and log fields. openapi-typescript
 * keeps operationIds only as type names, so they are listed here. The `satisfies` clause
 * makes tsc fail when a path is added or removed, and a unit test compares the names with
 * the description.
 */
const GET_OPERATION_IDS = {
  '/mdm/v1/tenants': 'listTenants',
  '/mdm/v1/tenants/{id}': 'getTenant',
  '/mdm/v1/employees': 'listEmployees',
  '/mdm/v1/employees/{id}': 'getEmployee',
  '/mdm/v1/parts': 'listParts',
  '/mdm/v1/parts/{id}': 'getPart',
  '/mdm/v1/suppliers': 'listSuppliers',
  '/mdm/v1/suppliers/{id}': 'getSupplier',
  '/mdm/v1/customers': 'listCustomers',
  '/mdm/v1/customers/{id}': 'getCustomer',
  '/mdm/v1/contacts': 'listContacts',
  '/mdm/v1/contacts/{id}': 'getContact',
  '/mdm/v1/buildings': 'listBuildings',
  '/mdm/v1/buildings/{id}': 'getBuilding',
  '/mdm/v1/operations': 'listOperations',
  '/mdm/v1/operations/{id}': 'getOperation',
  '/production/v1/production-definitions/workcenters': 'listWorkcenters',
  '/production/v1/production-definitions/workcenters/{id}': 'getWorkcenter',
  '/inventory/v1/inventory-definitions/supply-items': 'listSupplyItems',
  '/inventory/v1/inventory-definitions/supply-items/{id}': 'getSupplyItem',
  '/inventory/v1/inventory-definitions/locations': 'listLocations',
  '/inventory/v1/inventory-tracking/containers': 'listContainers',
  '/inventory/v1/inventory-tracking/containers/{serialNo}': 'getContainer',
  '/purchasing/v1/purchase-orders': 'listPurchaseOrders',
  '/purchasing/v1/purchase-orders/{id}': 'getPurchaseOrder',
  '/scheduling/v1/jobs': 'listJobs',
  '/scheduling/v1/jobs/{id}': 'getJob',
} as const satisfies { readonly [Path in keyof paths]: string };

/** Returns the operationId of `method` on `pathTemplate`, or the path template when none is known. */
export function operationName(method: string, pathTemplate: string): string {
  if (method.toUpperCase() !== 'GET') {
    return pathTemplate;
  }
  const ids: Readonly<Record<string, string>> = GET_OPERATION_IDS;
  return Object.hasOwn(ids, pathTemplate) ? ids[pathTemplate]! : pathTemplate;
}

/** Returns every path and its GET operationId, for tests. */
export function listGetOperationIds(): Readonly<Record<string, string>> {
  return GET_OPERATION_IDS;
}
