// The testing kit for MSW users (`cxengage-interactions/testing/msw`): the reference API as MSW 2 request
// handlers at the real base URLs, refusing everything else (`onUnhandledRequest: 'error'`). The same
// requests answered by the loopback server and by the handlers give the same answers byte for byte: one
// implementation of the semantics, served two ways.
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.ts';
import {
  AuthenticationError,
  createInteractionsClient,
  exportInteractions,
  NotFoundError,
  RateLimitError,
} from '../../src/index.ts';
import { operationPath, startReferenceApi } from '../../src/testing/index.ts';
import { referenceHandlers } from '../../src/testing/msw.ts';
import { CONTACT, TENANT, uuid } from '../helpers.ts';

const TOKEN = 'msw-token-0123456789';
const KEY = 'msw-key';
const SECRET = 'msw-secret-0123456789';
const options = {
  seed: 'msw',
  dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 230 }],
  credentials: { tokens: [{ token: TOKEN }], apiKeys: [{ key: KEY, secret: SECRET }] },
};

const api = referenceHandlers(options);
const server = setupServer(...api.handlers);
// The client is made before MSW starts, as a module of the code under test would be: the SDK looks the
// global fetch up at each request, so MSW's still intercepts it.
const client = createInteractionsClient({ auth: { token: TOKEN } });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('the reference API as MSW handlers', () => {
  it('answers at every region of the spec by default', () => {
    expect(api.baseUrls).toEqual(Object.values(spec.regions));
  });

  it('serves the history: a page, a whole walk, at the default region and another', async () => {
    const page = await client.listInteractions({ tenantId: TENANT, contactId: CONTACT, limit: 5 });
    expect(page).toMatchObject({ total: 230, limit: 5, page: null, offset: 0 });
    expect(page.results).toEqual(api.store.interactions(TENANT, CONTACT)!.slice(0, 5));
    const eu = createInteractionsClient({ auth: { token: TOKEN }, region: 'eu-west-1' });
    let walked = 0;
    for await (const _ of eu.iterateInteractions({ tenantId: TENANT, contactId: CONTACT })) walked += 1;
    expect(walked).toBe(230);
  });

  it('keeps the reference semantics: 404, 401, the token exchange, Get a Specific Interaction', async () => {
    await expect(client.listInteractions({ tenantId: TENANT, contactId: uuid(7) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const stranger = createInteractionsClient({ auth: { token: 'not-a-known-token' } });
    await expect(stranger.listInteractions({ tenantId: TENANT, contactId: CONTACT })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    const exchanged = createInteractionsClient({ auth: { username: KEY, password: SECRET, exchange: 'token' } });
    const [first] = (await exchanged.listInteractions({ tenantId: TENANT, contactId: CONTACT, limit: 1 })).results;
    const record = await exchanged.getInteraction({ tenantId: TENANT, interactionId: first!.interactionId });
    expect(record.interactionId).toBe(first!.interactionId);
  });

  it('arranged through its store, as the loopback server is: queued failures, new activity', async () => {
    api.store.queueFailure({ status: 503, headers: { 'retry-after': '0' } });
    const before = api.requests();
    await client.listInteractions({ tenantId: TENANT, contactId: CONTACT, limit: 1 });
    expect(api.requests() - before).toBe(2); // the 503, then the retry
  });

  it('a rate limit answers 429 with Retry-After, and counts it', async () => {
    const limited = referenceHandlers({ ...options, rateLimit: { requestsPerSecond: 1, burst: 1 } });
    server.use(...limited.handlers);
    const impatient = createInteractionsClient({ auth: { token: TOKEN }, maxRetryAfterMs: 0 });
    await impatient.listInteractions({ tenantId: TENANT, contactId: CONTACT, limit: 1 });
    await expect(impatient.listInteractions({ tenantId: TENANT, contactId: CONTACT, limit: 1 })).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(limited.throttled()).toBe(1);
  });

  it('an export of many contacts runs against it', async () => {
    const run = exportInteractions(client, { tenantId: TENANT, contacts: [CONTACT, uuid(9)], concurrency: 2 });
    const events: string[] = [];
    for await (const event of run) if (event.type !== 'record') events.push(`${event.type} ${event.contactId}`);
    expect(events.sort()).toEqual([`done ${CONTACT}`, `failed ${uuid(9)}`]);
    expect(run.summary().records).toBe(230);
  });
});

describe('one implementation: the loopback server and the handlers answer alike', () => {
  const history = operationPath('listContactInteractions', { tenantId: TENANT, contactId: CONTACT });
  const basic = `Basic ${btoa(`${KEY}:${SECRET}`)}`;
  const requests: [string, string, string, RequestInit][] = [
    ['a page', 'GET', `${history}?limit=3&page=2`, { headers: { authorization: `Token ${TOKEN}` } }],
    ['no page sent', 'GET', history, { headers: { authorization: basic } }],
    ['a limit over the maximum', 'GET', `${history}?limit=101`, { headers: { authorization: basic } }],
    [
      'a malformed id',
      'GET',
      operationPath('getInteraction', { tenantId: TENANT, interactionId: 'x' }),
      { headers: { authorization: basic } },
    ],
    ['no credentials', 'GET', history, {}],
    ['an unknown path', 'GET', '/nowhere', { headers: { authorization: basic } }],
    ['a method the route lacks', 'DELETE', history, { headers: { authorization: basic } }],
    [
      'the token exchange',
      'POST',
      spec.operations.createToken.path,
      { body: JSON.stringify({ username: KEY, password: SECRET }) },
    ],
    ['an exchange with a bad body', 'POST', spec.operations.createToken.path, { body: '{"username":1}' }],
  ];

  it.each(requests)('%s', async (_name, method, path, init) => {
    const loopback = await startReferenceApi(options);
    const handlers = referenceHandlers(options);
    // The loopback server is reached through MSW untouched; the region's URL is served by the handlers.
    server.use(
      http.all(`${loopback.baseUrl}/*`, () => passthrough()),
      ...handlers.handlers,
    );
    try {
      const read = async (response: Response) => ({
        status: response.status,
        headers: Object.fromEntries(
          [...response.headers].filter(
            ([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name),
          ),
        ),
        body: await response.text(),
      });
      const viaServer = await read(await fetch(`${loopback.baseUrl}${path}`, { ...init, method }));
      const viaMsw = await read(await fetch(`${handlers.baseUrls[0]}${path}`, { ...init, method }));
      expect(viaMsw).toEqual(viaServer);
    } finally {
      await loopback.close();
    }
  });
});
