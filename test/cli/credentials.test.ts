import { describe, expect, it } from 'vitest';
import { resolveAuth } from '../../src/cli/credentials.ts';
import { UsageError } from '../../src/cli/usage-error.ts';

const keyEnv = { CXENGAGE_API_KEY: 'env-key', CXENGAGE_API_SECRET: 'env-secret' };

describe('resolveAuth', () => {
  it('reads a key and secret, or a token, from the environment', () => {
    expect(resolveAuth({}, keyEnv)).toEqual({ username: 'env-key', password: 'env-secret' });
    expect(resolveAuth({}, { CXENGAGE_TOKEN: 'env-token' })).toEqual({ token: 'env-token' });
  });

  it('prefers flags over the environment', () => {
    expect(resolveAuth({ apiKey: 'k', apiSecret: 's' }, { CXENGAGE_TOKEN: 'env-token' })).toEqual({
      username: 'k',
      password: 's',
    });
    expect(resolveAuth({ token: 't' }, keyEnv)).toEqual({ token: 't' });
  });

  it.each([
    [{}, {}, /no credentials: set CXENGAGE_API_KEY and CXENGAGE_API_SECRET, or CXENGAGE_TOKEN/],
    [{}, { CXENGAGE_API_KEY: 'k' }, /CXENGAGE_API_KEY is set but CXENGAGE_API_SECRET is missing/],
    [{}, { CXENGAGE_API_SECRET: 's' }, /CXENGAGE_API_SECRET is set but CXENGAGE_API_KEY is missing/],
    [{}, { ...keyEnv, CXENGAGE_TOKEN: 't' }, /not both/],
    [{ apiKey: 'k' }, {}, /--api-key is set but --api-secret is missing/],
    [{ apiKey: 'k', apiSecret: 's', token: 't' }, {}, /not both/],
    [{}, { CXENGAGE_API_KEY: '', CXENGAGE_API_SECRET: '' }, /no credentials/],
  ])('%j %j is a usage error', (flags, env, message) => {
    expect(() => resolveAuth(flags, env)).toThrow(UsageError);
    expect(() => resolveAuth(flags, env)).toThrow(message);
  });

  it('never puts a secret in its messages', () => {
    expect(() => resolveAuth({}, { CXENGAGE_API_SECRET: 'hunter2-secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('exchanges the key and secret for a token with the flag or CXENGAGE_EXCHANGE_TOKEN', () => {
    const exchanged = { username: 'env-key', password: 'env-secret', exchange: 'token' };
    expect(resolveAuth({ exchangeToken: true }, keyEnv)).toEqual(exchanged);
    for (const on of ['1', 'true', 'YES']) {
      expect(resolveAuth({}, { ...keyEnv, CXENGAGE_EXCHANGE_TOKEN: on })).toEqual(exchanged);
    }
    for (const off of ['0', 'false', 'no', '']) {
      expect(resolveAuth({}, { ...keyEnv, CXENGAGE_EXCHANGE_TOKEN: off })).toEqual({
        username: 'env-key',
        password: 'env-secret',
      });
    }
    expect(() => resolveAuth({ exchangeToken: true }, { CXENGAGE_TOKEN: 't' })).toThrow(/cannot take a token/);
    expect(() => resolveAuth({}, { ...keyEnv, CXENGAGE_EXCHANGE_TOKEN: '2' })).toThrow(UsageError);
  });
});
