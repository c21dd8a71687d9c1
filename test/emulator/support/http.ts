/** Requests to an emulator with the Plex Connect headers. */
import { DEMO_KEYS } from '../../../emulator/index.js';

export interface PlexRequest {
  /** The API key header; null sends none. @default DEMO_KEYS.primary */
  key?: string | null;
  tenantId?: string;
  customerId?: string | number;
  /** Query parameters; an array value repeats the parameter. */
  query?: Record<string, string | number | boolean | readonly string[]>;
  method?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function plexUrl(base: string, path: string, query: PlexRequest['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(name, String(item));
    }
  }

  const search = params.toString();
  return `${base}${path}${search === '' ? '' : `?${search}`}`;
}

export function plexFetch(base: string, path: string, request: PlexRequest = {}): Promise<Response> {
  const headers: Record<string, string> = { ...request.headers };
  const key = request.key === undefined ? DEMO_KEYS.primary : request.key;
  if (key !== null) {
    headers['X-Plex-Connect-Api-Key'] = key;
  }
  if (request.tenantId !== undefined) {
    headers['X-Plex-Connect-Tenant-Id'] = request.tenantId;
  }
  if (request.customerId !== undefined) {
    headers['X-Plex-Connect-Customer-Id'] = String(request.customerId);
  }

  const init = { method: request.method ?? 'GET', headers, signal: request.signal };
  return fetch(plexUrl(base, path, request.query), init);
}

/** Sends a request and returns the status and the parsed JSON body. */
export async function plexJson<T = unknown>(
  base: string,
  path: string,
  request: PlexRequest = {},
): Promise<{ status: number; body: T; response: Response }> {
  const response = await plexFetch(base, path, request);
  return { status: response.status, body: (await response.json()) as T, response };
}

export type Row = Record<string, unknown>;
