// The reference API's Get a List of Interactions, over HTTP, against an oracle built the slow way: every
// contact's history read whole and merged by start. The store is built of every kind of history the kit
// has (generated windows, given lists, generated and given arrivals, live interactions, deletions and
// edits that turn a window into a list), so the tenant's timeline is checked on each of its paths.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spec } from '../../generated/spec.ts';
import { createAjv } from '../../scripts/lib/spec-ajv.ts';
import { bundledSpec } from '../../scripts/lib/tools.ts';
import {
  CSAT_DELAY_MS,
  generateInteractions,
  type Interaction,
  operationPath,
  type ReferenceApi,
  ReferenceStore,
  startReferenceApi,
} from '../../src/testing/index.ts';
import { interactionHooks } from '../../src/testing/interactions.ts';
import { seededRandom, uuid } from '../../src/testing/random.ts';
import { vendorSample } from '../support/vendor-samples.ts';

const bundle = parse(readFileSync(bundledSpec, 'utf8'));
const ajv = createAjv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: bundle.components });
const validatePage = ajv.getSchema('spec#/components/schemas/InteractionRecordPage')!;
const validateError = ajv.getSchema('spec#/components/schemas/ErrorBody')!;
const { limit: limitParam } = spec.operations.listTenantInteractions.parameters;

const id = (name: string) => uuid(seededRandom(`list-test/${name}`));
const tenantId = id('tenant');
const otherTenant = id('other-tenant');
const LIVE_START = Date.UTC(2026, 0, 5, 9);
const KEY = { key: 'list-key', secret: 'list-secret-5c1e' };
const HISTORY_ONLY = { key: 'history-key', secret: 'history-secret-7a2d' };

type Page = {
  page: number | null;
  limit: number;
  offset: number;
  total: number;
  tenantId: string;
  tenantName: string;
  tenantTimezone: string;
  results: Record<string, any>[];
};

let api: ReferenceApi;
let store: ReferenceStore;
const contacts: string[] = [];

/** Every interaction of the tenant, read contact by contact, merged most recent first (the slow way). */
function oracle(): { contactId: string; interaction: Interaction; ms: number }[] {
  return contacts
    .flatMap((contactId) =>
      (store.interactions(tenantId, contactId) ?? []).map((interaction) => ({
        contactId,
        interaction,
        ms: Date.parse(interaction.startTimestamp),
      })),
    )
    .sort((a, b) => b.ms - a.ms);
}

async function list(query: Record<string, string | number | boolean> = {}, key = KEY, tenant = tenantId) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const url = `${api.baseUrl}${operationPath('listTenantInteractions', { tenantId: tenant })}?${params}`;
  const auth = `Basic ${Buffer.from(`${key.key}:${key.secret}`).toString('base64')}`;
  const response = await fetch(url, { headers: { authorization: auth } });
  return { status: response.status, body: (await response.json()) as any };
}

/** Every result of a query, page by page at `limit`, checking each page's envelope on the way. */
async function all(query: Record<string, string | number | boolean>, limit: number): Promise<Page['results']> {
  const out: Page['results'] = [];
  for (let page = 0; ; page++) {
    const { status, body } = await list({ ...query, limit, page });
    expect(status).toBe(200);
    expect(validatePage(body), JSON.stringify(validatePage.errors)).toBe(true);
    expect(body).toMatchObject({ page, limit, offset: page * limit, tenantId });
    out.push(...body.results);
    if (body.results.length < limit) {
      expect(out).toHaveLength(body.total);
      return out;
    }
  }
}

const ids = (items: readonly Record<string, any>[]): string[] => items.map((i) => i['interactionId']);
const starts = (items: readonly Record<string, any>[]): number[] => items.map((i) => Date.parse(i['startTimestamp']));
const descending = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! >= v);

beforeAll(async () => {
  store = new ReferenceStore({ seed: 'list-test', clock: LIVE_START });
  store.addTenant(tenantId, { name: 'Acme Support', timezone: 'US/Eastern' });
  store.addTenant(otherTenant);
  contacts.push(...store.addContacts(tenantId, 40, (i) => (i * 7) % 23));
  const given = id('given');
  store.addContact(tenantId, given, generateInteractions(30, 'list-test/given', 3));
  contacts.push(given);
  // Arrivals: generated ones (extending a window), given ones (held in front of a window), live ones.
  store.insertInteractions(tenantId, contacts[1]!, 5);
  store.insertInteractions(tenantId, contacts[2]!, generateInteractions(2, 'list-test/arrived', 0));
  store.insertInteractions(tenantId, contacts[2]!, 3);
  store.beginInteractions(tenantId, contacts[3]!, 2);
  store.advance(60_000);
  store.beginInteractions(tenantId, contacts[4]!, 1);
  // A deletion and an edit turn windows into lists.
  const [, second] = store.interactions(tenantId, contacts[5]!)!;
  store.deleteInteractions(tenantId, contacts[5]!, [second!.interactionId]);
  const edited = store.interactions(tenantId, contacts[6]!)![1]!;
  store.history(tenantId, contacts[6]!)!.update(edited.interactionId, {
    startTimestamp: new Date(Date.parse(edited.startTimestamp) - 3 * 3_600_000).toISOString(),
  });
  store.addContact(otherTenant, id('other-contact'), 5);
  api = await startReferenceApi({
    store,
    credentials: {
      apiKeys: [KEY, { ...HISTORY_ONLY, permissions: [spec.operations.listContactInteractions.permission] }],
    },
  });
});

afterAll(async () => {
  await api?.close();
});

describe('the tenant, most recent first', () => {
  it('defaults: page null, limit 10, offset 0, the tenant named, every contact counted', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(validatePage(body), JSON.stringify(validatePage.errors)).toBe(true);
    expect(body).toMatchObject({
      page: null,
      limit: limitParam.schema.default,
      offset: 0,
      tenantId,
      total: oracle().length,
      tenantName: 'Acme Support',
      tenantTimezone: 'US/Eastern',
    });
    // The envelope's keys in the order of the vendor's samples (the spec lists them so, all required).
    expect(Object.keys(body)).toEqual(bundle.components.schemas.InteractionRecordPage.required);
    expect(body.results).toHaveLength(limitParam.schema.default);
  });

  it('is every contact’s history merged by start, the same at every page size', async () => {
    const expected = oracle();
    expect(expected.length).toBeGreaterThan(300);
    const big = await all({}, limitParam.schema.maximum);
    const small = await all({}, 7);
    expect(ids(big)).toEqual(ids(small));
    expect(descending(starts(big))).toBe(true);
    expect(new Set(ids(big))).toEqual(new Set(expected.map((e) => e.interaction.interactionId)));
    expect(starts(big)).toEqual(expected.map((e) => e.ms));
  });

  it('a page past the end is empty, total unchanged', async () => {
    const { body } = await list({ page: 1000, limit: 50 });
    expect(body).toMatchObject({ page: 1000, offset: 50_000, total: oracle().length, results: [] });
  });

  it.each([
    ['a window', 1],
    ['arrivals in front of a window', 2],
    ['a list', 5],
    ['given', 40],
  ])('contactId (%s): exactly the history route’s interactions, in its order', async (_, index) => {
    const contactId = contacts[index]!;
    const history = store.interactions(tenantId, contactId)!;
    const listed = await all({ contactId }, 4);
    expect(ids(listed)).toEqual(ids(history));
    for (const record of listed) expect(record.details.contactId).toBe(contactId);
  });

  it('a contact the tenant does not have: no results, not 404', async () => {
    const { status, body } = await list({ contactId: id('nobody') });
    expect([status, body.total, body.results]).toEqual([200, 0, []]);
  });
});

describe('time ranges: [startTimeRange, endTimeRange) by startTimestamp', () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  it('random ranges over the whole tenant and over one contact match the oracle', async () => {
    const expected = oracle();
    const random = seededRandom('list-test/ranges');
    for (let i = 0; i < 12; i++) {
      // Around an interaction of the tenant, so that most ranges hold some.
      const a = expected[Math.floor(random() * expected.length)]!.ms - Math.floor(random() * 2 * 3_600_000);
      const b = a + Math.floor(random() * 6 * 3_600_000);
      const inRange = expected.filter((e) => e.ms >= a && e.ms < b);
      const listed = await all({ startTimeRange: iso(a), endTimeRange: iso(b) }, 50);
      expect(starts(listed)).toEqual(inRange.map((e) => e.ms));
      expect(new Set(ids(listed))).toEqual(new Set(inRange.map((e) => e.interaction.interactionId)));
      const contactId = contacts[i % contacts.length]!;
      const mine = await all({ contactId, startTimeRange: iso(a) }, 50);
      expect(ids(mine)).toEqual(
        ids(store.interactions(tenantId, contactId)!.filter((x) => Date.parse(x.startTimestamp) >= a)),
      );
    }
  });

  it('the start is inclusive, the end exclusive; either may be left out', async () => {
    const [, pick] = oracle();
    const at = iso(pick!.ms);
    const from = await all({ startTimeRange: at }, 1000);
    const until = await all({ endTimeRange: at }, 1000);
    expect(ids(from)).toContain(pick!.interaction.interactionId);
    expect(ids(until)).not.toContain(pick!.interaction.interactionId);
    expect(from.length + until.length).toBe(oracle().length);
    const nothing = await list({ startTimeRange: at, endTimeRange: at });
    expect([nothing.status, nothing.body.total]).toEqual([200, 0]);
  });

  it("the vendor's end of day, T24:00:00.000Z, is the next midnight", async () => {
    const day = await list({ startTimeRange: '2026-01-05T00:00:00.000Z', endTimeRange: '2026-01-05T24:00:00.000Z' });
    const same = await list({ startTimeRange: '2026-01-05T00:00:00.000Z', endTimeRange: '2026-01-06T00:00:00Z' });
    expect(day.status).toBe(200);
    expect(day.body.total).toBe(3); // the live interactions, begun that morning
    expect(day.body).toEqual(same.body);
  });
});

describe('records', () => {
  it('by default leave out every key without a value, except in details; each is what Get a Specific Interaction answers', async () => {
    const listed = await all({}, 1000);
    for (const record of listed.slice(0, 60)) {
      const { details, ...rest } = record;
      expect(JSON.stringify(rest)).not.toMatch(/null|\[\]/);
      expect(Object.keys(details)).toHaveLength(10);
    }
    for (const record of listed.filter((_, i) => i % 40 === 0)) {
      const url = `${api.baseUrl}${operationPath('getInteraction', { tenantId, interactionId: record.interactionId })}`;
      const auth = `Basic ${Buffer.from(`${KEY.key}:${KEY.secret}`).toString('base64')}`;
      const one = await fetch(url, { headers: { authorization: auth } });
      expect(await one.json()).toEqual(record);
    }
  });

  it('green=false: every key, null where there is no value, with every key the vendor’s null-values sample shows', async () => {
    const { body } = await list({ green: false, limit: 20 });
    expect(validatePage(body), JSON.stringify(validatePage.errors)).toBe(true);
    const sample = vendorSample('example-null-values.txt').value;
    for (const record of body.results) {
      expect(Object.keys(record)).toEqual(expect.arrayContaining(Object.keys(sample)));
      expect(Object.keys(record.segments[0])).toEqual(expect.arrayContaining(Object.keys(sample.segments[0])));
    }
    expect(JSON.stringify(body.results)).toContain('"ivrAbandoned":null');
    const { body: compact } = await list({ green: true, limit: 20 });
    expect(ids(compact.results)).toEqual(ids(body.results));
  });

  it('times are seconds: interactionTime is end − start / 1000, to the millisecond', async () => {
    const listed = await all({}, 1000);
    const ended = listed.filter((r) => r.endTimestamp);
    expect(ended.length).toBeGreaterThan(100);
    for (const r of ended)
      expect(r.interactionTime).toBeCloseTo((Date.parse(r.endTimestamp) - Date.parse(r.startTimestamp)) / 1000, 3);
  });

  it('a live interaction: open, then ended, then rated, as the clock moves', async () => {
    const [live] = store.interactions(tenantId, contacts[4]!)!;
    const find = async () =>
      (await all({ contactId: contacts[4]!, startTimeRange: live!.startTimestamp }, 10)).find(
        (r) => r.interactionId === live!.interactionId,
      )!;
    expect(live!.endTimestamp).toBeNull();
    const open = await find();
    expect(open).not.toHaveProperty('endTimestamp');
    expect(open).not.toHaveProperty('interactionTime');
    expect(open.details.endTimestamp).toBeNull();
    store.advance(3 * 3_600_000);
    const ended = await find();
    const now = store.interactions(tenantId, contacts[4]!)![0]!;
    expect(ended.endTimestamp).toBe(now.endTimestamp);
    expect(ended.customerSatisfactionScore).toBe(now.csat ?? undefined);
    store.advance(CSAT_DELAY_MS);
    const rated = await find();
    const final = store.interactions(tenantId, contacts[4]!)![0]!;
    expect([rated.customerSatisfactionScore ?? null, rated.details.csat]).toEqual([final.csat, final.csat]);
  });
});

describe('hook filters', () => {
  const cases: [string, Record<string, string>, (hooks: ReturnType<typeof interactionHooks>) => boolean][] = [
    ['hookType', { hookType: 'zendesk' }, (h) => h.some((x) => x.hookType === 'zendesk')],
    [
      'hookType and hookSubType on one hook',
      { hookType: 'zendesk', hookSubType: 'user' },
      (h) => h.some((x) => x.hookType === 'zendesk' && x.hookSubType === 'user'),
    ],
    [
      'attribute-value',
      { 'attribute-value': 'valueOne' },
      (h) => h.some((x) => x.hookSubType === 'interaction-attribute' && x.hookName === 'valueOne'),
    ],
    ['hook-name', { 'hook-name': 'custAccountNumber' }, (h) => h.some((x) => x.hookName === 'custAccountNumber')],
  ];

  it.each(cases)('%s: exactly the interactions whose hooks match, most recent first', async (_, query, matches) => {
    const expected = oracle().filter((e) => matches(interactionHooks(e.interaction)));
    expect(expected.length).toBeGreaterThan(3);
    const listed = await all(query, 5);
    expect(ids(listed)).toEqual(expected.map((e) => e.interaction.interactionId));
    for (const record of listed) expect(matches(record.hooks)).toBe(true);
  });

  it('hookId finds the one ticket, and filters combine with a contact and a range', async () => {
    const withTicket = oracle().find((e) => interactionHooks(e.interaction).some((h) => h.hookSubType === 'ticket'))!;
    const ticket = interactionHooks(withTicket.interaction).find((h) => h.hookSubType === 'ticket')!;
    const { body } = await list({ hookType: 'zendesk', hookSubType: 'ticket', hookId: ticket.hookId! });
    expect(ids(body.results)).toContain(withTicket.interaction.interactionId);
    const narrowed = await list({
      contactId: withTicket.contactId,
      hookId: ticket.hookId!,
      startTimeRange: withTicket.interaction.startTimestamp,
    });
    expect(ids(narrowed.body.results)).toEqual([withTicket.interaction.interactionId]);
  });
});

describe('refusals, in the vendor’s shapes', () => {
  it.each<[string, Record<string, string | number>, string[]]>([
    ['a limit over the maximum', { limit: limitParam.schema.maximum + 1 }, ['limit']],
    [
      'a reversed range',
      { startTimeRange: '2026-01-05T10:00:00Z', endTimeRange: '2026-01-05T09:00:00Z' },
      ['endTimeRange'],
    ],
    ['a date that does not exist', { startTimeRange: '2026-02-30T10:00:00Z' }, ['startTimeRange']],
    ['hour 24 past midnight', { endTimeRange: '2026-01-05T24:00:01Z' }, ['endTimeRange']],
    ['a time with an offset', { startTimeRange: '2026-01-05T10:00:00+01:00' }, ['startTimeRange']],
    ['a contact that is no uuid', { contactId: 'jane' }, ['contactId']],
    ['an empty filter and a green that is no boolean', { hookType: '', green: 'no' }, ['hookType', 'green']],
  ])('%s: 400 naming %j', async (_, query, fields) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(validateError(body)).toBe(true);
    expect(Object.keys(body.error.attribute)).toEqual(fields);
  });

  it('a key without INTERACTIONS_API_READ_ALL: 403 naming it; an unknown tenant: 404', async () => {
    const denied = await list({}, HISTORY_ONLY);
    expect(denied).toEqual({
      status: 403,
      body: {
        error: { code: 403, message: `Missing permission: ${spec.operations.listTenantInteractions.permission}` },
      },
    });
    const unknown = await list({}, KEY, id('unknown-tenant'));
    expect(unknown.status).toBe(404);
    expect(validateError(unknown.body)).toBe(true);
  });

  it('another tenant’s interactions never show', async () => {
    const mine = new Set(ids(await all({}, 1000)));
    const theirs = await list({}, KEY, otherTenant);
    expect(theirs.body.total).toBe(5);
    for (const record of theirs.body.results) expect(mine.has(record.interactionId)).toBe(false);
  });
});

describe('a large tenant: the listing reads what the page needs, not the tenant', () => {
  // 100,000 generated histories (up to 5 interactions each), then a day of 5,000 live interactions. The
  // day's listing and the tenant's first page must not need the histories read: were they built, this
  // file would take minutes (speed itself is measured by the bench, not asserted here).
  const CONTACTS = 100_000;
  const ARRIVALS = 5_000;
  const DAY_START = Date.UTC(2026, 2, 2);
  let big: ReferenceApi;
  let bigStore: ReferenceStore;
  const begun: string[] = [];
  const bigTenant = id('big-tenant');

  beforeAll(async () => {
    bigStore = new ReferenceStore({ seed: 'list-test/big', clock: DAY_START });
    const members = bigStore.addContacts(bigTenant, CONTACTS, (i) => i % 6);
    for (let i = 0; i < ARRIVALS; i++) {
      const [live] = bigStore.beginInteractions(bigTenant, members[(i * 7_919) % CONTACTS]!, 1);
      begun.push(live!.interactionId);
      bigStore.advance(Math.floor(86_400_000 / ARRIVALS));
    }
    big = await startReferenceApi({ store: bigStore, credentials: { apiKeys: [KEY] } });
  }, 120_000);

  afterAll(async () => {
    await big?.close();
  });

  async function bigList(query: Record<string, string | number>) {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const url = `${big.baseUrl}${operationPath('listTenantInteractions', { tenantId: bigTenant })}?${params}`;
    const auth = `Basic ${Buffer.from(`${KEY.key}:${KEY.secret}`).toString('base64')}`;
    return (await (await fetch(url, { headers: { authorization: auth } })).json()) as Page;
  }

  it('the day, 1,000 a page: exactly the interactions begun that day, most recent first', async () => {
    const day = { startTimeRange: new Date(DAY_START).toISOString(), endTimeRange: '2026-03-02T24:00:00.000Z' };
    const listed: Page['results'] = [];
    for (let page = 0; page * 1000 < ARRIVALS; page++) {
      const body = await bigList({ ...day, limit: 1000, page });
      expect(body.total).toBe(ARRIVALS);
      listed.push(...body.results);
    }
    expect(ids(listed)).toEqual([...begun].reverse());
    expect(descending(starts(listed))).toBe(true);
  });

  it('an interaction listed is then found by id, with its contact (looked up where the listing found it)', async () => {
    const [, second] = (
      await bigList({ limit: 5, startTimeRange: '2024-06-01T11:00:00Z', endTimeRange: '2024-06-01T12:00:01Z' })
    ).results;
    const found = bigStore.findInteraction(bigTenant, second!['interactionId']);
    expect(found?.interaction.interactionId).toBe(second!['interactionId']);
    expect(found?.contactId).toBe(second!['details'].contactId);
  });

  it('the tenant: the newest first, and every generated interaction counted', async () => {
    const expectedTotal = Array.from({ length: CONTACTS }, (_, i) => i % 6).reduce((a, b) => a + b, 0) + ARRIVALS;
    const first = await bigList({ limit: 1000 });
    expect(first.total).toBe(expectedTotal);
    expect(ids(first.results)).toEqual([...begun].reverse().slice(0, 1000));
  });
});
