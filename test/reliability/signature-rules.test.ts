import { createHmac } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type PlexClock, systemClock } from '../../client/index.js';
import { TENANTS } from '../../emulator/index.js';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signLookup,
  verifyLookupSignature,
} from '../../functions/webhook-lookup/signature.js';
import { useEmulator } from '../emulator/support/emulator.js';
import { lambdaContext, lookupEvent } from '../functions/support/webhook-event.js';
import type { LookupReply } from '../functions/support/webhook-responses.js';
import { type JsonObject, loadBundle } from '../support/bundle.js';
import { useLeakCheck } from './support/leak-check.js';
import {
  type LookupRig,
  createLookupRig,
  invokeLookup,
  problemContractErrors,
  signedLookupEvent,
} from './support/lookups.js';
import { createSecret, fullAccessKey } from './support/secrets.js';
import { useUnhandledRejectionCheck } from './support/unhandled.js';

// One test per rule that the lookup-webhook description states about signatures, run
// through the handler against the emulator, and one test that the description still states
// each rule.

const apiKey = createSecret('reliability-key');
const current = createSecret('reliability-secret');
const next = createSecret('reliability-secret-next');
const leaks = useLeakCheck(() => [apiKey, current, next]);
const plex = useEmulator({
  keys: [fullAccessKey(apiKey.value)],
  rateLimit: false,
  logLevel: 'debug',
  logSink: (line) => leaks.add('emulator log', line),
});
useUnhandledRejectionCheck();

/** The function's clock, on whole seconds, so that a window boundary falls on an exact timestamp. */
const START_SECONDS = Math.floor(Date.now() / 1000);
let nowMs = START_SECONDS * 1000;
const clock: PlexClock = { now: () => nowMs, sleep: systemClock.sleep };

beforeEach(() => {
  nowMs = START_SECONDS * 1000;
});

afterAll(() => {
  expect(plex.emulator.keyStats(apiKey.value).requests).toBeGreaterThan(0);
});

function rigWith(secrets: readonly string[]): LookupRig {
  return createLookupRig({ plexBaseUrl: plex.url, apiKey: apiKey.value, signingSecrets: secrets, clock });
}

const badgeBody = (): string => {
  const employee = plex.emulator.dataset.source(TENANTS[0]!, 'employees').record(0) as { badgeNumber: string };
  return JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: employee.badgeNumber } });
};

/** Sends the event to the handler and returns the reply with the Plex requests it caused. */
type LookupEvent = ReturnType<typeof lookupEvent>;

async function send(rig: LookupRig, event: LookupEvent): Promise<{ reply: LookupReply; reached: number }> {
  const before = plex.emulator.requests().length;
  const reply = await invokeLookup(rig, event, leaks, lambdaContext(5_000));
  expect(problemContractErrors(reply)).toEqual([]);
  return { reply, reached: plex.emulator.requests().length - before };
}

/** Builds an event with the body and both signature headers exactly as given. */
function rawEvent(body: string, timestamp: string | undefined, signature: string | undefined): LookupEvent {
  return lookupEvent({ body, headers: { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature } });
}

function hmacHex(key: string | Buffer, signedContent: string): string {
  return createHmac('sha256', key).update(signedContent).digest('hex');
}

describe('Rule: 300-second window', () => {
  it.each([
    [200, '300 s behind', -300],
    [200, '300 s ahead', 300],
    [401, '301 s behind', -301],
    [401, '301 s ahead', 301],
  ])('returns %i for a timestamp %s', async (status, _case, offsetSeconds) => {
    const event = signedLookupEvent(badgeBody(), [current.value], (START_SECONDS + offsetSeconds) * 1000);

    const { reply, reached } = await send(rigWith([current.value]), event);

    expect(reply.status).toBe(status);
    if (status === 401) {
      expect(reply.body.code).toBe('TIMESTAMP_OUT_OF_RANGE');
      expect(reached).toBe(0);
    }
  });

  it('rejects 300.5 s behind', async () => {
    nowMs = START_SECONDS * 1000 + 500;
    const event = signedLookupEvent(badgeBody(), [current.value], (START_SECONDS - 300) * 1000);

    const { reply } = await send(rigWith([current.value]), event);

    expect(reply.body.code).toBe('TIMESTAMP_OUT_OF_RANGE');
  });
});

describe('Rule: replays', () => {
  it('accepts a replay inside the window', async () => {
    const rig = rigWith([current.value]);
    const event = signedLookupEvent(badgeBody(), [current.value], nowMs);

    const first = await send(rig, event);
    nowMs += 299_000;
    const replay = await send(rig, event);

    expect(first.reply.status).toBe(200);
    expect(replay.reply.status).toBe(200);
    expect(replay.reached).toBe(1);
  });

  it('rejects the replay after the window', async () => {
    const rig = rigWith([current.value]);
    const event = signedLookupEvent(badgeBody(), [current.value], nowMs);

    await send(rig, event);
    nowMs += 301_000;
    const replay = await send(rig, event);

    expect(replay.reply.status).toBe(401);
    expect(replay.reply.body.code).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(replay.reached).toBe(0);
  });
});

describe('Rule: rotation', () => {
  it.each([
    ['the current secret', () => current.value],
    ['the next secret', () => next.value],
  ])('accepts %s while both are active', async (_case, secret) => {
    const { reply } = await send(rigWith([current.value, next.value]), signedLookupEvent(badgeBody(), [secret()], nowMs));

    expect(reply.status).toBe(200);
  });

  it('accepts one entry per secret after the old one is removed', async () => {
    const event = signedLookupEvent(badgeBody(), [current.value, next.value], nowMs);

    const { reply } = await send(rigWith([next.value]), event);

    expect(reply.status).toBe(200);
  });

  it('rejects a removed secret', async () => {
    const { reply, reached } = await send(rigWith([next.value]), signedLookupEvent(badgeBody(), [current.value], nowMs));

    expect(reply.body.code).toBe('SIGNATURE_INVALID');
    expect(reached).toBe(0);
  });
});

describe('Rule: header format', () => {
  it('ignores spaces around entries', async () => {
    const body = badgeBody();
    const signature = `  ${signLookup(body, current.value, START_SECONDS)} ,  v1=${'0'.repeat(64)} `;

    const { reply } = await send(rigWith([current.value]), rawEvent(body, String(START_SECONDS), signature));

    expect(reply.status).toBe(200);
  });

  it('ignores entries of other versions', async () => {
    const body = badgeBody();
    const signature = `v2=${'f'.repeat(64)},${signLookup(body, current.value, START_SECONDS)},v0=anything`;

    const { reply } = await send(rigWith([current.value]), rawEvent(body, String(START_SECONDS), signature));

    expect(reply.status).toBe(200);
  });

  it('rejects a header without a well-formed v1 entry', async () => {
    const body = badgeBody();
    const digest = signLookup(body, current.value, START_SECONDS).slice(3);

    const event = rawEvent(body, String(START_SECONDS), `v2=${digest},v1=${digest.toUpperCase()}`);

    const { reply, reached } = await send(rigWith([current.value]), event);

    expect(reply.body.code).toBe('SIGNATURE_INVALID');
    expect(reached).toBe(0);
  });
});

describe('Rule: sender steps', () => {
  it('signs the body bytes exactly as sent', async () => {
    const body = badgeBody();
    const reserialized = JSON.stringify(JSON.parse(body), null, 1);
    const event = rawEvent(reserialized, String(START_SECONDS), signLookup(body, current.value, START_SECONDS));

    const { reply } = await send(rigWith([current.value]), event);

    expect(reply.body.code).toBe('SIGNATURE_INVALID');
  });

  it('uses the secret whole, never hex-decoded', async () => {
    const hexSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const body = badgeBody();
    const content = `${START_SECONDS}.${body}`;
    const rig = rigWith([hexSecret]);

    const whole = await send(rig, rawEvent(body, String(START_SECONDS), `v1=${hmacHex(hexSecret, content)}`));
    const decodedKey = Buffer.from(hexSecret, 'hex');
    const decoded = await send(rig, rawEvent(body, String(START_SECONDS), `v1=${hmacHex(decodedKey, content)}`));

    expect(whole.reply.status).toBe(200);
    expect(decoded.reply.body.code).toBe('SIGNATURE_INVALID');
  });

  it('covers the timestamp', async () => {
    const body = badgeBody();
    const signature = signLookup(body, current.value, START_SECONDS);

    const { reply } = await send(rigWith([current.value]), rawEvent(body, String(START_SECONDS + 1), signature));

    expect(reply.body.code).toBe('SIGNATURE_INVALID');
  });

  it('rejects a timestamp in milliseconds', async () => {
    const body = badgeBody();
    const millis = String(START_SECONDS * 1000);

    const signature = `v1=${hmacHex(current.value, `${millis}.${body}`)}`;

    const { reply } = await send(rigWith([current.value]), rawEvent(body, millis, signature));

    expect(reply.body.code).toBe('TIMESTAMP_OUT_OF_RANGE');
  });

  it.each([
    ['no signature', String(START_SECONDS), undefined],
    ['an empty signature', String(START_SECONDS), ''],
    ['no timestamp', undefined, `v1=${'0'.repeat(64)}`],
    ['an empty timestamp', '', `v1=${'0'.repeat(64)}`],
  ])('returns SIGNATURE_MISSING for %s', async (_case, timestamp, signature) => {
    const { reply, reached } = await send(rigWith([current.value]), rawEvent(badgeBody(), timestamp, signature));

    expect(reply.body.code).toBe('SIGNATURE_MISSING');
    expect(reached).toBe(0);
  });
});

describe('Rule: nothing about the body before the signature', () => {
  it('returns 401 for unsigned invalid JSON', async () => {
    const { reply } = await send(rigWith([current.value]), rawEvent('{"lookup":', undefined, undefined));

    expect(reply.status).toBe(401);
  });

  it('returns 401 for a wrong media type and signature', async () => {
    const headers = {
      'content-type': 'text/plain',
      [TIMESTAMP_HEADER]: String(START_SECONDS),
      [SIGNATURE_HEADER]: `v1=${'0'.repeat(64)}`,
    };
    const event = lookupEvent({ body: badgeBody(), headers });

    const { reply } = await send(rigWith([current.value]), event);

    expect(reply.body.code).toBe('SIGNATURE_INVALID');
  });

  it('returns 413 for an unsigned oversized body', async () => {
    const { reply } = await send(rigWith([current.value]), rawEvent('x'.repeat(16_385), undefined, undefined));

    expect(reply.body.code).toBe('BODY_TOO_LARGE');
  });

  it('accepts a signed body of 16,384 bytes', async () => {
    const padding = 16_384 - badgeBody().length - ',"pad":""'.length;
    const body = `${badgeBody().slice(0, -1)},"pad":"${'x'.repeat(padding)}"}`;

    const { reply } = await send(rigWith([current.value]), signedLookupEvent(body, [current.value], nowMs));

    expect(Buffer.byteLength(body)).toBe(16_384);
    expect(reply.body.code).toBe('INVALID_PARAMETERS');
  });
});

const bundle = loadBundle('lookup-webhook');
const components = bundle['components'] as JsonObject;
const schemeText = String(((components['securitySchemes'] as JsonObject)['LookupSignature'] as JsonObject)['description']);
const timestampText = String(((components['parameters'] as JsonObject)['LookupTimestamp'] as JsonObject)['description']);
const overviewText = String((bundle['info'] as JsonObject)['description']);
/** The three texts with each run of white space, line breaks included, as one space. */
const descriptionText = [schemeText, timestampText, overviewText].join('\n').replace(/\s+/g, ' ');

describe('Description: signature rules', () => {
  it.each([
    ['replay window', [/within 300 seconds of its clock/, /replay it, and read its answer, until its timestamp leaves the window/]],
    ['clock skew', [/in either direction/, /bounds both replays and clock skew/, /NTP/]],
    ['rotation', [/several active secrets/, /operator removes the old secret/, /one entry for each secret/]],
    ['constant time', [/compares digests in constant time/]],
    ['header format', [/Spaces around an entry are ignored/, /another prefix than `v1=` are ignored/, /uppercase hex digits included/]],
    [
      'sender steps',
      [
        /Signing, step by step/,
        /1\. Serialize the JSON body to UTF-8 bytes/,
        /2\. Take the current Unix time in whole seconds/,
        /3\. Build the signed content/,
        /4\. Compute HMAC-SHA256/,
        /5\. Encode the 32-byte result as 64 lowercase hexadecimal digits/,
      ],
    ],
    ['missing and invalid headers', [/401 `SIGNATURE_MISSING`/, /401 `TIMESTAMP_OUT_OF_RANGE`/, /401 `SIGNATURE_INVALID`/]],
  ])('states the %s', (_rule, patterns) => {
    for (const pattern of patterns) expect(descriptionText).toMatch(pattern);
  });

  it('gives a worked example the code reproduces', () => {
    const secret = /example secret `([^`]+)`/.exec(schemeText)?.[1];
    const timestamp = /the timestamp `(\d+)`/.exec(schemeText)?.[1];
    const body = /```\n(\{[^\n]+\})\n```/.exec(schemeText)?.[1];
    const header = /X-Lookup-Signature: (v1=[0-9a-f]{64})/.exec(schemeText)?.[1];

    expect(signLookup(body!, secret!, Number(timestamp))).toBe(header);
  });

  it('gives a rotation example that each secret verifies', () => {
    const header = /`(v1=[0-9a-f]{64},v1=[0-9a-f]{64})`/.exec(schemeText)?.[1];
    const body = /```\n(\{[^\n]+\})\n```/.exec(schemeText)?.[1];
    const timestamp = /the timestamp `(\d+)`/.exec(schemeText)?.[1];
    const secrets = [...schemeText.matchAll(/`(whsec-example-\d)`/g)].map((match) => match[1]!);
    const nowMs = Number(timestamp) * 1000;
    const verify = (secret: string) =>
      verifyLookupSignature({ body: Buffer.from(body!), timestamp: timestamp!, signature: header!, secrets: [secret], nowMs });

    expect(new Set(secrets)).toEqual(new Set(['whsec-example-1', 'whsec-example-2']));
    for (const secret of new Set(secrets)) expect(verify(secret)).toEqual({ ok: true });
  });
});
