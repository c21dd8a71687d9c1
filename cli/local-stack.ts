import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_KEYS, type Emulator, TENANTS, startEmulator } from '../emulator/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The service and stage names that serverless.yml and `--stage local` give the functions. */
const FUNCTION_PREFIX = 'plex-connect-local';

export interface LocalStackOptions {
  /** Environment of the caller: PLEX_API_KEY with PLEX_TIER or PLEX_BASE_URL selects the real API. */
  env?: NodeJS.ProcessEnv;
  /** Port of the emulator. @default 4010, 0 for any free port */
  emulatorPort?: number;
  /** Port of the HTTP API. @default 3000 */
  httpPort?: number;
  /** Port of the Lambda invoke API. @default 3002 */
  lambdaPort?: number;
  /** File that receives serverless-offline's output. @default dist/offline.log */
  logFile?: string;
  /** How long serverless-offline may take to start, in milliseconds. @default 120000 */
  startTimeoutMs?: number;
  /** Folder, relative to the project, where serverless-esbuild builds the handlers. @default .esbuild */
  buildFolder?: string;
}

export interface LocalStack {
  /** `emulator` when no Plex credentials were given, `plex` otherwise. */
  readonly target: 'emulator' | 'plex';
  /** The Plex base URL the functions call, or undefined for a tier. */
  readonly plexBaseUrl: string | undefined;
  readonly apiKey: string;
  readonly emulator: Emulator | undefined;
  /** The URL of `POST /lookups`. */
  readonly lookupUrl: string;
  /** The secrets the lookup function accepts. */
  readonly signingSecrets: readonly string[];
  readonly logFile: string;
  /** Invokes a function through serverless-offline's Lambda API and returns its parsed result. */
  invoke(functionName: 'accessCheck' | 'webhookLookup', payload?: unknown): Promise<unknown>;
  /** Stops serverless-offline and the emulator. Safe to call twice. */
  stop(): Promise<void>;
}

/** Reads whether the environment names a real Plex API: a key plus a tier or base URL. */
export function targetsRealPlex(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.PLEX_API_KEY?.trim() && (env.PLEX_TIER?.trim() || env.PLEX_BASE_URL?.trim()));
}

/**
 * Starts the main job locally: the emulator on 127.0.0.1 (unless the
 * environment names the real API) and both Lambda handlers under
 * serverless-offline, pointed at it.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const httpPort = options.httpPort ?? 3000;
  const lambdaPort = options.lambdaPort ?? 3002;
  const logFile = options.logFile ?? `${ROOT}dist/offline.log`;
  const real = targetsRealPlex(env);

  const emulator = real ? undefined : await startEmulator({ port: options.emulatorPort ?? 4010 });
  const apiKey = real ? env.PLEX_API_KEY!.trim() : DEMO_KEYS.primary;
  // A fresh secret per run unless the caller chose one; it is never printed.
  const chosenSecrets = env.LOOKUP_SIGNING_SECRETS?.trim() ? env.LOOKUP_SIGNING_SECRETS : undefined;
  const signingSecrets = (chosenSecrets ?? randomBytes(24).toString('base64url'))
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (signingSecrets.length === 0) {
    await emulator?.close();
    throw new Error('LOOKUP_SIGNING_SECRETS contains no secret. Set it to one or more comma-separated secrets, or unset it.');
  }

  const functionEnv: NodeJS.ProcessEnv = {
    ...env,
    ...(emulator ? emulatorEnvironment(emulator) : {}),
    PLEX_API_KEY: apiKey,
    LOOKUP_SIGNING_SECRETS: signingSecrets.join(','),
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    ...(options.buildFolder ? { PLEX_CONNECT_BUILD_FOLDER: options.buildFolder } : {}),
  };

  let offline: ChildProcess | undefined;
  try {
    offline = await startOffline(functionEnv, { httpPort, lambdaPort, logFile, timeoutMs: options.startTimeoutMs ?? 120_000 });
  } catch (error) {
    await emulator?.close();
    throw error;
  }

  let stopped = false;
  return {
    target: real ? 'plex' : 'emulator',
    plexBaseUrl: emulator?.url ?? env.PLEX_BASE_URL,
    apiKey,
    emulator,
    lookupUrl: `http://127.0.0.1:${httpPort}/lookups`,
    signingSecrets,
    logFile,
    invoke: (name, payload = {}) => invoke(lambdaPort, name, payload),
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcess(offline!);
      await emulator?.close();
    },
  };
}

/**
 * Environment that points both handlers at the emulator and its demo tenants.
 * Lookups may name every tenant of the demo key, by UUID or by PCN, because
 * the allow-list matches the form a caller sends.
 */
function emulatorEnvironment(emulator: Emulator): NodeJS.ProcessEnv {
  const [, second, third] = TENANTS;

  return {
    PLEX_BASE_URL: emulator.url,
    PLEX_TIER: '',
    ACCESS_CHECK_TENANT_IDS: second!.id,
    ACCESS_CHECK_CUSTOMER_IDS: String(third!.pcn),
    LOOKUP_ALLOWED_TENANTS: TENANTS.flatMap((tenant) => [tenant.id, String(tenant.pcn)]).join(','),
  };
}

interface OfflineSettings {
  httpPort: number;
  lambdaPort: number;
  logFile: string;
  timeoutMs: number;
}

/** Starts `osls offline` and resolves once its HTTP server is ready. */
async function startOffline(env: NodeJS.ProcessEnv, settings: OfflineSettings): Promise<ChildProcess> {
  mkdirSync(dirname(settings.logFile), { recursive: true });
  const log = createWriteStream(settings.logFile);
  const child = spawn(
    `${ROOT}node_modules/.bin/osls`,
    [
      'offline',
      'start',
      '--stage',
      'local',
      '--localEnvironment',
      '--httpPort',
      String(settings.httpPort),
      '--lambdaPort',
      String(settings.lambdaPort),
    ],
    // Not detached: a Ctrl-C in the terminal reaches serverless-offline too, so it
    // stops even when this process dies before it can stop it.
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  child.on('close', () => log.end());

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`serverless-offline did not start within ${settings.timeoutMs} ms. See ${settings.logFile}.`)), settings.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Server ready')) done();
    };
    const onExit = (code: number | null) => fail(new Error(`serverless-offline exited with status ${code} before it was ready. See ${settings.logFile}.`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (error: Error) => {
      cleanup();
      void stopProcess(child).finally(() => reject(error));
    };

    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });

  return child;
}

/** Sends SIGTERM to the child, then SIGKILL if it is still running after 5 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Calls serverless-offline's implementation of the Lambda Invoke API. */
async function invoke(lambdaPort: number, name: string, payload: unknown): Promise<unknown> {
  const url = `http://127.0.0.1:${lambdaPort}/2015-03-31/functions/${FUNCTION_PREFIX}-${name}/invocations`;
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(payload) });
  const text = await response.text();
  if (!response.ok) throw new Error(`Invoking ${name} failed with status ${response.status}: ${text.slice(0, 500)}`);

  // A function that throws still gets 200, with the error as its payload.
  const result = JSON.parse(text) as unknown;
  if (response.headers.has('x-amz-function-error') || isLambdaError(result)) {
    const { errorType, errorMessage } = result as { errorType?: string; errorMessage?: string };
    throw new Error(`The ${name} function failed: ${errorType ?? 'Error'}: ${errorMessage ?? text.slice(0, 500)}`);
  }

  return result;
}

function isLambdaError(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'errorMessage' in result && 'errorType' in result;
}
