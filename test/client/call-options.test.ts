// Per-call options (one call, one iteration), derived clients (`withOptions`) and the User-Agent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pkg } from '../../generated/package.js';
import {
  type ClientOptions,
  createInteractionsClient,
  InvalidInputError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from '../../src/index.js';
import { CONTACT, clientAnswering, hangingFetch, interaction, json, page, TENANT } from '../helpers.js';

const params = { tenantId: TENANT, contactId: CONTACT };
const detail = { tenantId: TENANT, interactionId: interaction(1).interactionId };
const unavailable = () => json({ error: 'down' }, { status: 503, headers: { 'retry-after': '0' } });

const setup = (answer: (request: Request, n: number) => Response, options: Partial<ClientOptions> = {}) =>
  clientAnswering(answer, { auth: { token: 'call-options-token' }, ...options });

describe('per-call options override the client for that call only', () => {
  it('maxRetries', async () => {
    const { client, requests } = setup(unavailable, { maxRetries: 0 });
    await expect(client.listInteractions(params, { maxRetries: 2 })).rejects.toThrow(ServerError);
    expect(requests).toHaveLength(3);
    await expect(client.getInteraction(detail, { maxRetries: 1 })).rejects.toThrow(ServerError);
    expect(requests).toHaveLength(5);
    await expect(client.listInteractions(params)).rejects.toThrow(ServerError);
    expect(requests).toHaveLength(6); // the client's own setting again
  });

  it('validate', async () => {
    const { client } = setup(() => json({ unexpected: true }), { validate: 'strict' });
    await expect(client.listInteractions(params)).rejects.toThrow(ResponseValidationError);
    await expect(client.listInteractions(params, { validate: 'off' })).resolves.toEqual({ unexpected: true });
    await expect(client.getInteraction(detail, { validate: 'off' })).resolves.toEqual({ unexpected: true });
    await expect(client.getInteraction(detail)).rejects.toThrow(ResponseValidationError);
  });

  it('timeoutMs and deadlineMs', async () => {
    const { fetch } = hangingFetch();
    const client = createInteractionsClient({ auth: { token: 't' }, fetch, maxRetries: 0, timeoutMs: 60_000 });
    const attempt = await client.listInteractions(params, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(attempt).toMatchObject({ constructor: TimeoutError, scope: 'attempt', timeoutMs: 20 });
    const deadline = await client.getInteraction(detail, { deadlineMs: 20 }).catch((e: unknown) => e);
    expect(deadline).toMatchObject({ constructor: TimeoutError, scope: 'deadline', timeoutMs: 20 });
  });

  it('one iteration: maxRetries, validate and timeoutMs in its parameters', async () => {
    const { client, requests } = setup((_r, n) => (n === 1 ? unavailable() : json(page([interaction(1)]))));
    const items = [];
    for await (const item of client.iterateInteractions({ ...params, maxRetries: 1 })) items.push(item);
    expect(items).toHaveLength(1);
    expect(requests).toHaveLength(2);
    // Invalid by the schema, but nothing the walk itself relies on (it checks total, limit, offset, page, ids).
    const bad = setup(() => json(page([interaction(1, { channelType: 'fax' as never })])));
    const iterate = (validate?: 'off') =>
      bad.client.iterateInteractions({ ...params, ...(validate ? { validate } : {}) });
    await expect(iterate().next()).rejects.toThrow(ResponseValidationError);
    await expect(iterate('off').next()).resolves.toMatchObject({ done: false });
  });

  it.each<[string, object]>([
    ['timeoutMs', { timeoutMs: 0 }],
    ['deadlineMs', { deadlineMs: -1 }],
    ['maxRetries', { maxRetries: 1.5 }],
    ['validate', { validate: 'lenient' }],
    ['signal', { signal: 'stop' }],
    ['region', { region: 'eu-west-1' }],
  ])('an invalid %s is refused before anything is sent', async (param, options) => {
    const { client, requests } = setup(() => json(page([])));
    const error = await client.listInteractions(params, options as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ constructor: InvalidInputError, param });
    await expect(client.getInteraction(detail, options as never)).rejects.toMatchObject({ param });
    expect(() => client.iterateInteractions({ ...params, ...options })).toThrow(
      expect.objectContaining({ constructor: InvalidInputError, param }),
    );
    expect(requests).toEqual([]);
  });
});

describe('withOptions', () => {
  it('changes only what it is given; the original client keeps its options', async () => {
    const { client, requests } = setup(unavailable, { maxRetries: 0 });
    const patient = client.withOptions({ maxRetries: 2 });
    await expect(patient.listInteractions(params)).rejects.toThrow(ServerError);
    expect(requests).toHaveLength(3);
    await expect(client.listInteractions(params)).rejects.toThrow(ServerError);
    expect(requests).toHaveLength(4);
    // A derived client's own per-call options still win.
    await expect(patient.listInteractions(params, { maxRetries: 0 })).rejects.toThrow(ServerError);
    expect(requests).toHaveLength(5);
  });

  it('takes a new logger, and new options are checked as the client’s are', async () => {
    const warnings: string[] = [];
    const { client } = setup(() => json({ unexpected: true }));
    const lenient = client.withOptions({ validate: 'warn', logger: { warn: (msg) => warnings.push(msg) } });
    await expect(lenient.listInteractions(params)).resolves.toEqual({ unexpected: true });
    expect(warnings).toHaveLength(1);
    expect(() => client.withOptions({ timeoutMs: 0 })).toThrow(InvalidInputError);
    expect(() => client.withOptions({ logger: {} as never })).toThrow(InvalidInputError);
  });

  it.each(['auth', 'baseUrl', 'region', 'fetch', 'allowInsecureHttp'])(
    'cannot change %s (the token cache is shared): InvalidInputError, never echoing a credential',
    (key) => {
      const { client } = setup(() => json(page([])));
      const error = (() => {
        try {
          client.withOptions({ [key]: { token: 'other-secret-token' } } as never);
        } catch (e) {
          return e as InvalidInputError;
        }
      })();
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error!.param).toBe(key);
      expect(error!.message).toMatch(/create another client/);
      expect(JSON.stringify(error)).not.toContain('other-secret-token');
    },
  );
});

describe('User-Agent', () => {
  it('cxengage-interactions/<version from package.json> (node <version>), on every request', async () => {
    const version = (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
    expect(pkg.version).toBe(version);
    const { client, requests } = setup(() => json(page([])));
    await client.listInteractions(params);
    expect(requests[0]!.headers.get('user-agent')).toBe(
      `cxengage-interactions/${version} (node ${process.versions.node})`,
    );
  });

  it('appends your product token; withOptions can set another', async () => {
    const { client, requests } = setup(() => json(page([])), { userAgent: 'nightly-sync/2.1 (+ops@example.com)' });
    await client.listInteractions(params);
    await client.withOptions({ userAgent: 'export/1.0' }).listInteractions(params);
    const sent = requests.map((r) => r.headers.get('user-agent'));
    expect(sent[0]).toMatch(/^cxengage-interactions\/\S+ \(node \S+\) nightly-sync\/2\.1 \(\+ops@example\.com\)$/);
    expect(sent[1]).toMatch(/^cxengage-interactions\/\S+ \(node \S+\) export\/1\.0$/);
  });

  it.each(['', '   ', 'a\nb', 'ünï', 42])('refuses the product token %j', (userAgent) => {
    expect(() => setup(() => json(page([])), { userAgent: userAgent as string })).toThrow(
      expect.objectContaining({ param: 'userAgent' }),
    );
  });

  it('is left out where the platform forbids it (no Node.js process: a browser)', async () => {
    const global = globalThis as { process?: unknown };
    const saved = global.process;
    let made: ReturnType<typeof setup>;
    global.process = undefined;
    try {
      made = setup(() => json(page([])), { userAgent: 'mine/1' });
    } finally {
      global.process = saved;
    }
    await made.client.listInteractions(params);
    expect(made.requests[0]!.headers.has('user-agent')).toBe(false);
  });
});
