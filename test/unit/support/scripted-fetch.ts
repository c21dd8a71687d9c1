import type { PlexFetch } from '../../../client/index.js';

/** What the fake server does for one request: a response, an error to throw, or a function of the request. */
export type Reply = Response | Error | ((request: Request) => Response | Promise<Response>);

/** One request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  /** Raw query string after `?`, as sent. */
  query: string;
  headers: Headers;
  /** Clock time at which the request arrived. */
  at: number;
}

/** Fetch that records each request and responds with the next scripted reply. */
export interface ScriptedFetch {
  fetch: PlexFetch;
  requests: RecordedRequest[];
}

/**
 * Creates a fetch that responds to requests with `replies` in order. After the last reply it
 * responds with `fallback`, or throws when there is none, so a test sees unplanned requests.
 * `now` stamps each recorded request.
 */
export function scriptedFetch(replies: readonly Reply[] = [], fallback?: Reply, now: () => number = Date.now): ScriptedFetch {
  const requests: RecordedRequest[] = [];
  let next = 0;
  const fetch: PlexFetch = async (request) => {
    const url = new URL(request.url);
    requests.push({ method: request.method, url, query: url.search.replace(/^\?/, ''), headers: new Headers(request.headers), at: now() });
    const reply = next < replies.length ? replies[next++] : fallback;
    if (reply === undefined) {
      throw new Error(`scriptedFetch: no reply planned for request ${requests.length} (${request.method} ${request.url})`);
    }
    if (reply instanceof Error) {
      throw reply;
    }
    // A Response is cloned, so one constant can serve several requests. A test that needs the
    // caller to reach the body's source itself, for example to see it cancelled, replies with a function.
    return typeof reply === 'function' ? reply(request) : reply.clone();
  };
  return { fetch, requests };
}

/** Creates a JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Creates a response with a text body and a content type. */
export function text(status: number, body: string, contentType = 'text/plain', headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': contentType, ...headers } });
}

/**
 * Creates a response whose body is sent in the given chunks, then ends or fails. Chunks are
 * produced only when read, so a failure never drops a chunk that was not read yet.
 */
export function chunked(status: number, chunks: readonly string[], end: 'close' | Error = 'close'): Response {
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) {
        controller.enqueue(encoder.encode(chunks[index++]));
      } else if (end === 'close') {
        controller.close();
      } else {
        controller.error(end);
      }
    },
  }, { highWaterMark: 0 });
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

/** Network error shaped like undici's: a TypeError "fetch failed" with the socket error as cause. */
export function connectionReset(): Error {
  const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
  return new TypeError('fetch failed', { cause });
}
