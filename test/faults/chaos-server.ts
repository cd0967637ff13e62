// A loopback HTTP server that serves the interactions endpoint under /v1 with deterministic data,
// and injects one named fault per scenario. The faults target page 1 so each one lands mid-walk,
// after the client has already trusted page 0; a server-wide trait (a page-size cap, oldest first, an
// absurd total) applies to every page.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { spec } from '../../generated/spec.ts';
import { type InteractionPage, interactionAt } from './interactions.ts';

export const scenarios = [
  'retry-after-seconds',
  'retry-after-http-date',
  'burst-500',
  'burst-502',
  'burst-503',
  'burst-504',
  'server-errors-exhaust-retries',
  'connection-reset-mid-body',
  'stalled-response',
  'truncated-json',
  'html-error-page-200',
  'wrong-content-type',
  'empty-body',
  'oversized-page',
  'total-lies-upward',
  'total-lies-downward',
  'never-ending-pages',
  'inserted-mid-walk',
  'deleted-mid-walk',
  'empty-page-mid-walk',
  'capped-page-size',
  'capped-page-size-silently',
  'repeated-page',
  'duplicate-across-pages',
  'wrong-offset',
  'wrong-page-echo',
  'oldest-first',
  'huge-total',
] as const;
export type Scenario = (typeof scenarios)[number];

export interface ChaosOptions {
  scenario: Scenario | 'none';
  seed: number;
  total: number;
  /** How many consecutive faults a burst injects before the server behaves. */
  burst?: number;
  /** Seconds sent in Retry-After on 429. */
  retryAfterSeconds?: number;
  /**
   * Send `Retry-After: 0` with injected 5xx: the server asks for an immediate retry, which the SDK
   * honours. Without it the SDK's own jittered backoff (base 500 ms, not configurable) applies.
   */
  retryAfterOn5xx?: boolean;
  insertCount?: number;
  deleteCount?: number;
}

export interface ChaosServer {
  baseUrl: string;
  /** Faults actually injected (a scenario that never fires injected nothing). */
  injected: () => number;
  requests: () => number;
  /** interactionIds inserted mid-walk (newer than the walk's start). */
  insertedIds: () => string[];
  /** interactionIds deleted mid-walk. */
  deletedIds: () => string[];
  close: () => Promise<void>;
}

const limitSchema = spec.operations.listContactInteractions.parameters.limit.schema;
/** The page size of the capping scenarios: any larger `limit` is served as this many. */
export const PAGE_CAP = 20;
const pageSchema = spec.operations.listContactInteractions.parameters.page.schema;
const route = /^\/v1\/tenants\/([^/]+)\/contacts\/([^/]+)\/interactions$/;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startChaosServer(options: ChaosOptions): Promise<ChaosServer> {
  const { scenario, seed } = options;
  const burst = options.burst ?? 2;
  // The current history as generator indices, most recent first.
  let history = Array.from({ length: options.total }, (_, i) => i);
  let injected = 0;
  let requests = 0;
  let nextNewIndex = -1;
  const insertedIds: string[] = [];
  const deletedIds: string[] = [];
  const sockets = new Set<Socket>();

  function pageBody(limit: number, page: number, pageSent: boolean, size = limit, totalDelta = 0): InteractionPage {
    if (scenario === 'capped-page-size') limit = size = Math.min(limit, PAGE_CAP);
    if (scenario === 'capped-page-size-silently') size = Math.min(size, PAGE_CAP);
    const offset = page * limit;
    if (scenario === 'never-ending-pages') {
      // Always one more full page: `total` keeps growing just ahead of the reader.
      const results = Array.from({ length: limit }, (_, i) => interactionAt(seed, offset + i));
      return { page: pageSent ? page : null, limit, offset, total: offset + 2 * limit, results };
    }
    const list = scenario === 'oldest-first' ? [...history].reverse() : history;
    const results = list.slice(offset, offset + size).map((i) => interactionAt(seed, i));
    const total = scenario === 'huge-total' ? Number.MAX_SAFE_INTEGER : history.length + totalDelta;
    return { page: pageSent ? page : null, limit, offset, total, results };
  }

  function inject(fault: () => void): boolean {
    injected++;
    fault();
    return true;
  }

  /** Returns true when it answered the request with a fault. */
  function fault(res: ServerResponse, limit: number, page: number, pageSent: boolean): boolean {
    // Traits of the whole server: every page shows them (counted once per page served).
    if (
      scenario === 'capped-page-size' ||
      scenario === 'capped-page-size-silently' ||
      scenario === 'oldest-first' ||
      scenario === 'huge-total'
    ) {
      return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent)));
    }
    if (page !== 1) {
      if (scenario === 'total-lies-upward')
        return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent, limit, 3 * limit)));
      if (scenario === 'total-lies-downward')
        return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent, limit, -(limit + 7))));
      if (scenario === 'never-ending-pages' && page > 1)
        return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent)));
      return false;
    }
    const full = () => JSON.stringify(pageBody(limit, page, pageSent));
    switch (scenario) {
      case 'none':
        return false;
      case 'retry-after-seconds':
        if (injected >= 1) return false;
        return inject(() =>
          sendJson(res, 429, { error: 'Too many requests' }, { 'retry-after': String(options.retryAfterSeconds ?? 1) }),
        );
      case 'retry-after-http-date':
        if (injected >= 1) return false;
        return inject(() => {
          const when = new Date(Date.now() + (options.retryAfterSeconds ?? 1) * 1_000).toUTCString();
          sendJson(res, 429, { error: 'Too many requests' }, { 'retry-after': when });
        });
      case 'burst-500':
      case 'burst-502':
      case 'burst-503':
      case 'burst-504': {
        if (injected >= burst) return false;
        const status = Number(scenario.slice(-3));
        const headers: Record<string, string> = options.retryAfterOn5xx ? { 'retry-after': '0' } : {};
        return inject(() =>
          sendJson(res, status, { error: { code: status, message: 'Injected server error' } }, headers),
        );
      }
      case 'server-errors-exhaust-retries':
        return inject(() =>
          sendJson(
            res,
            503,
            { error: { code: 503, message: 'Injected: service unavailable' } },
            options.retryAfterOn5xx ? { 'retry-after': '0' } : {},
          ),
        );
      case 'connection-reset-mid-body':
        if (injected >= 1) return false;
        return inject(() => {
          const body = full();
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.write(body.slice(0, body.length >> 1), () => res.socket?.resetAndDestroy());
        });
      case 'stalled-response':
        // Headers never come; the client's per-attempt timeout must fire. close() destroys the socket.
        return inject(() => undefined);
      case 'truncated-json':
        return inject(() => {
          const body = full();
          const cut = body.slice(0, body.length >> 1);
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(cut) });
          res.end(cut);
        });
      case 'html-error-page-200':
        return inject(() => {
          const html =
            '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
          res.end(html);
        });
      case 'wrong-content-type':
        return inject(() => {
          const body = full();
          res.writeHead(200, {
            'content-type': 'text/plain; charset=utf-8',
            'content-length': Buffer.byteLength(body),
          });
          res.end(body);
        });
      case 'empty-body':
        return inject(() => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 });
          res.end();
        });
      case 'oversized-page':
        // The extra items are real: they are the first items of the next page.
        return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent, limit + Math.ceil(limit / 2))));
      case 'total-lies-upward':
        return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent, limit, 3 * limit)));
      case 'total-lies-downward':
        return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent, limit, -(limit + 7))));
      case 'never-ending-pages':
        return inject(() => sendJson(res, 200, pageBody(limit, page, pageSent)));
      case 'inserted-mid-walk':
        if (injected >= 1) return false;
        injected++;
        // New interactions arrive at the front while the client walks: everything shifts back.
        for (let i = 0; i < (options.insertCount ?? 7); i++) {
          const index = nextNewIndex--;
          insertedIds.push(interactionAt(seed, index).interactionId);
          history = [index, ...history];
        }
        history.sort((a, b) => a - b);
        return false;
      case 'empty-page-mid-walk':
        return inject(() => sendJson(res, 200, { ...pageBody(limit, page, pageSent), results: [] }));
      case 'repeated-page':
        return inject(() =>
          sendJson(res, 200, { ...pageBody(limit, page, pageSent), results: pageBody(limit, 0, pageSent).results }),
        );
      case 'duplicate-across-pages':
        return inject(() => {
          const body = pageBody(limit, page, pageSent);
          sendJson(res, 200, {
            ...body,
            results: [pageBody(limit, 0, pageSent).results.at(-1)!, ...body.results.slice(1)],
          });
        });
      case 'wrong-offset':
        return inject(() => sendJson(res, 200, { ...pageBody(limit, page, pageSent), offset: page * limit + 1 }));
      case 'wrong-page-echo':
        return inject(() => sendJson(res, 200, { ...pageBody(limit, page, pageSent), page: page + 1 }));
      case 'deleted-mid-walk': {
        if (injected >= 1) return false;
        injected++;
        // Items the client already read (page 0) disappear: everything after them shifts forward.
        const count = options.deleteCount ?? 5;
        const removed = history.splice(Math.floor(limit / 4), count);
        deletedIds.push(...removed.map((i) => interactionAt(seed, i).interactionId));
        return false;
      }
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || !route.test(url.pathname)) {
      sendJson(res, 404, { error: 'Not found' });
      return;
    }
    const limitText = url.searchParams.get('limit');
    const pageText = url.searchParams.get('page');
    const limit = limitText === null ? limitSchema.default : Number(limitText);
    const page = pageText === null ? pageSchema.default : Number(pageText);
    if (
      !Number.isInteger(limit) ||
      limit < limitSchema.minimum ||
      limit > limitSchema.maximum ||
      !Number.isInteger(page) ||
      page < pageSchema.minimum
    ) {
      sendJson(res, 400, {
        error: {
          code: 400,
          message: 'Invalid limit or page',
          attribute: { limit: limitText ?? '', page: pageText ?? '' },
        },
      });
      return;
    }
    if (fault(res, limit, page, pageText !== null)) return;
    sendJson(res, 200, pageBody(limit, page, pageText !== null));
  }

  const server = createServer(handle);
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    injected: () => injected,
    requests: () => requests,
    insertedIds: () => [...insertedIds],
    deletedIds: () => [...deletedIds],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
