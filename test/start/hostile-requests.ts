// Requests a hostile client sends to the sandbox's ports: malformed targets, over-long ones, invalid
// UTF-8, absurd headers, broken framing. Each is raw HTTP/1.1 (no client library would send most of them)
// on its own connection. `clientError` cases must get a 4xx; the others any answer that is not a 5xx; and
// every server must keep answering afterwards.
import { connect } from 'node:net';

export interface HostileRequest {
  name: string;
  raw: Buffer;
  /** True when the request is malformed, so the only right answer is a 4xx. */
  clientError: boolean;
}

const T = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const C = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';

/** The corpus for a server whose API (or pages) live under `base` ('/v1' or ''). */
export function hostileRequests(base: string): HostileRequest[] {
  const route = `${base}/tenants/${T}/contacts/${C}/interactions`;
  const get = (target: string, headers = '') =>
    Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`, 'latin1');
  const cases: [string, Buffer, boolean][] = [
    ['bare % at the root', get('/%'), true],
    ['bare % under the base', get(`${base}/%`), true],
    ['truncated UTF-8 escape in a path parameter', get(`${base}/tenants/%E0%A4%A/contacts/${C}/interactions`), true],
    ['bare % in two path parameters', get(`${base}/tenants/%/contacts/%/interactions`), true],
    ['non-hex escape in a path parameter', get(`${base}/tenants/${T}/interactions/%ZZ`), true],
    ['invalid UTF-8 escape in a path parameter', get(`${base}/tenants/%FF%FE/contacts/${C}/interactions`), true],
    ['truncated escape in the query', get(`${route}?limit=%E0%A4%A`), true],
    [
      'raw invalid UTF-8 bytes in the path',
      Buffer.concat([
        Buffer.from(`GET ${base}/tenants/`),
        Buffer.from([0xff, 0xfe, 0xc3]),
        get(`/contacts/${C}`).subarray(4),
      ]),
      true,
    ],
    ['10 KB path', get(`${base}/${'a'.repeat(10_000)}`), true],
    ['100 KB path', get(`${base}/${'a'.repeat(100_000)}`), true],
    ['absolute-form target with a broken host', get('http://[::1/v1/x'), true],
    // A legal origin-form path (empty first segment), though no URL parser takes it as a path.
    ['scheme-relative target with an invalid port', get(`//x:99999${route}`), false],
    ['asterisk target', Buffer.from('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), true],
    ['unknown method', Buffer.from(`FOO ${route} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), true],
    ['control character in a header', get(route, 'X-Evil: a\x01b\r\n'), true],
    ['20 KB header', get(route, `X-Big: ${'b'.repeat(20_000)}\r\n`), true],
    ['Content-Length that is not a number', get(route, 'Content-Length: abc\r\n'), true],
    ['Content-Length and chunked together', get(route, 'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n'), true],
    [
      'broken chunked body',
      Buffer.from(
        `POST ${base}/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n`,
      ),
      true,
    ],
    [
      '1,000 junk headers',
      get(route, Array.from({ length: 1_000 }, (_, i) => `X-Junk-${i}: ${i}\r\n`).join('')),
      false,
    ],
    ['garbage credentials', get(route, 'Authorization: Basic %%%\r\nPrefer: code=abc, example=%%%\r\n'), false],
    ['escaped traversal', get(`${base}/..%2f..%2f..%2fetc%2fpasswd`), false],
    ['NUL in the path', get(`${base}/%00`), false],
  ];
  return cases.map(([name, raw, clientError]) => ({ name, raw, clientError }));
}

/**
 * Sends `raw` on a fresh connection and resolves with the status of the answer, or with 0 when the
 * server closed the connection without one (the caller decides whether that is acceptable).
 */
export function sendRaw(port: number, raw: Buffer, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve(status ? Number(status[1]) : 0);
    };
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      // The status line is all we need; don't wait for a large body.
      if (head.includes('\r\n')) socket.destroy();
    });
    socket.on('close', finish);
    socket.on('error', () => {}); // a reset after the answer (the server refused the rest) is fine
    socket.write(raw);
  });
}
