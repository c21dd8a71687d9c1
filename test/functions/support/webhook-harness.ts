import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll } from 'vitest';
import type { PlexClock, PlexFetch } from '../../../client/index.js';
import { DEMO_KEYS, type EmulatorOptions, TENANTS } from '../../../emulator/index.js';
import { type LookupHandler, createLookupHandler } from '../../../functions/webhook-lookup/handler.js';
import { signatureHeaders } from '../../../functions/webhook-lookup/signature.js';
import { type EmulatorFixture, useEmulator } from '../../emulator/support/emulator.js';
import { type FakeSsm, startFakeSsm } from '../../support/ssm-server.js';
import { JumpingClock } from './webhook-clock.js';
import { type EventOptions, lambdaContext, lookupEvent } from './webhook-event.js';
import { type LookupReply, readReply } from './webhook-responses.js';

/** The signing secrets of the test deployment: the current one and the one being rotated in. */
export const SECRETS = ['whsec-test-current-7f3a', 'whsec-test-next-91c2'] as const;

/** The tenants the test deployment allows: the second by UUID, the third by PCN. */
export const ALLOWED_TENANT = TENANTS[1]!;
export const ALLOWED_PCN_TENANT = TENANTS[2]!;

// The AWS SDK must never look for credentials on an instance metadata endpoint.
process.env['AWS_EC2_METADATA_DISABLED'] = 'true';

export interface HandlerOptions {
  /** Variables that replace or, with undefined, remove the defaults. */
  env?: Record<string, string | undefined>;
  clock?: PlexClock;
  logger?: Logger;
  fetch?: PlexFetch;
}

export interface WebhookHarness {
  readonly plex: EmulatorFixture;
  readonly ssm: FakeSsm;
  /** Creates a handler against the emulator, with its own client, rate limiter, cache and SSM cache. */
  createHandler(options?: HandlerOptions): LookupHandler;
}

/** Runs an emulator and a fake SSM for one test file. */
export function useWebhookHarness(emulatorOptions: EmulatorOptions = {}): WebhookHarness {
  const plex = useEmulator({ rateLimit: false, ...emulatorOptions });
  let ssm: FakeSsm | undefined;
  const runningSsm = (): FakeSsm => {
    if (ssm === undefined) throw new Error('The fake SSM is not running yet: use it inside a test or a hook.');
    return ssm;
  };

  beforeAll(async () => {
    ssm = await startFakeSsm();
  });

  afterAll(async () => {
    await ssm?.close();
  });

  return {
    plex,
    get ssm() {
      return runningSsm();
    },
    createHandler(options = {}) {
      const env: Record<string, string | undefined> = {
        PLEX_BASE_URL: plex.url,
        PLEX_API_KEY: DEMO_KEYS.primary,
        LOOKUP_SIGNING_SECRETS: SECRETS[0],
        LOOKUP_ALLOWED_TENANTS: `${ALLOWED_TENANT.id},${ALLOWED_PCN_TENANT.pcn}`,
        ...options.env,
      };
      return createLookupHandler({
        env,
        // The client shares one rate limiter per clock and key, so a clock of its
        // own keeps one test's limiter state, such as a pause after a 429, from the next.
        clock: options.clock ?? new JumpingClock(),
        fetch: options.fetch,
        // A copy per handler gives each its own SSM provider, so no cached value leaks between tests.
        ssmClientConfig: { ...runningSsm().clientConfig },
        logger: options.logger ?? new Logger({ logLevel: 'SILENT' }),
      });
    },
  };
}

export interface SignOptions extends EventOptions {
  secrets?: readonly string[];
  /** The signing time in epoch milliseconds. @default now */
  nowMs?: number;
}

/** Builds an event whose body is signed like a sender signs it. Objects are serialized to JSON first. */
export function signedEvent(body: string | object | Uint8Array, options: SignOptions = {}): APIGatewayProxyEventV2 {
  const bytes = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const signature = signatureHeaders(bytes, options.secrets ?? [SECRETS[0]], options.nowMs ?? Date.now());
  return lookupEvent({ ...options, body: bytes, headers: { ...signature, ...options.headers } });
}

/** Invokes a handler and parses its result. */
export async function invoke(handler: LookupHandler, event: APIGatewayProxyEventV2, context?: Context): Promise<LookupReply> {
  return readReply(await handler(event, context ?? lambdaContext()));
}
