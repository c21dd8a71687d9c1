import { prepareCall, settle, type RawInit } from './call.js';
import { resolveConfig } from './config.js';
import { createCore, type ClientCore } from './core.js';
import { PlexApiError } from './errors/PlexApiError.js';
import type { PlexClientOptions } from './options.js';
import type { RateLimiter } from './rate-limit.js';
import { streamList } from './stream.js';
import { tenantFromArgument, type PlexTenant } from './tenant.js';
import { bufferedTransport, streamingTransport } from './transport.js';
import type {
  PlexData,
  PlexGetPath,
  PlexInitArgument,
  PlexListItem,
  PlexListPath,
  PlexMethod,
  PlexPathWith,
  PlexPaths,
  PlexResult,
} from './types.js';

/** Body of the success response of `Method` on `Path`. */
type DataOf<Path extends keyof PlexPaths, Method extends PlexMethod> = PlexData<
  PlexPaths[Path][Method & keyof PlexPaths[Path]]
>;

/**
 * Typed Plex Connect client. Paths, parameters and responses are typed by the OpenAPI
 * description, so a wrong path or parameter fails to compile.
 *
 * Expected failures (HTTP errors, timeouts, network failures) come back as `error`, a
 * `PlexApiError`. Only misuse rejects, such as an invalid tenant or a write on a read-only
 * client, and then nothing is sent.
 */
export interface PlexClient {
  /** Sends a GET request and returns `{ data }` or `{ error }`, each with the final `response`. */
  GET<Path extends PlexGetPath>(path: Path, ...init: PlexInitArgument<Path, 'get'>): Promise<PlexResult<DataOf<Path, 'get'>>>;
  /**
   * Sends a GET request and returns the data.
   *
   * @throws PlexApiError (as a rejection) for every failure that `GET` returns as `error`.
   */
  getOrThrow<Path extends PlexGetPath>(path: Path, ...init: PlexInitArgument<Path, 'get'>): Promise<DataOf<Path, 'get'>>;
  /**
   * Sends a request with any method the description defines for the path. Methods other
   * than GET and HEAD are rejected unless the client was created with `allowWrites: true`,
   * and they are never retried.
   */
  request<Method extends PlexMethod, Path extends PlexPathWith<Method>>(
    method: Method,
    path: Path,
    ...init: PlexInitArgument<Path, Method>
  ): Promise<PlexResult<DataOf<Path, Method>>>;
  /**
   * Returns the items of a list as they arrive, parsed from the body incrementally, so
   * memory stays flat for lists of any size. The request is sent when iteration starts.
   * Failures are thrown from the loop as `PlexApiError`; breaking out early cancels the body.
   *
   * @throws PlexConfigError at once, before iteration, for the misuse that `GET` rejects.
   */
  stream<Path extends PlexListPath>(path: Path, ...init: PlexInitArgument<Path, 'get'>): AsyncIterable<PlexListItem<Path>>;
  /**
   * Returns a client for another tenant: a string is a tenant UUID, a number a PCN. It
   * shares this client's fetch, rate limiter and cache.
   *
   * @throws PlexConfigError if the argument is neither a UUID nor a positive integer.
   */
  withTenant(idOrPcn: string | number): PlexClient;
  /** Tenant this client sends, or undefined for the key's default tenant. */
  readonly tenant: PlexTenant | undefined;
  /** Server URL the requests go to. */
  readonly baseUrl: string;
  /** Rate limiter shared by every client with the same key, or undefined when rate limiting is off. */
  readonly rateLimiter: RateLimiter | undefined;
}

/**
 * Creates a Plex Connect client.
 *
 * @throws PlexConfigError naming the first invalid option. Nothing is sent.
 */
export function createPlexClient(options: PlexClientOptions): PlexClient {
  const core = createCore(resolveConfig(options));
  return buildClient(core, core.config.tenant);
}

type UntypedRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; response: Response }>;

function buildClient(core: ClientCore, tenant: PlexTenant | undefined): PlexClient {
  const send = core.api.request as unknown as UntypedRequest;

  const request = async (method: string, path: string, init?: RawInit): Promise<PlexResult<unknown>> => {
    const { call, init: fetchInit } = prepareCall(core, tenant, method, path, init);
    return settle(call, () => send(method.toLowerCase(), path, { ...fetchInit, fetch: bufferedTransport(call) }));
  };

  const stream = (path: string, init?: RawInit): AsyncIterable<unknown> => {
    const { call, init: fetchInit } = prepareCall(core, tenant, 'GET', path, init);
    return streamList(call, async () => {
      const streamInit = { ...fetchInit, parseAs: 'stream', fetch: streamingTransport(call) };
      const { data, response } = await send('get', path, streamInit);
      return { body: data as ReadableStream<Uint8Array> | null | undefined, status: response.status };
    });
  };

  const getOrThrow = async (path: string, init?: RawInit): Promise<unknown> => {
    const result = await request('GET', path, init);
    if (result.error instanceof PlexApiError) {
      throw result.error;
    }
    return result.data;
  };

  const client = {
    GET: (path: string, init?: RawInit) => request('GET', path, init),
    getOrThrow,
    request,
    stream,
    withTenant: (idOrPcn: string | number) => buildClient(core, tenantFromArgument(idOrPcn)),
    tenant,
    baseUrl: core.config.baseUrl,
    rateLimiter: core.limiter,
  };
  return client as unknown as PlexClient;
}
