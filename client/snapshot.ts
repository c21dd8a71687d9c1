/** Statuses whose responses have no body; `new Response` rejects a body for them. */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Fully read HTTP response. A snapshot can be turned into any number of fresh `Response`
 * objects, which the cache and callers that share one request in flight need.
 */
export class ResponseSnapshot {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer;
  readonly url: string;

  constructor(status: number, statusText: string, headers: Headers, body: ArrayBuffer, url: string) {
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
    this.body = body;
    this.url = url;
  }

  /**
   * Reads the whole body of `response`. The headers are copied without `Content-Encoding`
   * and with the decoded `Content-Length`, because fetch has already decompressed the body.
   * `requestUrl` replaces the URL of a response that has none, such as a constructed one.
   */
  static async read(response: Response, requestUrl: string): Promise<ResponseSnapshot> {
    const body = await response.arrayBuffer();
    const headers = new Headers(response.headers);
    headers.delete('content-encoding');
    headers.set('content-length', String(body.byteLength));
    return new ResponseSnapshot(response.status, response.statusText, headers, body, response.url || requestUrl);
  }

  /** Returns whether the status is 2xx. */
  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  /** Decodes the body as UTF-8, replacing invalid bytes. */
  text(): string {
    return new TextDecoder().decode(this.body);
  }

  /** Creates a new `Response` with this status, headers and body. */
  toResponse(): Response {
    const body = NULL_BODY_STATUSES.has(this.status) ? null : this.body.slice(0);
    const response = new Response(body, { status: this.status, statusText: this.statusText, headers: this.headers });
    // A constructed Response has an empty url; keep the one the request went to.
    Object.defineProperty(response, 'url', { value: this.url });
    return response;
  }
}
