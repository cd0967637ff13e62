// Hostile answers where HTTP itself is the point: status lines, headers, lengths and encodings only a
// raw socket can send. One loopback server; each case its own script and request count.
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  CxEngageError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
} from '../../src/index.ts';
import { interaction, page } from '../helpers.ts';
import {
  type CaseGroup,
  type Context,
  expectPageOrTyped,
  expectTyped,
  type HostileCase,
  httpClient,
  outcome,
  params,
} from './corpus.ts';
import { answer, reply, type Script } from './wire-server.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const pageBody = JSON.stringify(page([interaction(1)]));
const errorJson = JSON.stringify({ error: 'nope' });

let ids = 0;

/**
 * A case on the wire: `script` answers; the call must end in `Class` (or a valid page when omitted)
 * after exactly `requests` requests (retries counted).
 */
function wire(
  input: string,
  script: Script,
  expected: { Class?: abstract new (...args: never[]) => Error; requests?: number; retries?: number; status?: number },
): HostileCase {
  const id = `w${++ids}`;
  return {
    input,
    check: async ({ wire: server }: Context) => {
      const base = server.serve(id, script);
      const client = httpClient(base, { maxRetries: expected.retries ?? 0, timeoutMs: 5000 });
      const result = await outcome(client.listInteractions(params));
      if (expected.Class) {
        const error = expectTyped(result, expected.Class);
        expect(String((error as Error).message)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
        if (expected.status !== undefined) expect((error as ApiError).status).toBe(expected.status);
      } else expectPageOrTyped(result);
      if (expected.requests !== undefined) expect(server.count(id)).toBe(expected.requests);
    },
  };
}

const status = (line: string, body = errorJson, headers: Record<string, string> = {}) =>
  reply(answer(`HTTP/1.1 ${line}`, { ...JSON_TYPE, ...headers }, body));
const retryNow = { 'retry-after': '0' };

function statusLineCases(): HostileCase[] {
  const weird = [
    ['a control character', 'Busy\x01'],
    ['ESC and an OSC title', '\x1b]0;pwned\x07Busy'],
    ['DEL', 'Bu\x7fsy'],
    ['a Latin-1 byte', 'Indispon\xedvel'],
    ['UTF-8 bytes', Buffer.from('Недоступно ☃', 'utf8').toString('latin1')],
    ['C1 controls', '\x9b31m\x85'],
    ['8 000 characters', 'x'.repeat(8000)],
    ['only spaces', '     '],
    ['a tab', 'Bu\tsy'],
  ];
  return [
    ...weird.map(([name, reason]) =>
      wire(`503 with a reason phrase of ${name}, retried`, status(`503 ${reason}`, errorJson, retryNow), {
        Class: ServerError,
        retries: 1,
        requests: 2,
        status: 503,
      }),
    ),
    ...weird.map(([name, reason]) =>
      wire(`404 with a reason phrase of ${name}`, status(`404 ${reason}`, ''), {
        Class: NotFoundError,
        requests: 1,
        status: 404,
      }),
    ),
    wire('503 with an empty reason phrase', status('503 ', errorJson, retryNow), {
      Class: ServerError,
      retries: 1,
      requests: 2,
    }),
    wire('503 with no reason phrase at all', status('503', errorJson, retryNow), {
      Class: ServerError,
      retries: 1,
      requests: 2,
    }),
    wire('429 with a control character, retried', status('429 Slow\x01', errorJson, retryNow), {
      Class: RateLimitError,
      retries: 1,
      requests: 2,
    }),
    wire('401 with an OSC title', status('401 \x1b]0;t\x07'), { Class: AuthenticationError, requests: 1 }),
    wire('HTTP/1.0 503 with DEL', reply(answer('HTTP/1.0 503 Bu\x7fsy', { ...JSON_TYPE, ...retryNow }, errorJson)), {
      Class: ServerError,
      retries: 1,
      requests: 2,
    }),
    wire('status 999', status('999 Odd\x01'), { Class: ApiError, requests: 1, status: 999 }),
    wire('status 600', status('600 Over'), { Class: ApiError, requests: 1, status: 600 }),
    wire('status 299 (a 2xx nobody uses) with a page', status('299 Meh', pageBody), {}),
    wire('200 with a NUL in its reason and a valid page', status('200 \x00OK', pageBody), {}),
    wire('204 No Content', reply(answer('HTTP/1.1 204 No Content', {}, '', { length: false })), {
      Class: InvalidResponseError,
    }),
    wire('302 to another host: not followed', status('302 Found', '', { location: 'http://evil.example/' }), {
      Class: ApiError,
      requests: 1,
      status: 302,
    }),
    wire(
      '100 Continue before a 200',
      reply(
        Buffer.concat([Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'), answer('HTTP/1.1 200 OK', JSON_TYPE, pageBody)]),
      ),
      {},
    ),
    wire('a status that is not a number', status('abc OK'), { Class: ConnectionError }),
    wire('a four-digit status', status('2000 OK', pageBody), { Class: CxEngageError }),
    wire('status 000', status('000 Zero'), { Class: CxEngageError }),
  ];
}

function headerCases(): HostileCase[] {
  const bomb = Buffer.concat(Array.from({ length: 16 }, () => gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 })));
  return [
    wire('a 100 KB header', status('200 OK', pageBody, { 'x-huge': 'x'.repeat(100_000) }), { Class: ConnectionError }),
    wire(
      '5 000 headers',
      status('200 OK', pageBody, Object.fromEntries(Array.from({ length: 5000 }, (_, n) => [`x-h${n}`, 'v']))),
      { Class: ConnectionError },
    ),
    wire('a control character in a header value', status('200 OK', pageBody, { 'x-evil': 'a\x01b' }), {}),
    wire(
      'a header named __proto__ on an error',
      status('400 Bad', '{"error":"x"}', { __proto__: 'polluted' } as never),
      {},
    ),
    wire(
      'a header line without a colon',
      reply(Buffer.from(`HTTP/1.1 200 OK\r\nno colon here\r\ncontent-length: ${pageBody.length}\r\n\r\n${pageBody}`)),
      {},
    ),
    wire(
      'an obs-fold header continuation',
      reply(
        Buffer.from(`HTTP/1.1 200 OK\r\nx-a: 1\r\n folded\r\ncontent-length: ${pageBody.length}\r\n\r\n${pageBody}`),
      ),
      {},
    ),
    wire(
      'two content-types',
      reply(
        Buffer.from(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-type: text/html\r\ncontent-length: ${pageBody.length}\r\nconnection: close\r\n\r\n${pageBody}`,
        ),
      ),
      {},
    ),
    wire(
      'two different content-lengths',
      reply(
        Buffer.from(`HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: ${pageBody.length}\r\n\r\n${pageBody}`),
      ),
      { Class: ConnectionError },
    ),
    wire(
      'content-length and chunked together',
      reply(
        Buffer.from(
          `HTTP/1.1 200 OK\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n`,
        ),
      ),
      { Class: CxEngageError },
    ),
    wire(
      'a content-length longer than the body, then close',
      reply(answer('HTTP/1.1 200 OK', { ...JSON_TYPE, 'content-length': '99999' }, pageBody, { length: false })),
      {
        Class: ConnectionError,
      },
    ),
    wire(
      'a content-length shorter than the body',
      reply(answer('HTTP/1.1 200 OK', { ...JSON_TYPE, 'content-length': '20' }, pageBody, { length: false })),
      {
        Class: InvalidResponseError,
      },
    ),
    wire(
      'no length: the body runs to the close',
      reply(answer('HTTP/1.1 200 OK', JSON_TYPE, pageBody, { length: false })),
      {},
    ),
    wire(
      'a bad chunk size',
      reply(Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n')),
      {
        Class: ConnectionError,
      },
    ),
    wire(
      'gzip that is not gzip',
      reply(answer('HTTP/1.1 200 OK', { ...JSON_TYPE, 'content-encoding': 'gzip' }, 'not gzip at all')),
      {
        Class: ConnectionError,
      },
    ),
    wire(
      'brotli that is not brotli',
      reply(answer('HTTP/1.1 200 OK', { ...JSON_TYPE, 'content-encoding': 'br' }, 'nope')),
      {
        Class: ConnectionError,
      },
    ),
    wire(
      'a 16 MiB gzip bomb (16 KB on the wire)',
      reply(answer('HTTP/1.1 200 OK', { ...JSON_TYPE, 'content-encoding': 'gzip' }, bomb)),
      {
        Class: ResponseTooLargeError,
        requests: 1,
      },
    ),
    wire(
      'a valid gzip page',
      reply(answer('HTTP/1.1 200 OK', { ...JSON_TYPE, 'content-encoding': 'gzip' }, gzipSync(pageBody))),
      {},
    ),
    wire(
      'Retry-After: 1e309 on a 503 (not retried beyond maxRetries 0)',
      status('503 Busy', errorJson, { 'retry-after': '1e309' }),
      {
        Class: ServerError,
        requests: 1,
      },
    ),
    wire(
      'Retry-After: 99999999999999999999',
      status('503 Busy', errorJson, { 'retry-after': '99999999999999999999' }),
      {
        Class: ServerError,
        retries: 3,
        requests: 1,
      },
    ),
    wire(
      'Retry-After: a date far in the future',
      status('429 Slow', errorJson, { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }),
      {
        Class: RateLimitError,
        retries: 3,
        requests: 1,
      },
    ),
    wire('Retry-After: -1 and garbage', status('503 Busy', errorJson, { 'retry-after': '-1, Mon, 99 Foo' }), {
      Class: ServerError,
    }),
    wire('x-request-id with Latin-1 bytes', status('404 Nope', errorJson, { 'x-request-id': 'id-\xff\xfe' }), {
      Class: NotFoundError,
    }),
    wire('a set-cookie on an error (not kept)', status('404 Nope', errorJson, { 'set-cookie': 'session=hunter2' }), {
      Class: NotFoundError,
    }),
  ];
}

function connectionCases(): HostileCase[] {
  return [
    wire('the connection closed at once', (socket) => socket.destroy(), { Class: ConnectionError }),
    wire('not HTTP at all', reply(Buffer.from('HELLO THERE\r\n\r\n')), { Class: ConnectionError }),
    wire('half a status line, then close', reply(Buffer.from('HTTP/1.1 20')), { Class: ConnectionError }),
    wire('an HTTP/2 preface', reply(Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n')), { Class: ConnectionError }),
    wire(
      'a page in 1-byte writes',
      (socket) => {
        const bytes = answer('HTTP/1.1 200 OK', JSON_TYPE, pageBody);
        let i = 0;
        const next = () =>
          i < bytes.length ? socket.write(bytes.subarray(i, ++i), () => setImmediate(next)) : socket.end();
        next();
      },
      {},
    ),
    wire(
      'a reset after the headers',
      (socket) => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{"tot');
        setImmediate(() => socket.resetAndDestroy());
      },
      { Class: ConnectionError, requests: 1 },
    ),
  ];
}

export const wireGroups: CaseGroup[] = [
  { name: 'wire (status lines)', cases: statusLineCases() },
  { name: 'wire (headers and lengths)', cases: headerCases() },
  { name: 'wire (connections)', cases: connectionCases() },
];
