/**
 * Wiring: resolved options (`options.ts`) + the request loop (`retry.ts`) under openapi-fetch + the
 * operations. Each operation is a few lines over the same request path: check the parameters, send,
 * turn a non-2xx answer into a typed error, parse and validate a 2xx body. Paging lives in
 * `paginate.ts`, policy in its own modules; nothing here decides anything on its own.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { spec } from '../generated/spec.js';
import { BodyHandoff } from './body-handoff.js';
import { type ClientShared, registerClient } from './client-shared.js';
import { createApiError, InvalidResponseError, snippet } from './errors.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { walkItems, walkPages } from './paginate.js';
import type { Redactor } from './redact.js';
import { createRetryingFetch } from './retry.js';
import type {
  ClientOptions,
  InteractionPage,
  InteractionsClient,
  IterateParams,
  ListParams,
  RequestOptions,
} from './types.js';
import { type CheckedParams, checkIterateParams, checkPage, checkParams, checkSignal } from './validate.js';

const history = spec.operations.listContactInteractions;

/**
 * Creates a client. Options are checked here: a bad option throws `InvalidInputError`.
 *
 * @example
 * const client = createInteractionsClient({ auth: { username: key, password: secret }, region: 'eu-west-1' });
 * const page = await client.listInteractions({ tenantId, contactId, limit: 50 });
 */
export function createInteractionsClient(options: ClientOptions): InteractionsClient {
  const resolved = resolveOptions(options);
  const shared: ClientShared = { limiter: undefined, maxPauseMs: resolved.maxRetryAfterMs };
  return buildClient(resolved, shared);
}

/** A client over resolved options and the state it shares with the clients derived from it. */
function buildClient(resolved: ResolvedOptions, shared: ClientShared): InteractionsClient {
  const { redact, logger, validate } = resolved;
  const bodies = new BodyHandoff();
  const api = createClient<paths>({
    baseUrl: resolved.baseUrl,
    headers: { Authorization: resolved.authorization, Accept: 'application/json' },
    fetch: createRetryingFetch({
      ...resolved,
      fetch: (request, init) => resolved.fetch(request, init),
      bodies,
      // Once a limit is set, every attempt waits for the client-wide bucket and reports back to it (AIMD on 429).
      hooks: {
        before: (_request, signal) => shared.limiter?.take(signal),
        after: (outcome) => shared.limiter?.observe(outcome),
      },
    }),
  });

  async function getPage(params: CheckedParams, signal: AbortSignal | undefined) {
    const { tenantId, contactId, limit, page } = params;
    const query: { limit?: number; page?: number } = {};
    if (limit !== undefined) query.limit = limit;
    if (page !== undefined) query.page = page;
    // The retrying fetch has already read the body (under the attempt timeout): 'stream' keeps
    // openapi-fetch from reading it again, and the text comes through the body hand-off.
    const { error, response } = await api.GET(history.path, {
      params: { path: { tenantId, contactId }, query },
      parseAs: 'stream',
      signal,
    });
    if (!response.ok) {
      const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'set-cookie'));
      throw createApiError(response.status, redact(response.statusText), redact(error ?? ''), redact(headers));
    }
    const body = parseJson(response, bodies.take(response) ?? '', redact);
    return { data: checkPage(body, validate, logger, limit), response };
  }

  // async: a bad parameter rejects the returned promise rather than throwing.
  async function listInteractionsWithResponse(params: ListParams, options?: RequestOptions) {
    return getPage(checkParams(params), checkSignal(options?.signal));
  }

  function walk(params: IterateParams) {
    const checked = checkIterateParams(params);
    const { tenantId, contactId, pageSize } = checked;
    const fetchPage = (page: number, signal: AbortSignal): Promise<InteractionPage> =>
      getPage({ tenantId, contactId, limit: pageSize, page }, signal).then((r) => r.data);
    return walkPages(fetchPage, checked);
  }

  return registerClient(
    {
      listInteractionsWithResponse,
      listInteractions: async (params, options) => (await listInteractionsWithResponse(params, options)).data,
      iteratePages: (params) => walk(params),
      iterateInteractions: (params) => walkItems(walk(params), params.signal),
    },
    shared,
  );
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
