// The sandbox's public port for a Prism server. Prism dies on some requests (a path that does not
// percent-decode throws a `URIError` in its router, and the process exits), and it serves the spec's
// paths at its root, while the real API lives under `/v1`. So Prism listens on a private loopback port and
// this small reverse proxy stands in front of it: it refuses malformed targets with the vendor's 400 (414
// when over-long), serves only under the prefix (`/v1`, like the real servers), forwards everything else
// untouched, and answers 503 while the supervisor restarts a Prism that died anyway.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { sendError } from '../../src/testing/write-answer.ts';
import { parseTarget } from './request-target.ts';

export interface FrontDoorOptions {
  port: number;
  /** The path prefix served, e.g. '/v1'; it is removed before forwarding. */
  prefix: string;
  /** The upstream's origin (`http://127.0.0.1:PORT`), or undefined while it is down. */
  upstream: () => string | undefined;
  /** An upstream that has not answered after this long gets a 504. Default 30 s. */
  timeoutMs?: number;
}

export interface FrontDoor {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not to the message.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase()),
  );
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.has(name)));
}

export async function serveFrontDoor(opts: FrontDoorOptions): Promise<FrontDoor> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const server = createServer((req, res) => {
    try {
      forward(req, res);
    } catch {
      if (!res.headersSent) sendError(res, { status: 500 });
      else res.destroy();
    }
  });

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const target = parseTarget(req.url);
    if (!target.ok) return sendError(res, { status: target.status, message: target.reason, shape: 'object' });
    const { prefix } = opts;
    if (target.path !== prefix && !target.path.startsWith(`${prefix}/`))
      return sendError(res, { status: 404, message: `Not found. The sandbox serves the API under ${prefix}.` });
    const origin = opts.upstream();
    if (!origin) return sendError(res, { status: 503, headers: { 'retry-after': '1' } });

    const upstream = request(`${origin}${target.path.slice(prefix.length) || '/'}${target.query}`, {
      method: req.method,
      headers: endToEnd(req.headers),
      timeout: timeoutMs,
    });
    upstream.on('timeout', () => upstream.destroy(new Error('upstream timeout')));
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      pipeline(answer, res, () => {});
    });
    upstream.on('error', (err) => {
      if (res.headersSent) return void res.destroy();
      sendError(
        res,
        err.message === 'upstream timeout' ? { status: 504 } : { status: 503, headers: { 'retry-after': '1' } },
      );
    });
    // A client that goes away mid-request must not leave the upstream request hanging. (`pipe`, not
    // `pipeline`: an upstream failure must not destroy the client's socket before the 503 is written.)
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.on('error', () => upstream.destroy());
    req.pipe(upstream);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a socket-level error (EMFILE under a flood…) must not crash the sandbox.
  server.on('error', () => {});
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${opts.prefix}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
