/**
 * Wiring: resolved options (`http/options.ts`) + the request pipeline (`http/pipeline.ts`: the attempt
 * loop, the credentials on every attempt, the client's rate limit) under openapi-fetch + the operations. Each operation is a few lines over the same request path:
 * check the parameters and the call's options, send, turn a non-2xx answer into a typed error, parse and
 * validate a 2xx body. A client and the clients derived from it with `withOptions` share one `shared`
 * object (the token cache, the body hand-off, the deprecation notice); nothing here decides anything on
 * its own. What not every call needs is loaded by a dynamic import the first time it is needed, so a
 * browser bundle downloads it only then: the response validators (a mode other than `'off'`), the walk
 * (the first page an iterator asks for), the reading of error bodies (the first non-2xx answer) and the
 * deprecation notice (the first answer that signals it).
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { spec } from '../../generated/spec.js';
import type { Redactor } from '../auth/redact.js';
import { snippet } from '../common/snippet.js';
import { InvalidResponseError } from '../errors.js';
import type { Observer } from '../http/observe.js';
import {
  type CallSettings,
  deriveOptions,
  type ResolvedOptions,
  resolveCall,
  resolveOptions,
} from '../http/options.js';
import { createConnection, createPipeline } from '../http/pipeline.js';
import type { Scope } from '../http/scope.js';
import { linkSignal, typedAborts } from '../http/signals.js';
import type { ClientOptions, RequestOptions } from '../http/types.js';
import type { InteractionPage, InteractionRecord } from '../types.js';
import { type CheckedParams, checkInteractionParams, checkIterateParams, checkParams } from '../validation/params.js';
import { type ClientShared, registerClient } from './shared.js';
import type { GetInteractionParams, InteractionsClient, IterateParams, ListParams } from './types.js';

const history = spec.operations.listContactInteractions;
const detail = spec.operations.getInteraction;

/** A module loaded on first use, once per process (a load that failed is tried again the next time). */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

const responseChecks = lazy(() => import('../validation/response.js'));
const walking = lazy(() => import('../paging/paginate.js'));
const errorBodies = lazy(() => import('../http/error-body.js'));
const deprecation = lazy(() => import('../http/deprecation.js'));

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
    ...createConnection(resolved, (response, route) => warnIfDeprecated(shared, resolved, response, route)),
    deprecation: { warned: false },
    limiter: undefined,
    maxPauseMs: resolved.maxRetryAfterMs,
  };
  return build(resolved, shared);
}

function build(resolved: ResolvedOptions, shared: ClientShared): InteractionsClient {
  const { logger, redact } = resolved;
  // Once a rate limit is set, every attempt waits for the client-wide bucket and reports back to it (AIMD on 429).
  const { send, bodies, observer } = createPipeline(resolved, shared, {
    pace: (signal) => shared.limiter?.take(signal),
    after: (outcome) => shared.limiter?.observe(outcome),
  });
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
  async function answer(response: Response, error: unknown, route: string): Promise<unknown> {
    const warning = warnIfDeprecated(shared, resolved, response, route);
    if (warning) await warning;
    if (!response.ok) {
      const { createApiError } = await errorBodies();
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
    const body = await answer(response, error, historyRoute);
    const mode = call.validate;
    const data =
      mode === 'off' ? (body as InteractionPage) : (await responseChecks()).checkPage(body, mode, logger, limit);
    return { data, response };
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
    const body = await answer(response, error, detailRoute);
    const mode = call.validate;
    const data =
      mode === 'off' ? (body as InteractionRecord) : (await responseChecks()).checkRecord(body, mode, logger);
    return { data, response };
  }

  /**
   * Checks an iterator's parameters now (a bad one throws at once) and returns the walk's start: called
   * on the first page asked for, with the walk's module, loaded then.
   */
  function walk(params: IterateParams) {
    const checked = checkIterateParams(params);
    const { timeoutMs, maxRetries, validate } = params;
    const call = resolveCall(resolved, { timeoutMs, maxRetries, validate });
    const { tenantId, contactId } = checked;
    const run = (parent?: Scope) => (walker: WalkModule) =>
      walker.walkPages(
        (page, limit, signal) =>
          getPage({ tenantId, contactId, limit, page }, { ...call, signal, parent }).then((r) => r.data),
        checked,
        { order: call.validate, logger },
      );
    // Observed, the walk is a scope (a span, an info line) that its page calls belong to.
    return (walker: WalkModule, observed: Observer | undefined) =>
      observed?.watching()
        ? observed.scoped('walk', { 'cxengage.contact.id': contactId }, (scope) => run(scope)(walker), walker.countPage)
        : run()(walker);
  }

  return registerClient<InteractionsClient>(
    {
      listInteractionsWithResponse,
      listInteractions: async (params, options) => (await listInteractionsWithResponse(params, options)).data,
      iteratePages: (params) => {
        const start = walk(params);
        return typedAborts(async () => start(await walking(), await observer()), params.signal);
      },
      iterateInteractions: (params) => {
        const start = walk(params);
        return typedAborts(async () => {
          const module = await walking();
          return module.walkItems(start(module, await observer()), params.signal);
        }, params.signal);
      },
      getInteractionWithResponse,
      getInteraction: async (params, options) => (await getInteractionWithResponse(params, options)).data,
      withOptions: (options) => build(deriveOptions(resolved, options), shared),
    },
    shared,
    observer,
  );
}

const historyRoute = `${history.method.toUpperCase()} ${history.path}`;
const detailRoute = `${detail.method.toUpperCase()} ${detail.path}`;

type WalkModule = typeof import('../paging/paginate.js');

/**
 * Warns through the logger, once per client family, when an answer signals that its route is deprecated.
 * Returns the pending warning (the notice's code is loaded on the first answer that carries the signal),
 * or nothing for the usual answer.
 */
function warnIfDeprecated(
  shared: ClientShared,
  resolved: ResolvedOptions,
  response: Response,
  route: string,
): Promise<void> | undefined {
  const { headers } = response;
  if (shared.deprecation.warned || (!headers.has('deprecation') && !headers.has('sunset'))) return undefined;
  return deprecation().then(({ deprecationWarning }) => {
    const warning = deprecationWarning(headers, route);
    if (!warning || shared.deprecation.warned) return;
    shared.deprecation.warned = true;
    resolved.logger.warn(warning.message, warning.meta);
  });
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
