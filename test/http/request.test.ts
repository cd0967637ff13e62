// The Request for an operation of the spec (src/http/request.ts), built from openapi-fetch's pieces, is
// the Request openapi-fetch's own client sends for the same call: the same method, URL (path parameters
// and query serialised the same way), headers and body. Checked against `createClient` itself, for every
// operation of the spec and awkward values; and its parameters are typed as `createClient`'s are.
import createClient from 'openapi-fetch';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { paths } from '../../generated/schema.js';
import { spec } from '../../generated/spec.js';
import { requestFor } from '../../src/http/request.js';
import { CONTACT, TENANT, uuid } from '../helpers.js';

const target = { baseUrl: 'https://api.example.test/v1', userAgent: 'cxengage-interactions/0.0.0 (node 22)' };
const { listContactInteractions: history, getInteraction: detail, createToken } = spec.operations;

/** What openapi-fetch's client sends for `call`, caught by its `fetch`. */
async function sentByOpenapiFetch(call: (client: ReturnType<typeof createClient<paths>>) => Promise<unknown>) {
  let sent: Request | undefined;
  const client = createClient<paths>({
    baseUrl: target.baseUrl,
    headers: { Accept: 'application/json', 'User-Agent': target.userAgent },
    fetch: async (request: Request) => {
      sent = request;
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    },
  });
  await call(client);
  return sent!;
}

async function described(request: Request) {
  return {
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: request.body === null ? null : await request.text(),
  };
}

describe('requestFor: the Request openapi-fetch’s client would send', () => {
  it.each([
    ['no query', {}],
    ['a limit', { limit: 100 }],
    ['a page and a limit', { limit: 1, page: 123456 }],
    ['page 0', { page: 0 }],
  ])('GET history, %s', async (_name, query) => {
    const params = { path: { tenantId: TENANT, contactId: CONTACT }, query };
    const ours = requestFor('get', history.path, { params }, target);
    const theirs = await sentByOpenapiFetch((client) => client.GET(history.path, { params }));
    expect(await described(ours)).toEqual(await described(theirs));
  });

  it('GET an interaction, and path values that need encoding', async () => {
    for (const interactionId of [uuid(7), 'a b/c?d#e%f']) {
      const params = { path: { tenantId: TENANT, interactionId } };
      const ours = requestFor('get', detail.path, { params }, target);
      const theirs = await sentByOpenapiFetch((client) => client.GET(detail.path, { params }));
      expect(await described(ours)).toEqual(await described(theirs));
    }
  });

  it('POST the token exchange: the JSON body and its content type', async () => {
    const body = { username: 'key', password: 'p"ss\\word ✓' };
    const ours = requestFor('post', createToken.path, { body }, target);
    const theirs = await sentByOpenapiFetch((client) => client.POST(createToken.path, { body }));
    expect(await described(ours)).toEqual(await described(theirs));
  });

  it('no User-Agent where the platform forbids one; the signal given, when given', () => {
    const controller = new AbortController();
    const request = requestFor(
      'get',
      detail.path,
      { params: { path: { tenantId: TENANT, interactionId: uuid(1) } } },
      { ...target, userAgent: undefined },
      controller.signal,
    );
    expect(request.headers.has('user-agent')).toBe(false);
    controller.abort('stop');
    expect(request.signal.aborted).toBe(true);
  });

  it('is typed by the spec as openapi-fetch’s client is', () => {
    expectTypeOf(requestFor<'get', typeof history.path>)
      .parameter(2)
      .toMatchTypeOf<{ params: { path: { tenantId: string; contactId: string } } }>();
    const check = () => {
      // @ts-expect-error: not a path of the spec
      requestFor('get', `${history.path}/nowhere` as const, { params: { path: { tenantId: TENANT } } }, target);
      // @ts-expect-error: a path parameter missing
      requestFor('get', detail.path, { params: { path: { tenantId: TENANT } } }, target);
      // @ts-expect-error: the exchange has no GET
      requestFor('get', createToken.path, {}, target);
      // @ts-expect-error: the exchange's body needs its password
      requestFor('post', createToken.path, { body: { username: 'key' } }, target);
    };
    expect(check).toBeTypeOf('function');
  });
});
