/**
 * `GET /tenants/{tenantId}/interactions` (Get a List of Interactions), with the spec's choices where the
 * vendor's pages disagree or are silent (its judgement calls `list-…`): a tenant's interactions in full,
 * most recent first by `startTimestamp`; `contactId` for one contact (its history's order, so the two
 * routes agree; none for a contact the tenant lacks); `startTimeRange` inclusive and `endTimeRange`
 * exclusive, ISO 8601 in UTC (hour 24 only as `24:00:00`), a reversed range refused; the hook filters on
 * the record's `hooks` (`hookType`, `hookSubType` and `hookId` on one hook together; `attribute-value` on
 * a custom reporting attribute's `hookName`; `hook-name` on any hook's), every filter given applying;
 * `limit` and `page` as the history route's, up to the spec's maximum; keys without a value left out of
 * each record unless `green=false`. 400 for invalid parameters (vendor shape), 404 for an unknown tenant.
 *
 * A contact's page is cut from its history (a generated one by bisection), a tenant's from its timeline
 * (`timeline.ts`), so either costs about the page. The hook filters read the hooks of every interaction
 * in the range to count them: narrow them with a contact or a time range.
 */
import type { components } from '../../../generated/schema.js';
import { spec } from '../../../generated/spec.js';
import { utcInstant } from '../../common/utc-time.js';
import type { Run } from '../history.js';
import { interactionHooks, interactionRecord } from '../interactions.js';
import { parseQuery } from '../query.js';
import { errorAnswer, isUuid, jsonAnswer } from '../respond.js';
import type { Route } from '../route.js';
import type { Listed } from '../timeline.js';

const { parameters, permission, successStatus } = spec.operations.listTenantInteractions;
/** How `parseQuery` words a value its pattern refuses: the patterns get plainer words here. */
const PATTERN = 'must match the pattern';
/** How many interactions a hook filter reads at a time. */
const SCAN_CHUNK = 1000;

/** Whether the interaction's hooks satisfy every hook filter given. */
function hooksMatch(listed: Listed, filters: Record<string, string | undefined>): boolean {
  const { hookType, hookSubType, hookId } = filters;
  const attribute = filters['attribute-value'];
  const name = filters['hook-name'];
  if (![hookType, hookSubType, hookId, attribute, name].some((f) => f !== undefined)) return true;
  const hooks = interactionHooks(listed.interaction);
  const thirdParty =
    hookType === undefined && hookSubType === undefined && hookId === undefined
      ? true
      : hooks.some(
          (h) =>
            (hookType === undefined || h.hookType === hookType) &&
            (hookSubType === undefined || h.hookSubType === hookSubType) &&
            (hookId === undefined || h.hookId === hookId),
        );
  const attributeMatch =
    attribute === undefined || hooks.some((h) => h.hookSubType === 'interaction-attribute' && h.hookName === attribute);
  const nameMatch = name === undefined || hooks.some((h) => h.hookName === name);
  return thirdParty && attributeMatch && nameMatch;
}

export const interactions: Route = {
  operationId: 'listTenantInteractions',
  permission,
  handle({ url, pathParams: [tenantId = ''], store }) {
    const { values, attribute: invalid } = parseQuery(url.searchParams, parameters);
    const attribute: Record<string, string> = {};
    if (!isUuid(tenantId)) attribute['tenantId'] = 'must be a UUID';
    Object.assign(attribute, invalid);
    const bounds: Record<string, number | undefined> = {};
    for (const name of ['startTimeRange', 'endTimeRange'] as const) {
      const text = values[name] as string | undefined;
      if (attribute[name]?.startsWith(PATTERN))
        attribute[name] = 'must be ISO 8601 in UTC, such as 2017-12-29T14:00:00.000Z';
      else if (text !== undefined) {
        bounds[name] = utcInstant(text);
        if (bounds[name] === undefined) attribute[name] = 'is not a date and time that exists';
      }
    }
    for (const name of ['attribute-value', 'hook-name', 'hookType', 'hookSubType', 'hookId'])
      if (attribute[name]?.startsWith(PATTERN)) attribute[name] = 'must not be empty';
    const from = bounds['startTimeRange'] ?? Number.NEGATIVE_INFINITY;
    const to = bounds['endTimeRange'] ?? Number.POSITIVE_INFINITY;
    if (to < from) attribute['endTimeRange'] = 'must not be before startTimeRange';
    if (Object.keys(attribute).length > 0)
      return errorAnswer({ status: 400, message: 'Invalid request parameters.', attribute });
    const tenant = store.tenant(tenantId);
    if (!tenant) return errorAnswer({ status: 404, message: 'Tenant not found.' });

    const contactId = values['contactId'] as string | undefined;
    const limit = (values['limit'] as number | undefined) ?? parameters.limit.schema.default;
    const page = values['page'] as number | undefined;
    const offset = (page ?? parameters.page.schema.default) * limit;
    const filters = values as Record<string, string | undefined>;
    const filtered = ['attribute-value', 'hook-name', 'hookType', 'hookSubType', 'hookId'].some(
      (name) => values[name] !== undefined,
    );
    // What the filters select, most recent first: a count, and a page cut from it.
    let run: { total: number; slice: (start: number, end: number) => Listed[] };
    if (contactId !== undefined) {
      const found: Run = store.history(tenantId, contactId)?.startedIn(from, to) ?? [];
      run = {
        total: found.length,
        slice: (start, end) => found.slice(start, end).map((interaction) => ({ contactId, interaction })),
      };
    } else {
      const { timeline } = tenant;
      run = { total: timeline.count(from, to), slice: (start, end) => timeline.page(from, to, start, end - start) };
    }
    if (filtered) {
      // Every interaction of the range is read to count the matches; only the page's are kept.
      const kept: Listed[] = [];
      let total = 0;
      for (let start = 0; start < run.total; start += SCAN_CHUNK) {
        for (const listed of run.slice(start, start + SCAN_CHUNK)) {
          if (!hooksMatch(listed, filters)) continue;
          if (total >= offset && kept.length < limit) kept.push(listed);
          total++;
        }
      }
      run = { total, slice: () => kept };
    }
    const served = run.slice(offset, offset + limit);
    store.noteListed(tenantId, served);
    const nulls = values['green'] === false;
    const body: components['schemas']['InteractionRecordPage'] = {
      page: page ?? null,
      limit,
      offset,
      tenantId,
      total: run.total,
      tenantName: tenant.name,
      tenantTimezone: tenant.timezone,
      results: served.map((listed) => interactionRecord(listed.interaction, tenantId, listed.contactId, { nulls })),
    };
    return jsonAnswer(successStatus, body);
  },
};
