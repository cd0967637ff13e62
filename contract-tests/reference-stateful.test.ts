// Checks that change the reference API's state between requests, so this file runs its own
// reference API (in this process, to reach its store), behind the suite's `prism proxy --errors`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, BadRequestError, createInteractionsClient, ServerError } from '../src/index.ts';
import { type Interaction, type ReferenceApi, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom, uuid } from '../src/testing/random.ts';
import { contract } from './support/client.ts';
import { everyBodyConformsTest, type RecordingFetch, recordingFetch } from './support/recording-fetch.ts';
import { toOwnApi } from './support/shared-proxy.ts';

const tenantId = uuid(seededRandom('stateful/tenant'));
const contactId = uuid(seededRandom('stateful/contact'));
const auth = { username: 'stateful-key', password: 'stateful-secret' };
let api: ReferenceApi;
const recorder = recordingFetch({ inner: toOwnApi(() => api.baseUrl) });

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'stateful',
    credentials: { apiKeys: [{ key: auth.username, secret: auth.password }] },
  });
});
afterAll(async () => {
  await api?.close();
});

/** A client whose every response is followed by `insert` new interactions at the front. */
function insertingClient(insert: number, fetchRecorder: RecordingFetch = recorder) {
  const inserting: typeof fetch = async (input, init) => {
    const response = await fetchRecorder.fetch(input, init);
    api.store.insertInteractions(tenantId, contactId, insert);
    return response;
  };
  return createInteractionsClient({ baseUrl: contract().proxyUrl, auth, fetch: inserting, maxRetries: 0 });
}

const ids = (items: readonly Interaction[]) => items.map((i) => i.interactionId);

describe('shifting pages: interactions inserted between page fetches', () => {
  it.each([
    [10, 3],
    [7, 2],
    [1, 0],
  ])(
    'page size %i, %i inserted after every fetch: the SDK iterator yields every original interaction exactly once, in order',
    async (pageSize, insert) => {
      const original = api.store.addContact(tenantId, contactId, 95);
      const yielded: Interaction[] = [];
      for await (const item of insertingClient(insert).iterateInteractions({ tenantId, contactId, pageSize }))
        yielded.push(item);
      // All, once, in order; the interactions inserted during the walk are not part of it.
      expect(ids(yielded)).toEqual(ids(original));
    },
  );

  it('the scenario bites: a naive page walk over the same shifting list sees duplicates', async () => {
    api.store.addContact(tenantId, contactId, 95);
    const client = insertingClient(3);
    const seen: string[] = [];
    for (let page = 0; page < 10; page++)
      seen.push(...ids((await client.listInteractions({ tenantId, contactId, limit: 10, page })).results));
    expect(new Set(seen).size).toBeLessThan(seen.length);
  });
});

describe('status conformance: 400 and 5xx from the reference API, through the proxy', () => {
  it.each([
    [400, BadRequestError, 'Bad request.'],
    [500, ServerError, 'Internal server error.'],
    [502, ServerError, 'Bad gateway.'],
    [503, ServerError, 'Service unavailable.'],
    [504, ServerError, 'Gateway timeout.'],
  ] as const)('%i maps to its typed error with the vendor message', async (status, type, message) => {
    api.store.addContact(tenantId, contactId, 3);
    api.store.queueFailure({ status });
    const client = createInteractionsClient({
      baseUrl: contract().proxyUrl,
      auth,
      fetch: recorder.fetch,
      maxRetries: 0,
    });
    const error = await client.listInteractions({ tenantId, contactId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).message).toContain(message);
    expect(JSON.stringify(error)).not.toContain(auth.password);
    expect(recorder.records.at(-1)).toMatchObject({ status, origin: 'spec', valid: true });
  });

  it('each of the three vendor error shapes normalises to the same message', async () => {
    api.store.addContact(tenantId, contactId, 3);
    const client = createInteractionsClient({
      baseUrl: contract().proxyUrl,
      auth,
      fetch: recorder.fetch,
      maxRetries: 0,
    });
    for (const shape of ['string', 'array', 'object'] as const) {
      api.store.queueFailure({ status: 503, shape });
      const error = (await client.listInteractions({ tenantId, contactId }).catch((e: unknown) => e)) as ApiError;
      expect({ shape, type: error instanceof ServerError, message: error.message }).toEqual({
        shape,
        type: true,
        message: expect.stringContaining('Service unavailable.'),
      });
    }
  });
});

everyBodyConformsTest(recorder);
