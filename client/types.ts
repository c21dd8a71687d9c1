import type { FetchOptions, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from '../generated/plex-connect.js';
import type { PlexApiError } from './errors/PlexApiError.js';
import type { PlexDateTimeQueryValue } from './query.js';

/** Widens the date-time query parameters (those with `Date` in their name) to accept `Date` and `PlexDateTime`. */
type WithDateTimeQuery<Query> = {
  [Name in keyof Query]: Name extends `${string}Date${string}`
    ? Query[Name] extends string | undefined
      ? Query[Name] | PlexDateTimeQueryValue
      : Query[Name]
    : Query[Name];
};

type WithDateTimeParameters<Parameters> = {
  [Location in keyof Parameters]: Location extends 'query' ? WithDateTimeQuery<Parameters[Location]> : Parameters[Location];
};

type WithDateTimeOperation<Operation> = {
  [Member in keyof Operation]: Member extends 'parameters' ? WithDateTimeParameters<Operation[Member]> : Operation[Member];
};

/**
 * The generated `paths` of Plex Connect, with `Date` and `PlexDateTime` allowed wherever a
 * query parameter takes a Plex date-time string. The client converts them when it sends.
 */
export type PlexPaths = {
  [Path in keyof paths]: {
    [Method in keyof paths[Path]]: Method extends 'parameters' ? paths[Path][Method] : WithDateTimeOperation<paths[Path][Method]>;
  };
};

/** HTTP methods in the lower case that openapi-typescript uses for operations. */
export type PlexMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

/** Paths that have an operation for `Method`. */
export type PlexPathWith<Method extends PlexMethod> = {
  [Path in keyof PlexPaths]: PlexPaths[Path] extends { [Key in Method]: object } ? Path : never;
}[keyof PlexPaths];

/** Paths with a GET operation. */
export type PlexGetPath = PlexPathWith<'get'>;

/** JSON media type that typed responses are read from. */
type JsonMedia = `${string}/${string}`;

/** Body of the success response of an operation. */
export type PlexData<Operation> = Operation extends Record<string | number, unknown>
  ? NonNullable<FetchResponse<Operation, object, JsonMedia>['data']>
  : never;

/** Paths whose GET operation returns a JSON array, the ones `stream` accepts. */
export type PlexListPath = {
  [Path in PlexGetPath]: PlexData<PlexPaths[Path]['get']> extends readonly unknown[] ? Path : never;
}[PlexGetPath];

/** Item type of the array that a list path returns. */
export type PlexListItem<Path extends PlexListPath> = PlexData<PlexPaths[Path]['get']> extends readonly (infer Item)[]
  ? Item
  : never;

/** Options of every call, in addition to openapi-fetch's `params`, `headers`, `signal` and the rest. */
export interface PlexCallOptions {
  /** Tenant UUID for this call only. Excludes `customerId`. */
  tenantId?: string;
  /** PCN for this call only. Excludes `tenantId`. */
  customerId?: number;
  /**
   * Time (clock milliseconds since the epoch) by which the call must finish. No retry wait
   * that would end later is started, and each attempt's timeout is cut to the time left.
   */
  deadline?: number;
  /**
   * Returns the milliseconds left for the call, read before each attempt and wait. In a
   * Lambda function pass `() => context.getRemainingTimeInMillis()`.
   */
  remainingTimeMs?: () => number;
}

/** openapi-fetch options that the client sets itself and a call may not override. */
export type PlexControlledOption = 'fetch' | 'baseUrl' | 'querySerializer' | 'pathSerializer' | 'parseAs' | 'middleware';

/** Init argument of a call: openapi-fetch's options typed by the operation, plus `PlexCallOptions`. */
export type PlexInit<Path extends keyof PlexPaths, Method extends PlexMethod> = Omit<
  FetchOptions<PlexPaths[Path][Method & keyof PlexPaths[Path]]>,
  PlexControlledOption
> &
  PlexCallOptions;

/** Init argument list: optional when the operation has no required parameter. */
export type PlexInitArgument<Path extends keyof PlexPaths, Method extends PlexMethod> =
  undefined extends MaybeOptionalInit<PlexPaths[Path], Method & keyof PlexPaths[Path]>
    ? [init?: PlexInit<Path, Method>]
    : [init: PlexInit<Path, Method>];

/**
 * Outcome of a call: `data` on success, or `error` on an expected failure. `response` is
 * the final HTTP response, or undefined when none arrived (timeout, network failure).
 */
export type PlexResult<Data> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: PlexApiError; response: Response | undefined };
