/**
 * The reference API over HTTP (node:http only), served under `/v1` like the real servers: a route per
 * operation of the spec (the history, Get a List of Interactions, Get a Specific Interaction, the token
 * exchange), matched by the
 * spec's path templates; authentication (HTTP Basic and `Authorization: Token`, tokens it issued expiring
 * by its clock); the operation's permission; queued failures. Three generic hooks let a test
 * bend it without the kit knowing why: `intercept` answers (or stalls, or cuts) a request itself,
 * `transformPage` rewrites a page before it is sent, and `interceptAnswer` writes (or damages) any
 * composed answer on the wire. The contract suite's drift switches and the fault suite's scenarios are
 * built on them, outside the shipped kit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { spec } from '../../generated/spec.js';
import type { OperationId, ReferenceApiOptions } from './options.js';
import { apiBasePath, pathPattern } from './paths.js';
import { type Answer, type ErrorAnswer, errorAnswer, jsonAnswer, sendError, writeAnswer } from './respond.js';
import type { Route } from './route.js';
import { contactInteractions } from './routes/contact-interactions.js';
import { interaction } from './routes/interaction.js';
import { interactions } from './routes/interactions.js';
import { tokens } from './routes/tokens.js';
import { ReferenceStore } from './store.js';
import { createThrottle } from './throttle.js';

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

function compile(route: Route): { route: Route; method: string; pattern: RegExp; authenticated: boolean } {
  const operation = spec.operations[route.operationId];
  // The route comes from the spec's path template, e.g. /tenants/{tenantId}/contacts/{contactId}/interactions.
  const pattern = pathPattern(route.operationId, apiBasePath);
  return { route, method: operation.method.toUpperCase(), pattern, authenticated: operation.authenticated };
}

const routes = [contactInteractions, interactions, interaction, tokens].map(compile);

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
  const found = matched.find((r) => r.method === req.method);
  const operationId: OperationId | undefined = (found ?? matched[0])?.route.operationId;
  const reply = (answer: Answer) => {
    if (!options.interceptAnswer?.(answer, res, { req, url, operationId })) writeAnswer(res, answer);
  };
  const fail = (error: ErrorAnswer) => reply(errorAnswer(error));
  if (matched.length === 0) return fail({ status: 404, message: 'Not found.' });
  if (!found) {
    const allow = matched.map((r) => r.method).join(', ');
    return fail({ status: 405, message: 'Method not allowed.', shape: 'string', headers: { allow } });
  }
  const failure = store.takeFailure();
  if (failure) {
    return fail({
      status: failure.status,
      headers: failure.headers,
      ...(failure.shape ? { shape: failure.shape } : {}),
    });
  }
  let permissions: readonly string[] = [];
  if (found.authenticated) {
    const granted = authenticate(store, req.headers.authorization);
    if (!granted) return fail({ status: 401, headers: { 'www-authenticate': 'Basic realm="CxEngage"' } });
    const needed = found.route.permission;
    if (needed && !granted.includes(needed)) return fail({ status: 403, message: `Missing permission: ${needed}` });
    permissions = granted;
  }
  const pathParams = found.match!.slice(1).map(decode);
  if (pathParams.some((p) => p === undefined)) return fail({ status: 400, message: 'Malformed path.' });
  found.route.handle({
    req,
    res,
    url,
    pathParams: pathParams as string[],
    store,
    options,
    permissions,
    send: (status, body, headers) => reply(jsonAnswer(status, body, headers)),
    fail,
  });
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
    baseUrl: `http://${hostInUrl}:${port}${apiBasePath}`,
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
