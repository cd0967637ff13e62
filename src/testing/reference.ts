/**
 * The reference API's semantics, once, for every way of serving them: a request in (method, URL, headers,
 * body), an answer out (status, headers, body). The loopback server (`server.ts`, node:http) and the MSW
 * request handlers (`msw.ts`) both call it, so the two cannot disagree. Here: the store built from the
 * options, the rate limit (429 with `Retry-After`), a route per operation of the spec (the history, Get a List of
 * Interactions, Get a Specific Interaction, the token exchange) matched by its path
 * template under the base path, authentication (HTTP Basic and `Authorization: Token`, tokens the store
 * issued expiring by its clock), the operation's permission, queued failures. No `node:` import: MSW runs
 * this in browsers and jsdom as well as in Node.js.
 */
import { spec } from '../../generated/spec.js';
import type { OperationId, ReferenceOptions } from './options.js';
import { apiBasePath, pathPattern } from './paths.js';
import { type Answer, errorAnswer } from './respond.js';
import type { ReferenceRequest, Route } from './route.js';
import { contactInteractions } from './routes/contact-interactions.js';
import { interaction } from './routes/interaction.js';
import { interactions } from './routes/interactions.js';
import { tokens } from './routes/tokens.js';
import { ReferenceStore } from './store.js';
import { createThrottle } from './throttle.js';

/** The reference API, ready to answer requests however they arrive. */
export interface Reference {
  store: ReferenceStore;
  /** Counts a request as it arrives; with a `rateLimit`, the 429 it gets when the limit refuses it. */
  admit(): Answer | undefined;
  /** The answer to an admitted request, and the operation it matched (none: a 404 for an unknown path). */
  answer(
    request: ReferenceRequest,
    basePath?: string,
  ): Promise<{ answer: Answer; operationId: OperationId | undefined }>;
  /** Requests counted so far. */
  requests(): number;
  /** Requests answered 429 by the rate limit so far. */
  throttled(): number;
}

const routes: readonly Route[] = [contactInteractions, interactions, interaction, tokens];

/** The route table for a base path: each route with its method and the pattern of its full path. */
function compile(basePath: string) {
  return routes.map((route) => {
    const operation = spec.operations[route.operationId];
    const pattern = pathPattern(route.operationId, basePath);
    return { route, method: operation.method.toUpperCase(), pattern, authenticated: operation.authenticated };
  });
}

/** UTF-8 text of a base64 value, or undefined when it is not base64. */
function fromBase64(value: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The caller's permissions, or undefined when the credentials are missing or wrong. */
function authenticate(store: ReferenceStore, header: string | null): readonly string[] | undefined {
  if (!header) return undefined;
  const [scheme, value, ...rest] = header.trim().split(/\s+/);
  if (!value || rest.length > 0) return undefined;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = fromBase64(value);
    const colon = decoded?.indexOf(':') ?? -1;
    if (colon < 0) return undefined;
    return store.permissionsForKey(decoded!.slice(0, colon), decoded!.slice(colon + 1));
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

/** Builds the reference API for `options`: its store (given, or new with the data sets and credentials). */
export function createReference(options: ReferenceOptions = {}): Reference {
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
  const throttle = options.rateLimit ? createThrottle(options.rateLimit) : undefined;
  const tables = new Map<string, ReturnType<typeof compile>>();
  let requests = 0;
  let throttled = 0;

  async function answer(request: ReferenceRequest, basePath = apiBasePath) {
    const table = tables.get(basePath) ?? tables.set(basePath, compile(basePath)).get(basePath)!;
    const matched = table.map((r) => ({ ...r, match: r.pattern.exec(request.url.pathname) })).filter((r) => r.match);
    const found = matched.find((r) => r.method === request.method);
    const operationId: OperationId | undefined = (found ?? matched[0])?.route.operationId;
    const done = (answer: Answer) => ({ answer, operationId });
    if (matched.length === 0) return done(errorAnswer({ status: 404, message: 'Not found.' }));
    if (!found) {
      const allow = matched.map((r) => r.method).join(', ');
      return done(errorAnswer({ status: 405, message: 'Method not allowed.', shape: 'string', headers: { allow } }));
    }
    const failure = store.takeFailure();
    if (failure) {
      const { status, headers, shape } = failure;
      return done(errorAnswer({ status, headers, ...(shape ? { shape } : {}) }));
    }
    let permissions: readonly string[] = [];
    if (found.authenticated) {
      const granted = authenticate(store, request.headers.get('authorization'));
      if (!granted)
        return done(errorAnswer({ status: 401, headers: { 'www-authenticate': 'Basic realm="CxEngage"' } }));
      const needed = found.route.permission;
      if (needed && !granted.includes(needed)) {
        return done(errorAnswer({ status: 403, message: `Missing permission: ${needed}` }));
      }
      permissions = granted;
    }
    const pathParams = found.match!.slice(1).map(decode);
    if (pathParams.some((p) => p === undefined)) return done(errorAnswer({ status: 400, message: 'Malformed path.' }));
    const context = { request, url: request.url, pathParams: pathParams as string[], store, options, permissions };
    return done(await found.route.handle(context));
  }

  return {
    store,
    admit() {
      requests++;
      const admission = throttle?.() ?? { admitted: true };
      if (admission.admitted) return undefined;
      throttled++;
      return errorAnswer({ status: 429, headers: { 'retry-after': String(admission.retryAfterSeconds) } });
    },
    answer,
    requests: () => requests,
    throttled: () => throttled,
  };
}
