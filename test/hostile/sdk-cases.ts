// Hostile answers where HTTP is not the point (the body, its encoding, its shape), bad inputs, echoed
// credentials and aborts: all through the SDK on an injected fetch, in-process.
import { inspect } from 'node:util';
import { expect } from 'vitest';
import { utf8Base64 } from '../../src/auth/secrets.ts';
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CxEngageError,
  createInteractionsClient,
  exportInteractions,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  ResponseTooLargeError,
  ResponseValidationError,
  ServerError,
  syncInteractions,
  TimeoutError,
} from '../../src/index.ts';
import { interaction, page } from '../helpers.ts';
import {
  type CaseGroup,
  expectPageOrTyped,
  expectTyped,
  fetchClient,
  type HostileCase,
  outcome,
  params,
  TENANT,
  TOKEN,
} from './corpus.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };
const bytes = (text: string) => new TextEncoder().encode(text);
const ok = (body: string | Uint8Array, headers: Record<string, string> = JSON_HEADERS) =>
  new Response((typeof body === 'string' ? bytes(body) : body) as BodyInit, { status: 200, headers });
const pageText = (results: unknown[] = [interaction(1)], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...page(results as never), limit: 10, ...extra });

/** A 2xx body: the call returns a page the spec allows, or a typed error (of `Class`, when given). */
function body(
  input: string,
  answer: () => Response,
  Class?: abstract new (...args: never[]) => Error,
  more?: (result: Awaited<ReturnType<typeof outcome>>) => void,
): HostileCase {
  return {
    input,
    check: async () => {
      const { client } = fetchClient(answer);
      const result = await outcome(client.listInteractions(params));
      if (Class) expectTyped(result, Class);
      else expectPageOrTyped(result);
      more?.(result);
      // The iterators check what they walk by, whatever the mode.
      const walk = await outcome(
        (async () => {
          for await (const _ of fetchClient(answer, { validate: 'off' }).client.iterateInteractions(params));
          return page([]);
        })(),
      );
      expectPageOrTyped(walk);
    },
  };
}

/** JSON text nested `depth` levels deep (built as text: JSON.stringify itself would overflow the stack). */
function deep(depth: number, leaf = 'null'): string {
  return `${'{"recording":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

function bodyCases(): CaseGroup {
  const nested = deep(100_000);
  return {
    name: 'answers (bodies)',
    cases: [
      body('an unpaired surrogate, escaped (\\ud800)', () => ok(pageText([interaction(1, { customer: 'a\ud800b' })]))),
      body('invalid UTF-8 (raw 0xff 0xfe bytes) in a string', () => {
        const text = pageText([interaction(1, { customer: 'AB' })]);
        const at = text.indexOf('"AB"') + 2;
        const raw = bytes(text);
        const b = new Uint8Array(raw.length + 2);
        b.set(raw.slice(0, at));
        b.set([0xff, 0xfe], at);
        b.set(raw.slice(at), at + 2);
        return ok(b);
      }),
      body('a UTF-8 BOM before the JSON', () => ok(`\ufeff${pageText()}`)),
      body(
        'UTF-16LE with its BOM',
        () => ok(new Uint8Array([0xff, 0xfe, ...bytes('{ " t " }')])),
        InvalidResponseError,
      ),
      body('NUL and controls escaped in strings', () => ok(pageText([interaction(1, { customer: '\0\x01\x1b' })]))),
      body('body: null', () => ok('null'), ResponseValidationError),
      body('body: []', () => ok('[]'), ResponseValidationError),
      body('body: "a string"', () => ok('"page"'), ResponseValidationError),
      body('body: 42', () => ok('42'), ResponseValidationError),
      body('body: {}', () => ok('{}'), ResponseValidationError),
      body('empty body', () => ok(''), InvalidResponseError),
      body('whitespace only', () => ok(' \n\t '), InvalidResponseError),
      body('truncated JSON', () => ok(pageText().slice(0, -5)), InvalidResponseError),
      body('HTML with a JSON content-type', () => ok('<html><body>oops</body></html>'), InvalidResponseError),
      body(
        'JSON with a text/html content-type',
        () => ok(pageText(), { 'content-type': 'text/html' }),
        InvalidResponseError,
      ),
      body('no content-type', () => ok(pageText(), {})),
      body('content-type application/json; charset=utf-16', () =>
        ok(pageText(), { 'content-type': 'application/json; charset=utf-16' }),
      ),
      body(
        'total: 1e309 (Infinity)',
        () => ok(pageText(undefined, { total: '__' }).replace('"__"', '1e309')),
        ResponseValidationError,
      ),
      body('total: -0', () => ok(pageText([], { total: '__' }).replace('"__"', '-0'))),
      body('total: -1', () => ok(pageText([], { total: -1 })), ResponseValidationError),
      body('total: "1" (a string)', () => ok(pageText(undefined, { total: '1' })), ResponseValidationError),
      body('total: 1.5', () => ok(pageText(undefined, { total: 1.5 })), ResponseValidationError),
      body('total: 2^53 + 1', () => ok(pageText(undefined, { total: '__' }).replace('"__"', '9007199254740993'))),
      body('total: null', () => ok(pageText(undefined, { total: null })), ResponseValidationError),
      body('page: "NaN"', () => ok(pageText(undefined, { page: 'NaN' })), ResponseValidationError),
      body('limit: "Infinity"', () => ok(pageText(undefined, { limit: 'Infinity' })), ResponseValidationError),
      body('offset: -1', () => ok(pageText(undefined, { offset: -1 })), ResponseValidationError),
      body('results: null', () => ok(pageText(undefined, { results: null })), ResponseValidationError),
      body('results: {}', () => ok(pageText(undefined, { results: {} })), ResponseValidationError),
      body('results: [null]', () => ok(pageText([null])), ResponseValidationError),
      body('results: [42]', () => ok(pageText([42])), ResponseValidationError),
      body('results: [[]]', () => ok(pageText([[]])), ResponseValidationError),
      body(
        'interactionId: 123',
        () => ok(pageText([{ ...interaction(1), interactionId: 123 }])),
        ResponseValidationError,
      ),
      body(
        'interactionId: null',
        () => ok(pageText([{ ...interaction(1), interactionId: null }])),
        ResponseValidationError,
      ),
      body(
        'channelType not in the enum',
        () => ok(pageText([{ ...interaction(1), channelType: 'fax' }])),
        ResponseValidationError,
      ),
      body(
        'csat: 1e309',
        () => ok(pageText([{ ...interaction(1), csat: '__' }]).replace('"__"', '1e309')),
        ResponseValidationError,
      ),
      body(
        '101 results',
        () =>
          ok(
            pageText(
              Array.from({ length: 101 }, (_, n) => interaction(n)),
              { limit: 100, total: 500 },
            ),
          ),
        ResponseValidationError,
      ),
      body('duplicate keys: total twice', () => ok(pageText().replace('{', '{"total":999,'))),
      body('duplicate keys: results twice', () => ok(pageText().replace('{', '{"results":[1,2],'))),
      body(
        '__proto__ in an interaction (prototype pollution attempt)',
        () => ok(pageText().replace('"interactionId"', '"__proto__":{"polluted":true},"interactionId"')),
        undefined,
        (result) => {
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
          const item = result.page!.results[0]!;
          expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
          expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).toEqual({ polluted: true });
        },
      ),
      body('constructor, prototype, toString, hasOwnProperty as extra keys', () =>
        ok(
          pageText([
            {
              ...interaction(1),
              constructor: { prototype: { x: 1 } },
              prototype: 1,
              toString: 'x',
              hasOwnProperty: 0,
              valueOf: [],
            },
          ]),
        ),
      ),
      body('__proto__ at the top level of the page', () => ok(pageText().replace('{', '{"__proto__":{"total":5},'))),
      body('extra properties with hostile names', () =>
        ok(
          pageText([
            {
              ...interaction(1),
              '': 1,
              '\u202e': 2,
              '../../etc/passwd': 3,
              '\x1b[31m': 4,
              'a.b.c': 5,
              ' ': 6,
              '=cmd': 7,
            },
          ]),
        ),
      ),
      body('1000 extra properties', () =>
        ok(
          pageText([
            { ...interaction(1), ...Object.fromEntries(Array.from({ length: 1000 }, (_, n) => [`x${n}`, n])) },
          ]),
        ),
      ),
      body('a recording 100 000 levels deep', () =>
        ok(pageText([{ ...interaction(1), recording: '__' }]).replace('"__"', nested)),
      ),
      body('an extra property 100 000 levels deep', () =>
        ok(pageText([{ ...interaction(1), extra: '__' }]).replace('"__"', deep(100_000, '[]'))),
      ),
      body('a 7 MB string (under the cap)', () => ok(pageText([interaction(1, { customer: 'x'.repeat(7_000_000) })]))),
      body(
        'a 9 MB body (over the cap)',
        () => ok(pageText([interaction(1, { customer: 'x'.repeat(9_000_000) })])),
        ResponseTooLargeError,
      ),
      body(
        'a declared Content-Length of 1 TB',
        () => ok(pageText(), { ...JSON_HEADERS, 'content-length': String(2 ** 40) }),
        ResponseTooLargeError,
      ),
    ],
  };
}

/** A non-2xx answer: the error its status calls for, whatever the body. */
function errorBody(
  input: string,
  status: number,
  text: string | Uint8Array,
  Class: abstract new (...args: never[]) => Error,
  more?: (error: ApiError) => void,
): HostileCase {
  return {
    input,
    check: async () => {
      const { client, state } = fetchClient(() => new Response(text as BodyInit, { status, headers: JSON_HEADERS }));
      const error = expectTyped(await outcome(client.listInteractions(params)), Class) as ApiError;
      expect(state.requests).toBe(1);
      if (error instanceof ApiError) {
        expect(error.status).toBe(status);
        expect(JSON.stringify(error).length).toBeLessThan(80_000); // bounded, and serialisable
        expect(() => inspect(error, { depth: Infinity })).not.toThrow();
      }
      more?.(error);
    },
  };
}

function errorBodyCases(): CaseGroup {
  const fields = (error: ApiError) => error.fieldErrors;
  return {
    name: 'answers (error bodies)',
    cases: [
      errorBody(
        'attribute.__proto__',
        400,
        '{"error":{"attribute":{"__proto__":["bad"],"limit":"too big"}}}',
        BadRequestError,
        (e) => {
          expect(Object.getPrototypeOf(fields(e))).toBeNull();
          expect(Object.getOwnPropertyDescriptor(fields(e), '__proto__')?.value).toEqual(['bad']);
          expect(fields(e)['limit']).toEqual(['too big']);
          expect(({} as Record<string, unknown>)['0']).toBeUndefined();
        },
      ),
      errorBody(
        'attribute.constructor and .prototype',
        400,
        '{"error":{"attribute":{"constructor":["c"],"prototype":"p"}}}',
        BadRequestError,
        (e) => {
          expect(fields(e)['constructor']).toEqual(['c']);
          expect(fields(e)['prototype']).toEqual(['p']);
        },
      ),
      errorBody(
        'attribute.hasOwnProperty and toString',
        400,
        '{"error":{"attribute":{"hasOwnProperty":"h","toString":"t"}}}',
        BadRequestError,
        (e) => {
          expect(Object.keys(fields(e))).toEqual(['hasOwnProperty', 'toString']);
        },
      ),
      errorBody(
        '__proto__ at the top of the error body',
        404,
        '{"__proto__":{"error":"x"},"error":"Contact not found."}',
        NotFoundError,
        (e) => {
          expect(e.message).toBe('HTTP 404: Contact not found.');
        },
      ),
      errorBody(
        'a message with ESC, OSC and bidi (kept as data by the SDK)',
        404,
        JSON.stringify({ error: '\x1b]0;t\x07\u202e' }),
        NotFoundError,
      ),
      errorBody(
        'a hostile id in the message',
        404,
        JSON.stringify({ error: `Contact ${'../'.repeat(50)} not found` }),
        NotFoundError,
      ),
      errorBody('code is an object', 400, '{"error":{"code":{"toString":1},"message":"m"}}', BadRequestError, (e) => {
        expect(e.code).toBeUndefined();
      }),
      errorBody('error: [1e309, null, {}]', 500, '{"error":[1e309,null,{}]}', ServerError),
      errorBody('error: null', 401, '{"error":null}', AuthenticationError),
      errorBody('body: []', 401, '[]', AuthenticationError),
      errorBody('body: "a string"', 404, '"nope"', NotFoundError),
      errorBody('not JSON', 500, '<html>Bad gateway</html>', ServerError, (e) => expect(typeof e.body).toBe('string')),
      errorBody('invalid UTF-8', 500, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), ServerError),
      errorBody(
        '100 KB JSON error body: kept as a snippet',
        500,
        JSON.stringify({ error: 'x'.repeat(100_000) }),
        ServerError,
        (e) => {
          expect(typeof e.body).toBe('string');
          expect((e.body as string).length).toBeLessThanOrEqual(301);
        },
      ),
      errorBody(
        'an error body 20 000 levels deep',
        400,
        JSON.stringify({ error: 'deep', more: deep(20_000) }),
        BadRequestError,
      ),
      errorBody(
        '10 000 attribute fields',
        400,
        JSON.stringify({
          error: { attribute: Object.fromEntries(Array.from({ length: 10_000 }, (_, n) => [`f${n}`, 'bad'])) },
        }),
        BadRequestError,
      ),
      errorBody(
        '9 MB error body (over the cap)',
        404,
        JSON.stringify({ error: 'x'.repeat(9_000_000) }),
        ResponseTooLargeError,
      ),
    ],
  };
}

/** Each spelling an echo can give a credential. */
const spellings: Record<string, (secret: string) => string> = {
  raw: (s) => s,
  'JSON-escaped': (s) => JSON.stringify(s).slice(1, -1),
  'ASCII-only JSON': (s) =>
    JSON.stringify(s)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`),
  'JSON with \\/': (s) => JSON.stringify(s).slice(1, -1).replaceAll('/', '\\/'),
  'URL-encoded': encodeURIComponent,
  'form-encoded': (s) => new URLSearchParams({ s }).toString().slice(2),
  'lower-case %xx': (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()),
  base64: utf8Base64,
  'base64url unpadded': (s) => utf8Base64(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''),
  'Basic header (base64 of key:secret)': (s) => `Basic ${utf8Base64(`key:${s}`)}`,
};

function redactionCases(): CaseGroup {
  const secrets = [
    'S3NT1NEL-s3cr3t-VALUE-42',
    'q"uo\\te/sl+ash sp',
    'pässwörd-ünïcode-€',
    'emoji😀-secret-x',
    'tab\tnl\nctl\x01-x',
  ];
  const cases: HostileCase[] = [];
  for (const secret of secrets) {
    for (const [name, spell] of Object.entries(spellings)) {
      cases.push({
        input: `a 401 echoing the secret ${JSON.stringify(secret.slice(0, 12))}… ${name}, in body, header and status text`,
        check: async () => {
          const echo = spell(secret);
          const { client } = fetchClient(
            () =>
              new Response(JSON.stringify({ error: { message: `bad ${echo}`, attribute: { [echo]: [echo] } }, echo }), {
                status: 401,
                statusText: 'No',
                headers: { ...JSON_HEADERS, 'x-echo': encodeURIComponent(echo) },
              }),
            { auth: { username: 'key', password: secret } },
          );
          const error = expectTyped(await outcome(client.listInteractions(params)), AuthenticationError);
          for (const text of [
            (error as Error).message,
            JSON.stringify(error),
            inspect(error, { depth: Infinity, showHidden: true }),
            String((error as Error).stack),
          ]) {
            expect(text).not.toContain(echo);
            expect(text).not.toContain(secret);
          }
          expect((error as Error).message).toContain('[redacted]');
        },
      });
    }
  }
  cases.push(
    {
      input: 'a one-character password, echoed: redacted as a token, no word garbled',
      check: async () => {
        const { client } = fetchClient(
          () => new Response(JSON.stringify({ error: 'Bad password: c. Check cxengage.' }), { status: 401 }),
          {
            auth: { username: 'key', password: 'c' },
          },
        );
        const error = expectTyped(await outcome(client.listInteractions(params)), AuthenticationError) as Error;
        expect(error.message).toBe('HTTP 401: Bad password: [redacted]. Check cxengage.');
      },
    },
    {
      input: 'overlapping secrets (a token containing the password)',
      check: async () => {
        const { client } = fetchClient(
          () => new Response(JSON.stringify({ error: `x hunter2-long-pass-hunter2 y` }), { status: 401 }),
          {
            auth: { username: 'key', password: 'hunter2-long-pass' },
          },
        );
        const error = expectTyped(await outcome(client.listInteractions(params)), AuthenticationError) as Error;
        expect(error.message).not.toContain('hunter2-long');
      },
    },
    {
      input: 'a secret of regular-expression metacharacters',
      check: async () => {
        const secret = '.*+?^$' + '{}()|[]\\/';
        const { client } = fetchClient(
          () => new Response(JSON.stringify({ error: `got ${secret} and ok` }), { status: 401 }),
          {
            auth: { username: 'key', password: secret },
          },
        );
        const error = expectTyped(await outcome(client.listInteractions(params)), AuthenticationError) as Error;
        expect(error.message).toBe('HTTP 401: got [redacted] and ok');
      },
    },
  );
  return { name: 'redaction', cases };
}

/** A bad input: InvalidInputError naming it, and nothing sent. */
function input(
  name: string,
  call: (client: ReturnType<typeof fetchClient>['client']) => unknown,
  param?: string,
): HostileCase {
  return {
    input: name,
    check: async () => {
      const { client, state } = fetchClient(() => new Response(pageText(), { headers: JSON_HEADERS }));
      let error: unknown;
      try {
        const result = call(client);
        if (result && typeof (result as AsyncIterator<unknown>).next === 'function')
          await (result as AsyncIterator<unknown>).next();
        else await result;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      if (param) expect((error as InvalidInputError).param).toBe(param);
      expect(state.requests).toBe(0);
    },
  };
}

function option(name: string, options: Record<string, unknown>, param: string): HostileCase {
  return {
    input: name,
    check: () => {
      let error: unknown;
      try {
        createInteractionsClient({ auth: { token: TOKEN }, ...options } as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).param).toBe(param);
      expect(JSON.stringify(error)).not.toContain('hunter2');
    },
  };
}

function inputCases(): CaseGroup {
  const list = (extra: Record<string, unknown>) => (c: ReturnType<typeof fetchClient>['client']) =>
    c.listInteractions({ ...params, ...extra } as never);
  const walk = (extra: Record<string, unknown>) => (c: ReturnType<typeof fetchClient>['client']) =>
    c.iterateInteractions({ ...params, ...extra } as never);
  return {
    name: 'inputs',
    cases: [
      ...(
        [
          ['', 'tenantId'],
          ['../x', 'tenantId'],
          ['a/b', 'tenantId'],
          ['%2e%2e', 'tenantId'],
          ['\0', 'tenantId'],
          [` ${TENANT}`, 'tenantId'],
          [`${TENANT}\n`, 'tenantId'],
          ['x'.repeat(100_000), 'tenantId'],
          [123, 'tenantId'],
          [null, 'tenantId'],
          [{}, 'tenantId'],
          [[TENANT], 'tenantId'],
        ] as const
      ).map(([value, param]) =>
        input(`tenantId ${JSON.stringify(value).slice(0, 30)}`, list({ tenantId: value }), param),
      ),
      ...[0, 101, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', -0, null, 2 ** 53].map((v) =>
        input(`limit ${String(v)}`, list({ limit: v }), 'limit'),
      ),
      ...[-1, 1.5, Number.NaN, '0', 2 ** 53, null].map((v) => input(`page ${String(v)}`, list({ page: v }), 'page')),
      input('an unknown parameter "__proto__"', list(JSON.parse('{"__proto__":1}'))),
      input('an unknown parameter "constructor"', list({ constructor: 1 })),
      input(
        'a signal that is not an AbortSignal',
        (c) => c.listInteractions(params, { signal: 'yes' as never }),
        'signal',
      ),
      ...[0, -1, 1.5, Number.NaN, '10'].map((v) =>
        input(`iterate pageSize ${String(v)}`, walk({ pageSize: v }), 'pageSize'),
      ),
      ...[-1, 1.5, Number.NaN].map((v) => input(`iterate last ${String(v)}`, walk({ last: v }), 'last')),
      ...[0, -1, 1.5].map((v) => input(`iterate concurrency ${String(v)}`, walk({ concurrency: v }), 'concurrency')),
      input('iterate with "__proto__"', walk(JSON.parse('{"__proto__":1}'))),
      ...[0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31].map((v) =>
        option(`timeoutMs ${v}`, { timeoutMs: v }, 'timeoutMs'),
      ),
      ...[-1, 1.5, Number.NaN].map((v) => option(`maxRetries ${v}`, { maxRetries: v }, 'maxRetries')),
      ...[0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '8'].map((v) =>
        option(`maxResponseBytes ${String(v)}`, { maxResponseBytes: v }, 'maxResponseBytes'),
      ),
      ...[
        'javascript:alert(1)',
        'http://evil.example/v1',
        'https://key:hunter2@api.example/v1',
        'file:///etc/passwd',
        '',
        'https://x/v1?a=1',
      ].map((v) => option(`baseUrl ${v}`, { baseUrl: v }, 'baseUrl')),
      ...['__proto__', 'constructor', 'toString', 'mars-1'].map((v) => option(`region ${v}`, { region: v }, 'region')),
      option('validate "loose"', { validate: 'loose' }, 'validate'),
      option('logger without warn', { logger: {} }, 'logger'),
      ...(
        [
          [undefined, 'auth', true],
          [null, 'auth', true],
          ['key:hunter2', 'auth', false],
          [{}, 'auth.username', true],
          [{ token: '' }, 'auth.token', true],
          [{ token: 'hunter2 x' }, 'auth.token', false],
          [{ token: 'hunter2\r\nX-Evil: 1' }, 'auth.token', false],
          [{ username: '', password: 'hunter2' }, 'auth.username', true],
          [{ username: 'a:b', password: 'hunter2' }, 'auth.username', false],
          [{ username: 'key' }, 'auth.password', true],
          [{ username: 'key', password: 7 }, 'auth.password', false],
        ] as const
      ).map(([auth, param, missing]) => ({
        input: `auth ${JSON.stringify(auth) ?? 'undefined'}`,
        check: () => {
          let error: unknown;
          try {
            createInteractionsClient({ auth } as never);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(InvalidInputError);
          expect((error as InvalidInputError).param).toBe(param);
          expect(JSON.stringify(error)).not.toContain('hunter2');
          if (missing) expect((error as Error).message).toMatch(/is missing/);
          else expect((error as InvalidInputError).value).toBe('[redacted]');
        },
      })),
      {
        input: 'a 1 MB password (spread into btoa would overflow the stack)',
        check: async () => {
          const { client } = fetchClient(() => new Response(pageText(), { headers: JSON_HEADERS }), {
            auth: { username: 'key', password: 'p'.repeat(1_000_000) },
          });
          expect((await client.listInteractions(params)).results).toHaveLength(1);
        },
      },
    ],
  };
}

/** A fetch that answers each request after `pages` or hangs (rejecting with the signal's reason, as fetch does). */
function abortCases(): CaseGroup {
  const hanging = async (_n: number, request: Request): Promise<Response> =>
    new Promise((_, reject) => {
      const signal = request.signal;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  const expectAborted = (error: unknown, reason: unknown) => {
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toBeInstanceOf(CxEngageError);
    expect((error as AbortedError).cause).toBe(reason);
  };
  const full = () =>
    new Response(
      pageText(
        Array.from({ length: 10 }, (_, n) => interaction(n)),
        { total: 100, limit: 10 },
      ),
      { headers: JSON_HEADERS },
    );
  const reasons: [string, () => unknown][] = [
    ['an Error', () => new Error('user cancelled')],
    ['a string', () => 'stop'],
    ['undefined (the default AbortError)', () => undefined],
    ['AbortSignal.timeout-style TimeoutError DOMException', () => new DOMException('timed out', 'TimeoutError')],
  ];
  return {
    name: 'aborts',
    cases: [
      ...reasons.map(([name, reason]) => ({
        input: `listInteractions with an already-aborted signal, reason ${name}`,
        check: async () => {
          const controller = new AbortController();
          controller.abort(reason());
          const { client, state } = fetchClient(full);
          const result = await outcome(client.listInteractions(params, { signal: controller.signal }));
          expectAborted(result.error, controller.signal.reason);
          expect(state.requests).toBe(0);
        },
      })),
      {
        input: 'listInteractions aborted in flight',
        check: async () => {
          const controller = new AbortController();
          const { client, state } = fetchClient(hanging);
          const promise = outcome(client.listInteractions(params, { signal: controller.signal }));
          await waitFor(() => state.requests === 1);
          controller.abort(new Error('late'));
          expectAborted((await promise).error, controller.signal.reason);
        },
      },
      {
        input: 'listInteractions aborted during a retry backoff',
        check: async () => {
          const controller = new AbortController();
          const { client, state } = fetchClient(
            () => new Response('{}', { status: 503, headers: { 'retry-after': '30' } }),
            { maxRetries: 3 },
          );
          const promise = outcome(client.listInteractions(params, { signal: controller.signal }));
          await waitFor(() => state.requests === 1);
          await new Promise((resolve) => setImmediate(resolve));
          controller.abort('stop');
          expectAborted((await promise).error, 'stop');
          expect(state.requests).toBe(1);
        },
      },
      {
        input: 'a walk whose signal is already aborted',
        check: async () => {
          const controller = new AbortController();
          controller.abort();
          const { client, state } = fetchClient(full);
          const result = await outcome(
            (async () => {
              for await (const _ of client.iterateInteractions({ ...params, signal: controller.signal }));
              return page([]);
            })(),
          );
          expectAborted(result.error, controller.signal.reason);
          expect(state.requests).toBe(0);
        },
      },
      {
        input: 'a walk aborted between pages (pages and items)',
        check: async () => {
          for (const which of ['items', 'pages'] as const) {
            const controller = new AbortController();
            const { client } = fetchClient(full);
            const walk = which === 'items' ? client.iterateInteractions : client.iteratePages;
            const result = await outcome(
              (async () => {
                for await (const _ of walk({ ...params, pageSize: 10, signal: controller.signal }))
                  controller.abort('enough');
                return page([]);
              })(),
            );
            expectAborted(result.error, 'enough');
          }
        },
      },
      {
        input: 'a walk aborted during a page request (concurrency 3)',
        check: async () => {
          const controller = new AbortController();
          const { client, state } = fetchClient((n, request) => (n === 1 ? full() : hanging(n, request)));
          const promise = outcome(
            (async () => {
              for await (const _ of client.iterateInteractions({
                ...params,
                pageSize: 10,
                concurrency: 3,
                signal: controller.signal,
              }));
              return page([]);
            })(),
          );
          await waitFor(() => state.requests >= 2);
          controller.abort(new Error('now'));
          expectAborted((await promise).error, controller.signal.reason);
        },
      },
      {
        input: 'syncInteractions and exportInteractions with an aborted signal',
        check: async () => {
          for (const run of [
            (signal: AbortSignal) => syncInteractions(fetchClient(full).client, { ...params, signal }),
            (signal: AbortSignal) =>
              exportInteractions(fetchClient(full).client, { tenantId: TENANT, contacts: [params.contactId], signal }),
          ]) {
            const controller = new AbortController();
            controller.abort('stop');
            const result = await outcome(
              (async () => {
                for await (const _ of run(controller.signal));
                return page([]);
              })(),
            );
            expectAborted(result.error, 'stop');
          }
        },
      },
      {
        input: 'an abort whose reason is itself an SDK error is thrown as it is',
        check: async () => {
          const controller = new AbortController();
          const reason = new TimeoutError('deadline', 5);
          controller.abort(reason);
          const { client } = fetchClient(full);
          expect((await outcome(client.listInteractions(params, { signal: controller.signal }))).error).toBe(reason);
        },
      },
    ],
  };
}

/** Polls (without sleeping) until `condition` holds; fails after 5 s. */
async function waitFor(condition: () => boolean): Promise<void> {
  const giveUpAt = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error('condition not met');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export const sdkGroups: CaseGroup[] = [bodyCases(), errorBodyCases(), redactionCases(), inputCases(), abortCases()];
