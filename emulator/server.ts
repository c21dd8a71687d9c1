/** `startEmulator`: a Plex Connect emulator on node:http, bound to loopback by default. */
import { createServer, type Server } from 'node:http';
import { CONTROL_PREFIX, handleControl } from './control.js';
import { Dataset } from './data/dataset.js';
import { seedHashOf } from './data/context.js';
import { SCALES } from './data/scale.js';
import { loadDescription } from './description.js';
import { buildEndpoints } from './endpoints.js';
import { FaultRegistry } from './fault-registry.js';
import { DEMO_KEY_CONFIGS, fingerprint, resolveKeys } from './keys.js';
import { Logger, isLogLevel, stderrSink } from './logger.js';
import { DEFAULT_HOST, DEFAULT_SEED, type Emulator, type EmulatorOptions } from './options.js';
import { handleApiRequest, type PipelineState } from './pipeline.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import { RequestLog } from './request-log.js';
import { ResponseChecker } from './response-validation.js';
import { Router } from './router.js';

function checkOptions(options: EmulatorOptions): void {
  const { port, scale, logLevel } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new RangeError(`port must be an integer from 0 to 65535, received ${String(port)}.`);
  }
  if (scale !== undefined && !SCALES.includes(scale)) {
    throw new RangeError(`scale must be one of ${SCALES.join(', ')}, received ${String(scale)}.`);
  }
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    throw new RangeError(`logLevel must be silent, error, info or debug, received ${String(logLevel)}.`);
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      reject(new Error(`The emulator could not listen on ${host}:${port}: ${error.message}`, { cause: error }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function buildState(options: EmulatorOptions, closing: AbortSignal): PipelineState {
  const description = loadDescription(options.description);
  const seed = options.seed ?? DEFAULT_SEED;
  const router = new Router(description.operations);
  const faults = new FaultRegistry(seedHashOf(seed), (route) => router.find(route));
  faults.addAll(options.faults ?? []);

  return {
    router,
    endpoints: buildEndpoints(description),
    keys: resolveKeys(options.keys ?? DEMO_KEY_CONFIGS),
    dataset: new Dataset(seed, options.scale ?? 'small'),
    limiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    faults,
    requestLog: new RequestLog(options.requestLogLimit),
    logger: new Logger(options.logLevel ?? 'silent', options.logSink ?? stderrSink),
    checker: options.validateResponses === true ? new ResponseChecker(description) : undefined,
    closing,
  };
}

function handleRequests(state: PipelineState): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handled =
      path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)
        ? handleControl(state, req, res, path)
        : handleApiRequest(state, req, res);
    handled.catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      state.logger.error('request handling failed', { path, error: detail });
      res.destroy();
    });
  });
}

/**
 * Starts an emulator and resolves once it listens. Close it with `close()`.
 *
 * @throws RangeError for invalid options, Error when the bundle is missing or the port is taken.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  checkOptions(options);
  const closing = new AbortController();
  const state = buildState(options, closing.signal);
  const server = handleRequests(state);
  const host = options.host ?? DEFAULT_HOST;
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const keys = [...state.keys.values()].map((key) => key.fingerprint);
  state.logger.info('emulator started', { url, scale: state.dataset.scale, keys });

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      // Hanging requests and idle keep-alive connections would otherwise keep close() waiting.
      server.closeAllConnections();
    }).then(() => state.logger.info('emulator stopped', { url }));
    return closed;
  };

  return {
    url,
    host,
    port,
    dataset: state.dataset,
    close,
    responseMismatches: () => state.checker?.mismatches() ?? [],
    rateLimitStats: () => state.limiter.stats(),
    keyStats: (key) => state.limiter.keyStats(fingerprint(key)),
    addFault: (spec) => state.faults.add(spec),
    removeFault: (id) => state.faults.remove(id),
    clearFaults: () => state.faults.clear(),
    faults: () => state.faults.list(),
    faultCounts: () => state.faults.counts(),
    requests: () => state.requestLog.list(),
    clearRequests: () => state.requestLog.clear(),
  };
}
