import type { components as plex } from '../../client/index.js';
import type { components } from '../../generated/lookup-webhook.js';

type Schemas = components['schemas'];
type Plex = plex['schemas'];

export type LookupMatch =
  | Schemas['EmployeeMatch']
  | Schemas['PartMatch']
  | Schemas['SupplierMatch']
  | Schemas['CustomerMatch']
  | Schemas['WorkcenterMatch']
  | Schemas['SupplyItemMatch']
  | Schemas['ContainerMatch'];

// Each projection copies the members of one match schema from a Plex record.
// A member that Plex leaves out becomes null, because every member of a match
// is present.

export function employeeMatch(employee: Plex['Employee']): Schemas['EmployeeMatch'] {
  return {
    id: employee.id,
    badgeNumber: employee.badgeNumber,
    firstName: employee.firstName,
    lastName: employee.lastName,
    status: employee.status,
    department: employee.department ?? null,
    position: employee.position ?? null,
    building: employee.building ?? null,
  };
}

export function partMatch(part: Plex['Part']): Schemas['PartMatch'] {
  return {
    id: part.id,
    number: part.number,
    revision: part.revision ?? null,
    name: part.name ?? null,
    type: part.type ?? null,
    status: part.status ?? null,
  };
}

export function supplierMatch(supplier: Plex['Supplier']): Schemas['SupplierMatch'] {
  return { id: supplier.id, code: supplier.code, name: supplier.name ?? null, status: supplier.status ?? null };
}

export function customerMatch(customer: Plex['Customer']): Schemas['CustomerMatch'] {
  return { id: customer.id, code: customer.code, name: customer.name ?? null, status: customer.status ?? null };
}

export function workcenterMatch(workcenter: Plex['Workcenter']): Schemas['WorkcenterMatch'] {
  return {
    workcenterId: workcenter.workcenterId,
    workcenterCode: workcenter.workcenterCode,
    name: workcenter.name ?? null,
    workcenterGroup: workcenter.workcenterGroup ?? null,
    buildingCode: workcenter.buildingCode ?? null,
  };
}

export function supplyItemMatch(item: Plex['SupplyItem']): Schemas['SupplyItemMatch'] {
  return {
    id: item.id,
    supplyItemNumber: item.supplyItemNumber,
    description: item.description ?? null,
    group: item.group ?? null,
    category: item.category ?? null,
    inventoryUnit: item.inventoryUnit ?? null,
  };
}

export function containerMatch(container: Plex['Container']): Schemas['ContainerMatch'] {
  return {
    serialNo: container.serialNo,
    partId: container.partId,
    partNo: container.partNo ?? null,
    revision: container.revision ?? null,
    quantity: container.quantity,
    quantityInventoryUnit: container.quantityInventoryUnit ?? null,
    containerStatus: container.containerStatus ?? null,
    locationId: container.locationId ?? null,
    location: container.location ?? null,
  };
}
