/**
 * Get a List of Interactions, as standalone functions over a client (as `withDetails` and the jobs are),
 * so that a bundle that only reads histories carries none of it: one page, and the walk over every page.
 * The client hands over its request path through its port (`shared.ts`); the rest is the history's
 * machinery on the List's terms: parameters checked from the spec's facts (`validation/list-params.ts`),
 * the Request built by openapi-fetch's pieces from the route's facts (`http/request.ts`), the answer held
 * to the request whatever the mode (its tenant by the client's check, its contact by
 * `validation/list-answer.ts`) and to the spec per the mode (`validation/record-page.ts`, loaded with its
 * validator by clients that validate), and the same walk and page audit (`paging/`, loaded on the first
 * page an iterator asks for) at the route's page sizes.
 */
import { listTenantInteractions as operation } from '../../generated/spec.js';
import { InvalidInputError } from '../errors.js';
import { type CallSettings, resolveCall } from '../http/options.js';
import { requestFor } from '../http/request.js';
import { typedAborts } from '../http/signals.js';
import type { RequestOptions } from '../http/types.js';
import type { FetchPage } from '../paging/paginate.js';
import type { InteractionRecord, InteractionRecordPage } from '../types.js';
import { checkListContact } from '../validation/list-answer.js';
import { checkIterateListParams, checkListParams, type ListRequest } from '../validation/list-params.js';
import { type ClientPort, portOf } from './shared.js';
import type { InteractionsClient, IterateTenantParams, ListTenantParams } from './types.js';

const route = `${operation.method.toUpperCase()} ${operation.path}`;
// The history's page check too, for the counts and limit it checks on either route (see record-page.ts).
const recordPageChecks = () => Promise.all([import('../validation/record-page.js'), import('../validation/page.js')]);
const walking = () => import('../paging/paginate.js');

/** The port of `client`, or {@link InvalidInputError} for an object `createInteractionsClient` did not make. */
function port(client: InteractionsClient): ClientPort {
  const found = portOf(client);
  if (!found) throw new InvalidInputError('client', typeof client, 'must be a client made by createInteractionsClient');
  return found;
}

async function getPage([, resolved, exchange]: ClientPort, request: ListRequest, call: CallSettings) {
  const { tenantId, query } = request;
  const answer = await exchange(
    (signal) => requestFor('get', operation.path, { params: { path: { tenantId }, query } }, resolved, signal),
    route,
    call,
    recordPageChecks,
    ([list, page], body, mode) => list.checkRecordPage(body, mode, resolved.logger, request, page),
    { tenantId },
  );
  checkListContact(answer.data, request);
  return answer;
}

/**
 * One page of a tenant's interactions, each in full, most recent first, that every filter given selects
 * (Get a List of Interactions; the key needs `INTERACTIONS_API_READ_ALL`), with the same errors, retries,
 * timeouts and validation as the history, plus the raw Response. Bad parameters reject the call
 * ({@link InvalidInputError}) before anything is sent; a page of another tenant or (with `contactId`)
 * contact is a `ResponseMismatchError` whatever the validation mode.
 *
 * @example
 * const { data, response } = await listTenantInteractionsWithResponse(client, { tenantId, limit: 100 });
 */
export async function listTenantInteractionsWithResponse(
  client: InteractionsClient,
  params: ListTenantParams,
  options?: RequestOptions,
): Promise<{ data: InteractionRecordPage; response: Response }> {
  const to = port(client);
  return getPage(to, checkListParams(params), resolveCall(to[1], options));
}

/**
 * {@link listTenantInteractionsWithResponse}'s page alone.
 *
 * @example
 * const day = await listTenantInteractions(client, {
 *   tenantId, contactId, startTimeRange: '2017-12-29T00:00:00Z', endTimeRange: '2017-12-29T24:00:00Z', limit: 1000,
 * });
 */
export async function listTenantInteractions(
  client: InteractionsClient,
  params: ListTenantParams,
  options?: RequestOptions,
): Promise<InteractionRecordPage> {
  return (await listTenantInteractionsWithResponse(client, params, options)).data;
}

/**
 * The pages of Get a List of Interactions in order, each holding only the records not yielded before:
 * the history's walk and page audit (see {@link iterateTenantInteractions}). Bad parameters throw
 * {@link InvalidInputError} at once.
 */
export function iterateTenantPages(
  client: InteractionsClient,
  params: IterateTenantParams,
): AsyncGenerator<InteractionRecordPage, void, undefined> {
  const to = port(client);
  const { plan, request } = checkIterateListParams(params);
  const { timeoutMs, maxRetries, validate } = params;
  const resolved = to[1];
  const call = resolveCall(resolved, { timeoutMs, maxRetries, validate });
  const fetchPage: FetchPage<InteractionRecordPage> = (page, limit, signal) =>
    getPage(to, { ...request, query: { ...request.query, limit, page } }, { ...call, signal }).then((r) => r.data);
  return typedAborts(async () => {
    // In 'warn' mode with the redactor, as the client's iterators: a warning reaches the logger in time.
    if (call.validate === 'warn') await resolved.redaction.redactor();
    const { walkPages } = await walking();
    return walkPages(fetchPage, plan, { order: call.validate, logger: resolved.logger });
  }, plan.signal);
}

/**
 * Every interaction of the tenant that the filters select (or the `last` N), each in full, most recent
 * first, never the same `interactionId` twice: the history's walk over Get a List of Interactions, with
 * the same page audit (its arithmetic, `total`, repeats, order, bounds, `maxPages`, a re-plan at the
 * server's page size, a deadline), ordered concurrency, retries and signal, at page sizes up to the
 * route's maximum (the default). Bad parameters throw {@link InvalidInputError} at once.
 *
 * @example
 * for await (const record of iterateTenantInteractions(client, { tenantId, contactId })) {
 *   console.log(record.startTimestamp, record.details?.channelType);
 * }
 */
export function iterateTenantInteractions(
  client: InteractionsClient,
  params: IterateTenantParams,
): AsyncGenerator<InteractionRecord, void, undefined> {
  const pages = iterateTenantPages(client, params);
  return typedAborts(async () => {
    const { walkItems } = await walking();
    return walkItems(pages, params.signal);
  }, params.signal);
}
