// The routes added in 1.1.0, Get a Specific Interaction and the token exchange (POST /tokens), checked
// the way the history route is: the SDK against Prism's mock of the spec (examples and generated bodies), and
// against a reference API of its own (so that token lifetimes can run on a clock this file moves), behind
// the suite's `prism proxy --errors`. Every body is also checked with ajv against the operation's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.ts';
import {
  type ApiError,
  AuthenticationError,
  type ClientOptions,
  createInteractionsClient,
  NotFoundError,
  PermissionDeniedError,
  withDetails,
} from '../src/index.ts';
import { type ReferenceApi, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom, uuid } from '../src/testing/random.ts';
import { contract, dynamicMock } from './support/client.ts';
import { errorClass, vendorMessage } from './support/errors.ts';
import { everyBodyConformsTest, type RecordingFetch, recordingFetch } from './support/recording-fetch.ts';
import { toOwnApi } from './support/shared-proxy.ts';
import { namedExamples, validateBody } from './support/spec.ts';

const recorder = recordingFetch();
const { getInteraction, createToken, listContactInteractions } = spec.operations;
const exchangeAuth = (username: string, password: string) => ({ username, password, exchange: 'token' as const });
// For the mocks, which take any key and secret (and a realistic secret, so redaction stays out of the way).
const anyKey = () => exchangeAuth('mock-key', 'mock-secret-0f3a9c');

function client(baseUrl: string, fetcher: RecordingFetch, options: Partial<ClientOptions> = {}) {
  return createInteractionsClient({
    baseUrl,
    auth: { ...contract().credentials.apiKey },
    fetch: fetcher.fetch,
    validate: 'strict',
    maxRetries: 0,
    ...options,
  });
}

describe('Prism static mock: Get a Specific Interaction', () => {
  const examples = namedExamples(200, 'getInteraction');
  const tenantId = () => contract().tenantId;

  it.each(Object.keys(examples))('named example %s parses through the SDK in strict mode, unchanged', async (name) => {
    const chosen = recordingFetch({ headers: { prefer: `example=${name}` }, inner: recorder.fetch });
    // Asked for with the ids it states: the SDK refuses a record of another tenant or interaction.
    const { interactionId, tenantId: stated } = examples[name] as { interactionId: string; tenantId?: string };
    const record = await client(contract().mockUrl, chosen).getInteraction({
      tenantId: stated ?? tenantId(),
      interactionId,
    });
    expect(record).toEqual(examples[name]);
  });

  it.each(getInteraction.errorStatuses)('%i maps to its typed error with the example message', async (status) => {
    const [name, example] = Object.entries(namedExamples(status, 'getInteraction'))[0]!;
    const prefer = recordingFetch({ headers: { prefer: `code=${status}, example=${name}` }, inner: recorder.fetch });
    const error = await client(contract().mockUrl, prefer)
      .getInteraction({ tenantId: tenantId(), interactionId: uuid(seededRandom('static')) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass(status));
    expect((error as ApiError).message).toBe(`HTTP ${status}: ${vendorMessage(example)}`);
    expect((error as ApiError).body).toEqual(example);
    if (status === 400) expect((error as ApiError).fieldErrors).toHaveProperty('interactionId');
  });
});

describe('Prism static mock: the token exchange', () => {
  it('the SDK’s exchange request passes Prism’s validation, and the example token is then sent as Authorization: Token …', async () => {
    const sent: (string | null)[] = [];
    const watching = recordingFetch({
      inner: (input, init) => {
        sent.push((input as Request).headers.get('authorization'));
        return recorder.fetch(input, init);
      },
    });
    const [token] = Object.values(namedExamples(200, 'createToken')) as { token: string }[];
    const c = client(contract().mockUrl, watching, {
      auth: exchangeAuth('EXAMPLE-API-KEY', 'EXAMPLE-API-SECRET'),
    });
    const page = await c.listInteractions({ tenantId: contract().tenantId, contactId: contract().contacts['10']! });
    expect(page.results.length).toBeGreaterThan(0);
    expect(watching.records.map((r) => [r.method, r.status])).toEqual([
      ['POST', createToken.successStatus],
      ['GET', listContactInteractions.successStatus],
    ]);
    expect(sent).toEqual([null, `Token ${token!.token}`]);
  });

  it.each(createToken.errorStatuses)(
    '%i from the exchange is its typed error, named as the exchange',
    async (status) => {
      const [name, example] = Object.entries(namedExamples(status, 'createToken'))[0]!;
      const prefer = recordingFetch({ headers: { prefer: `code=${status}, example=${name}` }, inner: recorder.fetch });
      const error = await client(contract().mockUrl, prefer, { auth: anyKey() })
        .getInteraction({ tenantId: contract().tenantId, interactionId: uuid(seededRandom('static')) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass(status));
      expect((error as Error).message).toBe(
        `Token exchange (POST /tokens) failed: HTTP ${status}: ${vendorMessage(example)}`,
      );
      expect(prefer.records.map((r) => r.method)).toEqual(['POST']);
    },
  );
});

describe('Prism dynamic mock', () => {
  it('20 seeded bodies of each new route validate (ajv) and parse through the SDK in strict mode', async () => {
    const one = async (seed: number) => {
      const perSeed = recordingFetch({ headers: dynamicMock(seed), inner: recorder.fetch });
      const interactionId = uuid(seededRandom(seed));
      const tenantId = contract().tenantId;
      // A dynamic body answers no request in particular: its ids become the request's (as a server's
      // are), after Prism and ajv checked it, so that the SDK's own check of them lets it through.
      const asAnswered: typeof fetch = async (input, init) => {
        const method = (input as Request).method;
        const response = await perSeed.fetch(input, init);
        if (!response.ok || method !== 'GET') return response;
        const body = { ...((await response.json()) as object), interactionId, tenantId };
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        return new Response(JSON.stringify(body), { status: response.status, headers });
      };
      const c = client(contract().mockUrl, { ...perSeed, fetch: asAnswered }, { auth: anyKey() });
      const record = await c.getInteraction({ tenantId, interactionId });
      expect(record.interactionId).toBe(interactionId);
      expect(perSeed.records.map((r) => [r.method, r.status, r.valid])).toEqual([
        ['POST', 200, true],
        ['GET', 200, true],
      ]);
    };
    for (let seed = 1; seed <= 20; seed += 4) await Promise.all([seed, seed + 1, seed + 2, seed + 3].map(one));
  });
});

describe('the reference API behind prism proxy --errors', () => {
  const tenantId = uuid(seededRandom('successor/tenant'));
  const contactId = uuid(seededRandom('successor/contact'));
  const LIFETIME_MS = 60_000;
  const historyPermission = listContactInteractions.permission;
  let exchanges = 0;
  let api: ReferenceApi;
  const ownApi: RecordingFetch = { ...recorder, fetch: toOwnApi(() => api.baseUrl, recorder.fetch) };

  beforeAll(async () => {
    api = await startReferenceApi({
      seed: 'successor',
      tokenLifetimeMs: LIFETIME_MS,
      dataSets: [{ tenantId, contactId, interactions: 25 }],
      credentials: {
        apiKeys: [
          { key: 'full', secret: 'full-secret' },
          { key: 'history-only', secret: 'history-secret', permissions: [historyPermission] },
        ],
      },
      intercept(req, _res, url) {
        if (req.method === 'POST' && url.pathname.endsWith(createToken.path)) exchanges += 1;
        return false;
      },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  const full = (options: Partial<ClientOptions> = {}) =>
    client(contract().proxyUrl, ownApi, { auth: exchangeAuth('full', 'full-secret'), ...options });

  it('exchange, history and details: every exchange and answer passes Prism, and each record agrees with its history item', async () => {
    const c = full();
    const history = [];
    for await (const item of withDetails(c, c.iterateInteractions({ tenantId, contactId, pageSize: 10 }), {
      tenantId,
    })) {
      const { interactionId, startTimestamp, endTimestamp } = item.interaction;
      expect(item.details).toMatchObject({
        interactionId,
        startTimestamp,
        // Keys without a value are left out of the record (but kept in its details).
        ...(endTimestamp === null ? {} : { endTimestamp }),
        details: {
          channelType: item.interaction.channelType,
          direction: item.interaction.directionType,
          contactId,
          endTimestamp,
        },
      });
      if (endTimestamp === null) expect(item.details).not.toHaveProperty('endTimestamp');
      history.push(item);
    }
    expect(history).toHaveLength(25);
    expect(recorder.invalid()).toEqual([]);
  });

  it('8 concurrent calls refused with an expired token share one refresh, through the proxy', async () => {
    const c = full();
    await c.listInteractions({ tenantId, contactId, limit: 1 });
    exchanges = 0;
    api.store.advance(LIFETIME_MS);
    const all = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2
          ? c.listInteractions({ tenantId, contactId, limit: 1 }).then((p) => p.total)
          : c.getInteraction({
              tenantId,
              interactionId: api.store.interactions(tenantId, contactId)![i]!.interactionId,
            }),
      ),
    );
    expect(all).toHaveLength(8);
    expect(exchanges).toBe(1);
  });

  it('a key without INTERACTIONS_API_READ_ALL reads the history but gets 403 on the successor', async () => {
    const c = full({ auth: exchangeAuth('history-only', 'history-secret') });
    const [first] = (await c.listInteractions({ tenantId, contactId, limit: 1 })).results;
    const error = await c.getInteraction({ tenantId, interactionId: first!.interactionId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toBe(`HTTP 403: Missing permission: ${getInteraction.permission}`);
  });

  it('404 for an unknown interaction; 401 for an expired fixed token (no refresh without the key)', async () => {
    await expect(
      full().getInteraction({ tenantId, interactionId: uuid(seededRandom('successor/unknown')) }),
    ).rejects.toMatchObject({ constructor: NotFoundError, message: 'HTTP 404: Interaction not found.' });
    const token = api.store.issueToken('full', 'full-secret')!;
    api.store.advance(LIFETIME_MS);
    await expect(full({ auth: { token } }).listInteractions({ tenantId, contactId, limit: 1 })).rejects.toThrow(
      AuthenticationError,
    );
  });

  it.each<[string, string, number, string[]]>([
    ['a body without password', '{"username":"full"}', 400, ['password']],
    ['a body that is not JSON', 'username=full', 400, ['body']],
    ['fields of the wrong type', '{"username":1,"password":[]}', 400, ['username', 'password']],
    ['a wrong secret', '{"username":"full","password":"nope"}', 401, []],
  ])(
    'POST /v1/tokens with %s (%s): %d, a spec-valid vendor body (the reference API, directly)',
    async (_n, body, status, fields) => {
      const response = await fetch(`${api.baseUrl}${createToken.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const json = (await response.json()) as { error: { attribute?: Record<string, string> } };
      expect(response.status).toBe(status);
      expect(validateBody(status, json, 'createToken')).toEqual({ valid: true, issues: [] });
      expect(Object.keys(json.error.attribute ?? {})).toEqual(fields);
    },
  );
});

everyBodyConformsTest(recorder);
