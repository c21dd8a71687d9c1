import { describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyLookupSignature } from '../../functions/webhook-lookup/signature.js';
import { runCli } from './support.js';

const BODY = '{"lookup":"employee-by-badge","params":{"badgeNumber":"004711"}}';
const SECRET = 'cli-test-secret-value';

/** Reads `Name: value` header lines, as printed by `sign` and inside its curl command. */
function readHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of text.matchAll(/(X-Lookup-[A-Za-z]+): ([^'\n]+)/g)) headers[match[1]!] = match[2]!;

  return headers;
}

function verify(headers: Record<string, string>, secrets: string[]) {
  return verifyLookupSignature({
    body: Buffer.from(BODY),
    timestamp: headers[TIMESTAMP_HEADER],
    signature: headers[SIGNATURE_HEADER],
    secrets,
    nowMs: Number(headers[TIMESTAMP_HEADER]) * 1000,
  });
}

describe('plex-connect sign', () => {
  it('prints headers that verify', async () => {
    const result = await runCli(['sign'], { input: BODY, env: { LOOKUP_SIGNING_SECRETS: SECRET } });
    const headers = readHeaders(result.stdout);

    expect(verify(headers, [SECRET])).toEqual({ ok: true });
    expect(Math.abs(Number(headers[TIMESTAMP_HEADER]) - Date.now() / 1000)).toBeLessThan(60);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.status).toBe(0);
  });

  it('signs with every secret', async () => {
    const env = { LOOKUP_SIGNING_SECRETS: `${SECRET},next-secret` };
    const result = await runCli(['sign', '--timestamp', '1700000000'], { input: BODY, env });
    const headers = readHeaders(result.stdout);

    expect(headers[TIMESTAMP_HEADER]).toBe('1700000000');
    expect(headers[SIGNATURE_HEADER]?.split(',')).toHaveLength(2);
    expect(verify(headers, ['next-secret'])).toEqual({ ok: true });
    expect(result.stdout).not.toContain('next-secret');
  });

  it('reads the secret from --secret-env', async () => {
    const env = { WEBHOOK_SECRET: SECRET };
    const result = await runCli(['sign', '--secret-env', 'WEBHOOK_SECRET', '--json'], { input: BODY, env });
    const headers = JSON.parse(result.stdout) as Record<string, string>;

    expect(verify(headers, [SECRET])).toEqual({ ok: true });
    expect(result.status).toBe(0);
  });

  it('prints a curl command', async () => {
    const url = 'http://127.0.0.1:3000/lookups';
    const result = await runCli(['sign', '--curl', url], { input: BODY, env: { LOOKUP_SIGNING_SECRETS: SECRET } });

    expect(result.stdout).toMatch(/^curl -sS -X POST 'http:\/\/127\.0\.0\.1:3000\/lookups' \\$/m);
    expect(result.stdout).toContain(`--data-binary '${BODY}'`);
    expect(verify(readHeaders(result.stdout), [SECRET])).toEqual({ ok: true });
    expect(result.stdout).not.toContain(SECRET);
  });

  it('warns about a body the webhook rejects', async () => {
    const result = await runCli(['sign'], { input: '{"lookup":"nope"}', env: { LOOKUP_SIGNING_SECRETS: SECRET } });

    expect(result.stderr).toContain('warning: the webhook will reject the body with 400 UNKNOWN_LOOKUP');
    expect(result.status).toBe(0);
  });

  it('exits 2 without a secret', async () => {
    const result = await runCli(['sign'], { input: BODY });

    expect(result.stderr).toContain('LOOKUP_SIGNING_SECRETS contains no secret');
    expect(result.status).toBe(2);
  });
});
