// What the SDK does with a 2xx answer it must not hand over as it is, over a real loopback server, in
// every validation mode and on every route: a body nested deeper than MAX_JSON_DEPTH (the whole body, a
// `recording`, an extra property, an error body, a token), an integer beyond 2^53 − 1 (kept exactly, as
// a bigint), and an answer for another request (another interaction, tenant or contact).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createInteractionsClient,
  InvalidResponseError,
  MAX_JSON_DEPTH,
  ResponseMismatchError,
  ServerError,
  syncInteractions,
  type ValidationMode,
} from '../../src/index.ts';
import { operationPath, pathPattern, type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { CONTACT, interaction, page, TENANT, uuid } from '../helpers.ts';

/** The next answers, by path: a body text and a status (the reference API, its answers taken over). */
let answer: (path: string) => { status?: number; body: string } = () => ({ body: '{}' });
let api: ReferenceApi;
let baseUrl: string;
const seenPaths: string[] = [];
const isRecord = (path: string) => pathPattern('getInteraction').test(path);
const isToken = (path: string) => pathPattern('createToken').test(path);

beforeAll(async () => {
  api = await startReferenceApi({
    intercept: (_req, res, url) => {
      seenPaths.push(url.pathname);
      const { status = 200, body } = answer(url.pathname);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      return true;
    },
  });
  baseUrl = api.baseUrl;
});
afterAll(() => api?.close());

const modes: ValidationMode[] = ['strict', 'warn', 'off'];
const client = (validate: ValidationMode, extra: Record<string, unknown> = {}) =>
  createInteractionsClient({
    baseUrl,
    auth: { token: 'answers-token' },
    validate,
    maxRetries: 0,
    logger: { warn: () => {} },
    ...extra,
  });
const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const item = interaction(1);
const pageText = (results: string) => `{"page":0,"limit":10,"offset":0,"total":1,"results":[${results}]}`;
const itemText = (extra: string) => JSON.stringify(item).replace(/}$/, `${extra}}`);
const withRecording = (value: string) => JSON.stringify(item).replace('"recording":null', `"recording":${value}`);

describe(`bodies nested deeper than ${MAX_JSON_DEPTH} levels: a typed error naming the bound, in every mode`, () => {
  const pages: [string, string][] = [
    ['the whole body', deep],
    ['a recording', pageText(withRecording(deep))],
    ['an extra property', pageText(itemText(`,"stats":${deep}`))],
    ['objects, not arrays', pageText(itemText(`,"stats":${'{"a":'.repeat(70)}1${'}'.repeat(70)}`))],
  ];
  for (const mode of modes) {
    it.each(pages)(`a page with %s (validate: '${mode}')`, async (_where, body) => {
      answer = () => ({ body });
      const error = await client(mode)
        .listInteractions({ tenantId: TENANT, contactId: CONTACT })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toMatch(/nested more than 64 levels deep \(the SDK's bound, MAX_JSON_DEPTH\)/);
    });

    it(`a record of Get a Specific Interaction, and the walk, sync (validate: '${mode}')`, async () => {
      const interactionId = item.interactionId;
      answer = (path) => ({
        body: isRecord(path) ? `{"interactionId":"${interactionId}","x":${deep}}` : pageText(withRecording(deep)),
      });
      await expect(client(mode).getInteraction({ tenantId: TENANT, interactionId })).rejects.toThrow(
        InvalidResponseError,
      );
      await expect(async () => {
        for await (const _ of client(mode).iterateInteractions({ tenantId: TENANT, contactId: CONTACT }));
      }).rejects.toThrow(InvalidResponseError);
      await expect(async () => {
        for await (const _ of syncInteractions(client(mode), { tenantId: TENANT, contactId: CONTACT }));
      }).rejects.toThrow(InvalidResponseError);
    });
  }

  it('exactly at the bound the body is read', async () => {
    let value = 'null';
    for (let i = 0; i < MAX_JSON_DEPTH - 3; i++) value = `[${value}]`; // page → results → item → this
    answer = () => ({ body: pageText(withRecording(value)) });
    const got = await client('off').listInteractions({ tenantId: TENANT, contactId: CONTACT });
    expect(got.results).toHaveLength(1);
  });

  it('an error body nested too deep: the error its status calls for, the body kept as a snippet of text', async () => {
    answer = () => ({ status: 503, body: `{"error":${deep}}` });
    const error = await client('strict')
      .listInteractions({ tenantId: TENANT, contactId: CONTACT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(typeof (error as ApiError).body).toBe('string');
    expect(((error as ApiError).body as string).length).toBeLessThanOrEqual(301);
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it('a token exchange answered with a body nested too deep: a typed error, the body not shown', async () => {
    answer = (path) => (isToken(path) ? { body: `{"token":${deep}}` } : { body: pageText('') });
    const exchanging = client('off', { auth: { username: 'key', password: 'secret-0123456789', exchange: 'token' } });
    const error = await exchanging.listInteractions({ tenantId: TENANT, contactId: CONTACT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/the token response is nested more than 64 levels deep/);
  });
});

describe('integers beyond 2^53 − 1: kept exactly, as bigint', () => {
  it.each(modes)('in an extra property, a record key and an error body (validate: %s)', async (mode) => {
    answer = (path) =>
      isRecord(path)
        ? { body: `{"interactionId":"${item.interactionId}","vendorCounter":12345678901234567890}` }
        : { body: pageText(itemText(',"vendorCounter":18446744073709551615')) };
    const got = await client(mode).listInteractions({ tenantId: TENANT, contactId: CONTACT });
    expect((got.results[0] as unknown as Record<string, unknown>)['vendorCounter']).toBe(18446744073709551615n);
    const record = await client(mode).getInteraction({ tenantId: TENANT, interactionId: item.interactionId });
    expect((record as unknown as Record<string, unknown>)['vendorCounter']).toBe(12345678901234567890n);
    answer = () => ({ status: 400, body: '{"error":{"code":12345678901234567890,"message":"no"}}' });
    const error = await client(mode)
      .listInteractions({ tenantId: TENANT, contactId: CONTACT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual({ error: { code: 12345678901234567890n, message: 'no' } });
  });

  it('a typed field holding one (csat) passes strict validation as the JSON number it is, and comes back exact', async () => {
    answer = () => ({ body: pageText(JSON.stringify(item).replace('"csat":', '"csat":18446744073709551615,"was":')) });
    const got = await client('strict').listInteractions({ tenantId: TENANT, contactId: CONTACT });
    expect(got.results[0]!.csat).toBe(18446744073709551615n);
  });

  it('a count beyond 2^53 − 1 is still refused: strict validation, and the walk whatever the mode', async () => {
    answer = () => ({ body: '{"page":0,"limit":10,"offset":0,"total":12345678901234567890,"results":[]}' });
    await expect(client('strict').listInteractions({ tenantId: TENANT, contactId: CONTACT })).rejects.toMatchObject({
      name: 'ResponseValidationError',
      pointer: '/total',
    });
    await expect(async () => {
      for await (const _ of client('off').iterateInteractions({ tenantId: TENANT, contactId: CONTACT }));
    }).rejects.toMatchObject({ name: 'ResponseValidationError', pointer: '/total' });
  });

  it("the sync's fingerprint sees a change in such a number (its digits, not a rounded double)", async () => {
    const open = { ...item, endTimestamp: null, startTimestamp: new Date().toISOString() };
    let counter = '12345678901234567890';
    answer = () => ({ body: pageText(JSON.stringify(open).replace(/}$/, `,"counter":${counter}}`)) });
    const first = syncInteractions(client('off'), { tenantId: TENANT, contactId: CONTACT });
    for await (const _ of first);
    counter = '12345678901234567891'; // the same double, another integer
    const changes = [];
    for await (const change of syncInteractions(client('off'), {
      tenantId: TENANT,
      contactId: CONTACT,
      checkpoint: first.checkpoint(),
    }))
      changes.push(change.change);
    expect(changes).toEqual(['updated']);
  });
});

describe('an answer for another request: ResponseMismatchError in every mode', () => {
  for (const mode of modes) {
    it(`Get a Specific Interaction answering with another interaction (validate: '${mode}')`, async () => {
      const asked = uuid(0xa1);
      const other = uuid(0xa2);
      answer = () => ({ body: JSON.stringify({ interactionId: other, tenantId: TENANT }) });
      const error = await client(mode)
        .getInteraction({ tenantId: TENANT, interactionId: asked })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseMismatchError);
      expect(error).toMatchObject({
        code: 'other_interaction',
        pointer: '/interactionId',
        expected: asked,
        actual: other,
      });
      // Another spelling of the same id is the same interaction.
      answer = () => ({ body: JSON.stringify({ interactionId: asked.toUpperCase(), tenantId: TENANT.toUpperCase() }) });
      await expect(client(mode).getInteraction({ tenantId: TENANT, interactionId: asked })).resolves.toBeDefined();
    });

    it(`a record of another tenant; a page, or an item, naming another tenant or contact (validate: '${mode}')`, async () => {
      answer = () => ({ body: JSON.stringify({ interactionId: item.interactionId, tenantId: uuid(0xb1) }) });
      await expect(
        client(mode).getInteraction({ tenantId: TENANT, interactionId: item.interactionId }),
      ).rejects.toMatchObject({
        code: 'other_tenant',
        pointer: '/tenantId',
      });
      for (const [body, code, pointer] of [
        [JSON.stringify({ ...page([item]), tenantId: uuid(0xb2) }), 'other_tenant', '/tenantId'],
        [JSON.stringify({ ...page([item]), contactId: uuid(0xb3) }), 'other_contact', '/contactId'],
        [
          JSON.stringify(page([item, { ...interaction(2), contactId: uuid(0xb4) } as never], { total: 2 })),
          'other_contact',
          '/results/1/contactId',
        ],
        [JSON.stringify(page([{ ...item, tenantId: uuid(0xb5) } as never])), 'other_tenant', '/results/0/tenantId'],
      ] as const) {
        answer = () => ({ body });
        await expect(client(mode).listInteractions({ tenantId: TENANT, contactId: CONTACT })).rejects.toMatchObject({
          name: 'ResponseMismatchError',
          code,
          pointer,
        });
      }
      // Items that say nothing of their tenant or contact (the history's) are taken as they are.
      answer = () => ({ body: JSON.stringify({ ...page([{ ...item, contactId: CONTACT.toUpperCase() } as never]) }) });
      await expect(client(mode).listInteractions({ tenantId: TENANT, contactId: CONTACT })).resolves.toBeDefined();
    });
  }

  it('the ids are sent in their normal form: an upper-case id is one the server sees lower-case', async () => {
    answer = () => ({ body: JSON.stringify(page([])) });
    seenPaths.length = 0;
    await client('strict').listInteractions({ tenantId: TENANT.toUpperCase(), contactId: CONTACT.toUpperCase() });
    expect(seenPaths[0]).toBe(
      `/v1${operationPath('listContactInteractions', { tenantId: TENANT, contactId: CONTACT })}`,
    );
  });
});
