// The reference API over HTTP (node:http only): the documented semantics of the endpoint, served
// under /v1 like the real API, plus opt-in "drift" that breaks one rule on purpose so tests can
// prove that the contract checks notice.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spec } from '../../generated/spec.js';
import type { Interaction, InteractionPage } from './interactions.js';
import { REQUIRED_PERMISSION, ReferenceStore, type ErrorShape } from './store.js';

/**
 * Ways to break the contract on purpose, one rule each:
 * - `field-renamed`: `interactionId` is sent as `interactionID`;
 * - `type-changed`: `note` is sent as a boolean instead of 0/1;
 * - `offset-off-by-one`: `offset` is `page * limit + 1`;
 * - `page-not-echoed`: `page` is `null` even when the request sent one;
 * - `duplicate-across-pages`: every page after the first repeats the previous page's last item;
 * - `oldest-first`: results come oldest first.
 */
export const driftModes = [
  'field-renamed',
  'type-changed',
  'offset-off-by-one',
  'page-not-echoed',
  'duplicate-across-pages',
  'oldest-first',
] as const;
/** One of {@link driftModes}: the documented rule a drifted reference API breaks. */
export type Drift = (typeof driftModes)[number];

/** A data set to load at start: a contact with `count` generated interactions, or the given ones. */
export interface DataSet {
  tenantId: string;
  contactId: string;
  interactions: readonly Interaction[] | number;
}

/** Options of {@link startReferenceApi}. */
export interface ReferenceApiOptions {
  /** Port to listen on; 0 (the default) asks the kernel for a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Seed for generated interactions (ignored when `store` is given). */
  seed?: string | number;
  /** An existing store to serve; by default a new one. */
  store?: ReferenceStore;
  /** Contacts to create before listening. */
  dataSets?: readonly DataSet[];
  /** Credentials to accept before listening. Permissions default to the one the endpoint needs. */
  credentials?: {
    apiKeys?: readonly { key: string; secret: string; permissions?: readonly string[] }[];
    tokens?: readonly { token: string; permissions?: readonly string[] }[];
  };
  /**
   * Break one documented rule on purpose (for testing contract checks): for every tenant, or per
   * tenant id (tenants not listed behave correctly), so one server can host several drifts.
   */
  drift?: Drift | Readonly<Record<string, Drift>>;
}

/** A running reference API. */
export interface ReferenceApi {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  port: number;
  host: string;
  store: ReferenceStore;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

// Served under the real API's base path (`/v1`), read from the spec's servers.
const API_PREFIX = new URL(spec.regions[spec.defaultRegion]).pathname.replace(/\/$/, '');
const uuidPattern = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
// The route comes from the spec's path template, e.g. /tenants/{tenantId}/contacts/{contactId}/interactions.
const route = new RegExp(`^${API_PREFIX}${spec.operations.listContactInteractions.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
const limitSchema = spec.operations.listContactInteractions.parameters.limit.schema;
const pageSchema = spec.operations.listContactInteractions.parameters.page.schema;

const defaultShape: Record<number, ErrorShape> = { 400: 'object', 401: 'string', 403: 'object', 404: 'string', 500: 'array', 502: 'string', 503: 'array', 504: 'object' };
const statusText: Record<number, string> = {
  400: 'Bad request.',
  401: 'Unauthorized',
  403: `Missing permission: ${REQUIRED_PERMISSION}`,
  404: 'Not found.',
  429: 'Too many requests.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

interface ErrorSpec {
  status: number;
  message?: string;
  shape?: ErrorShape;
  attribute?: Record<string, string>;
  headers?: Record<string, string>;
}

function errorBody(status: number, message: string, shape: ErrorShape, attribute?: Record<string, string>): { error: unknown } {
  if (shape === 'string') return { error: message };
  if (shape === 'array') return { error: attribute ? Object.values(attribute) : [message] };
  return { error: { code: status, message, ...(attribute ? { attribute } : {}) } };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, e: ErrorSpec): void {
  const message = e.message ?? statusText[e.status] ?? 'Error.';
  send(res, e.status, errorBody(e.status, message, e.shape ?? defaultShape[e.status] ?? 'string', e.attribute), e.headers);
}

/** The caller's permissions, or undefined when the credentials are missing or wrong. */
function authenticate(store: ReferenceStore, header: string | undefined): readonly string[] | undefined {
  if (!header) return undefined;
  const [scheme, value, ...rest] = header.trim().split(/\s+/);
  if (!value || rest.length > 0) return undefined;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const key = decoded.slice(0, colon);
    const permissions = store.permissionsForKey(key, decoded.slice(colon + 1));
    return permissions;
  }
  if (scheme === 'Token') return store.permissionsForToken(value);
  return undefined;
}

type Parsed = { ok: true; value: number | undefined } | { ok: false; message: string };

function parseInteger(params: URLSearchParams, name: string, schema: { minimum: number; maximum?: number }): Parsed {
  const values = params.getAll(name);
  if (values.length === 0) return { ok: true, value: undefined };
  const range = schema.maximum === undefined ? `at least ${schema.minimum}` : `between ${schema.minimum} and ${schema.maximum}`;
  const message = `must be an integer ${range}`;
  if (values.length > 1 || !/^-?\d+$/.test(values[0]!)) return { ok: false, message };
  const value = Number(values[0]);
  if (value < schema.minimum || (schema.maximum !== undefined && value > schema.maximum)) return { ok: false, message };
  return { ok: true, value };
}

function applyDrift(drift: Drift | undefined, page: InteractionPage, list: readonly Interaction[], start: number): InteractionPage {
  switch (drift) {
    case undefined:
      return page;
    case 'field-renamed':
      return { ...page, results: page.results.map(({ interactionId, ...rest }) => ({ ...rest, interactionID: interactionId }) as unknown as Interaction) };
    case 'type-changed':
      return { ...page, results: page.results.map((item) => ({ ...item, note: item.note === 1 }) as unknown as Interaction) };
    case 'offset-off-by-one':
      return { ...page, offset: page.offset + 1 };
    case 'page-not-echoed':
      return { ...page, page: null };
    case 'duplicate-across-pages':
      return start > 0 ? { ...page, results: list.slice(start - 1, start - 1 + page.limit) } : page;
    case 'oldest-first':
      return { ...page, results: [...list].reverse().slice(start, start + page.limit) };
  }
}

function handle(store: ReferenceStore, drift: ReferenceApiOptions['drift'], req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://reference.invalid');
  const match = route.exec(url.pathname);
  if (!match) return sendError(res, { status: 404, message: 'Not found.' });
  if (req.method !== 'GET') return sendError(res, { status: 405, message: 'Method not allowed.', shape: 'string', headers: { allow: 'GET' } });

  const failure = store.takeFailure();
  if (failure) return sendError(res, { status: failure.status, headers: failure.headers, ...(failure.shape ? { shape: failure.shape } : {}) });

  const permissions = authenticate(store, req.headers.authorization);
  if (!permissions) return sendError(res, { status: 401, headers: { 'www-authenticate': 'Basic realm="CxEngage"' } });
  if (!permissions.includes(REQUIRED_PERMISSION)) return sendError(res, { status: 403 });

  const [tenantId, contactId] = [decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)];
  const attribute: Record<string, string> = {};
  if (!uuidPattern.test(tenantId)) attribute.tenantId = 'must be a UUID';
  if (!uuidPattern.test(contactId)) attribute.contactId = 'must be a UUID';
  const limit = parseInteger(url.searchParams, 'limit', limitSchema);
  const page = parseInteger(url.searchParams, 'page', pageSchema);
  if (!limit.ok) attribute.limit = limit.message;
  if (!page.ok) attribute.page = page.message;
  if (!limit.ok || !page.ok || Object.keys(attribute).length > 0) {
    return sendError(res, { status: 400, message: 'Invalid request parameters.', attribute });
  }

  if (!store.hasTenant(tenantId)) return sendError(res, { status: 404, message: 'Tenant not found.' });
  const list = store.list(tenantId, contactId);
  if (!list) return sendError(res, { status: 404, message: 'Contact not found.' });

  const size = limit.value ?? limitSchema.default;
  const index = page.value ?? pageSchema.default;
  const start = index * size;
  const body: InteractionPage = {
    page: page.value ?? null,
    limit: size,
    offset: start,
    total: list.length,
    results: list.slice(start, start + size),
  };
  send(res, 200, applyDrift(typeof drift === 'object' ? drift[tenantId] : drift, body, list, start));
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
 * const client = createInteractionsClient({ baseUrl: api.baseUrl, allowInsecureHttp: true, auth: { username: 'key', password: 'secret' } });
 * // …
 * await api.close();
 * ```
 */
export async function startReferenceApi(options: ReferenceApiOptions = {}): Promise<ReferenceApi> {
  const store = options.store ?? new ReferenceStore(options.seed === undefined ? {} : { seed: options.seed });
  for (const set of options.dataSets ?? []) store.addContact(set.tenantId, set.contactId, set.interactions);
  for (const k of options.credentials?.apiKeys ?? []) store.addApiKey(k.key, k.secret, k.permissions ? { permissions: k.permissions } : {});
  for (const t of options.credentials?.tokens ?? []) store.addToken(t.token, t.permissions ? { permissions: t.permissions } : {});
  const drifts = typeof options.drift === 'object' ? Object.values(options.drift) : options.drift === undefined ? [] : [options.drift];
  const unknownDrift = drifts.find((d) => !driftModes.includes(d));
  if (unknownDrift !== undefined) throw new RangeError(`unknown drift ${String(unknownDrift)}`);

  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    try {
      handle(store, options.drift, req, res);
    } catch {
      if (!res.headersSent) sendError(res, { status: 500 });
      else res.destroy();
    }
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
