// The sandbox's servers one by one, in process: the request-target parser every sandbox server shares,
// the docs server, the reference API and the front door before Prism, each sent the hostile corpus.
// (test/start/start.test.ts sends the same corpus to the running sandbox, Prism included.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, serveDocs } from '../../scripts/build-docs.ts';
import { type FrontDoor, serveFrontDoor } from '../../scripts/lib/front-door.ts';
import { MAX_TARGET_LENGTH, parseTarget } from '../../scripts/lib/request-target.ts';
import { freePort } from '../../scripts/lib/servers.ts';
import { type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { hostileRequests, sendRaw } from './hostile-requests.ts';

describe('parseTarget', () => {
  it.each([
    ['/', { path: '/', query: '', decodedPath: '/' }],
    ['/v1/a%20b?x=%E2%82%AC&y=a+b', { path: '/v1/a%20b', query: '?x=%E2%82%AC&y=a+b', decodedPath: '/v1/a b' }],
    ['//double', { path: '//double', query: '', decodedPath: '//double' }],
  ])('accepts %s', (raw, parts) => {
    expect(parseTarget(raw)).toEqual({ ok: true, ...parts });
  });

  it.each([
    ['no target', 400, undefined],
    ['an empty target', 400, ''],
    ['*', 400, '*'],
    ['an absolute URL', 400, 'http://example.com/v1'],
    ['/%', 400, '/%'],
    ['/%E0%A4%A', 400, '/%E0%A4%A'],
    ['/%FF', 400, '/%FF'],
    ['/%ZZ', 400, '/%ZZ'],
    ['a truncated escape in the query', 400, '/ok?limit=%E0%A4%A'],
    ['a bare % in the query', 400, '/ok?%'],
    ['an over-long target', 414, `/${'a'.repeat(MAX_TARGET_LENGTH)}`],
  ])('refuses %s with %i', (_label, status, raw) => {
    const target = parseTarget(raw);
    expect(target).toMatchObject({ ok: false, status });
    expect(target.ok ? '' : target.reason).toMatch(/^(Malformed request target|Request target longer)/);
  });
});

describe('each sandbox server answers every hostile request with a non-5xx status and stays up', () => {
  let docs: DocsServer;
  let api: ReferenceApi;
  let upstream: Server;
  let door: FrontDoor;
  const forwarded: string[] = [];

  beforeAll(async () => {
    docs = await serveDocs(0);
    api = await startReferenceApi({ seed: 1 });
    // A stand-in for Prism that records what reaches it: the front door must forward only clean targets.
    upstream = createServer((req, res) => {
      forwarded.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    door = await serveFrontDoor({ port: 0, prefix: '/v1', upstream: () => origin });
  });
  afterAll(async () => {
    await Promise.all([docs?.close(), api?.close(), door?.close()]);
    await new Promise((resolve) => upstream?.close(resolve));
  });

  const servers = [
    ['docs server', '', () => docs.port, '/'],
    ['reference API', '/v1', () => api.port, '/v1/tenants/x/contacts/y/interactions'],
    ['front door', '/v1', () => door.port, '/v1/tokens'],
  ] as const;

  it.each(servers)('%s', async (_name, base, port, healthy) => {
    const corpus = hostileRequests(base);
    const statuses = await Promise.all(corpus.map((c) => sendRaw(port(), c.raw)));
    const wrong = corpus.flatMap((c, i) => {
      const status = statuses[i]!;
      const ok = c.clientError ? status >= 400 && status < 500 : status > 0 && status < 500;
      return ok ? [] : [`${c.name}: ${status}`];
    });
    expect(wrong).toEqual([]);
    // Still up: a plain request gets its normal answer (the reference API wants credentials: 401).
    const after = await fetch(`http://127.0.0.1:${port()}${healthy}`);
    expect(after.status).toBeLessThan(500);
  });

  it('the front door forwarded only well-formed targets, with the /v1 prefix removed', () => {
    expect(forwarded.length).toBeGreaterThan(0);
    for (const target of forwarded) {
      expect(target.startsWith('/v1')).toBe(false);
      expect(parseTarget(target).ok).toBe(true);
    }
  });

  it('the reference API refuses a target no URL parser accepts with its 400, not a 500', async () => {
    const raw = Buffer.from('GET //x:99999/v1/tenants HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(await sendRaw(api.port, raw)).toBe(400);
  });
});

describe('the front door', () => {
  it('serves only under its prefix, maps it away, and drops hop-by-hop headers', async () => {
    const seen: { url: string; headers: Record<string, unknown> }[] = [];
    const upstream = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(201, { 'content-type': 'text/plain', 'x-from': 'upstream' }).end('hi');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const door = await serveFrontDoor({ port: 0, prefix: '/v1', upstream: () => origin });
    try {
      const ok = await fetch(`${door.url}/tenants/a%20b?limit=5`, { headers: { 'x-keep': '1' } });
      expect(ok.status).toBe(201);
      expect(ok.headers.get('x-from')).toBe('upstream');
      expect(await ok.text()).toBe('hi');
      expect(seen[0]!.url).toBe('/tenants/a%20b?limit=5');
      expect(seen[0]!.headers['x-keep']).toBe('1');
      // fetch refuses to send hop-by-hop headers, so this one goes raw.
      const hop = 'Keep-Alive: timeout=5\r\nX-Hop: 1\r\nConnection: close, X-Hop\r\n';
      expect(await sendRaw(door.port, Buffer.from(`GET /v1/hop HTTP/1.1\r\nHost: x\r\n${hop}\r\n`))).toBe(201);
      expect(seen[1]!.url).toBe('/hop');
      expect(seen[1]!.headers['keep-alive']).toBeUndefined();
      expect(seen[1]!.headers['x-hop']).toBeUndefined();

      const outside = await fetch(`http://127.0.0.1:${door.port}/tenants/x`);
      expect(outside.status).toBe(404);
      expect(await outside.json()).toEqual({ error: 'Not found. The sandbox serves the API under /v1.' });
      expect(seen).toHaveLength(2);
    } finally {
      await door.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('answers 503 with Retry-After while the upstream is down or restarting', async () => {
    const closedPort = await freePort();
    for (const upstream of [() => undefined, () => `http://127.0.0.1:${closedPort}`]) {
      const door = await serveFrontDoor({ port: 0, prefix: '/v1', upstream });
      try {
        const res = await fetch(`${door.url}/tokens`);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('1');
        expect(await res.json()).toEqual({ error: ['Service unavailable.'] });
      } finally {
        await door.close();
      }
    }
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const door = await serveFrontDoor({ port: 0, prefix: '/v1', upstream: () => origin, timeoutMs: 50 });
    try {
      const res = await fetch(`${door.url}/tokens`);
      expect(res.status).toBe(504);
    } finally {
      await door.close();
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
