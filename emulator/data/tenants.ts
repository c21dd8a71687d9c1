/**
 * The three tenants of the emulated Plex environment. Their UUIDs and PCNs are fixed,
 * independent of the seed, so API key configurations can refer to them.
 */

/** One tenant (PCN) with the place its plants are in, used for addresses and phone numbers. */
export interface TenantProfile {
  /** Position in `TENANTS`, from 0. */
  tenantNo: number;
  id: string;
  code: string;
  name: string;
  /** The Plex customer number, sent in `X-Plex-Connect-Customer-Id`. */
  pcn: number;
  emailDomain: string;
  city: string;
  state: string;
  country: string;
  zipCode: string;
  phonePrefix: string;
  currencyCode: string;
  language: string;
  /** Share of the production-scale record counts that this tenant holds. */
  sizeFactor: number;
}

export const TENANTS: readonly TenantProfile[] = [
  {
    tenantNo: 0,
    id: '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34',
    code: 'lakeshore',
    name: 'Lakeshore Precision Manufacturing',
    pcn: 79870,
    emailDomain: 'lakeshoreprecision.example.com',
    city: 'Holland',
    state: 'MI',
    country: 'USA',
    zipCode: '49424',
    phonePrefix: '+1 616 555',
    currencyCode: 'USD',
    language: 'English',
    sizeFactor: 1,
  },
  {
    tenantNo: 1,
    id: 'b682a21b-befb-4416-97bc-2f7200426a97',
    code: 'lakeshoremx',
    name: 'Lakeshore Precision de Mexico',
    pcn: 84112,
    emailDomain: 'lakeshoreprecision.example.mx',
    city: 'Saltillo',
    state: 'COAH',
    country: 'Mexico',
    zipCode: '25000',
    phonePrefix: '+52 844 555',
    currencyCode: 'MXN',
    language: 'Spanish',
    sizeFactor: 0.4,
  },
  {
    tenantNo: 2,
    id: '4e7d1c93-0a5b-4f26-8d3e-9b1c6a2f7e58',
    code: 'northbaystamping',
    name: 'North Bay Stamping',
    pcn: 91544,
    emailDomain: 'northbaystamping.example.com',
    city: 'Kenosha',
    state: 'WI',
    country: 'USA',
    zipCode: '53144',
    phonePrefix: '+1 262 555',
    currencyCode: 'USD',
    language: 'English',
    sizeFactor: 0.15,
  },
];

/** Finds a tenant by UUID (any case) or by PCN. */
export function findTenant(reference: string | number): TenantProfile | undefined {
  if (typeof reference === 'number') {
    return TENANTS.find((tenant) => tenant.pcn === reference);
  }

  const id = reference.toLowerCase();
  return TENANTS.find((tenant) => tenant.id === id);
}
