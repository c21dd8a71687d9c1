import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../client/index.js';
import { LeakCollector, findLeaks, secretForms, textOf } from './support/leak-check.js';
import { createSecret } from './support/secrets.js';

// The leak check of every file in this suite is only as good as its search, so the search
// itself is tested here: each form of a secret is found, and nothing else is reported.

const secret = createSecret('reliability-key');

function leaksIn(text: string): string[] {
  return findLeaks([{ source: 'text', text }], [secret]);
}

describe('Function: findLeaks', () => {
  it.each([
    ['as written', () => `key=${secret.value}`],
    ['percent-encoded', () => `/path?key=${encodeURIComponent(secret.value)}`],
    ['form-encoded', () => new URLSearchParams({ key: secret.value }).toString()],
    ['JSON-escaped', () => JSON.stringify({ key: secret.value })],
    ['cut short', () => `key=${secret.value.slice(0, -3)}`],
    ['in upper-case percent escapes', () => secret.value.replaceAll('+', '%2B').replaceAll('/', '%2F')],
  ])('finds a secret %s', (_case, text) => {
    expect(leaksIn(text())).toEqual([`text contains ${fingerprint(secret.value)}`]);
  });

  it('ignores the fingerprint', () => {
    expect(leaksIn(`api_key: ${fingerprint(secret.value)}`)).toEqual([]);
  });

  it('ignores another secret', () => {
    expect(leaksIn(createSecret('reliability-key').value)).toEqual([]);
  });

  it('never reports the secret itself', () => {
    const findings = leaksIn(secret.value).join('\n');

    expect(findLeaks([{ source: 'findings', text: findings }], [secret])).toEqual([]);
  });

  it('searches an encoded form unlike the plain one', () => {
    expect(secretForms(secret.value)).toEqual([secret.value, encodeURIComponent(secret.value)]);
    expect(encodeURIComponent(secret.value)).not.toBe(secret.value);
  });
});

describe('Function: textOf', () => {
  it('includes the cause of an error', () => {
    const error = new Error('request failed', { cause: new Error(`sent ${secret.value}`) });

    expect(leaksIn(textOf(error))).toHaveLength(1);
  });

  it('includes the own fields of an error', () => {
    const error = Object.assign(new Error('request failed'), { url: `https://x.test/?k=${encodeURIComponent(secret.value)}` });

    expect(leaksIn(textOf(error))).toHaveLength(1);
  });

  it('includes nested objects', () => {
    const collector = new LeakCollector();
    collector.add('response', { headers: { 'x-plex-connect-api-key': secret.value } });

    expect(findLeaks(collector.captures, [secret])).toEqual([`response contains ${fingerprint(secret.value)}`]);
  });
});
