import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerShare } from '../../functions/shared/budget.js';
import { FunctionConfigError } from '../../functions/shared/config-error.js';
import { integer, list, oneOf, requiredString } from '../../functions/shared/env.js';
import { secretFrom } from '../../functions/shared/secrets.js';
import { type FakeSsm, startFakeSsm } from '../support/ssm-server.js';

describe('Function: containerShare', () => {
  it.each([
    [200, 1, 200],
    [200, 5, 40],
    [200, 3, 66],
    [600, 7, 85],
  ])('gives each of the containers of %i/min and concurrency %i a share of %i', (budget, concurrency, share) => {
    expect(containerShare(budget, concurrency)).toBe(share);
  });

  it('never lets all containers together exceed the budget', () => {
    for (let budget = 1; budget <= 400; budget += 7) {
      for (let concurrency = 1; concurrency <= budget; concurrency += 3) {
        expect(containerShare(budget, concurrency) * concurrency).toBeLessThanOrEqual(budget);
      }
    }
  });

  it('rejects more containers than requests', () => {
    expect(() => containerShare(200, 201)).toThrow(/cannot share 200 requests a minute/);
  });

  it('rejects a concurrency below 1', () => {
    expect(() => containerShare(200, 0)).toThrow(FunctionConfigError);
  });
});

describe('Function: env readers', () => {
  it('names a missing variable and the fix', () => {
    expect(() => requiredString({}, 'PLEX_TIER', 'Set it to production or test.')).toThrow(
      'PLEX_TIER: is not set. Set it to production or test.',
    );
  });

  it('treats a blank variable as unset', () => {
    expect(() => requiredString({ PLEX_TIER: '  ' }, 'PLEX_TIER', '')).toThrow(FunctionConfigError);
  });

  it.each(['abc', '1.5', '0', '1001', ''])('rejects %j as a bounded integer or uses the default', (raw) => {
    const read = () => integer({ N: raw }, 'N', { default: 7, min: 1, max: 1000 });

    if (raw === '') expect(read()).toBe(7);
    else expect(read).toThrow(`N: must be a whole number from 1 to 1000, got "${raw}".`);
  });

  it('splits a list and drops blanks', () => {
    expect(list({ L: ' a, ,b ,c,' }, 'L')).toEqual(['a', 'b', 'c']);
  });

  it('names the allowed values of a closed set', () => {
    expect(() => oneOf({ PLEX_TIER: 'prod' }, 'PLEX_TIER', ['production', 'test'])).toThrow(
      'PLEX_TIER: must be one of "production", "test", got "prod".',
    );
  });
});

describe('Function: secretFrom', () => {
  let ssm: FakeSsm;

  beforeAll(async () => {
    ssm = await startFakeSsm({ '/plex-connect/test/api-key': 'ssm-key-1' });
  });

  afterAll(async () => {
    await ssm.close();
  });

  const options = () => ({
    parameterVariable: 'PLEX_API_KEY_PARAMETER',
    valueVariable: 'PLEX_API_KEY',
    ssmClientConfig: ssm.clientConfig,
  });

  it('reads the local value when no parameter is named', async () => {
    const secret = secretFrom({ PLEX_API_KEY: 'local-key' }, options());

    await expect(secret.get()).resolves.toBe('local-key');
    expect(secret.origin).toBe('env:PLEX_API_KEY');
  });

  it('names both variables when neither is set', () => {
    expect(() => secretFrom({}, options())).toThrow(/PLEX_API_KEY_PARAMETER to the name of an SSM parameter/);
  });

  it('reads SSM once and caches the value', async () => {
    const secret = secretFrom({ PLEX_API_KEY_PARAMETER: '/plex-connect/test/api-key' }, options());
    const before = ssm.reads.length;

    await expect(secret.get()).resolves.toBe('ssm-key-1');
    await expect(secret.get()).resolves.toBe('ssm-key-1');
    expect(ssm.reads.length - before).toBe(1);
    expect(secret.origin).toBe('ssm:/plex-connect/test/api-key');
  });

  it('re-reads SSM on refresh after a rotation', async () => {
    const secret = secretFrom({ PLEX_API_KEY_PARAMETER: '/plex-connect/test/api-key' }, options());
    await secret.get();
    ssm.parameters.set('/plex-connect/test/api-key', 'ssm-key-2');

    await expect(secret.get()).resolves.toBe('ssm-key-1');
    await expect(secret.refresh()).resolves.toBe('ssm-key-2');
    await expect(secret.get()).resolves.toBe('ssm-key-2');
  });

  it('fails for a parameter that does not exist', async () => {
    const secret = secretFrom({ PLEX_API_KEY_PARAMETER: '/plex-connect/test/missing' }, options());

    await expect(secret.get()).rejects.toThrow(/missing/);
  });
});
