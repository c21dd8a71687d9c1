/**
 * Control endpoints under `/_emulator/`, for tests that run the emulator in another
 * process. Only loopback clients may use them:
 *
 * - `GET /_emulator/faults`: active faults and how often each kind fired.
 * - `POST /_emulator/faults`: adds one fault or an array of faults (JSON `FaultSpec`s).
 * - `DELETE /_emulator/faults[/{id}]`: removes all faults or one.
 * - `GET|DELETE /_emulator/requests`: reads or clears the request log.
 * - `GET /_emulator/stats`: rate limit statistics by key fingerprint.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRegistry } from './fault-registry.js';
import type { RateLimiter } from './rate-limit.js';
import type { RequestLog } from './request-log.js';
import { JSON_TYPE } from './respond.js';

export const CONTROL_PREFIX = '/_emulator';

/** Request bodies larger than this are rejected. */
const MAX_BODY_BYTES = 64 * 1024;

export interface ControlState {
  faults: FaultRegistry;
  requestLog: RequestLog;
  limiter: RateLimiter;
}

/** Returns whether a socket's remote address is a loopback address (IPv4 127/8, IPv6 ::1, or IPv4-mapped 127/8). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) {
    return false;
  }

  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }

  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) }).end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new RangeError(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }

  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RangeError('The request body is not valid JSON.');
  }
}

async function addFaults(state: ControlState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const body = await readJson(req);
    const specs = Array.isArray(body) ? body : [body];
    send(res, 201, { faults: state.faults.addAll(specs) });
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
    send(res, 400, { code: 'FAULT_INVALID', message: error.message });
  }
}

/** Serves one control request. `path` is the raw path, starting with `/_emulator`. */
export async function handleControl(
  state: ControlState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    send(res, 403, { code: 'REQUEST_FORBIDDEN', message: 'The control endpoints serve loopback clients only.' });
    return;
  }

  const route = `${req.method ?? 'GET'} ${path.slice(CONTROL_PREFIX.length)}`;
  const faultId = /^DELETE \/faults\/([^/]+)$/.exec(route)?.[1];
  if (faultId !== undefined) {
    send(res, state.faults.remove(decodeURIComponent(faultId)) ? 204 : 404);
    return;
  }

  switch (route) {
    case 'GET /faults':
      return send(res, 200, { faults: state.faults.list(), counts: state.faults.counts() });
    case 'POST /faults':
      return addFaults(state, req, res);
    case 'DELETE /faults':
      state.faults.clear();
      return send(res, 204);
    case 'GET /requests':
      return send(res, 200, { requests: state.requestLog.list() });
    case 'DELETE /requests':
      state.requestLog.clear();
      return send(res, 204);
    case 'GET /stats':
      return send(res, 200, { rateLimit: state.limiter.stats(), faults: state.faults.counts() });
    default:
      return send(res, 404, { code: 'RESOURCE_NOT_FOUND', message: `No control endpoint ${route}.` });
  }
}
