/**
 * The checks of Get a List of Interactions, on the contact the run reads: its first page with nothing but
 * `contactId` (the setup check of the route's permission, and the defaults), a walk of the contact at the
 * route's maximum page size held against the history's, and one request per judgement call the vendor's
 * pages leave open (which spellings the tenant honours, the range's bounds, the real maximum page size,
 * what `green=false` changes, the hook and attribute filters) plus the route's refusals. Each 200 answer
 * to a request the spec declares is held to the `list-…` rules (what the pages document, or what the
 * SDK's List functions rely on); what the probes show is evidence for the calls (`list-calls.ts`),
 * never a failure. Read-only and bounded: {@link listRequests} requests at most.
 */
import { spec } from '../../generated/spec.js';
import { validateInteractionRecordPage } from '../../generated/validators.js';
import { asJsonNumbers } from '../common/exact-json.js';
import { normalId } from '../common/ids.js';
import { checkJson, findingAt, firstIssue, observeErrorBody, type PageView, parse, proxyVerdicts } from './answers.js';
import { shown } from './display.js';
import { isRecord, type ListAnswer, type ListObservations } from './observations.js';
import { listSetupProblem } from './setup.js';
import type { Answer, ProbeRequest } from './transport.js';
import type { ContractSetupProblem } from './types.js';
import { type Walk, type WalkContext, walk } from './walks.js';

const operation = spec.operations.listTenantInteractions;
const { limit: limitParam } = operation.parameters;
const SUCCESS: number = operation.successStatus;
const DEFAULT_LIMIT: number = limitParam.schema.default;
/** The route's largest page: its contact walk's page size. */
export const LIST_MAX_LIMIT: number = limitParam.schema.maximum;
const HISTORY_MAX_LIMIT: number = spec.operations.listContactInteractions.parameters.limit.schema.maximum;

/**
 * The List's requests besides its walk: the first page, the tenant's first page, `contactID`, the window
 * and the same as `start`/`end`, `green=false`, one over the maximum, an unknown contact, a reversed
 * range, no credentials, a hook (all three keys, and `hookType` alone), an attribute, a malformed contact.
 */
const LIST_FIXED = 14;

/**
 * The most pages the List's walk of the contact reads: as many interactions as the history's walk at its
 * maximum page size reads in `maxPages` pages, at the List's maximum page size.
 */
export const listWalkPages = (maxPages: number) => Math.ceil((maxPages * HISTORY_MAX_LIMIT) / LIST_MAX_LIMIT);

/** The most requests the List's checks send: its fixed requests and its walk. */
export const listRequests = (maxPages: number) => LIST_FIXED + listWalkPages(maxPages);

/** What a request of the List sent, for the checks of its answer. */
interface ListSent {
  limit?: number;
  page?: number;
  contactId?: string;
  /** The instants of `startTimeRange` and `endTimeRange`. */
  window?: { from: number; to: number };
  /** `green=false` was sent: its records are not the defaults. */
  nulls?: boolean;
}

type Query = [string, string][];

const send = (context: WalkContext, query: Query, credentials?: ProbeRequest['credentials']) =>
  context.transport.send({ tenantId: context.tenantId, list: true, query, ...(credentials ? { credentials } : {}) });

const iso = (ms: number) => new Date(ms).toISOString();
const records = (view: PageView | undefined) => view?.items ?? [];
const idsOf = (items: readonly Record<string, unknown>[]) =>
  items.flatMap((item) => (typeof item['interactionId'] === 'string' ? [item['interactionId']] : []));

/**
 * Holds a 200 answer of the List to the rules (status, JSON, schema, the tenant, the echoes, the page's
 * length by `total`, and the filters sent), and keeps its records. Returns the page when it can be read.
 */
export function checkListAnswer(
  answer: Answer,
  sent: ListSent,
  context: WalkContext,
  walkTotal?: number,
): PageView | undefined {
  const { ledger, observed, tenantId } = context;
  const { status } = answer;
  const noAnswer = answer.failure ? `no answer: ${answer.failure.message}` : undefined;
  if (
    !ledger.check('list-status', status === SUCCESS, () =>
      findingAt(answer, '', noAnswer ?? `expected ${SUCCESS}, got ${status}`),
    )
  ) {
    if (status !== null && status >= 400) observeErrorBody(answer, observed);
    return undefined;
  }
  const { typeOk, parsed } = checkJson(answer, ledger, 'list-content-type');
  if (!typeOk || !parsed.ok) return undefined;
  const body = parsed.value;
  proxyVerdicts(answer, 'list-schema', ledger);
  const valid = validateInteractionRecordPage(asJsonNumbers(body));
  const issue = firstIssue(validateInteractionRecordPage.errors);
  ledger.check('list-schema', valid, () =>
    findingAt(answer, issue.pointer, `${issue.message} (schema ${operation.successSchema})`, body),
  );
  if (!isRecord(body) || !Array.isArray(body['results'])) return undefined;
  const results = body['results'] as unknown[];
  const items = results.filter(isRecord);

  const same = (value: unknown, id: string) => typeof value === 'string' && normalId(value) === id;
  ledger.check('list-tenant', same(body['tenantId'], tenantId), () =>
    findingAt(
      answer,
      '/tenantId',
      `the envelope names tenant ${shown(body['tenantId'])}, not the tenant asked for`,
      body,
    ),
  );
  results.forEach((record, i) => {
    const stated = isRecord(record) ? record['tenantId'] : undefined;
    if (stated === undefined) return;
    ledger.check('list-tenant', same(stated, tenantId), () =>
      findingAt(
        answer,
        `/results/${i}/tenantId`,
        `record ${i} names tenant ${shown(stated)}, not the tenant asked for`,
        body,
      ),
    );
  });

  const limit = sent.limit ?? DEFAULT_LIMIT;
  const page = sent.page ?? 0;
  ledger.check('list-echoes', body['limit'] === limit, () =>
    findingAt(
      answer,
      '/limit',
      `${sent.limit === undefined ? 'no limit was sent (the default' : `limit ${limit} was sent (`} ${limit}); got ${shown(body['limit'])}`,
      body,
    ),
  );
  ledger.check('list-echoes', body['page'] === null || body['page'] === page, () =>
    findingAt(answer, '/page', `page must be ${page} or null; got ${shown(body['page'])}`, body),
  );
  ledger.check('list-echoes', body['offset'] === page * limit, () =>
    findingAt(answer, '/offset', `offset must be page × limit = ${page * limit}; got ${shown(body['offset'])}`, body),
  );
  const total = typeof body['total'] === 'number' ? body['total'] : undefined;
  const reference = walkTotal ?? total;
  if (reference !== undefined) {
    const expected = Math.min(limit, Math.max(0, reference - page * limit));
    ledger.check('list-limit-honoured', results.length === expected, () =>
      findingAt(
        answer,
        '/results',
        `${results.length} interactions on page ${page}, expected ${expected} (limit ${limit}, total ${reference})`,
      ),
    );
  }

  items.forEach((record, i) => {
    const details = isRecord(record['details']) ? record['details'] : undefined;
    if (sent.contactId !== undefined && typeof details?.['contactId'] === 'string') {
      const stated = details['contactId'];
      ledger.check('list-contact', same(stated, sent.contactId), () =>
        findingAt(
          answer,
          `/results/${i}/details/contactId`,
          `record ${i} is contact ${shown(stated)}'s, not the contact asked for`,
          body,
        ),
      );
    }
    if (sent.window) {
      const start = record['startTimestamp'];
      const at = typeof start === 'string' ? Date.parse(start) : Number.NaN;
      const { from, to } = sent.window;
      ledger.check('list-time-range', at >= from && at <= to, () =>
        findingAt(
          answer,
          `/results/${i}/startTimestamp`,
          `record ${i} started at ${shown(start)}, outside the range asked for [${iso(from)}, ${iso(to)})`,
          body,
        ),
      );
    }
    if (!sent.nulls && typeof record['interactionId'] === 'string')
      observed.list.records.set(record['interactionId'], record);
  });
  return { total, items, count: results.length };
}

/** What a probe's answer came to, for the calls: its status, and for a 200 page its total, ids, limit and starts. */
function listAnswerOf(answer: Answer, context: WalkContext): ListAnswer {
  const { status } = answer;
  if (status !== null && status >= 400) observeErrorBody(answer, context.observed);
  if (status === null || status >= 300) return { status };
  const parsed = parse(answer.text);
  if (!parsed.ok || !isRecord(parsed.value)) return { status };
  const body = parsed.value;
  const results = Array.isArray(body['results']) ? body['results'].filter(isRecord) : [];
  return {
    status,
    total: body['total'],
    ids: idsOf(results),
    limit: body['limit'],
    starts: results.map((r) => r['startTimestamp']),
  };
}

/**
 * The List's first request, `?contactId=` alone: the route's permission (a 403 is the setup problem
 * `list-permission`), then the defaults and the rules. Sent before the history's walks spend requests.
 */
export async function firstListPage(context: WalkContext): Promise<ContractSetupProblem | undefined> {
  const answer = await send(context, [['contactId', context.contactId]]);
  const refused = listSetupProblem(answer);
  if (refused) return refused;
  const view = checkListAnswer(answer, { contactId: context.contactId }, context);
  const body = view && parse(answer.text);
  if (view && body?.ok && isRecord(body.value)) {
    const { page, limit, offset, total } = body.value;
    context.observed.list.first = { page, limit, offset, total, ids: idsOf(view.items) };
  }
  return undefined;
}

/** A window of the history: from an older interaction's start to a newer one's, both read from the history. */
function chooseWindow(history: ListObservations['history']): { from: number; to: number } | undefined {
  if (!history) return undefined;
  const starts = history.ids.map((id) => history.starts.get(id)).filter((ms): ms is number => ms !== undefined);
  const to = starts[1];
  if (to === undefined) return undefined;
  const from = starts
    .slice(2, 8)
    .reverse()
    .find((ms) => ms < to);
  return from === undefined ? undefined : { from, to };
}

/**
 * The rest of the List's checks, after the history's walks: the contact's walk at the maximum page size
 * (`historyWalk` is the history's at its maximum, to compare), then the probes.
 */
export async function checkList(context: WalkContext, historyWalk: Walk | undefined, maxPages: number): Promise<Walk> {
  const { observed, contactId, ledger } = context;
  const seen = observed.list;
  if (historyWalk) {
    const starts = new Map<string, number>();
    for (const item of observed.items) {
      const start = item['startTimestamp'];
      if (typeof item['interactionId'] === 'string' && typeof start === 'string')
        starts.set(item['interactionId'], Date.parse(start));
    }
    seen.history = { ids: historyWalk.ids, complete: historyWalk.complete, total: historyWalk.total, starts };
  }

  // The contact's walk at the route's maximum page size, under the List's rules.
  const contactWalk = await walk(context, LIST_MAX_LIMIT, listWalkPages(maxPages), {
    read: async (page, limit, walkTotal) => {
      const answer = await send(context, [
        ['contactId', contactId],
        ['limit', String(limit)],
        ['page', String(page)],
      ]);
      const view = checkListAnswer(answer, { contactId, limit, page }, context, walkTotal);
      const body = view && parse(answer.text);
      if (view && body?.ok && isRecord(body.value)) {
        if (page === 0)
          seen.contactWalk = { ids: [], complete: false, total: view.total, limitEcho: body.value['limit'] };
        else seen.echoes.push({ page, limit, pageEcho: body.value['page'], offset: body.value['offset'] });
      }
      return { answer, view };
    },
    rules: { total: 'list-total', unique: 'list-unique-ids', order: 'list-order' },
    tally: seen,
  });
  if (seen.contactWalk) Object.assign(seen.contactWalk, { ids: contactWalk.ids, complete: contactWalk.complete });
  if (!contactWalk.complete && contactWalk.pages >= listWalkPages(maxPages))
    ledger.note(
      'list-total',
      `maxPages stopped the List's walk at limit ${LIST_MAX_LIMIT}: the count against total was not checked there`,
    );

  // The tenant's first page, and the contact under the example's spelling.
  const tenant = await send(context, [['limit', '1']]);
  checkListAnswer(tenant, { limit: 1 }, context);
  seen.tenant = listAnswerOf(tenant, context);
  seen.contactIdCase = listAnswerOf(
    await send(context, [
      ['contactID', contactId],
      ['limit', '1'],
    ]),
    context,
  );

  // A window of the history, under both spellings.
  const window = chooseWindow(seen.history);
  const span = window ?? { from: Date.UTC(2017, 11, 29), to: Date.UTC(2017, 11, 30) };
  if (!window)
    ledger.note(
      'list-time-range',
      'the history has too few interactions of distinct starts for a window: choose a contact with more',
    );
  if (window && seen.history) {
    const { from, to } = window;
    const starts = seen.history.starts;
    const at = (ms: number) => seen.history!.ids.filter((id) => starts.get(id) === ms);
    const query: Query = [
      ['contactId', contactId],
      ['startTimeRange', iso(from)],
      ['endTimeRange', iso(to)],
      ['limit', String(LIST_MAX_LIMIT)],
    ];
    const answer = await send(context, query);
    checkListAnswer(answer, { contactId, limit: LIST_MAX_LIMIT, window }, context);
    seen.window = {
      from,
      to,
      expected: seen.history.ids.filter(
        (id) => (starts.get(id) ?? Number.NaN) >= from && (starts.get(id) ?? Number.NaN) < to,
      ),
      atFrom: at(from),
      atTo: at(to),
      answer: listAnswerOf(answer, context),
    };
    seen.startEnd = listAnswerOf(
      await send(context, [
        ['contactId', contactId],
        ['start', iso(from)],
        ['end', iso(to)],
        ['limit', '1'],
      ]),
      context,
    );
  }

  // The first page again with the keys that have no value.
  const green = await send(context, [
    ['contactId', contactId],
    ['green', 'false'],
  ]);
  const nulls = checkListAnswer(green, { contactId, nulls: true }, context);
  const plainIds = new Set(seen.first?.ids ?? []);
  seen.green = {
    status: green.status,
    plain: [...plainIds].map((id) => seen.records.get(id)).filter((r): r is Record<string, unknown> => r !== undefined),
    nulls: nulls ? records(nulls) : undefined,
  };

  // The refusals and the filters the pages leave open.
  seen.overMax = listAnswerOf(
    await send(context, [
      ['contactId', contactId],
      ['limit', String(LIST_MAX_LIMIT + 1)],
    ]),
    context,
  );
  seen.unknownContact = listAnswerOf(
    await send(context, [
      ['contactId', globalThis.crypto.randomUUID()],
      ['limit', '1'],
    ]),
    context,
  );
  seen.reversed = listAnswerOf(
    await send(context, [
      ['contactId', contactId],
      ['startTimeRange', iso(span.to)],
      ['endTimeRange', iso(span.from)],
    ]),
    context,
  );
  const anonymous = await send(context, [['contactId', contactId]], 'none');
  ledger.check('unauthenticated', anonymous.status === 401, () =>
    findingAt(
      anonymous,
      '',
      `no credentials (Get a List of Interactions): expected 401, got ${anonymous.status ?? 'no answer'}`,
    ),
  );
  if (anonymous.status !== null && anonymous.status >= 400) observeErrorBody(anonymous, observed);
  await probeHooks(context);
  seen.malformedContact = listAnswerOf(
    await send(context, [
      ['contactId', 'not-a-uuid'],
      ['limit', '1'],
    ]),
    context,
  );
  return contactWalk;
}

/**
 * The contact's records the List's walk read, and the range of their starts, from just after the oldest
 * to just after the newest: what the hook probes ask within, so that a filter the server answers by
 * reading every interaction in range reads no more than the walk did, and the records the walk read tell
 * exactly how many the range holds (those at the oldest start left out: more may share it past the walk).
 */
function walkedRange(seen: ListObservations) {
  const walked = (seen.contactWalk?.ids ?? [])
    .map((id) => seen.records.get(id))
    .filter((r): r is Record<string, unknown> => r !== undefined);
  const starts = walked.map((r) =>
    typeof r['startTimestamp'] === 'string' ? Date.parse(r['startTimestamp']) : Number.NaN,
  );
  const known = starts.filter((ms) => !Number.isNaN(ms));
  if (known.length === 0) return undefined;
  const least = known.reduce((a, b) => Math.min(a, b));
  const most = known.reduce((a, b) => Math.max(a, b));
  const window = { from: least + 1, to: most + 1 };
  const inside = walked.filter((_, i) => starts[i]! >= window.from && starts[i]! < window.to);
  return { window, inside };
}

/** A hook of the records: one with all three keys of a third-party record, and a custom reporting attribute. */
function findHooks(records: readonly Record<string, unknown>[]) {
  let linked: { hook: Record<string, unknown>; source: string } | undefined;
  let attribute: { value: string; source: string } | undefined;
  for (const record of records) {
    const id = record['interactionId'] as string;
    for (const hook of hooksOf(record)) {
      const keys = ['hookType', 'hookSubType', 'hookId'].every((k) => typeof hook[k] === 'string' && hook[k] !== '');
      if (!linked && keys && hook['hookSubType'] !== 'interaction-attribute') linked = { hook, source: id };
      if (
        !attribute &&
        hook['hookSubType'] === 'interaction-attribute' &&
        typeof hook['hookName'] === 'string' &&
        /\S/.test(hook['hookName'])
      )
        attribute = { value: hook['hookName'], source: id };
    }
  }
  return { linked, attribute };
}

const hooksOf = (record: Record<string, unknown>): Record<string, unknown>[] =>
  Array.isArray(record['hooks']) ? (record['hooks'] as unknown[]).filter(isRecord) : [];

/**
 * The hook filters, on a hook and an attribute the contact's records carry (nothing is sent when they
 * carry none), each within the range the List's walk read (see {@link walkedRange}).
 */
async function probeHooks(context: WalkContext): Promise<void> {
  const { contactId } = context;
  const seen = context.observed.list;
  const range = walkedRange(seen);
  if (!range) return;
  const { window, inside } = range;
  const within: Query = [
    ['contactId', contactId],
    ['startTimeRange', iso(window.from)],
    ['endTimeRange', iso(window.to)],
  ];
  const sent = { contactId, limit: LIST_MAX_LIMIT, window };
  const { linked, attribute } = findHooks(inside);
  if (linked) {
    const { hook, source } = linked;
    const keys = ['hookType', 'hookSubType', 'hookId'] as const;
    const query: Query = [
      ...within,
      ...keys.map((k): [string, string] => [k, hook[k] as string]),
      ['limit', String(LIST_MAX_LIMIT)],
    ];
    const answer = await send(context, query);
    const view = checkListAnswer(answer, sent, context);
    const matching = records(view).filter((r) => hooksOf(r).some((h) => keys.every((k) => h[k] === hook[k]))).length;
    const typed = inside.filter((r) => hooksOf(r).some((h) => h['hookType'] === hook['hookType'])).length;
    seen.hook = { hook, source, answer: listAnswerOf(answer, context), matching, inRange: inside.length, typed };
    const alone = await send(context, [...within, ['hookType', hook['hookType'] as string], ['limit', '1']]);
    seen.hook.typeSpelling = listAnswerOf(alone, context);
  }
  if (attribute) {
    const query: Query = [...within, ['attribute-value', attribute.value], ['limit', String(LIST_MAX_LIMIT)]];
    const answer = await send(context, query);
    const parsed = answer.status === SUCCESS ? parse(answer.text) : undefined;
    const shape = parsed?.ok && isRecord(parsed.value) && Array.isArray(parsed.value['results']) ? 'envelope' : 'other';
    const view = checkListAnswer(answer, sent, context);
    const matching = records(view).filter((r) =>
      hooksOf(r).some((h) => h['hookSubType'] === 'interaction-attribute' && h['hookName'] === attribute.value),
    ).length;
    seen.attribute = { ...attribute, answer: listAnswerOf(answer, context), matching, shape };
  }
}
