import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../cli/local-stack.js';
import { TENANTS } from '../../emulator/index.js';
import { ROOT } from '../support/bundle.js';
import { signatureHeaders } from '../../functions/webhook-lookup/signature.js';

// serverless-offline runs the bundled handlers in its own process, on ports
// apart from the ones `npm start` uses, so both can run at once.
const PORTS = { emulatorPort: 0, httpPort: 3310, lambdaPort: 3312 };
const LOG_FILE = join(tmpdir(), `plex-connect-e2e-${process.pid}.log`);
const SECRET = `e2e-signing-secret-${process.pid}`;

interface Answer {
  status: number;
  contentType: string | null;
  body: Record<string, unknown>;
}

let stack: LocalStack;
const answers: string[] = [];

async function post(body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(stack.lookupUrl, { method: 'POST', headers, body });
  const text = await response.text();
  answers.push(text);

  return { status: response.status, contentType: response.headers.get('content-type'), body: JSON.parse(text) as Record<string, unknown> };
}

const json = { 'content-type': 'application/json' };

async function signedPost(body: string, nowMs = Date.now()): Promise<Answer> {
  return post(body, { ...json, ...signatureHeaders(body, [SECRET], nowMs) });
}

describe('Local stack end to end', () => {
  beforeAll(async () => {
    stack = await startLocalStack({
      ...PORTS,
      logFile: LOG_FILE,
      buildFolder: `.esbuild-e2e-${process.pid}`,
      env: { ...process.env, PLEX_API_KEY: '', PLEX_TIER: '', PLEX_BASE_URL: '', LOOKUP_SIGNING_SECRETS: SECRET },
    });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(join(ROOT, `.esbuild-e2e-${process.pid}`), { recursive: true, force: true });
  });

  it('runs the scheduled access check', async () => {
    const report = (await stack.invoke('accessCheck', { source: 'aws.events', 'detail-type': 'Scheduled Event' })) as {
      summary: { failed: number; probes: number };
      keyFingerprint: string;
    };
    answers.push(JSON.stringify(report));

    expect(report.summary.failed).toBe(0);
    expect(report.summary.probes).toBeGreaterThanOrEqual(15);
    expect(report.keyFingerprint).toMatch(/^sha256:[0-9a-f]{8}$/);
  });

  it('answers a signed lookup with its match', async () => {
    const employee = stack.emulator!.dataset.source(TENANTS[0]!, 'employees').record(0) as { badgeNumber: string };
    const answer = await signedPost(JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: employee!.badgeNumber } }));

    expect(answer.status).toBe(200);
    expect(answer.body.count).toBeGreaterThanOrEqual(1);
  });

  it('rejects an unsigned lookup', async () => {
    const answer = await post('{"lookup":"employee-by-badge","params":{"badgeNumber":"1"}}', json);

    expect(answer.status).toBe(401);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe('SIGNATURE_MISSING');
  });

  it('rejects a stale lookup', async () => {
    const answer = await signedPost('{"lookup":"employee-by-badge","params":{"badgeNumber":"1"}}', Date.now() - 10 * 60_000);

    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('TIMESTAMP_OUT_OF_RANGE');
  });

  it('rejects a lookup signed with another secret', async () => {
    const body = '{"lookup":"employee-by-badge","params":{"badgeNumber":"1"}}';
    const answer = await post(body, { ...json, ...signatureHeaders(body, ['not-the-secret']) });

    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('SIGNATURE_INVALID');
  });

  it('rejects an oversized lookup', async () => {
    const answer = await signedPost(JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: 'x'.repeat(20_000) } }));

    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('BODY_TOO_LARGE');
  });

  it('rejects malformed JSON', async () => {
    const answer = await signedPost('{"lookup":');

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('INVALID_JSON');
  });

  it('lists the valid lookups for an unknown one', async () => {
    const answer = await signedPost('{"lookup":"employee-by-shoe-size","params":{}}');

    expect(answer.status).toBe(400);
    expect(answer.body.validLookups).toContain('employee-by-badge');
  });

  it('keeps the key and the secret out of every log line and answer', () => {
    const log = readFileSync(LOG_FILE, 'utf8');
    const everything = [log, ...answers].join('\n');

    expect(log.length).toBeGreaterThan(0);
    for (const secret of [stack.apiKey, SECRET]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(encodeURIComponent(secret));
    }
  });
});
