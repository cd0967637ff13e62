import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';
import type { paths } from '../../generated/schema.js';
import { spec } from '../../generated/spec.js';
import {
  AbortedError,
  ApiError,
  type ClientOptions,
  CxEngageError,
  createInteractionsClient,
  defaultRegion,
  InvalidInputError,
  ResponseValidationError,
  regions,
} from '../../src/index.js';
import { operationPath, startReferenceApi } from '../../src/testing/index.ts';
import { CONTACT, clientAnswering, interaction, json, page, recordingFetch, TENANT } from '../helpers.js';

const params = { tenantId: TENANT, contactId: CONTACT };
const PATH = operationPath('listContactInteractions', params);
const okPage = () => json(page([interaction(1)]), { headers: { 'x-request-id': 'abc' } });

const setup = (options: Partial<ClientOptions> = {}, answer: () => Response = okPage) =>
  clientAnswering(answer, options);

function thrown(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  return expect.fail('expected an InvalidInputError');
}

describe('auth', () => {
  it('Basic: API key and secret', async () => {
    const { client, requests } = setup({ auth: { username: 'key-1', password: 'sécret' } });
    await client.listInteractions(params);
    expect(requests[0]!.headers.get('authorization')).toBe(
      `Basic ${Buffer.from('key-1:sécret', 'utf8').toString('base64')}`,
    );
  });

  it('Token: the scheme word is Token, not Bearer', async () => {
    const { client, requests } = setup({ auth: { token: 'abc.def-123' } });
    await client.listInteractions(params);
    expect(requests[0]!.headers.get('authorization')).toBe('Token abc.def-123');
    expect(requests[0]!.headers.get('accept')).toBe('application/json');
  });

  it.each<[string, unknown]>([
    ['auth', 'key:secret'],
    ['auth', { token: 'a', username: 'b', password: 'c' }],
    ['auth.token', { token: 'has space' }],
    ['auth.token', { token: 'line\nbreak' }],
    ['auth.username', { username: 'a:b', password: 'x' }],
    ['auth.password', { username: 'key', password: 42 }],
  ])('rejects %s = %j without echoing it', (param, auth) => {
    const error = thrown(() => createInteractionsClient({ auth } as ClientOptions));
    expect(error.param).toBe(param);
    expect(error.value).toBe('[redacted]');
  });

  it.each<[string, unknown, unknown]>([
    ['auth', undefined, undefined],
    ['auth.token', { token: '' }, ''],
    ['auth.token', { token: undefined }, undefined],
    ['auth.username', { username: '', password: 'x' }, ''],
    ['auth.username', { password: 'x' }, undefined],
    ['auth.username', { username: null, password: 'x' }, null],
    ['auth.password', { username: 'key' }, undefined],
  ])('says %s is missing for %j (not [redacted])', (param, auth, value) => {
    const error = thrown(() => createInteractionsClient({ auth } as ClientOptions));
    expect(error.param).toBe(param);
    expect(error.value).toBe(value);
    expect(error.message).toMatch(new RegExp(`^Invalid ${param.replace('.', '\\.')}: is missing: give `));
    expect(error.message).not.toContain('[redacted]');
  });
});

describe('regions and base URL', () => {
  it('regions and the default region come from the spec', async () => {
    expect(regions).toEqual(spec.regions);
    expect(defaultRegion).toBe(spec.defaultRegion);
    const { client, requests } = setup();
    await client.listInteractions(params);
    expect(requests[0]!.url).toBe(`${spec.regions[spec.defaultRegion]}${PATH}`);
  });

  it('eu-west-1', async () => {
    const { client, requests } = setup({ region: 'eu-west-1' });
    await client.listInteractions(params);
    expect(requests[0]!.url).toBe(`${regions['eu-west-1']}${PATH}`);
  });

  it('an unknown region is refused, with the known ones named', () => {
    const error = thrown(() => setup({ region: 'ap-south-1' as never }));
    expect(error).toMatchObject({ param: 'region', value: 'ap-south-1' });
    expect(error.message).toContain('us-east-1, eu-west-1');
    expect(thrown(() => setup({ region: 'toString' as never })).param).toBe('region');
  });

  it.each([
    ['http://127.0.0.1:4010', `http://127.0.0.1:4010${PATH}`],
    ['http://127.0.0.1:4010/', `http://127.0.0.1:4010${PATH}`],
    ['http://127.0.0.1:5000/v1', `http://127.0.0.1:5000/v1${PATH}`],
    ['http://127.0.0.1:5000/v1/', `http://127.0.0.1:5000/v1${PATH}`],
    ['http://127.0.0.1:5000//v1//', `http://127.0.0.1:5000/v1${PATH}`],
    ['http://localhost:8080/api', `http://localhost:8080/api${PATH}`],
    ['http://127.9.8.7', `http://127.9.8.7${PATH}`],
    ['http://[::1]:4010', `http://[::1]:4010${PATH}`],
    ['https://proxy.example.test/cx/v1/', `https://proxy.example.test/cx/v1${PATH}`],
  ])('baseUrl %s → %s (no double slash)', async (baseUrl, url) => {
    const { client, requests } = setup({ baseUrl });
    await client.listInteractions(params);
    expect(requests[0]!.url).toBe(url);
  });

  it('baseUrl overrides region', async () => {
    const { client, requests } = setup({ region: 'eu-west-1', baseUrl: 'https://x.example.test/v1' });
    await client.listInteractions(params);
    expect(requests[0]!.url).toBe(`https://x.example.test/v1${PATH}`);
  });

  it.each(['http://api.example.test/v1', 'http://10.0.0.1', 'http://128.0.0.1', 'http://localhost.evil.test'])(
    'refuses insecure %s unless allowInsecureHttp',
    async (baseUrl) => {
      expect(thrown(() => setup({ baseUrl })).message).toMatch(/allowInsecureHttp/);
      const { client, requests } = setup({ baseUrl, allowInsecureHttp: true });
      await client.listInteractions(params);
      expect(requests[0]!.url.startsWith('http://')).toBe(true);
    },
  );

  it.each(['not a url', 'ftp://x.test', 'https://x.test/v1?a=1', 'https://x.test/#frag', '/v1'])(
    'refuses baseUrl %j',
    (baseUrl) => {
      expect(thrown(() => setup({ baseUrl })).param).toBe('baseUrl');
    },
  );

  it.each([
    'https://user:hunter2@x.test/v1',
    'https://user:hunter2@x.test:99999/v1', // unparseable (port out of range)
    'https://user:hunter2@', // unparseable (no host)
    'user:hunter2@x.test/v1', // parsed with the scheme "user:"
    'http://user:p@ss:hunter2@x.test/v1?x',
  ])('refuses credentials in the base URL %s without echoing them', (baseUrl) => {
    const error = thrown(() => setup({ baseUrl }));
    expect(error.param).toBe('baseUrl');
    expect(`${error.message} ${JSON.stringify(error)} ${String(error.value)}`).not.toContain('hunter2');
    expect(String(error.value)).toContain('[redacted]@');
  });
});

describe('options', () => {
  it.each<[keyof ClientOptions, unknown]>([
    ['timeoutMs', 0],
    ['timeoutMs', -1],
    ['timeoutMs', NaN],
    ['timeoutMs', Infinity],
    ['timeoutMs', 2 ** 31],
    ['deadlineMs', 0],
    ['deadlineMs', '5'],
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['maxRetryAfterMs', -1],
    ['validate', 'loose'],
    ['logger', {}],
    ['fetch', 'fetch'],
  ])('rejects %s = %j', (param, value) => {
    expect(thrown(() => setup({ [param]: value })).param).toBe(param);
  });
});

describe('one page', () => {
  it('omits page from the query when the caller omits it, and sends it when given', async () => {
    const { client, requests } = setup();
    await client.listInteractions(params);
    await client.listInteractions({ ...params, page: 0, limit: 5 });
    await client.listInteractions({ ...params, page: undefined });
    expect(requests.map((r) => new URL(r.url).search)).toEqual(['', '?limit=5&page=0', '']);
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('gives raw response access', async () => {
    const { client } = setup();
    const { data, response } = await client.listInteractionsWithResponse(params);
    expect(data.results).toHaveLength(1);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('abc');
  });

  it('passes the caller signal: an abort rejects with AbortedError, its reason as the cause', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    const { client, requests } = setup();
    const error = await client.listInteractions(params, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toBeInstanceOf(CxEngageError);
    expect((error as AbortedError).cause).toBe(reason);
    expect(requests).toHaveLength(0);
  });

  it('a tenantId like ../x never produces a request', async () => {
    const { client, requests } = setup();
    await expect(client.listInteractions({ ...params, tenantId: '../x' })).rejects.toMatchObject({
      param: 'tenantId',
      value: '../x',
    });
    expect(requests).toHaveLength(0);
  });

  it('openapi-fetch encodes path params (the second line of defence)', async () => {
    const { fetch, requests } = recordingFetch(okPage);
    const raw = createClient<paths>({ baseUrl: 'https://x.test/v1', fetch });
    await raw.GET(spec.operations.listContactInteractions.path, {
      params: { path: { tenantId: '../x', contactId: 'a b/c?d#e' } },
    });
    const encoded = { tenantId: '..%2Fx', contactId: 'a%20b%2Fc%3Fd%23e' };
    expect(requests[0]!.url).toBe(`https://x.test/v1${operationPath('listContactInteractions', encoded)}`);
  });
});

describe('validation modes', () => {
  const bad = () => json(page([interaction(1), interaction(2, { channelType: 'fax' as never })]));

  it('strict (default) throws ResponseValidationError with the JSON pointer', async () => {
    const { client } = setup({}, bad);
    const error = await client.listInteractions(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ pointer: '/results/1/channelType' });
    expect((error as ResponseValidationError).issues[0]).toMatchObject({ keyword: 'enum' });
    expect((error as Error).message).toContain('/results/1/channelType');
  });

  it('strict names a missing property in the pointer', async () => {
    const { interactionId: _, ...noId } = interaction(1);
    const { client } = setup({}, () => json(page([noId as never])));
    await expect(client.listInteractions(params)).rejects.toMatchObject({ pointer: '/results/0/interactionId' });
  });

  it('strict checks results.length <= limit', async () => {
    const { client } = setup({}, () => json(page([interaction(1), interaction(2)], { limit: 1 })));
    await expect(client.listInteractions(params)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      pointer: '/results',
    });
    const again = setup({}, () => json(page([interaction(1), interaction(2)], { limit: 10 })));
    await expect(again.client.listInteractions({ ...params, limit: 1 })).rejects.toMatchObject({ pointer: '/results' });
  });

  it('warn logs and returns the data', async () => {
    const logger = { warn: vi.fn() };
    const { client } = setup({ validate: 'warn', logger }, bad);
    const data = await client.listInteractions(params);
    expect(data.results[1]!.channelType).toBe('fax');
    expect(logger.warn).toHaveBeenCalledOnce();
    expect(logger.warn.mock.calls[0]![1]).toMatchObject({ pointer: '/results/1/channelType' });
  });

  it('off skips validation entirely: any JSON body comes back as it is (null and {} included)', async () => {
    const logger = { warn: vi.fn() };
    for (const body of [{ anything: true }, {}, null]) {
      const { client } = setup({ validate: 'off', logger }, () => json(body));
      await expect(client.listInteractions(params)).resolves.toEqual(body);
    }
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('extra (undocumented) properties are kept in every mode', async () => {
    const { client } = setup({}, () => json(page([interaction(1, { talkTime: 42 })])));
    expect((await client.listInteractions(params)).results[0]!['talkTime']).toBe(42);
  });
});

describe('redirects are never followed', () => {
  it('each attempt asks fetch not to follow: a 3xx is an ApiError, not retried', async () => {
    const inits: RequestInit[] = [];
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init ?? {});
      if (init?.redirect !== 'manual') throw new Error(`redirect mode ${String(init?.redirect)}`);
      return new Response('moved', {
        status: 301,
        statusText: 'Moved Permanently',
        headers: { location: 'http://x.test/v1' },
      });
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
      maxRetries: 3,
    });
    const error = await client.listInteractions(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 301, kind: 'unexpected_status', message: 'HTTP 301: Moved Permanently' });
    expect((error as ApiError).headers['location']).toBe('http://x.test/v1');
    expect(inits).toHaveLength(1);
  });

  it('the real fetch does not follow an https→http style redirect from a local server', async () => {
    let followed = 0;
    const server = await startReferenceApi({
      intercept: (req, res) => {
        if (req.url === '/elsewhere') followed++;
        res.writeHead(302, { location: '/elsewhere', 'content-type': 'text/plain' }).end('moved');
        return true;
      },
    });
    try {
      const client = createInteractionsClient({
        auth: { token: 'test-token-0123456789' },
        baseUrl: server.baseUrl,
        maxRetries: 0,
      });
      await expect(client.listInteractions(params)).rejects.toMatchObject({
        name: 'ApiError',
        status: 302,
        headers: { location: '/elsewhere' },
      });
      expect(followed).toBe(0);
    } finally {
      await server.close();
    }
  });
});
