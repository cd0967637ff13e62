/**
 * Wiring: resolved options (`http/options.ts`) + the request pipeline (`http/pipeline.ts`: the attempt
 * loop, the credentials on every attempt, the client's rate limit) + the operations, each a Request
 * typed by the spec and built by openapi-fetch's pieces (`http/request.ts`). Each operation is a few
 * lines over the same request path:
 * check the parameters and the call's options, send, turn a non-2xx answer into a typed error, parse and
 * validate a 2xx body. A client and the clients derived from it with `withOptions` share one `shared`
 * object (the token cache, the body hand-off, the deprecation notice); nothing here decides anything on
 * its own. What not every call needs is loaded by a dynamic import the first time it is needed, so a
 * browser bundle downloads it only then: the response validators (a mode other than `'off'`; a page's and
 * a record's apart), the walk
 * (the first page an iterator asks for), the reading of error bodies (the first non-2xx answer) and the
 * deprecation notice (the first answer that signals it).
 */
import { getInteraction as detail, listContactInteractions as history } from '../../generated/spec.js';
import type { Redaction } from '../auth/redaction.js';
import { MAX_JSON_DEPTH, scanJson, TOO_DEEP } from '../common/json-depth.js';
import { lazy } from '../common/lazy.js';
import type { BodyProblem } from '../http/error-body.js';
import {
  type CallSettings,
  deriveOptions,
  type ResolvedOptions,
  resolveCall,
  resolveOptions,
} from '../http/options.js';
import { createConnection, createPipeline } from '../http/pipeline.js';
import { requestFor } from '../http/request.js';
import { linkSignal, typedAborts } from '../http/signals.js';
import type { ClientOptions, RequestOptions, ValidationMode } from '../http/types.js';
import { checkClaims, type RequestIds } from '../validation/answer.js';
import { type CheckedParams, checkInteractionParams, checkIterateParams, checkParams } from '../validation/params.js';
import { type ClientShared, registerClient } from './shared.js';
import type { GetInteractionParams, InteractionsClient, IterateParams, ListParams } from './types.js';

const pageChecks = lazy(() => import('../validation/page.js'));
const recordChecks = lazy(() => import('../validation/record.js'));
const walking = lazy(() => import('../paging/paginate.js'));
const errorBodies = lazy(() => import('../http/error-body.js'));
const deprecation = lazy(() => import('../http/deprecation.js'));

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
  const { logger, redaction } = resolved;
  // Once a rate limit is set, every attempt waits for the client-wide bucket and reports back to it (AIMD on 429).
  const { send, bodies, scoped } = createPipeline(resolved, shared, {
    pace: (signal) => shared.limiter?.take(signal),
    after: (outcome) => shared.limiter?.observe(outcome),
  });
  /**
   * Sends the Request `make` builds through the pipeline, with the call's limits and signal, and gives
   * the answer: the parsed 2xx body (the loop has read it, under the attempt timeout, and handed it over)
   * as the call's mode has it checked (`check`, over the module `checks` loads on the first call that
   * validates), or the typed error of any other answer; whatever the mode, the answer must be for the
   * request (the ids it states must be the request's `ids`, else a `ResponseMismatchError`). With a caller's signal, the Request gets its own, linked to the
   * caller's (so a `fetch` that reads only the Request's signal sees the abort too): undici removes the
   * listener it adds to that signal only at GC, so the caller's (long-lived) signal only ever carries a
   * listener that goes when the call ends. Without one, nothing can abort the call from outside, and no
   * signal is made.
   */
  async function exchange<M, T>(
    make: (signal?: AbortSignal) => Request,
    route: string,
    call: CallSettings,
    checks: () => Promise<M>,
    check: (module: M, body: unknown, mode: ValidationMode) => T,
    ids: RequestIds,
  ): Promise<{ data: T; response: Response }> {
    let response: Response;
    if (call.signal) {
      const linked = new AbortController();
      const unlink = linkSignal(linked, call.signal);
      try {
        response = await send(make(linked.signal), call);
      } finally {
        unlink();
      }
    } else response = await send(make(), call);
    const warning = warnIfDeprecated(shared, resolved, response, route);
    if (warning) await warning;
    if (!response.ok) {
      const [{ apiErrorOf }, redact] = await Promise.all([errorBodies(), redaction.redactor()]);
      throw await apiErrorOf(response, redact);
    }
    const { value, exact } = await parseJson(response, bodies.take(response) ?? '', redaction);
    const mode = call.validate;
    // A validator knows JSON's numbers only: it checks JSON.parse's reading; the exact one is handed on.
    const checked = mode === 'off' ? (value as T) : check(await forMode(mode, checks), value, mode);
    const data = exact === undefined ? checked : (exact as T);
    checkClaims(data, ids);
    return { data, response };
  }

  /** `module`; in 'warn' mode with the redactor too, so that a warning reaches the logger before the call returns. */
  const forMode = <T>(mode: ValidationMode, module: () => Promise<T>): Promise<T> =>
    mode === 'warn' ? redaction.redactor().then(module) : module();

  async function getPage(params: CheckedParams, call: CallSettings) {
    const { tenantId, contactId, limit, page } = params;
    const query: { limit?: number; page?: number } = {};
    if (limit !== undefined) query.limit = limit;
    if (page !== undefined) query.page = page;
    return exchange(
      (signal) =>
        requestFor('get', history.path, { params: { path: { tenantId, contactId }, query } }, resolved, signal),
      historyRoute,
      call,
      pageChecks,
      (checks, body, mode) => checks.checkPage(body, mode, logger, limit),
      { tenantId, contactId },
    );
  }

  // async: a bad parameter or option rejects the returned promise rather than throwing.
  async function listInteractionsWithResponse(params: ListParams, options?: RequestOptions) {
    return getPage(checkParams(params), resolveCall(resolved, options));
  }

  async function getInteractionWithResponse(params: GetInteractionParams, options?: RequestOptions) {
    const { tenantId, interactionId } = checkInteractionParams(params);
    const call = resolveCall(resolved, options);
    return exchange(
      (signal) => requestFor('get', detail.path, { params: { path: { tenantId, interactionId } } }, resolved, signal),
      detailRoute,
      call,
      recordChecks,
      (checks, body, mode) => checks.checkRecord(body, mode, logger),
      { tenantId, interactionId },
    );
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
    return async () =>
      (await forMode(call.validate, walking)).walkPages(
        (page, limit, signal, parent) =>
          getPage({ tenantId, contactId, limit, page }, { ...call, signal, parent }).then((r) => r.data),
        checked,
        { order: call.validate, logger, scoped },
      );
  }

  return registerClient<InteractionsClient>(
    {
      listInteractionsWithResponse,
      listInteractions: async (params, options) => (await listInteractionsWithResponse(params, options)).data,
      iteratePages: (params) => typedAborts(walk(params), params.signal),
      iterateInteractions: (params) => {
        const start = walk(params);
        return typedAborts(async () => (await walking()).walkItems(await start(), params.signal), params.signal);
      },
      getInteractionWithResponse,
      getInteraction: async (params, options) => (await getInteractionWithResponse(params, options)).data,
      withOptions: (options) => build(deriveOptions(resolved, options), shared),
    },
    // The standalone operations (limitRate, Get a List of Interactions, the jobs) reach the client through this.
    [shared, resolved, exchange, scoped],
  );
}

const historyRoute = `${history.method.toUpperCase()} ${history.path}`;
const detailRoute = `${detail.method.toUpperCase()} ${detail.path}`;

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
  // With the redactor: the warning reaches the logger before the answer is handed on.
  return Promise.all([deprecation(), resolved.redaction.redactor()]).then(([{ warnOnce }]) =>
    warnOnce(shared.deprecation, headers, route, resolved.logger),
  );
}

/**
 * The parsed 2xx body, read under the depth bound (`common/json-depth.ts`), or a rejection with its
 * `InvalidResponseError`: built by `error-body.ts` (which says what is wrong with the body, and quotes its
 * start), loaded with the redactor on the first such body. A body holding an integer beyond 2^53 − 1,
 * which `JSON.parse` rounded, is read again exactly (`exact`: that integer a `bigint`) by `exact-json.ts`,
 * loaded then (with `error-body.ts`, its door).
 */
async function parseJson(
  response: Response,
  text: string,
  redaction: Redaction,
): Promise<{ value: unknown; exact?: unknown }> {
  const type = response.headers.get('content-type');
  const fail = (problem: BodyProblem): Promise<never> =>
    Promise.all([errorBodies(), redaction.redactor()]).then(([{ invalidBodyOf }, redact]) => {
      throw invalidBodyOf(response, text, redact, problem);
    });
  if (type !== null && !/[/+]json\b/i.test(type)) return fail('type');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('syntax');
  }
  const found = scanJson(value, MAX_JSON_DEPTH);
  if (found === TOO_DEEP) return fail('depth');
  return found ? { value, exact: (await errorBodies()).exactly(text) } : { value };
}
