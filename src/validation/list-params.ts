/**
 * The parameters of Get a List of Interactions, checked before anything is sent, as `params.ts` checks the
 * history's: the spec's facts (uuids, the time pattern, non-blank hook filters, `limit` 1 to the route's
 * maximum, `page` ≥ 0, no unknown keys), plus what a schema cannot say: a time that exists, a range whose
 * end is not before its start. The SDK's own names are read here: a `Date` for a time, and `includeNulls`
 * for the vendor's `green=false`. Only the List's code loads this module, so the history's bundle never
 * carries it.
 */
import { listTenantInteractions } from '../../generated/spec.js';
import type { IterateTenantParams, ListTenantParams } from '../client/types.js';
import { normalId } from '../common/ids.js';
import { utcInstant } from '../common/utc-time.js';
import { InvalidInputError } from '../errors.js';
import type { WalkPlan } from '../paging/paginate.js';
import { checkIterateParams, definedOnly, ITERATE_KEYS, paramProblem } from './params.js';

const { parameters } = listTenantInteractions;
/** A well-formed id that stands in for the history's ids while the walk's own options are checked. */
const ANY_ID = '00000000-0000-4000-8000-000000000000';
/** How `paramProblem` words a value its pattern refuses (ajv's words), and what the List's patterns mean. */
const PATTERN = 'must match pattern';
const plainer = (name: string) =>
  name.endsWith('TimeRange')
    ? 'must be ISO 8601 in UTC to the second, such as 2017-12-29T14:00:00.000Z (or a Date)'
    : 'must not be blank';

/** The List's query, under the spec's names, as it is sent. */
export type ListQuery = Record<string, string | number | boolean>;

/** A checked request of the List: its tenant, its query, and what the answer is held to. */
export interface ListRequest {
  /** Normal form (lower-case). */
  tenantId: string;
  /** The query parameters, under the spec's names (`green: false` for `includeNulls`). */
  query: ListQuery;
  /** The contact asked for, normal form. */
  contactId: string | undefined;
  /** The time range's instants (ms), when one was asked for. */
  window: { from: number; to: number } | undefined;
}

/**
 * Checks one page call's parameters; throws {@link InvalidInputError} naming the parameter (renamed
 * through `names`, e.g. `limit` → `pageSize`).
 */
export function checkListParams(
  params: ListTenantParams | Record<string, unknown>,
  names: Partial<Record<string, string>> = {},
): ListRequest {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new InvalidInputError('params', params, 'must be an object');
  }
  const defined = definedOnly(params);
  const rename = (p: string) => (Object.hasOwn(names, p) ? names[p]! : p);
  if ('green' in defined) {
    throw new InvalidInputError(
      'green',
      defined['green'],
      'is not a parameter of the SDK; use includeNulls: true for the vendor’s green=false',
    );
  }
  const { includeNulls, ...query } = defined;
  if (includeNulls !== undefined && typeof includeNulls !== 'boolean') {
    throw new InvalidInputError('includeNulls', includeNulls, 'must be boolean');
  }
  if (includeNulls === true) query['green'] = false;
  for (const key of ['startTimeRange', 'endTimeRange']) {
    const value = query[key];
    if (!(value instanceof Date)) continue;
    if (Number.isNaN(value.getTime())) throw new InvalidInputError(key, 'Invalid Date', 'must be a valid Date');
    query[key] = value.toISOString();
  }
  for (const key of ['limit', 'page']) {
    const v = query[key];
    if (typeof v === 'number' && !Number.isSafeInteger(v))
      throw new InvalidInputError(rename(key), v, 'must be a safe integer');
  }
  const failed = paramProblem(parameters, query);
  if (failed) {
    const [name, problem] = failed;
    throw new InvalidInputError(rename(name), query[name], problem.startsWith(PATTERN) ? plainer(name) : problem);
  }
  const instants: Partial<Record<'startTimeRange' | 'endTimeRange', number>> = {};
  for (const key of ['startTimeRange', 'endTimeRange'] as const) {
    const text = query[key] as string | undefined;
    if (text === undefined) continue;
    instants[key] = utcInstant(text);
    if (instants[key] === undefined) throw new InvalidInputError(key, text, 'is not a date and time that exists');
  }
  const from = instants.startTimeRange ?? Number.NEGATIVE_INFINITY;
  const to = instants.endTimeRange ?? Number.POSITIVE_INFINITY;
  if (to < from)
    throw new InvalidInputError('endTimeRange', query['endTimeRange'], 'must not be before startTimeRange');
  const tenantId = normalId(query['tenantId'] as string);
  delete query['tenantId'];
  const contactId = query['contactId'] === undefined ? undefined : normalId(query['contactId'] as string);
  if (contactId !== undefined) query['contactId'] = contactId;
  const windowed = instants.startTimeRange !== undefined || instants.endTimeRange !== undefined;
  return { tenantId, query: query as ListQuery, contactId, window: windowed ? { from, to } : undefined };
}

/**
 * Checks the List iterators' parameters: the filters as {@link checkListParams} does, `pageSize`
 * (default: the route's maximum `limit`) within the bounds of `limit`, and the walk's own options by the
 * history iterators' own check (with stand-in ids), so both iterators take and refuse the same.
 */
export function checkIterateListParams(params: IterateTenantParams | unknown): {
  plan: WalkPlan;
  request: ListRequest;
} {
  if (typeof params !== 'object' || params === null) throw new InvalidInputError('params', params, 'must be an object');
  const p = params as Record<string, unknown>;
  // The walk's own options (and a page call's `limit` or `page`, which it refuses with what to use instead).
  // Null prototypes: a key named `__proto__` stays an own property, and is refused as unknown.
  const walk: Record<string, unknown> = Object.assign(Object.create(null), { tenantId: ANY_ID, contactId: ANY_ID });
  const filters: Record<string, unknown> = Object.assign(Object.create(null), { tenantId: p['tenantId'] });
  for (const key of Object.keys(p)) {
    if (key === 'tenantId' || key === 'pageSize') continue;
    if (key === 'limit' || key === 'page' || (ITERATE_KEYS.has(key) && key !== 'contactId')) walk[key] = p[key];
    else filters[key] = p[key];
  }
  filters['limit'] = p['pageSize'] === undefined ? parameters.limit.schema.maximum : p['pageSize'];
  const { tenantId: _t, contactId: _c, ...plan } = checkIterateParams(walk);
  const request = checkListParams(filters, { limit: 'pageSize' });
  return { plan: { ...plan, pageSize: request.query['limit'] as number }, request };
}
