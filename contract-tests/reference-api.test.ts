// The reference API itself (cxengage-interactions/testing), talked to directly: its data, its
// documented semantics, auth, error shapes and drift switches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.ts';
import { generateInteractions, type ReferenceApi, ReferenceStore, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom, uuid } from '../src/testing/random.ts';
import { interactionsPath } from './support/client.ts';
import { drifting, driftModes } from './support/drift.ts';
import { validateBody } from './support/spec.ts';

const T = uuid(seededRandom('ref/tenant'));
const C = uuid(seededRandom('ref/contact'));
const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const GOOD = basic('key', 'secret');
let api: ReferenceApi;

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 7,
    dataSets: [{ tenantId: T, contactId: C, interactions: 25 }],
    credentials: {
      apiKeys: [
        { key: 'key', secret: 'secret' },
        { key: 'reader', secret: 'secret', permissions: ['CONTACTS_READ'] },
      ],
      tokens: [{ token: 'tok' }],
    },
  });
});
afterAll(() => api.close());

async function get(query = '', authorization: string | null = GOOD, tenantId = T, contactId = C) {
  const response = await fetch(`${api.baseUrl}${interactionsPath(tenantId, contactId)}${query}`, {
    headers: authorization ? { authorization } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, any>,
  };
}

describe('generateInteractions', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(generateInteractions(50, 'a')).toEqual(generateInteractions(50, 'a'));
    expect(generateInteractions(5, 'a')).not.toEqual(generateInteractions(5, 'b'));
  });

  it('gives schema-valid interactions with all 18 fields, unique ids and strictly decreasing start times', () => {
    const items = generateInteractions(500, 'valid');
    const verdict = validateBody(200, { page: 0, limit: 100, offset: 0, total: 500, results: items.slice(0, 100) });
    expect(verdict).toEqual({ valid: true, issues: [] });
    for (const chunk of [items.slice(100, 200), items.slice(200, 300), items.slice(300, 400), items.slice(400)]) {
      expect(validateBody(200, { page: 0, limit: 100, offset: 0, total: 500, results: chunk }).valid).toBe(true);
    }
    expect(new Set(items.flatMap((i) => Object.keys(i))).size).toBe(18);
    expect(new Set(items.map((i) => i.interactionId)).size).toBe(500);
    const starts = items.map((i) => Date.parse(i.startTimestamp));
    expect(starts.every((s, i) => i === 0 || s < starts[i - 1]!)).toBe(true);
    expect(items.every((i) => /\.\d{3}Z$/.test(i.startTimestamp))).toBe(true);
    expect(new Set(items.map((i) => i.channelType)).size).toBe(5);
  });
});

describe('ReferenceStore', () => {
  it('inserts newer interactions at the front and deletes by id', () => {
    const store = new ReferenceStore({ seed: 1 });
    const original = store.addContact(T, C, 5);
    const added = store.insertInteractions(T, C, 3);
    const now = store.interactions(T, C)!;
    expect(now.map((i) => i.interactionId)).toEqual([...added, ...original].map((i) => i.interactionId));
    expect(Date.parse(added.at(-1)!.startTimestamp)).toBeGreaterThan(Date.parse(original[0]!.startTimestamp));
    expect(store.deleteInteractions(T, C, [added[0]!.interactionId])).toBe(1);
    expect(store.interactions(T, C)).toHaveLength(7);
    expect(store.deleteInteractions(T, C)).toBe(7);
  });
});

describe('reference API: documented semantics', () => {
  it('no page sent: page null, spec default limit, offset 0, most recent first', async () => {
    const { status, type, body } = await get();
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(body).toMatchObject({
      page: null,
      limit: spec.operations.listContactInteractions.parameters.limit.schema.default,
      offset: 0,
      total: 25,
    });
    expect(body.results).toEqual(
      api.store.interactions(T, C)!.slice(0, spec.operations.listContactInteractions.parameters.limit.schema.default),
    );
    expect(validateBody(200, body).valid).toBe(true);
  });

  it('offset = page × limit, page echoed, pages past the end empty', async () => {
    expect((await get('?limit=7&page=3')).body).toMatchObject({ page: 3, limit: 7, offset: 21, total: 25 });
    expect((await get('?limit=7&page=3')).body.results).toHaveLength(4);
    expect((await get('?limit=7&page=4')).body).toMatchObject({ page: 4, offset: 28, results: [] });
  });

  const { minimum, maximum } = spec.operations.listContactInteractions.parameters.limit.schema;
  it.each([
    `?limit=${minimum - 1}`,
    `?limit=${maximum + 1}`,
    '?limit=-1',
    '?limit=2.5',
    '?limit=x',
    '?page=-1',
    '?limit=1&limit=2',
  ])('%s → 400, object shape naming the parameter', async (query) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(validateBody(400, body).valid).toBe(true);
    expect(Object.keys(body.error.attribute)).toEqual([query.includes('page') ? 'page' : 'limit']);
  });

  it('a non-uuid id → 400', async () => {
    expect((await get('', GOOD, 'nope')).status).toBe(400);
  });
});

describe('reference API: auth and errors', () => {
  it.each([
    ['no credentials', null, 401],
    ['a wrong secret', basic('key', 'wrong'), 401],
    ['an unknown key', basic('nobody', 'secret'), 401],
    ['a Bearer token (wrong scheme word)', 'Bearer tok', 401],
    ['an unknown token', 'Token nope', 401],
    ['a valid token', 'Token tok', 200],
    ['a key without CONTACTS_INTERACTION_HISTORY_READ', basic('reader', 'secret'), 403],
  ] as const)('%s → %i', async (_name, authorization, expected) => {
    const { status, body } = await get('', authorization);
    expect(status).toBe(expected);
    expect(validateBody(status, body)).toEqual({ valid: true, issues: [] });
  });

  it('unknown tenant and unknown contact → 404 (string shape)', async () => {
    expect((await get('', GOOD, uuid(seededRandom('other')))).body).toEqual({ error: 'Tenant not found.' });
    expect(await get('', GOOD, T, uuid(seededRandom('other')))).toMatchObject({
      status: 404,
      body: { error: 'Contact not found.' },
    });
  });

  it('queued failures answer in each vendor shape', async () => {
    api.store.queueFailure({ status: 503, shape: 'string' });
    api.store.queueFailure({ status: 500, shape: 'array', times: 2 });
    api.store.queueFailure({ status: 504, shape: 'object', headers: { 'retry-after': '1' } });
    const bodies = [];
    for (let i = 0; i < 5; i++) bodies.push(await get());
    expect(bodies.map((b) => [b.status, b.body.error])).toEqual([
      [503, 'Service unavailable.'],
      [500, ['Internal server error.']],
      [500, ['Internal server error.']],
      [504, { code: 504, message: 'Gateway timeout.' }],
      [200, undefined],
    ]);
  });
});

describe('drift switches (contract-tests/support/drift.ts) each break their rule through the transformPage hook', () => {
  it.each(driftModes)('%s', async (drift) => {
    const drifted = await startReferenceApi({
      seed: 7,
      transformPage: drifting(drift),
      dataSets: [{ tenantId: T, contactId: C, interactions: 25 }],
      credentials: { apiKeys: [{ key: 'key', secret: 'secret' }] },
    });
    try {
      const url = `${drifted.baseUrl}${interactionsPath(T, C)}?limit=10&page=1`;
      const body = (await (await fetch(url, { headers: { authorization: GOOD } })).json()) as Record<string, any>;
      const correct = (await get('?limit=10&page=1')).body;
      expect(body).not.toEqual(correct);
      const schemaValid = validateBody(200, body).valid;
      expect(schemaValid).toBe(!['field-renamed', 'type-changed'].includes(drift));
    } finally {
      await drifted.close();
    }
  });
});
