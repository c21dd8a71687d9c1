/**
 * Type tests of the client, checked by `tsc --noEmit`. Nothing here runs: every call sits
 * in a function that is never called. Each `@ts-expect-error` line must fail to compile, so
 * a change that makes it compile fails the type check.
 */
import { PlexDateTime, createPlexClient, type PlexApiError, type PlexClient } from '../../client/index.js';
import type { components } from '../../generated/plex-connect.js';

type Part = components['schemas']['Part'];
type Container = components['schemas']['Container'];

/** True when `A` and `B` are the same type, false otherwise (also for `any` against anything else). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Fails to compile unless its type argument is `true`. */
function assertType<_Condition extends true>(): void {}

export async function typedCalls(client: PlexClient): Promise<void> {
  const parts = await client.GET('/mdm/v1/parts', { params: { query: { status: 'Active', id: ['a', 'b'] } } });
  if (parts.error === undefined) {
    assertType<Equal<typeof parts.data, Part[]>>();
    assertType<Equal<typeof parts.response, Response>>();
  } else {
    assertType<Equal<typeof parts.error, PlexApiError>>();
    assertType<Equal<typeof parts.response, Response | undefined>>();
  }

  const part = await client.getOrThrow('/mdm/v1/parts/{id}', { params: { path: { id: 'cb17e916-50a6-4374-822c-e3801afa99c0' } } });
  assertType<Equal<typeof part, Part>>();

  await client.GET('/mdm/v1/tenants');
  const tenants = await client.request('get', '/mdm/v1/tenants');
  assertType<Equal<typeof tenants.data, components['schemas']['Tenant'][] | undefined>>();
  await client.GET('/mdm/v1/employees', { tenantId: '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34' });
  await client.GET('/mdm/v1/employees', { customerId: 79870, deadline: Date.now() + 5_000 });
  await client.GET('/mdm/v1/employees', { params: { header: { 'X-Plex-Connect-Customer-Id': 79870 } } });
  await client.GET('/mdm/v1/suppliers', {
    params: { query: { modifiedDateBegin: new Date(), modifiedDateEnd: PlexDateTime.parse('2024-03-01T08:15:30.1234567Z') } },
  });
  await client.GET('/mdm/v1/suppliers', { params: { query: { modifiedDateBegin: '2024-03-01T08:15:30.1234567Z' } } });

  for await (const container of client.stream('/inventory/v1/inventory-tracking/containers', { remainingTimeMs: () => 1_000 })) {
    assertType<Equal<typeof container, Container>>();
  }
}

export async function rejectedCalls(client: PlexClient): Promise<void> {
  // @ts-expect-error an unknown path
  await client.GET('/mdm/v1/partz');

  // @ts-expect-error a misspelled query parameter name
  await client.GET('/mdm/v1/parts', { params: { query: { statuss: 'Active' } } });

  // @ts-expect-error a path without its required path parameter
  await client.GET('/mdm/v1/parts/{id}');

  // @ts-expect-error a path parameter object without the parameter
  await client.GET('/mdm/v1/parts/{id}', { params: { path: {} } });

  // @ts-expect-error the wrong path parameter name on the container path, which takes serialNo
  await client.GET('/inventory/v1/inventory-tracking/containers/{serialNo}', { params: { path: { id: 'S-1' } } });

  // @ts-expect-error a number where the part status is a string
  await client.GET('/mdm/v1/parts', { params: { query: { status: 3 } } });

  // @ts-expect-error a single string where the id filter is an array
  await client.GET('/mdm/v1/parts', { params: { query: { id: 'cb17e916-50a6-4374-822c-e3801afa99c0' } } });

  // @ts-expect-error a Date where the parameter is not a date-time
  await client.GET('/mdm/v1/parts', { params: { query: { number: new Date() } } });

  // @ts-expect-error a PCN as a string
  await client.GET('/mdm/v1/parts', { customerId: '79870' });

  // @ts-expect-error a per-call fetch, which would bypass retries and the rate limit
  await client.GET('/mdm/v1/parts', { fetch: globalThis.fetch });

  // @ts-expect-error a misspelled call option
  await client.GET('/mdm/v1/parts', { tenantID: '8d3c2f7a-1b4e-4c9d-a6f0-5e2b7d9c1a34' });

  // @ts-expect-error streaming a path that returns one record, not a list
  client.stream('/mdm/v1/parts/{id}', { params: { path: { id: 'x' } } });

  // @ts-expect-error a method the description does not define for the path
  await client.request('post', '/mdm/v1/parts', {});
}

export function rejectedOptions(): void {
  // @ts-expect-error an unknown tier name
  createPlexClient({ apiKey: 'k', tier: 'prod' });

  // @ts-expect-error a PCN as a string
  createPlexClient({ apiKey: 'k', tier: 'test', customerId: '79870' });

  // @ts-expect-error a misspelled option
  createPlexClient({ apiKey: 'k', tier: 'test', timeout: 5_000 });
}
