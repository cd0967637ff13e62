/**
 * The judgement calls on Get a List of Interactions: where the vendor's pages disagree or are silent,
 * the spec decided (the `list-…` table of the operation's description) and a run reports, on the
 * contact it reads, whether the tenant does the same. Besides the spec's table: whether a contact's List
 * is its history (`list-matches-history`), the real maximum page size (`list-max-limit`) and how a
 * malformed contact id is refused. Evidence is counts, statuses, key names and spellings, never
 * customer data. None fails the run: the rules that the SDK relies on are `list-…` rules (`rules.ts`).
 */
import { spec } from '../../generated/spec.js';
import { clean, shown } from './display.js';
import { isRecord, type ListAnswer, type ListObservations, type Observations } from './observations.js';
import { nullScope } from './record-calls.js';
import { confirmed, type JudgementCall, notObserved, refuted, tally } from './verdicts.js';

const { parameters } = spec.operations.listTenantInteractions;
const MAX = parameters.limit.schema.maximum;
const DEFAULT = parameters.limit.schema.default;
const where = (what: string) => `listTenantInteractions ${what}`;

/** What an answer was, in a few words: `200 (total 3)`, `400`, `no answer`. */
function said(answer: ListAnswer | undefined): string {
  if (!answer) return 'not sent';
  if (answer.status === null) return 'no answer';
  return answer.total === undefined ? String(answer.status) : `${answer.status} (total ${shown(answer.total, 20)})`;
}

/** A call judged from the List's observations, or not observed when its checks were left out. */
function call(
  id: string,
  claim: string,
  at: string,
  judge: (seen: ListObservations, all: Observations) => ReturnType<JudgementCall['judge']>,
): JudgementCall {
  return {
    id,
    claim,
    where: where(at),
    judge: (observed) => (observed.list.skipped ? notObserved(observed.list.skipped) : judge(observed.list, observed)),
  };
}

/** A probe the spec presumes is refused with 400. */
function refusal(
  id: string,
  claim: string,
  at: string,
  pick: (seen: ListObservations) => ListAnswer | undefined,
): JudgementCall {
  return call(id, claim, at, (seen) => {
    const answer = pick(seen);
    if (!answer || answer.status === null) return notObserved(`the probe got ${said(answer)}`);
    return answer.status === 400 ? confirmed('400') : refuted(said(answer));
  });
}

/** The contact's total as the history states it (its first page at the maximum), and as the List does. */
const contactTotal = (seen: ListObservations) => seen.history?.total;
const listedTotal = (seen: ListObservations) => seen.contactWalk?.total;

/**
 * Keys `b` has that `a` lacks, keys `a` has that `b` lacks, and keys both have with other values; with
 * `valueless`, keys without a value (`null`, an empty array) count as absent at every level, so a record
 * and the same record with its nulls compare equal.
 */
function keyDiff(a: Record<string, unknown>, b: Record<string, unknown>, valueless = false) {
  const [x, y] = (valueless ? [withValues(a), withValues(b)] : [a, b]) as Record<string, unknown>[];
  const added = Object.keys(y!).filter((k) => !Object.hasOwn(x!, k));
  const lost = Object.keys(x!).filter((k) => !Object.hasOwn(y!, k));
  const changed = Object.keys(x!).filter((k) => Object.hasOwn(y!, k) && canonical(x![k]) !== canonical(y![k]));
  return { added, lost, changed };
}

/** `value` without the keys, at any depth, whose value is `null` or an empty array. */
function withValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withValues);
  if (!isRecord(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (!noValue(inner)) kept[key] = withValues(inner);
  return kept;
}

const noValue = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

/** JSON with keys sorted at every level: equal for values equal but for key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** The List's judgement calls, in the order reports list them. */
export const listCalls: readonly JudgementCall[] = [
  call(
    'list-contact-spelling',
    'the contact filter is `contactId` (the vendor’s example spells it `contactID`)',
    'contactId',
    (seen) => {
      const expected = contactTotal(seen);
      const ours = seen.contactWalk?.total;
      const tenant = seen.tenant?.total;
      if (expected === undefined || ours === undefined)
        return notObserved('the contact’s history or its List was not read');
      if (tenant === expected)
        return notObserved(`the tenant's list is the contact's (${expected}): the filter cannot show`);
      const other = `contactID: ${seen.contactIdCase?.total === expected ? 'honoured too' : seen.contactIdCase?.total === tenant ? 'ignored' : said(seen.contactIdCase)}`;
      if (ours === expected) return confirmed(`contactId: total ${ours}, the history's; ${other}`);
      return refuted(
        `contactId: total ${shown(ours, 20)} where the history has ${expected} (the tenant ${shown(tenant, 20)}); ${other}`,
      );
    },
  ),
  call(
    'list-time-range-spelling',
    'the time range is `startTimeRange` and `endTimeRange` (the search page shows `start` and `end`)',
    'startTimeRange, endTimeRange',
    (seen) => {
      const w = seen.window;
      if (!w) return notObserved('the history has too few interactions of distinct starts for a window');
      const all = listedTotal(seen);
      // Honoured: the answer narrowed the contact's list (the bounds' own calls judge by how much).
      const narrowed = (answer: ListAnswer | undefined) =>
        answer?.status === 200 && typeof answer.total === 'number' && answer.total < (all ?? Number.POSITIVE_INFINITY);
      const startEnd = narrowed(seen.startEnd)
        ? 'honoured too'
        : seen.startEnd?.total === all
          ? 'ignored'
          : said(seen.startEnd);
      const evidence = `startTimeRange/endTimeRange → ${said(w.answer)} of the contact's ${shown(all, 20)} (the history has ${w.expected.length} in the range); start/end: ${startEnd}`;
      if (all === undefined || w.expected.length === all) return notObserved(`the window cannot show: ${evidence}`);
      return narrowed(w.answer) ? confirmed(evidence) : refuted(evidence);
    },
  ),
  call(
    'list-time-range-field',
    'the range selects by `startTimestamp`: an interaction is in it when it started in it',
    'startTimeRange, endTimeRange',
    (seen) => {
      const w = seen.window;
      if (!w?.answer.starts) return notObserved(w ? `the window got ${said(w.answer)}` : 'no window was asked for');
      const outside = w.answer.starts.filter((s) => {
        const at = typeof s === 'string' ? Date.parse(s) : Number.NaN;
        return !(at >= w.from && at <= w.to);
      });
      if (outside.length > 0)
        return refuted(`${outside.length} of ${w.answer.starts.length} records started outside the range`);
      const missing = w.expected.filter((id) => !w.answer.ids?.includes(id));
      return missing.length === 0
        ? confirmed(`${w.answer.starts.length} records, each started in the range, all the history's starts in it`)
        : refuted(
            `${missing.length} of the history's ${w.expected.length} interactions that started in the range are missing`,
          );
    },
  ),
  call(
    'list-time-range-bounds',
    '`[startTimeRange, endTimeRange)`: the start inclusive, the end exclusive',
    'startTimeRange, endTimeRange',
    (seen) => {
      const w = seen.window;
      if (!w?.answer.ids) return notObserved(w ? `the window got ${said(w.answer)}` : 'no window was asked for');
      const ids = new Set(w.answer.ids);
      const start = w.atFrom.every((id) => ids.has(id))
        ? 'inclusive'
        : w.atFrom.some((id) => ids.has(id))
          ? 'mixed'
          : 'exclusive';
      const end = w.atTo.every((id) => !ids.has(id))
        ? 'exclusive'
        : w.atTo.every((id) => ids.has(id))
          ? 'inclusive'
          : 'mixed';
      const evidence = `start ${start} (${w.atFrom.length} interaction(s) at it), end ${end} (${w.atTo.length} at it)`;
      return start === 'inclusive' && end === 'exclusive' ? confirmed(evidence) : refuted(evidence);
    },
  ),
  call(
    'list-time-range-form',
    'the range takes ISO 8601 in UTC with `Z`, milliseconds included',
    'startTimeRange, endTimeRange (pattern)',
    (seen) => {
      const w = seen.window;
      if (!w || w.answer.status === null) return notObserved('no window was answered');
      return w.answer.status === 200
        ? confirmed('…T…:…:….sssZ taken (200)')
        : refuted(`…T…:…:….sssZ → ${said(w.answer)}`);
    },
  ),
  refusal(
    'list-time-range-order',
    'an `endTimeRange` before `startTimeRange` is refused with 400',
    'endTimeRange (400)',
    (seen) => seen.reversed,
  ),
  call(
    'list-hook-type-spelling',
    'the third-party system filter is `hookType` (some vendor examples send `type`)',
    'hookType',
    (seen) => {
      const hook = seen.hook;
      if (!hook?.typeSpelling) return notObserved('no record of the contact carries a third-party hook');
      const total = hook.typeSpelling.total;
      if (hook.typed === hook.inRange)
        return notObserved(`all ${hook.inRange} records in the range have that hookType: the filter cannot show`);
      return total === hook.typed
        ? confirmed(
            `hookType alone: total ${total}, the ${hook.typed} of ${hook.inRange} records in the range with that hookType`,
          )
        : refuted(
            `hookType alone: total ${shown(total, 20)} where ${hook.typed} of ${hook.inRange} records in the range have that hookType`,
          );
    },
  ),
  call(
    'list-attribute-filters',
    '`attribute-value` selects the interactions with a custom reporting attribute (`hookSubType` `interaction-attribute`) of that `hookName`',
    'attribute-value',
    (seen) => {
      const a = seen.attribute;
      if (!a) return notObserved('no record of the contact carries a custom reporting attribute');
      const ids = a.answer.ids ?? [];
      if (a.answer.status !== 200) return refuted(`attribute-value → ${said(a.answer)}`);
      const evidence = `${a.matching} of ${ids.length} records carry it; the record it came from ${ids.includes(a.source) ? 'listed' : 'missing'}`;
      return a.matching === ids.length && ids.includes(a.source) ? confirmed(evidence) : refuted(evidence);
    },
  ),
  call(
    'list-filters-combine',
    'filters given together must all match; `hookType`, `hookSubType` and `hookId` one and the same hook',
    'hookType, hookSubType, hookId',
    (seen) => {
      const h = seen.hook;
      if (!h) return notObserved('no record of the contact carries a third-party hook');
      const ids = h.answer.ids ?? [];
      if (h.answer.status !== 200) return refuted(`the three hook filters → ${said(h.answer)}`);
      const evidence = `${h.matching} of ${ids.length} records have one hook matching all three (and the contact); the record it came from ${ids.includes(h.source) ? 'listed' : 'missing'}`;
      return h.matching === ids.length && ids.includes(h.source) ? confirmed(evidence) : refuted(evidence);
    },
  ),
  call(
    'list-paging',
    `\`limit\` (default ${DEFAULT}) and \`page\` as the history's: \`page\` null when not sent, echoed when sent; \`offset\` is \`page × limit\``,
    'limit, page',
    (seen) => {
      const first = seen.first;
      if (!first) return notObserved('the first page was not read');
      const problems = [
        ...(first.page === null ? [] : [`page ${shown(first.page, 20)} when not sent`]),
        ...(first.limit === DEFAULT ? [] : [`limit ${shown(first.limit, 20)} by default`]),
        ...(first.offset === 0 ? [] : [`offset ${shown(first.offset, 20)} on the first page`]),
        ...seen.echoes.flatMap((e) => [
          ...(e.pageEcho === e.page ? [] : [`page ${e.page} echoed ${shown(e.pageEcho, 20)}`]),
          ...(e.offset === e.page * e.limit ? [] : [`page ${e.page} at offset ${shown(e.offset, 20)}`]),
        ]),
      ];
      const seenPages = seen.echoes.length ? `; ${seen.echoes.length} later page(s) echoed` : '';
      return problems.length
        ? refuted(problems.join('; '))
        : confirmed(`page null, limit ${DEFAULT}, offset 0 by default${seenPages}`);
    },
  ),
  call(
    'list-max-limit',
    `the largest \`limit\` is ${MAX}: it is echoed, and ${MAX + 1} is refused with 400`,
    'limit (maximum)',
    (seen) => {
      const echo = seen.contactWalk?.limitEcho;
      const over = seen.overMax;
      if (echo === undefined || !over || over.status === null)
        return notObserved('the pages at the maximum were not read');
      const evidence = `${MAX} → limit ${shown(echo, 20)}; ${MAX + 1} → ${over.status}${over.limit !== undefined ? ` (limit ${shown(over.limit, 20)}, ${over.ids?.length ?? 0} results)` : ''}`;
      return echo === MAX && over.status === 400 ? confirmed(evidence) : refuted(evidence);
    },
  ),
  call(
    'list-order-key',
    'most recent first by `startTimestamp`, as the history route',
    'results (order)',
    ({ order }) =>
      order.pairs === 0
        ? notObserved('fewer than two interactions were read')
        : order.breaks === 0
          ? confirmed(`${order.pairs} neighbouring pairs in order`)
          : refuted(`${order.breaks} of ${order.pairs} neighbouring pairs out of order`),
  ),
  call(
    'list-green',
    '`green=false` puts the keys that have no value into each record, as `null` (or an empty array), at every level, and changes nothing else',
    'green',
    (seen) => {
      const g = seen.green;
      if (!g || g.status === null) return notObserved('the page with green=false was not answered');
      if (!g.nulls) return refuted(`green=false → ${g.status}`);
      const byId = new Map(g.plain.map((r) => [r['interactionId'], r]));
      const pairs = g.nulls.flatMap((r) =>
        byId.has(r['interactionId']) ? [[byId.get(r['interactionId'])!, r] as const] : [],
      );
      if (pairs.length === 0) return notObserved('no record was on both pages');
      // What green=false added (each key without a value, or not), and what else changed once they are set aside.
      const added = pairs.flatMap(([plain, nulls]) => keyDiff(plain, nulls).added);
      const notNull = pairs.flatMap(([plain, nulls]) => keyDiff(plain, nulls).added.filter((k) => !noValue(nulls[k])));
      const other = pairs.flatMap(([plain, nulls]) => {
        const { lost, changed } = keyDiff(plain, nulls, true);
        return [...lost, ...changed];
      });
      const ids =
        g.nulls.length === g.plain.length && pairs.length === g.plain.length
          ? 'the same records'
          : `${pairs.length} of ${g.plain.length} records on both`;
      if (other.length || notNull.length)
        return refuted(
          `${ids}; lost or changed: ${tally(other.map((k) => clean(k, 30)))}${notNull.length ? `; added with values: ${tally(notNull.map((k) => clean(k, 30)))}` : ''}`,
        );
      return added.length === 0
        ? refuted(`${ids}; green=false added no key`)
        : confirmed(
            `${ids}; added without a value: ${tally(
              added.map((k) => clean(k, 30)),
              8,
            )}`,
          );
    },
  ),
  call(
    'list-null-scope',
    'keys with no value are left out at every level but `details`, which keeps its nulls; an empty array counts as no value',
    'results (InteractionRecord)',
    (seen) => {
      const records = [...seen.records.values()];
      return records.length === 0 ? notObserved('no record was read') : nullScope(records);
    },
  ),
  call(
    'list-unknown-contact',
    'a `contactId` the tenant does not have gives 200 and no results, not 404',
    'contactId',
    (seen) => {
      const a = seen.unknownContact;
      if (!a || a.status === null) return notObserved(`the probe got ${said(a)}`);
      return a.status === 200 && a.total === 0 ? confirmed('200, total 0') : refuted(said(a));
    },
  ),
  call(
    'list-attribute-body',
    'every 200 is the envelope, whatever the filter (also `attribute-value`)',
    '200 (InteractionRecordPage)',
    (seen) => {
      const a = seen.attribute;
      if (!a) return notObserved('no record of the contact carries a custom reporting attribute');
      if (a.answer.status !== 200) return notObserved(`attribute-value → ${said(a.answer)}`);
      return a.shape === 'envelope'
        ? confirmed('attribute-value answered the envelope')
        : refuted('attribute-value answered another body');
    },
  ),
  call(
    'list-record-as-get',
    'each result is the record Get a Specific Interaction returns for its id (keys without a value aside: their scope is `list-null-scope`)',
    'results (InteractionRecord)',
    (seen, all) => {
      if (all.records.length === 0)
        return notObserved(all.noRecords ?? 'no record was read through Get a Specific Interaction');
      const pairs = all.records.flatMap(({ record }) => {
        const listed = seen.records.get(record['interactionId'] as string);
        return listed ? [keyDiff(record, listed, true)] : [];
      });
      if (pairs.length === 0) return notObserved('none of the records read by id was on the List’s pages');
      const differ = pairs.flatMap((d) => [...d.added, ...d.lost, ...d.changed]);
      return differ.length === 0
        ? confirmed(`the same on ${pairs.length} records`)
        : refuted(
            `keys that differ on ${pairs.filter((d) => d.added.length + d.lost.length + d.changed.length > 0).length} of ${pairs.length} records: ${tally(differ.map((k) => clean(k, 30)))}`,
          );
    },
  ),
  call(
    'list-matches-history',
    'a contact’s List (`contactId`) holds its history’s interactions, in the same order',
    'contactId',
    (seen) => {
      const ours = seen.contactWalk;
      const theirs = seen.history;
      if (!ours?.complete || !theirs?.complete)
        return notObserved('the contact’s history or its List was not read to the end');
      if (ours.ids.join() === theirs.ids.join()) return confirmed(`the same ${ours.ids.length} ids in the same order`);
      const mine = new Set(ours.ids);
      const missing = theirs.ids.filter((id) => !mine.has(id)).length;
      const extra = ours.ids.length - (theirs.ids.length - missing);
      return refuted(
        missing === 0 && extra === 0
          ? `the same ${ours.ids.length} ids in another order`
          : `${missing} of the history's ${theirs.ids.length} missing, ${extra} not in the history`,
      );
    },
  ),
  refusal(
    'list-rejects-malformed-ids',
    'a `contactId` that is not a uuid is refused with 400',
    'contactId (format uuid)',
    (seen) => seen.malformedContact,
  ),
];
