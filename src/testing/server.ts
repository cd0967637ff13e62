/**
 * The reference API over HTTP (node:http only), served under `/v1` like the real servers: a route per
 * operation of the spec (the history, Get a Specific Interaction, the token exchange), matched by the
 * spec's path templates; authentication (HTTP Basic and `Authorization: Token`, tokens it issued expiring
 * by its clock); the operation's permission; queued failures. Two generic hooks let a test
 * bend it without the kit knowing why: `intercept` answers (or stalls, or cuts) a request itself, and
 * `transformPage` rewrites a page before it is sent. The contract suite's drift switches and the fault
 * suite's chaos are built on them, outside the shipped kit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { spec } from '../../generated/spec.js';
import type { Interaction, InteractionPage } from '../types.js';
import type { ContactHistory } from './history.js';
import { sendError } from './respond.js';
import { contactInteractions } from './routes/contact-interactions.js';
import { interaction } from './routes/interaction.js';
import { tokens } from './routes/tokens.js';
import { ReferenceStore } from './store.js';
import { createThrottle, type ReferenceRateLimit } from './throttle.js';

/** A data set to load at start: a contact with `count` generated interactions, or the given ones. */
export interface DataSet {
  tenantId: string;
  contactId: string;
  interactions: readonly Interaction[] | number;
}

/** What `transformPage` is told about the page it may rewrite. */
export interface PageContext {
  tenantId: string;
  contactId: string;
  /** The page size and page served (defaults applied). */
  limit: number;
  page: number;
  /** Whether the request sent `page` (the answer echoes `null` when it did not). */
  pageSent: boolean;
  /** The contact's whole history, most recent first (read it with `slice`; do not change it). */
  history: ContactHistory;
}

/** Options of {@link startReferenceApi}. */
export interface ReferenceApiOptions {
  /** Port to listen on; 0 (the default) asks the kernel for a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Seed for generated interactions and issued tokens (ignored when `store` is given). */
  seed?: string | number;
  /**
   * How long a token issued by `POST /v1/tokens` is accepted, in ms of the store's clock, which moves only
   * when a test calls `store.advance(ms)` (ignored when `store` is given). Default: forever. An expired
   * token gets 401, as a real one presumably does.
   */
  tokenLifetimeMs?: number;
  /** An existing store to serve; by default a new one. */
  store?: ReferenceStore;
  /** Contacts to create before listening. */
  dataSets?: readonly DataSet[];
  /** Credentials to accept before listening. Permissions default to the one the history route needs. */
  credentials?: {
    apiKeys?: readonly { key: string; secret: string; permissions?: readonly string[] }[];
    tokens?: readonly { token: string; permissions?: readonly string[] }[];
  };
  /** Waits this long before handling each request: a slow network or server. Default 0. */
  latencyMs?: number;
  /**
   * Admits at most this many requests per second (a token bucket over the whole API, checked as each
   * request arrives, before authentication); the others get 429 with `Retry-After` in whole seconds.
   * Default: no limit (the vendor documents none).
   */
  rateLimit?: ReferenceRateLimit;
  /**
   * Called first for every request, before authentication. Answer `res` yourself (or stall, or cut the
   * socket) and return true to take the request over; return false to let the reference semantics answer.
   */
  intercept?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  /** Rewrites each 200 page of the history route before it is sent; the return value is sent as JSON. */
  transformPage?: (page: InteractionPage, context: PageContext) => unknown;
  /**
   * Makes the history route's answers (200, 400 and 404; not the 401/403 of authentication) carry the
   * headers a deprecated route sends: `Deprecation` (RFC 9745, e.g. `@1767225600`), `Sunset` (RFC 8594,
   * an HTTP date) and a `Link` with `rel="deprecation"` to `link`. The vendor has announced the
   * deprecation, but not these headers.
   */
  historyDeprecation?: { deprecation?: string; sunset?: string; link?: string };
}

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

/** What a route's handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path template's parameters, in order, decoded. */
  pathParams: string[];
  store: ReferenceStore;
  options: ReferenceApiOptions;
  /** The caller's permissions (authenticated routes only). */
  permissions: readonly string[];
}

/** One operation of the spec, served. */
export interface Route {
  operationId: keyof typeof spec.operations;
  /** The permission the operation needs (403 without it); none for an unauthenticated route. */
  permission?: string;
  handle(context: RouteContext): void;
}

// Served under the real API's base path (`/v1`), read from the spec's servers.
const API_PREFIX = new URL(spec.regions[spec.defaultRegion]).pathname.replace(/\/$/, '');

function compile(route: Route): { route: Route; method: string; pattern: RegExp; authenticated: boolean } {
  const operation = spec.operations[route.operationId];
  // The route comes from the spec's path template, e.g. /tenants/{tenantId}/contacts/{contactId}/interactions.
  const pattern = new RegExp(`^${API_PREFIX}${operation.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  return { route, method: operation.method.toUpperCase(), pattern, authenticated: operation.authenticated };
}

const routes = [contactInteractions, interaction, tokens].map(compile);

/** The caller's permissions, or undefined when the credentials are missing or wrong. */
function authenticate(store: ReferenceStore, header: string | undefined): readonly string[] | undefined {
  if (!header) return undefined;
  const [scheme, value, ...rest] = header.trim().split(/\s+/);
  if (!value || rest.length > 0) return undefined;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return store.permissionsForKey(decoded.slice(0, colon), decoded.slice(colon + 1));
  }
  if (scheme === 'Token') return store.permissionsForToken(value);
  return undefined;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The request's URL; undefined for a target no URL parser accepts (`//x:99999`, `http://[`). */
function parseUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://reference.invalid');
  } catch {
    return undefined;
  }
}

function handle(store: ReferenceStore, options: ReferenceApiOptions, req: IncomingMessage, res: ServerResponse): void {
  const url = parseUrl(req.url);
  if (!url) return sendError(res, { status: 400, message: 'Malformed request target.' });
  if (options.intercept?.(req, res, url)) return;
  const matched = routes.map((r) => ({ ...r, match: r.pattern.exec(url.pathname) })).filter((r) => r.match);
  if (matched.length === 0) return sendError(res, { status: 404, message: 'Not found.' });
  const found = matched.find((r) => r.method === req.method);
  if (!found) {
    const allow = matched.map((r) => r.method).join(', ');
    return sendError(res, { status: 405, message: 'Method not allowed.', shape: 'string', headers: { allow } });
  }
  const failure = store.takeFailure();
  if (failure) {
    return sendError(res, {
      status: failure.status,
      headers: failure.headers,
      ...(failure.shape ? { shape: failure.shape } : {}),
    });
  }
  let permissions: readonly string[] = [];
  if (found.authenticated) {
    const granted = authenticate(store, req.headers.authorization);
    if (!granted) return sendError(res, { status: 401, headers: { 'www-authenticate': 'Basic realm="CxEngage"' } });
    const needed = found.route.permission;
    if (needed && !granted.includes(needed)) {
      return sendError(res, { status: 403, message: `Missing permission: ${needed}` });
    }
    permissions = granted;
  }
  const pathParams = found.match!.slice(1).map(decode);
  if (pathParams.some((p) => p === undefined)) return sendError(res, { status: 400, message: 'Malformed path.' });
  found.route.handle({ req, res, url, pathParams: pathParams as string[], store, options, permissions });
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
  const store =
    options.store ??
    new ReferenceStore({
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.tokenLifetimeMs !== undefined ? { tokenLifetimeMs: options.tokenLifetimeMs } : {}),
    });
  for (const set of options.dataSets ?? []) store.addContact(set.tenantId, set.contactId, set.interactions);
  for (const k of options.credentials?.apiKeys ?? []) {
    store.addApiKey(k.key, k.secret, k.permissions ? { permissions: k.permissions } : {});
  }
  for (const t of options.credentials?.tokens ?? []) {
    store.addToken(t.token, t.permissions ? { permissions: t.permissions } : {});
  }
  const latencyMs = options.latencyMs ?? 0;
  const throttle = options.rateLimit ? createThrottle(options.rateLimit) : undefined;
  let requests = 0;
  let throttled = 0;
  const sockets = new Set<Socket>();

  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    requests++;
    const admission = throttle?.() ?? { admitted: true };
    if (!admission.admitted) throttled++;
    const answer = () => {
      try {
        if (!admission.admitted) {
          const headers = { 'retry-after': String(admission.retryAfterSeconds) };
          return sendError(res, { status: 429, headers });
        }
        handle(store, options, req, res);
      } catch {
        if (!res.headersSent) sendError(res, { status: 500 });
        else res.destroy();
      }
    };
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
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
    baseUrl: `http://${hostInUrl}:${port}${API_PREFIX}`,
    port,
    host,
    store,
    requests: () => requests,
    throttled: () => throttled,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Also sockets a stalled intercept left open mid-request, which closeAllConnections keeps.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
