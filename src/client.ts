/**
 * Wiring: resolved options (`options.ts`) + the request loop (`retry.ts`, with the credentials set on every
 * attempt) under openapi-fetch + the operations. Each operation is a few lines over the same request path:
 * check the parameters and the call's options, send, turn a non-2xx answer into a typed error, parse and
 * validate a 2xx body. A client and the clients derived from it with `withOptions` share one `shared`
 * object (the token cache, the body hand-off, the deprecation notice); nothing here decides anything on
 * its own.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { spec } from '../generated/spec.js';
import { BodyHandoff } from './body-handoff.js';
import { type ClientShared, registerClient } from './client-shared.js';
import { createCredentials, withTokenRefresh } from './credentials.js';
import { deprecationWarning } from './deprecation.js';
import { createApiError, InvalidResponseError, snippet } from './errors.js';
import { type CallSettings, deriveOptions, type ResolvedOptions, resolveCall, resolveOptions } from './options.js';
import { walkItems, walkPages } from './paginate.js';
import type { Redactor } from './redact.js';
import { createRetryingFetch } from './retry.js';
import { linkSignal, typedAborts } from './signals.js';
import type {
  ClientOptions,
  GetInteractionParams,
  InteractionPage,
  InteractionsClient,
  IterateParams,
  ListParams,
  RequestOptions,
} from './types.js';
import {
  type CheckedParams,
  checkInteractionParams,
  checkIterateParams,
  checkPage,
  checkParams,
  checkRecord,
} from './validate.js';

const history = spec.operations.listContactInteractions;
const detail = spec.operations.getInteraction;

/** What `sendVia` adds to every openapi-fetch call. */
interface OperationInit {
  parseAs: 'stream';
  signal?: AbortSignal;
  fetch: (input: Request) => Promise<Response>;
}

/**
 * Creates a client. Options are checked here: a bad option throws `InvalidInputError`.
 *
 * @example
 * const client = createInteractionsClient({ auth: { username: key, password: secret }, region: 'eu-west-1' });
 * const page = await client.listInteractions({ tenantId, contactId, limit: 50 });
 */
export function createInteractionsClient(options: ClientOptions): InteractionsClient {
  const resolved = resolveOptions(options);
  const shared: ClientShared = {
    bodies: new BodyHandoff(),
    deprecation: { warned: false },
    limiter: undefined,
    maxPauseMs: resolved.maxRetryAfterMs,
    credentials: createCredentials(resolved.auth, resolved.redact, ({ username, password }) =>
      // Loaded on first use: clients that do not exchange never load the exchange.
      import('./token-exchange.js').then(({ exchangeToken }) =>
        exchangeToken({
          options: resolved,
          username,
          password,
          bodies: shared.bodies,
          onResponse: (response, route) => warnIfDeprecated(shared, resolved, response, route),
        }),
      ),
    ),
  };
  return build(resolved, shared);
}

function build(resolved: ResolvedOptions, shared: ClientShared): InteractionsClient {
  const { redact, logger } = resolved;
  const { bodies, credentials } = shared;
  const loop = createRetryingFetch({
    ...resolved,
    fetch: (request, init) => resolved.fetch(request, init),
    bodies,
    hooks: {
      // Once a rate limit is set, every attempt waits for the client-wide bucket and reports back to it
      // (AIMD on 429); then it carries the credentials as they are now (a refreshed token on a retry).
      // Nothing to wait for (no limit, a fixed header) returns nothing: the common case costs no promise.
      before: (request, signal) => {
        const turn = shared.limiter?.take(signal);
        return turn ? turn.then(() => credentials.apply(request, signal)) : credentials.apply(request, signal);
      },
      after: (outcome) => shared.limiter?.observe(outcome),
    },
  });
  const send = withTokenRefresh(loop, credentials);
  const api = createClient<paths>({
    baseUrl: resolved.baseUrl,
    headers: { Accept: 'application/json', ...(resolved.userAgent ? { 'User-Agent': resolved.userAgent } : {}) },
  });

  /**
   * Sends one operation through openapi-fetch with what every operation passes it: `parseAs: 'stream'`
   * (the retrying fetch has already read the body, under the attempt timeout, and the text comes
   * through the body hand-off) and the call's limits and signal for the loop. With a caller's signal, the
   * Request openapi-fetch builds gets its own, linked to the caller's (so a `fetch` that reads only the
   * Request's signal sees the abort too): undici removes the listener it adds to that signal only at GC,
   * so the caller's (long-lived) signal only ever carries a listener that goes when the call ends.
   * Without one, nothing can abort the call from outside, and no signal is made.
   */
  function sendVia<T>(call: CallSettings, operation: (init: OperationInit) => Promise<T>): Promise<T> {
    const init: OperationInit = { parseAs: 'stream', fetch: (input: Request) => send(input, call) };
    if (!call.signal) return operation(init);
    const request = new AbortController();
    const unlink = linkSignal(request, call.signal);
    return operation({ ...init, signal: request.signal }).finally(unlink);
  }

  /** A typed error for a non-2xx answer, or the parsed 2xx body. */
  function answer(response: Response, error: unknown, route: string): unknown {
    warnIfDeprecated(shared, resolved, response, route);
    if (!response.ok) {
      const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'set-cookie'));
      throw createApiError(response.status, redact(response.statusText), redact(error ?? ''), redact(headers));
    }
    return parseJson(response, bodies.take(response) ?? '', redact);
  }

  async function getPage(params: CheckedParams, call: CallSettings) {
    const { tenantId, contactId, limit, page } = params;
    const query: { limit?: number; page?: number } = {};
    if (limit !== undefined) query.limit = limit;
    if (page !== undefined) query.page = page;
    const { error, response } = await sendVia(call, (init) =>
      api.GET(history.path, { params: { path: { tenantId, contactId }, query }, ...init }),
    );
    const body = answer(response, error, historyRoute);
    return { data: checkPage(body, call.validate, logger, limit), response };
  }

  // async: a bad parameter or option rejects the returned promise rather than throwing.
  async function listInteractionsWithResponse(params: ListParams, options?: RequestOptions) {
    return getPage(checkParams(params), resolveCall(resolved, options));
  }

  async function getInteractionWithResponse(params: GetInteractionParams, options?: RequestOptions) {
    const { tenantId, interactionId } = checkInteractionParams(params);
    const call = resolveCall(resolved, options);
    const { error, response } = await sendVia(call, (init) =>
      api.GET(detail.path, { params: { path: { tenantId, interactionId } }, ...init }),
    );
    const body = answer(response, error, detailRoute);
    return { data: checkRecord(body, call.validate, logger), response };
  }

  function walk(params: IterateParams) {
    const checked = checkIterateParams(params);
    const { timeoutMs, maxRetries, validate } = params;
    const call = resolveCall(resolved, { timeoutMs, maxRetries, validate });
    const { tenantId, contactId } = checked;
    const fetchPage = (page: number, limit: number, signal: AbortSignal): Promise<InteractionPage> =>
      getPage({ tenantId, contactId, limit, page }, { ...call, signal }).then((r) => r.data);
    return walkPages(fetchPage, checked, { order: call.validate, logger });
  }

  return registerClient<InteractionsClient>(
    {
      listInteractionsWithResponse,
      listInteractions: async (params, options) => (await listInteractionsWithResponse(params, options)).data,
      iteratePages: (params) => typedAborts(walk(params), params.signal),
      iterateInteractions: (params) => typedAborts(walkItems(walk(params), params.signal), params.signal),
      getInteractionWithResponse,
      getInteraction: async (params, options) => (await getInteractionWithResponse(params, options)).data,
      withOptions: (options) => build(deriveOptions(resolved, options), shared),
    },
    shared,
  );
}

const historyRoute = `${history.method.toUpperCase()} ${history.path}`;
const detailRoute = `${detail.method.toUpperCase()} ${detail.path}`;

/** Warns through the logger, once per client family, when an answer signals that its route is deprecated. */
function warnIfDeprecated(shared: ClientShared, resolved: ResolvedOptions, response: Response, route: string): void {
  if (shared.deprecation.warned) return;
  const warning = deprecationWarning(response.headers, route);
  if (!warning) return;
  shared.deprecation.warned = true;
  resolved.logger.warn(warning.message, warning.meta);
}

const EMPTY = 'the body is empty';

function parseJson(response: Response, text: string, redact: Redactor): unknown {
  const type = response.headers.get('content-type');
  const fail = (problem: string): never => {
    throw new InvalidResponseError(response.status, problem, problem === EMPTY ? '' : snippet(redact(text), 120));
  };
  if (type !== null && !/[/+]json\b/i.test(type)) {
    if (!text.trim()) fail(EMPTY);
    fail(`the content-type is ${JSON.stringify(type)}, not JSON`);
  }
  try {
    return JSON.parse(text);
  } catch {
    return fail(text.trim() ? 'the body is not valid JSON (malformed or truncated)' : EMPTY);
  }
}
