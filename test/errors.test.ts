import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { normaliseErrorBody } from '../src/http/error-body.js';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  type ClientOptions,
  ConnectionError,
  CxEngageError,
  createInteractionsClient,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
} from '../src/index.js';
import { CONTACT, clientAnswering, interaction, json, page, SENTINEL, TENANT } from './helpers.js';

const params = { tenantId: TENANT, contactId: CONTACT };

async function errorFor(response: () => Response, options: Partial<ClientOptions> = {}): Promise<unknown> {
  return clientAnswering(response, options)
    .client.listInteractions(params)
    .then(
      () => expect.fail('expected a rejection'),
      (e: unknown) => e,
    );
}

describe('API errors from every error-body shape', () => {
  it.each([
    {
      name: 'string',
      status: 400,
      body: { error: 'limit must be at most 100' },
      type: BadRequestError,
      kind: 'bad_request',
      message: 'HTTP 400: limit must be at most 100',
      fieldErrors: {},
    },
    {
      name: 'array of strings',
      status: 401,
      body: { error: ['Unauthorized', 'token expired'] },
      type: AuthenticationError,
      kind: 'unauthorized',
      message: 'HTTP 401: Unauthorized; token expired',
      fieldErrors: {},
    },
    {
      name: 'object with code and message',
      status: 403,
      body: { error: { code: 403, message: 'Missing CONTACTS_INTERACTION_HISTORY_READ' } },
      type: PermissionDeniedError,
      kind: 'forbidden',
      message: 'HTTP 403: Missing CONTACTS_INTERACTION_HISTORY_READ',
      code: 403,
      fieldErrors: {},
    },
    {
      name: 'object with attribute only',
      status: 404,
      body: { error: { attribute: { contactId: 'not found' } } },
      type: NotFoundError,
      kind: 'not_found',
      message: 'HTTP 404: contactId: not found',
      fieldErrors: { contactId: ['not found'] },
    },
    {
      name: 'object with everything',
      status: 400,
      body: {
        error: {
          code: 'E_PARAM',
          message: 'Bad parameters',
          attribute: { limit: ['too big', 'not an int'], page: 'negative' },
        },
      },
      type: BadRequestError,
      kind: 'bad_request',
      message: 'HTTP 400: Bad parameters',
      code: 'E_PARAM',
      fieldErrors: { limit: ['too big', 'not an int'], page: ['negative'] },
    },
    {
      name: 'empty object error',
      status: 500,
      body: { error: {} },
      type: ServerError,
      kind: 'server_error',
      message: 'HTTP 500: Internal Server Error',
      fieldErrors: {},
    },
    {
      name: 'no error key, a gateway message',
      status: 503,
      body: { message: 'Service Unavailable: try later' },
      type: ServerError,
      kind: 'server_error',
      message: 'HTTP 503: Service Unavailable: try later',
      fieldErrors: {},
    },
    {
      name: 'rate limited',
      status: 429,
      body: { error: 'slow down' },
      type: RateLimitError,
      kind: 'rate_limited',
      message: 'HTTP 429: slow down',
      fieldErrors: {},
    },
    {
      name: 'unexpected status',
      status: 409,
      body: { error: 'conflict' },
      type: ApiError,
      kind: 'unexpected_status',
      message: 'HTTP 409: conflict',
      fieldErrors: {},
    },
  ])('$name → $type.name ($kind)', async ({ status, body, type, kind, message, fieldErrors, ...rest }) => {
    const error = await errorFor(() =>
      json(body, { status, statusText: httpText(status), headers: { 'x-request-id': 'req-1' } }),
    );
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(CxEngageError);
    expect(error).toMatchObject({ name: type.name, status, kind, message, fieldErrors, body, requestId: 'req-1' });
    expect((error as ApiError).code).toBe('code' in rest ? rest.code : undefined);
    expect((error as ApiError).headers['content-type']).toBe('application/json');
  });

  it('an HTML error page (non-JSON) still yields the ApiError, with a text snippet as body', async () => {
    const html = `<html><body><h1>502 Bad Gateway</h1>${'x'.repeat(1000)}</body></html>`;
    const error = await errorFor(
      () => new Response(html, { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }),
    );
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, kind: 'server_error', message: 'HTTP 502: Bad Gateway' });
    expect((error as ApiError).body).toMatch(/^<html><body><h1>502 Bad Gateway/);
    expect(((error as ApiError).body as string).length).toBeLessThan(310);
  });

  it.each([
    ['an empty body', () => new Response('', { status: 404, statusText: 'Not Found' })],
    [
      'Content-Length: 0',
      () => new Response(null, { status: 404, statusText: 'Not Found', headers: { 'content-length': '0' } }),
    ],
  ])('%s on an error status → the typed error with the status text', async (_name, response) => {
    const error = await errorFor(response);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ message: 'HTTP 404: Not Found', fieldErrors: {} });
  });

  it('a truncated JSON error body keeps the text', async () => {
    const error = await errorFor(
      () => new Response('{"error": "limit mu', { status: 400, headers: { 'content-type': 'application/json' } }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ body: '{"error": "limit mu', message: 'HTTP 400: Bad Request' });
  });

  it('keeps fields named __proto__, constructor and prototype as ordinary keys of a null-prototype object', () => {
    const body = JSON.parse(
      '{"error":{"attribute":{"__proto__":["polluted"],"constructor":"c","prototype":["p"],"limit":"l"}}}',
    );
    const { fieldErrors, message } = normaliseErrorBody(body);
    expect(Object.getPrototypeOf(fieldErrors)).toBeNull();
    expect(Object.keys(fieldErrors)).toEqual(['__proto__', 'constructor', 'prototype', 'limit']);
    expect(Object.getOwnPropertyDescriptor(fieldErrors, '__proto__')?.value).toEqual(['polluted']);
    expect(fieldErrors['constructor']).toEqual(['c']);
    expect(message).toBe('__proto__: polluted; constructor: c; prototype: p; limit: l');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('normaliseErrorBody ignores non-string items', () => {
    expect(normaliseErrorBody({ error: ['a', 1, null, 'b'] })).toEqual({ message: 'a; b', fieldErrors: {} });
    expect(normaliseErrorBody({ error: [1] })).toEqual({ fieldErrors: {} });
    expect(normaliseErrorBody('text')).toEqual({ fieldErrors: {} });
    expect(normaliseErrorBody(null)).toEqual({ fieldErrors: {} });
    expect(normaliseErrorBody({ error: { code: true, attribute: { a: 5 } } })).toEqual({ fieldErrors: {} });
  });
});

function httpText(status: number): string {
  return (
    (
      {
        400: 'Bad Request',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not Found',
        409: 'Conflict',
        429: 'Too Many Requests',
        500: 'Internal Server Error',
        503: 'Service Unavailable',
      } as Record<number, string>
    )[status] ?? ''
  );
}

describe('2xx bodies that are not a usable JSON page', () => {
  it.each([
    [
      'empty',
      () => new Response('', { status: 200, headers: { 'content-type': 'application/json' } }),
      /body is empty/,
    ],
    [
      'whitespace only',
      () => new Response('  \n', { status: 200, headers: { 'content-type': 'application/json' } }),
      /body is empty/,
    ],
    ['204 No Content', () => new Response(null, { status: 204 }), /body is empty/],
    [
      'Content-Length: 0',
      () => new Response(null, { status: 200, headers: { 'content-length': '0' } }),
      /body is empty/,
    ],
    [
      'not JSON',
      () => new Response('hello', { status: 200, headers: { 'content-type': 'application/json' } }),
      /not valid JSON.*"hello"/,
    ],
    [
      'truncated',
      () => new Response('{"page":0,"limit":10,"res', { status: 200, headers: { 'content-type': 'application/json' } }),
      /truncated/,
    ],
    [
      'wrong content-type',
      () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }),
      /content-type is "text\/html; charset=utf-8"/,
    ],
  ])('%s → InvalidResponseError', async (_name, response, message) => {
    const error = await errorFor(response);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(response().status);
    expect((error as Error).message).toMatch(message);
  });

  it('accepts a +json content-type and a missing content-type', async () => {
    const body = page([interaction(1)]);
    for (const headers of [{ 'content-type': 'application/vnd.cxengage+json' }, {}] as Array<Record<string, string>>) {
      // A byte body gets no default content-type.
      const { client } = clientAnswering(
        () => new Response(new TextEncoder().encode(JSON.stringify(body)), { headers }),
      );
      await expect(client.listInteractions(params)).resolves.toEqual(body);
    }
  });

  it('keeps only a short snippet', async () => {
    const error = (await errorFor(
      () => new Response(`not json ${'y'.repeat(5000)}`, { status: 200 }),
    )) as InvalidResponseError;
    expect(error.bodySnippet.length).toBeLessThanOrEqual(121);
  });
});

describe('redaction: a credential never leaks', () => {
  const leaks = (value: unknown) => {
    const texts = [
      value instanceof Error ? value.message : '',
      value instanceof Error ? String(value.stack) : '',
      JSON.stringify(value),
      inspect(value, { depth: Infinity, showHidden: true }),
      value instanceof Error ? inspect(value.cause, { depth: Infinity, showHidden: true }) : '',
    ];
    return texts.some((t) => t.includes(SENTINEL) || t.includes(btoa(`key:${SENTINEL}`)));
  };
  const auths: Array<[string, { token: string } | { username: string; password: string }]> = [
    ['token', { token: SENTINEL }],
    ['basic', { username: 'key', password: SENTINEL }],
  ];

  it.each(auths)('%s: a server echoing the credential in an error body and headers', async (_n, auth) => {
    const header = 'token' in auth ? `Token ${SENTINEL}` : `Basic ${btoa(`key:${SENTINEL}`)}`;
    const error = await errorFor(
      () =>
        json(
          { error: { message: `bad credential ${header}`, attribute: { [SENTINEL]: [SENTINEL] } }, echo: [header] },
          { status: 401, headers: { 'x-echo': SENTINEL } },
        ),
      { auth },
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('[redacted]');
    expect(leaks(error)).toBe(false);
    expect(leaks((error as ApiError).body)).toBe(false);
  });

  it.each(auths)('%s: a non-JSON error body and an invalid 2xx body', async (_n, auth) => {
    expect(leaks(await errorFor(() => new Response(`<p>${SENTINEL}</p>`, { status: 500 }), { auth }))).toBe(false);
    expect(leaks(await errorFor(() => new Response(`oops ${SENTINEL}`, { status: 200 }), { auth }))).toBe(false);
  });

  it.each(auths)('%s: a fetch that throws an error holding the request', async (_n, auth) => {
    const error = await errorFor(
      () => {
        throw Object.assign(new TypeError(`fetch failed for ${SENTINEL}`), {
          request: new Request('https://x.test', { headers: { Authorization: SENTINEL } }),
          cause: Object.assign(new Error(`socket ${SENTINEL}`), {
            code: 'ECONNRESET',
            headers: { authorization: SENTINEL },
          }),
        });
      },
      { auth },
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(leaks(error)).toBe(false);
  });

  it.each(auths)('%s: warn-mode and retry log lines', async (_n, auth) => {
    const logger = { debug: vi.fn(), warn: vi.fn() };
    let n = 0;
    const { client } = clientAnswering(
      () => (++n === 1 ? new Response(SENTINEL, { status: 503 }) : json({ ...page([]), note: SENTINEL, total: 'x' })),
      { auth, logger, validate: 'warn', maxRetries: 1 },
    );
    await client.listInteractions(params);
    expect(logger.warn).toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalled();
    expect(JSON.stringify([logger.warn.mock.calls, logger.debug.mock.calls])).not.toContain(SENTINEL);
  });

  it.each(auths)(
    '%s: a credential straddling the 120-character snippet cut leaks not even in part',
    async (_n, auth) => {
      const secret = 'token' in auth ? auth.token : btoa(`key:${SENTINEL}`);
      for (let k = 1; k < secret.length; k++) {
        const text = `${'x'.repeat(120 - k)}${secret} and more`; // the cut at 120 falls k characters into the secret
        const error = (await errorFor(
          () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }),
          { auth },
        )) as InvalidResponseError;
        expect(error).toBeInstanceOf(InvalidResponseError);
        const leaked = `${'x'.repeat(120 - k)}${secret.slice(0, k)}`;
        expect(error.bodySnippet.startsWith('x'.repeat(120 - k))).toBe(true);
        expect(error.bodySnippet).not.toContain(leaked);
        expect(error.message).not.toContain(leaked);
      }
    },
  );

  it.each(auths)('%s: a status text echoing the credential', async (_n, auth) => {
    const secret = 'token' in auth ? auth.token : btoa(`key:${SENTINEL}`);
    const error = await errorFor(
      () => new Response('', { status: 404, statusText: `Not Found ${secret} ${SENTINEL}` }),
      { auth },
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/^HTTP 404: Not Found \[redacted\]/);
    expect(leaks(error)).toBe(false);
  });

  it.each(auths)('%s: a credential nested deeper than the redactor looks', async (_n, auth) => {
    let deep: unknown = {
      secret: SENTINEL,
      also: ['token' in auth ? `Token ${SENTINEL}` : `Basic ${btoa(`key:${SENTINEL}`)}`],
    };
    for (let i = 0; i < 25; i++) deep = { nested: deep }; // the secret sits 26 levels deep
    const error = await errorFor(() => json({ error: 'nope', deep }, { status: 400 }), { auth });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(leaks(error)).toBe(false);
    expect(JSON.stringify((error as ApiError).toJSON())).not.toContain(SENTINEL);
    expect(inspect(error, { depth: Infinity })).not.toContain(SENTINEL);
    expect(JSON.stringify(error)).toContain('"nested":"[redacted]"');
  });

  it('bad credentials are named, never echoed', () => {
    for (const auth of [
      { token: `${SENTINEL}\n` },
      { username: `a:${SENTINEL}`, password: SENTINEL },
      { token: SENTINEL, password: SENTINEL },
      { username: 'key', password: 1 },
    ]) {
      let error: unknown;
      try {
        createInteractionsClient({ auth: auth as ClientOptions['auth'] });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).param).toMatch(/^auth/);
      expect(leaks(error)).toBe(false);
    }
  });

  it('toJSON and inspect show the error fields', async () => {
    const error = await errorFor(() => json({ error: 'nope' }, { status: 404 }));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'NotFoundError',
      message: 'HTTP 404: nope',
      status: 404,
      kind: 'not_found',
    });
    expect(inspect(error)).toMatch(/NotFoundError: HTTP 404: nope[\s\S]*status: 404/);
  });
});

describe('every error class sets name', () => {
  it.each([
    new CxEngageError('x'),
    new InvalidInputError('p', 1, 'bad'),
    new ApiError(418, 'x'),
    new BadRequestError(400, 'x'),
    new ConnectionError('x'),
    new InvalidResponseError(200, 'x', ''),
    new ResponseValidationError('/a', [], 'x'),
  ])('%s', (error) => {
    expect(error.name).toBe(error.constructor.name);
    expect(error).toBeInstanceOf(CxEngageError);
  });
});
