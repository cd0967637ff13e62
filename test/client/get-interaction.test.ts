// Get a Specific Interaction through the SDK against the real reference API, and `withDetails`: a walk
// enriched with each interaction's record, in order, under bounded concurrency, 404s reported.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.js';
import {
  createInteractionsClient,
  type Interaction,
  type InteractionsClient,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  ResponseValidationError,
  withDetails,
} from '../../src/index.js';
import { pathPattern, type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { CONTACT, TENANT, uuid } from '../helpers.js';

const OTHER_CONTACT = uuid(77);
let api: ReferenceApi;
let client: InteractionsClient;
let history: Interaction[];
/** Detail requests in flight right now, and the most seen at once. */
let inFlight = 0;
let peak = 0;
let detailRequests = 0;
let answerDetail: ((interactionId: string) => unknown) | undefined;

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'details',
    dataSets: [
      { tenantId: TENANT, contactId: CONTACT, interactions: 30 },
      { tenantId: TENANT, contactId: OTHER_CONTACT, interactions: 3 },
    ],
    credentials: {
      apiKeys: [
        { key: 'key', secret: 'secret' },
        { key: 'history-only', secret: 'secret', permissions: [spec.operations.listContactInteractions.permission] },
      ],
    },
    intercept(_req, res, url) {
      const id = pathPattern('getInteraction').exec(url.pathname)?.[2];
      if (id === undefined || answerDetail === undefined) return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answerDetail(id)));
      return true;
    },
  });
  history = api.store.interactions(TENANT, CONTACT)!;
  const counting: typeof fetch = async (input, init) => {
    const detail = pathPattern('getInteraction').test(new URL((input as Request).url).pathname);
    if (detail) {
      detailRequests += 1;
      peak = Math.max(peak, ++inFlight);
    }
    try {
      return await fetch(input, init);
    } finally {
      if (detail) inFlight -= 1;
    }
  };
  client = createInteractionsClient({
    baseUrl: api.baseUrl,
    auth: { username: 'key', password: 'secret' },
    fetch: counting,
  });
});
afterAll(() => api.close());
afterEach(() => {
  peak = 0;
  detailRequests = 0;
  answerDetail = undefined;
});

describe('getInteraction', () => {
  it('gives the record of a history interaction: the same ids, timestamps, customer, channel and direction', async () => {
    for (const item of [history[0]!, history[29]!]) {
      const record = await client.getInteraction({ tenantId: TENANT, interactionId: item.interactionId });
      expect(record).toMatchObject({
        tenantId: TENANT,
        interactionId: item.interactionId,
        startTimestamp: item.startTimestamp,
        endTimestamp: item.endTimestamp,
        customer: item.customer,
        details: { contactId: CONTACT, channelType: item.channelType, direction: item.directionType },
      });
    }
  });

  it('finds interactions of every contact of the tenant', async () => {
    const [other] = api.store.interactions(TENANT, OTHER_CONTACT)!;
    const record = await client.getInteraction({ tenantId: TENANT, interactionId: other!.interactionId });
    expect(record.details?.contactId).toBe(OTHER_CONTACT);
  });

  it('404 for an unknown interaction or tenant, 403 without INTERACTIONS_API_READ_ALL', async () => {
    await expect(client.getInteraction({ tenantId: TENANT, interactionId: uuid(1) })).rejects.toMatchObject({
      constructor: NotFoundError,
      message: 'HTTP 404: Interaction not found.',
    });
    await expect(client.getInteraction({ tenantId: uuid(2), interactionId: uuid(1) })).rejects.toThrow(NotFoundError);
    const historyOnly = createInteractionsClient({
      baseUrl: api.baseUrl,
      auth: { username: 'history-only', password: 'secret' },
    });
    await expect(historyOnly.listInteractions({ tenantId: TENANT, contactId: CONTACT })).resolves.toBeDefined();
    await expect(
      historyOnly.getInteraction({ tenantId: TENANT, interactionId: history[0]!.interactionId }),
    ).rejects.toMatchObject({
      constructor: PermissionDeniedError,
      message: `HTTP 403: Missing permission: ${spec.operations.getInteraction.permission}`,
    });
  });

  it('retries a 503 as the history does', async () => {
    api.store.queueFailure({ status: 503, headers: { 'retry-after': '0' } });
    const record = await client.getInteraction({ tenantId: TENANT, interactionId: history[3]!.interactionId });
    expect(record.interactionId).toBe(history[3]!.interactionId);
    expect(detailRequests).toBe(2);
  });

  it('validates the record: a body without interactionId (say, wrapped in {result}) is refused in strict mode', async () => {
    answerDetail = (id) => ({ result: { interactionId: id } });
    const interactionId = history[0]!.interactionId;
    await expect(client.getInteraction({ tenantId: TENANT, interactionId })).rejects.toMatchObject({
      constructor: ResponseValidationError,
      pointer: '/interactionId',
    });
    await expect(client.getInteraction({ tenantId: TENANT, interactionId }, { validate: 'off' })).resolves.toEqual({
      result: { interactionId },
    });
    // Keys beyond the known ones are kept: the record is open.
    answerDetail = (id) => ({ interactionId: id, somethingNew: [1, 2] });
    await expect(client.getInteraction({ tenantId: TENANT, interactionId })).resolves.toEqual({
      interactionId,
      somethingNew: [1, 2],
    });
  });

  it.each<[string, object]>([
    ['interactionId', { tenantId: TENANT, interactionId: 'not-a-uuid' }],
    ['tenantId', { interactionId: uuid(1) }],
    ['contactId', { tenantId: TENANT, interactionId: uuid(1), contactId: CONTACT }],
  ])('a bad %s is refused before anything is sent', async (param, params) => {
    await expect(client.getInteraction(params as never)).rejects.toMatchObject({
      constructor: InvalidInputError,
      param,
    });
    expect(detailRequests).toBe(0);
  });
});

describe('withDetails', () => {
  it('yields every interaction of a walk with its record, in order, at most `concurrency` calls at a time', async () => {
    const walk = client.iterateInteractions({ tenantId: TENANT, contactId: CONTACT, pageSize: 7 });
    const items = [];
    for await (const item of withDetails(client, walk, { tenantId: TENANT, concurrency: 3 })) items.push(item);
    expect(items.map((i) => i.interaction)).toEqual(history);
    expect(items.map((i) => i.details?.interactionId)).toEqual(history.map((i) => i.interactionId));
    expect(peak).toBe(3);
  });

  it('an interaction whose details answer 404 is reported (details null, the NotFoundError), not dropped', async () => {
    const ghost = { ...history[1]!, interactionId: uuid(404) };
    const items = [];
    for await (const item of withDetails(client, [history[0]!, ghost, history[2]!], { tenantId: TENANT })) {
      items.push(item);
    }
    expect(items.map((i) => i.interaction.interactionId)).toEqual([
      history[0]!.interactionId,
      ghost.interactionId,
      history[2]!.interactionId,
    ]);
    expect(items[1]).toMatchObject({ details: null, error: { constructor: NotFoundError, status: 404 } });
    expect(items[0]!.error).toBeUndefined();
    expect(items[2]!.details?.interactionId).toBe(history[2]!.interactionId);
  });

  it('any other failure ends the enrichment with its error, after the interactions before it', async () => {
    answerDetail = (id) => (id === history[2]!.interactionId ? { broken: true } : { interactionId: id });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const { interaction } of withDetails(client, history.slice(0, 6), { tenantId: TENANT })) {
        seen.push(interaction.interactionId);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(seen).toEqual(history.slice(0, 2).map((i) => i.interactionId));
  });

  it('breaking out early closes the walk and stops asking for details', async () => {
    let closed = false;
    async function* source() {
      try {
        yield* history;
      } finally {
        closed = true;
      }
    }
    for await (const _ of withDetails(client, source(), { tenantId: TENANT, concurrency: 2 })) break;
    expect(closed).toBe(true);
    expect(detailRequests).toBeLessThanOrEqual(2);
  });

  it.each<[string, object]>([
    ['tenantId', { tenantId: 'nope' }],
    ['concurrency', { tenantId: TENANT, concurrency: 0 }],
    ['maxRetries', { tenantId: TENANT, maxRetries: -1 }],
    ['signal', { tenantId: TENANT, signal: {} }],
  ])('a bad %s throws at once, before the walk is read', (param, options) => {
    let read = false;
    const source = {
      [Symbol.asyncIterator]() {
        read = true;
        return history.values();
      },
    } as unknown as AsyncIterable<Interaction>;
    expect(() => withDetails(client, source, options as never)).toThrow(
      expect.objectContaining({ constructor: InvalidInputError, param }),
    );
    expect(read).toBe(false);
  });
});
