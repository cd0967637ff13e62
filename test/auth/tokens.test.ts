// Token auth against the real reference API: the key and secret exchanged for a token (cached, renewed
// once for everyone on a 401 or after a set lifetime), and a token function called for every attempt.
// Token lifetimes run on the reference API's own clock, which the tests move instead of sleeping.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { spec } from '../../generated/spec.js';
import {
  AuthenticationError,
  type ClientOptions,
  CredentialsError,
  createInteractionsClient,
  InvalidInputError,
  ResponseValidationError,
  ServerError,
} from '../../src/index.js';
import { type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { CONTACT, hangingFetch, TENANT } from '../helpers.js';

const KEY = 'tokens-key';
const SECRET = 'tokens-secret-8c1f';
const LIFETIME_MS = 60_000;
const TOKENS = `/v1${spec.operations.createToken.path}`;
const params = { tenantId: TENANT, contactId: CONTACT, limit: 1 };

let api: ReferenceApi;
/** Requests the reference API received, in order: method, path and Authorization. */
let seen: { method: string; path: string; authorization: string | undefined; body?: string }[] = [];
/** Answers the next requests to these paths itself, when set. */
let override: ((path: string, method: string) => { status: number; body: string } | undefined) | undefined;

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'tokens',
    tokenLifetimeMs: LIFETIME_MS,
    dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 12 }],
    credentials: { apiKeys: [{ key: KEY, secret: SECRET }] },
    intercept(req, res, url) {
      seen.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization });
      const answer = override?.(url.pathname, req.method ?? '');
      if (!answer) return false;
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      return true;
    },
  });
});
afterAll(() => api.close());
afterEach(() => {
  seen = [];
  override = undefined;
  vi.useRealTimers();
});

const exchanges = () => seen.filter((r) => r.path === TOKENS);
const reads = () => seen.filter((r) => r.path !== TOKENS);

function exchangeClient(options: Partial<ClientOptions> = {}) {
  return createInteractionsClient({
    baseUrl: api.baseUrl,
    auth: { username: KEY, password: SECRET, exchange: 'token' },
    maxRetries: 0,
    ...options,
  });
}

describe('token exchange', () => {
  it('exchanges on first use, without auth on the exchange, then sends Authorization: Token … and reuses it', async () => {
    let body = '';
    const client = exchangeClient({
      fetch: async (input, init) => {
        const request = input as Request;
        if (request.method === 'POST') body = await request.clone().text();
        return fetch(request, init);
      },
    });
    expect(seen).toEqual([]); // creating the client sends nothing
    await client.listInteractions(params);
    await client.listInteractions(params);
    expect(exchanges()).toHaveLength(1);
    expect(exchanges()[0]!.authorization).toBeUndefined();
    expect(JSON.parse(body)).toEqual({ username: KEY, password: SECRET });
    const [first, second] = reads();
    expect(first!.authorization).toMatch(/^Token \S+$/);
    expect(second!.authorization).toBe(first!.authorization);
  });

  it('8 concurrent calls refused with an expired token share one refresh, and each is retried once with the new token', async () => {
    const client = exchangeClient();
    await client.listInteractions(params);
    const old = reads()[0]!.authorization;
    api.store.advance(LIFETIME_MS); // the reference API's clock: the token has now expired
    seen = [];
    const pages = await Promise.all(Array.from({ length: 8 }, () => client.listInteractions(params)));
    expect(pages.map((p) => p.total)).toEqual(Array(8).fill(12));
    expect(exchanges()).toHaveLength(1);
    const sent = reads().map((r) => r.authorization);
    expect(sent).toHaveLength(16);
    expect(sent.filter((a) => a === old)).toHaveLength(8);
    const fresh = sent.filter((a) => a !== old);
    expect(new Set(fresh).size).toBe(1);
    expect(fresh).toHaveLength(8);
  });

  it('a second 401 is an AuthenticationError: one refresh, one retry, no loop', async () => {
    const client = exchangeClient();
    override = (path) => (path === TOKENS ? undefined : { status: 401, body: '{"error":"Unauthorized"}' });
    const error = await client.listInteractions(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(reads()).toHaveLength(2);
    expect(exchanges()).toHaveLength(2); // first use, then the one refresh
  });

  it('a refused key and secret: the exchange answers 401, nothing else is sent', async () => {
    const client = exchangeClient({ auth: { username: KEY, password: 'wrong', exchange: 'token' } });
    const error = await client.listInteractions(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe('Token exchange (POST /tokens) failed: HTTP 401: Unauthorized');
    expect(reads()).toEqual([]);
  });

  it('the exchange goes through the request loop: a 503 is retried, then a typed error after retries', async () => {
    api.store.queueFailure({ status: 503, headers: { 'retry-after': '0' } });
    const client = exchangeClient({ maxRetries: 1 });
    await expect(client.listInteractions(params)).resolves.toMatchObject({ total: 12 });
    expect(exchanges()).toHaveLength(2);
    seen = [];
    api.store.queueFailure({ status: 503, times: 2, headers: { 'retry-after': '0' } });
    const error = await exchangeClient({ maxRetries: 1 })
      .listInteractions(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(reads()).toEqual([]);
  });

  it.each([
    ['no token', '{"expires": 3600}', ResponseValidationError, '/token'],
    ['a token that is not a string', '{"token": 42}', ResponseValidationError, '/token'],
    ['a token that cannot be sent in a header', '{"token": "two words"}', ResponseValidationError, '/token'],
    ['a body cut short', '{"token": "abc', Error, undefined],
  ] as const)(
    'a token response with %s is a typed error, and nothing is sent with it',
    async (_name, body, Class, pointer) => {
      override = (path) => (path === TOKENS ? { status: 200, body } : undefined);
      const error = await exchangeClient()
        .listInteractions(params)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Class);
      if (pointer) expect((error as ResponseValidationError).pointer).toBe(pointer);
      else expect((error as Error).name).toBe('InvalidResponseError');
      expect(reads()).toEqual([]);
    },
  );

  it('a failed exchange is not cached: the next call exchanges again', async () => {
    override = (path) => (path === TOKENS ? { status: 200, body: '{}' } : undefined);
    const client = exchangeClient();
    await expect(client.listInteractions(params)).rejects.toThrow(ResponseValidationError);
    override = undefined;
    await expect(client.listInteractions(params)).resolves.toMatchObject({ total: 12 });
    expect(exchanges()).toHaveLength(2);
  });

  it('with a lifetime you set, a token that old is renewed before use (no 401 needed)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const client = exchangeClient({
      auth: { username: KEY, password: SECRET, exchange: 'token', tokenLifetimeMs: 1000 },
    });
    await client.listInteractions(params);
    vi.setSystemTime(Date.now() + 999);
    await client.listInteractions(params);
    expect(exchanges()).toHaveLength(1);
    vi.setSystemTime(Date.now() + 1);
    await client.listInteractions(params);
    expect(exchanges()).toHaveLength(2);
    const [a, b, c] = reads().map((r) => r.authorization);
    expect([a === b, b === c]).toEqual([true, false]);
  });

  it('derived clients share the token cache', async () => {
    const client = exchangeClient();
    await client.listInteractions(params);
    await client.withOptions({ maxRetries: 2, timeoutMs: 5000 }).listInteractions(params);
    await client.withOptions({ validate: 'off' }).withOptions({ userAgent: 'x/1' }).listInteractions(params);
    expect(exchanges()).toHaveLength(1);
    expect(new Set(reads().map((r) => r.authorization)).size).toBe(1);
  });

  it.each<[string, unknown]>([
    ['auth.exchange', { username: KEY, password: SECRET, exchange: 'bearer' }],
    ['auth.tokenLifetimeMs', { username: KEY, password: SECRET, exchange: 'token', tokenLifetimeMs: 0 }],
    ['auth.tokenLifetimeMs', { username: KEY, password: SECRET, tokenLifetimeMs: 1000 }],
    ['auth', { token: 't', exchange: 'token' }],
  ])('rejects %s in %j before anything is sent', (param, auth) => {
    expect(() => exchangeClient({ auth } as Partial<ClientOptions>)).toThrow(
      expect.objectContaining({ constructor: InvalidInputError, param }),
    );
    expect(seen).toEqual([]);
  });
});

describe('an exchange no call waits for', () => {
  it('is aborted once every call waiting for it has stopped (Ctrl-C must not wait for its deadline); the next call starts another', async () => {
    const { fetch, requests } = hangingFetch();
    const client = exchangeClient({ fetch, timeoutMs: 600_000, deadlineMs: 600_000 });
    const first = new AbortController();
    const second = new AbortController();
    const calls = [
      client.listInteractions(params, { signal: first.signal }),
      client.listInteractions(params, { signal: second.signal }),
    ];
    for (const call of calls) call.catch(() => {});
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    const exchange = requests[0]!;
    expect(exchange.method).toBe('POST');
    first.abort(new Error('one caller gone'));
    await expect(calls[0]).rejects.toMatchObject({ name: 'AbortedError' });
    expect(exchange.signal.aborted).toBe(false); // the second call still waits for the token
    second.abort(new Error('every caller gone'));
    await expect(calls[1]).rejects.toMatchObject({ name: 'AbortedError' });
    expect(exchange.signal.aborted).toBe(true);
    const third = client.listInteractions(params, { signal: AbortSignal.abort() });
    await expect(third).rejects.toMatchObject({ name: 'AbortedError' });
    const fourth = new AbortController();
    const next = client.listInteractions(params, { signal: fourth.signal });
    next.catch(() => {});
    await vi.waitFor(() => expect(requests).toHaveLength(2)); // a new exchange, not the aborted one
    fourth.abort();
  });
});

describe('token function', () => {
  const issued = () => api.store.issueToken(KEY, SECRET)!;

  it('is called for every attempt: a retry sends what it returns then', async () => {
    const tokens = [issued(), issued()];
    let calls = 0;
    api.store.queueFailure({ status: 503, headers: { 'retry-after': '0' } });
    const client = createInteractionsClient({
      baseUrl: api.baseUrl,
      auth: { token: async () => tokens[calls++]! },
      maxRetries: 1,
    });
    await client.listInteractions(params);
    expect(calls).toBe(2);
    expect(reads().map((r) => r.authorization)).toEqual(tokens.map((t) => `Token ${t}`));
  });

  it('a 401 is not retried: the caller’s store decides when a token is renewed', async () => {
    let calls = 0;
    const client = createInteractionsClient({
      baseUrl: api.baseUrl,
      auth: {
        token: () => {
          calls += 1;
          return 'not-issued';
        },
      },
      maxRetries: 3,
    });
    await expect(client.listInteractions(params)).rejects.toThrow(AuthenticationError);
    expect([calls, reads().length]).toEqual([1, 1]);
  });

  it.each<[string, () => unknown, RegExp]>([
    ['throws', () => Promise.reject(new Error('vault sealed')), /the token function threw/],
    ['returns an empty string', () => '', /got a string with spaces or other characters/],
    ['returns a header-breaking string', () => 'a\nb', /got a string with spaces or other characters/],
    ['returns a number', () => 42, /got number/],
  ])('that %s ends the call with a CredentialsError; nothing is sent', async (_name, token, message) => {
    const client = createInteractionsClient({
      baseUrl: api.baseUrl,
      auth: { token: token as () => string },
      maxRetries: 3,
    });
    const error = await client.listInteractions(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(message);
    expect(seen).toEqual([]);
  });
});
