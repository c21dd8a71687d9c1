/**
 * This file was generated from openapi/lookup-webhook.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */

import type { ErrorObject } from 'ajv';
import type { components } from './lookup-webhook.js';

type LookupName = components['schemas']['LookupName'];

/** A compiled validator: true when `data` matches, otherwise false with the reasons in `errors`. */
export interface RequestValidator<T> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

export declare const validateLookupRequest: RequestValidator<components['schemas']['LookupRequest']>;
export declare const validateEmployeeByBadgeLookup: RequestValidator<components['schemas']['EmployeeByBadgeLookup']>;
export declare const validateEmployeeByLastNameLookup: RequestValidator<components['schemas']['EmployeeByLastNameLookup']>;
export declare const validatePartByNumberLookup: RequestValidator<components['schemas']['PartByNumberLookup']>;
export declare const validateSupplierByCodeLookup: RequestValidator<components['schemas']['SupplierByCodeLookup']>;
export declare const validateCustomerByCodeLookup: RequestValidator<components['schemas']['CustomerByCodeLookup']>;
export declare const validateWorkcenterByCodeLookup: RequestValidator<components['schemas']['WorkcenterByCodeLookup']>;
export declare const validateSupplyItemByNumberLookup: RequestValidator<components['schemas']['SupplyItemByNumberLookup']>;
export declare const validateContainerBySerialNoLookup: RequestValidator<components['schemas']['ContainerBySerialNoLookup']>;

/** The validator of each lookup's request variant, by lookup name. */
export declare const lookupValidators: {
  readonly [Name in LookupName]: RequestValidator<Extract<components['schemas']['LookupRequest'], { lookup: Name }>>;
};

/** The lookup names of the LookupName schema, in the order the description lists them. */
export declare const lookupNames: readonly LookupName[];
