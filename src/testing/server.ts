/**
 * The reference API over HTTP (node:http only), served under `/v1` like the real servers: the semantics
 * are `reference.ts` (shared with the MSW handlers); this module receives each request, hands it over as
 * a `ReferenceRequest`, and writes the answer. Two hooks on the wire let a test bend it without the kit
 * knowing why: `intercept` answers (or stalls, or cuts) a request itself, and `interceptAnswer` writes (or
 * damages) any composed answer. The contract suite's drift switches and the fault suite's scenarios are
 * built on them (with `transformPage`), outside the shipped kit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ReferenceApiOptions } from './options.js';
import { apiBasePath } from './paths.js';
import { createReference } from './reference.js';
import { type Answer, errorAnswer } from './respond.js';
import type { ReferenceRequest } from './route.js';
import type { ReferenceStore } from './store.js';
import { writeAnswer } from './write-answer.js';

/** A running reference API. */
export interface ReferenceApi {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  port: number;
  host: string;
  store: ReferenceStore;
  /** Requests received so far (every method and path). */
  requests(): number;
  /** Requests answered 429 by `rateLimit` so far. */
  throttled(): number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The request's URL; undefined for a target no URL parser accepts (`//x:99999`, `http://[`). */
function parseUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://reference.invalid');
  } catch {
    return undefined;
  }
}

/** Reading the body failed (the client went away): the connection is dropped, not answered. */
class BodyLost extends Error {}

/** `req` as the semantics read a request. */
function referenceRequest(req: IncomingMessage, url: URL): ReferenceRequest {
  return {
    method: req.method ?? 'GET',
    url,
    headers: { get: (name) => (req.headers[name.toLowerCase()] as string | undefined) ?? null },
    text: (maxBytes) =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxBytes) chunks.push(chunk);
        });
        req.on('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
        req.on('error', () => reject(new BodyLost()));
      }),
  };
}

/**
 * Starts the in-memory reference API on loopback and resolves once it listens.
 *
 * @example
 * ```ts
 * const api = await startReferenceApi({
 *   dataSets: [{ tenantId, contactId, interactions: 25 }],
 *   credentials: { apiKeys: [{ key: 'key', secret: 'secret' }] },
 * });
 * const client = createInteractionsClient({ baseUrl: api.baseUrl, auth: { username: 'key', password: 'secret' } });
 * // …
 * await api.close();
 * ```
 */
export async function startReferenceApi(options: ReferenceApiOptions = {}): Promise<ReferenceApi> {
  const reference = createReference(options);
  const latencyMs = options.latencyMs ?? 0;
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse, refused: Answer | undefined): Promise<void> {
    if (refused) return writeAnswer(res, refused);
    const url = parseUrl(req.url);
    if (!url) return writeAnswer(res, errorAnswer({ status: 400, message: 'Malformed request target.' }));
    if (options.intercept?.(req, res, url)) return;
    const { answer, operationId } = await reference.answer(referenceRequest(req, url), apiBasePath);
    if (!options.interceptAnswer?.(answer, res, { req, url, operationId })) writeAnswer(res, answer);
  }

  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const refused = reference.admit();
    const answer = () =>
      handle(req, res, refused).catch((error: unknown) => {
        if (error instanceof BodyLost || res.headersSent) res.destroy();
        else writeAnswer(res, errorAnswer({ status: 500 }));
      });
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else void answer();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    baseUrl: `http://${hostInUrl}:${port}${apiBasePath}`,
    port,
    host,
    store: reference.store,
    requests: reference.requests,
    throttled: reference.throttled,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Also sockets a stalled intercept left open mid-request, which closeAllConnections keeps.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
