/**
 * Get a List of Interactions, as standalone functions over a client (as `withDetails` and the jobs are),
 * so that a bundle that only reads histories carries none of it: one page, and the walk over every page.
 * The client hands over its pipeline through its port (`shared.ts`); the rest is the history's machinery
 * on the List's terms: parameters checked from the spec's facts (`validation/list-params.ts`), the answer
 * held to the request whatever the mode (`validation/list-answer.ts`) and to the spec per the mode
 * (`validation/list-response.ts`, loaded with the validators by clients that validate), and the same
 * walk and page audit (`paging/`, loaded on the first page an iterator asks for) at the route's page sizes.
 */
import { spec } from '../../generated/spec.js';
import { InvalidInputError } from '../errors.js';
import { type CallSettings, resolveCall } from '../http/options.js';
import { typedAborts } from '../http/signals.js';
import type { RequestOptions } from '../http/types.js';
import type { FetchPage } from '../paging/paginate.js';
import type { InteractionRecord, InteractionRecordPage } from '../types.js';
import { checkListClaims } from '../validation/list-answer.js';
import { checkIterateListParams, checkListParams, type ListRequest } from '../validation/list-params.js';
import { type ClientPort, portOf } from './shared.js';
import type { InteractionsClient, IterateTenantParams, ListTenantParams } from './types.js';

const operation = spec.operations.listTenantInteractions;
const route = `${operation.method.toUpperCase()} ${operation.path}`;

/** The port of `client`, or {@link InvalidInputError} for an object `createInteractionsClient` did not make. */
function port(client: InteractionsClient): ClientPort {
  const found = portOf(client);
  if (!found) throw new InvalidInputError('client', typeof client, 'must be a client made by createInteractionsClient');
  return found;
}

async function getPage(to: ClientPort, request: ListRequest, call: CallSettings) {
  const { tenantId, query } = request;
  const { response } = await to.sendVia(call, (init) =>
    to.api.GET(operation.path, { params: { path: { tenantId }, query }, ...init }),
  );
  const body = await to.answer(response, route);
  const { validate } = call;
  const data =
    validate === 'off'
      ? (body as InteractionRecordPage)
      : (await import('../validation/list-response.js')).checkRecordPage(body, validate, to.resolved.logger, request);
  checkListClaims(data, request);
  return { data, response };
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
  return getPage(to, checkListParams(params), resolveCall(to.resolved, options));
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
  const call = resolveCall(to.resolved, { timeoutMs, maxRetries, validate });
  const fetchPage: FetchPage<InteractionRecordPage> = (page, limit, signal) =>
    getPage(to, { ...request, query: { ...request.query, limit, page } }, { ...call, signal }).then((r) => r.data);
  return typedAborts(async () => {
    const { walkPages } = await import('../paging/paginate.js');
    return walkPages(fetchPage, plan, { order: call.validate, logger: to.resolved.logger });
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
    const { walkItems } = await import('../paging/paginate.js');
    return walkItems(pages, params.signal);
  }, params.signal);
}
