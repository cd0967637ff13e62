/**
 * The judgement calls on the interaction record (Get a Specific Interaction's answer, and each result of
 * Get a List of Interactions). The vendor's samples now show the record's keys and their types, so what
 * they document is the spec's schema (checked by the `successor-schema` rule), not a call: the form of
 * the timestamps, which keys exist, which are numbers, and that keys without a value are left out. What
 * stays a call is what the samples only suggest: where that omission stops (`details` keeps its nulls),
 * the unit of the times (seconds, from the samples' arithmetic), the type of the keys the samples show
 * only as `null`, and which history field each key matches. Each call is held against the records read
 * (each beside the history item it was read for) and reported confirmed, refuted or not observed.
 * Evidence is type names, key names, counts and enum-like values (channel, direction), never a
 * customer's data.
 */
import { stringifyJson } from '../common/exact-json.js';
import type { InteractionRecord } from '../types.js';
import { clean, shown } from './display.js';
import { isRecord, type Observations } from './observations.js';
import { confirmed, type JudgementCall, notObserved, refuted, tally, typeName } from './verdicts.js';

type Known<T> = keyof { [K in keyof T as string extends K ? never : K]: true };
/** Per key: whether the spec gives it a type (`true`) or accepts any value (`false`), read from the generated type. */
type Typed<T> = { [K in Known<T>]-?: unknown extends T[K] ? false : true };
type Details = NonNullable<InteractionRecord['details']>;

/**
 * The record's keys, each with whether the spec types it. Checked against the generated types at compile
 * time: a key added to the spec, or a key typed or untyped there, fails here until this table follows.
 */
const topKeys = {
  tenantId: true,
  interactionId: true,
  flowId: true,
  flowName: true,
  startTimestamp: true,
  endTimestamp: true,
  interactionTime: true,
  customerAbandonTime: true,
  ivrTime: true,
  ivrAbandoned: false,
  contactPoint: true,
  customer: true,
  customerHolds: true,
  customerHoldTime: false,
  customerTransfers: false,
  customerConversationTime: true,
  customerTalkTime: true,
  customerResponseTimes: true,
  customerSatisfactionScore: true,
  thirdPartyTime: false,
  campaignId: false,
  leadId: false,
  flagged: false,
  monitors: true,
  hooks: true,
  segments: true,
  queues: true,
  details: true,
} as const satisfies Typed<InteractionRecord>;
const detailKeys = {
  endTimestamp: true,
  interactionId: true,
  contactPoint: true,
  customer: true,
  csat: false,
  startTimestamp: true,
  agents: true,
  direction: true,
  contactId: false,
  channelType: true,
} as const satisfies Typed<Details>;

type Read = Observations['records'][number];
const details = (record: Record<string, unknown>) => (isRecord(record['details']) ? record['details'] : undefined);

/** Every key the spec lists, as a path (`details.direction`), with its value on `record` (`undefined`: absent). */
function keysOf(record: Record<string, unknown>): { key: string; typed: boolean; value: unknown; present: boolean }[] {
  const inner = details(record);
  return [
    ...Object.entries(topKeys).map(([key, typed]) => ({
      key,
      typed,
      value: record[key],
      present: Object.hasOwn(record, key),
    })),
    ...(inner
      ? Object.entries(detailKeys).map(([key, typed]) => ({
          key: `details.${key}`,
          typed,
          value: inner[key],
          present: Object.hasOwn(inner, key),
        }))
      : []),
  ];
}

export const noRecords = (observed: Observations) =>
  notObserved(observed.noRecords ?? 'no record was read through Get a Specific Interaction');

/** A call comparing one value of each record with one of its history item (or of the request). */
function matches(
  id: string,
  claim: string,
  where: string,
  pick: (read: Read) => { ours: unknown; theirs: unknown } | undefined,
  evidence: 'count' | 'pairs',
): JudgementCall {
  return {
    id,
    claim,
    where,
    judge(observed) {
      if (observed.records.length === 0) return noRecords(observed);
      const pairs = observed.records.flatMap((read) => pick(read) ?? []);
      if (pairs.length === 0) return notObserved(`absent on all ${observed.records.length} records`);
      const same = (p: { ours: unknown; theirs: unknown }) => stringifyJson(p.ours) === stringifyJson(p.theirs);
      const differ = pairs.filter((p) => !same(p));
      if (evidence === 'pairs') {
        const seen = `pairs seen: ${tally(pairs.map((p) => `${shown(p.theirs, 20)} → ${shown(p.ours, 20)}`))}`;
        return differ.length === 0 ? confirmed(seen) : refuted(seen);
      }
      return differ.length === 0
        ? confirmed(`the same on ${pairs.length} records`)
        : refuted(
            `differs on ${differ.length} of ${pairs.length} records (types: ${tally(differ.map((p) => typeName(p.ours)))})`,
          );
    },
  };
}

/** A call looking for the history's last agent or queue id among a record's list of them. */
function listed(
  id: string,
  historyKey: 'lastAgentId' | 'lastQueueId',
  list: (record: Record<string, unknown>) => unknown,
  listName: string,
): JudgementCall {
  return {
    id,
    claim: `the history's \`${historyKey}\` is among \`${listName}\``,
    where: `InteractionRecord.${listName}`,
    judge(observed) {
      if (observed.records.length === 0) return noRecords(observed);
      const found: string[] = [];
      let missing = 0;
      for (const { item, record } of observed.records) {
        const wanted = item[historyKey];
        const entries = list(record);
        if (typeof wanted !== 'string' || !Array.isArray(entries)) continue;
        const as = foundAs(entries, wanted);
        if (as === undefined) missing += 1;
        else found.push(as);
      }
      const judged = found.length + missing;
      if (judged === 0) return notObserved(`no record had both a \`${historyKey}\` in the history and \`${listName}\``);
      const seen = found.length ? `found as ${tally(found)}` : 'never found';
      return missing === 0 ? confirmed(seen) : refuted(`absent on ${missing} of ${judged} records; ${seen}`);
    },
  };
}

/** Where `id` is in `entries`: the name of the property of an entry that holds it, or the entry itself. */
function foundAs(entries: readonly unknown[], id: string): string | undefined {
  for (const entry of entries) {
    if (entry === id) return 'an item itself';
    if (!isRecord(entry)) continue;
    const key = Object.keys(entry).find((k) => entry[k] === id);
    if (key !== undefined) return clean(key, 30);
  }
  return undefined;
}

/** The paths (`segments[].agentId`) of the keys outside `details` whose value is `null` or an empty array. */
function emptyPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => emptyPaths(item, `${at}[]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = `${at}${at ? '.' : ''}${clean(key, 30)}`;
    if (at === '' && key === 'details') return [];
    if (inner === null || (Array.isArray(inner) && inner.length === 0)) return [path];
    return emptyPaths(inner, path);
  });
}

/** The record's duration against the history's start and end: in seconds (to the ms), in ms, in whole seconds, or neither. */
function durationUnit(value: unknown, start: unknown, end: unknown): string | undefined {
  const from = typeof start === 'string' ? Date.parse(start) : Number.NaN;
  const to = typeof end === 'string' ? Date.parse(end) : Number.NaN;
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  if (typeof value !== 'number') return typeName(value);
  const ms = to - from;
  // Within half a millisecond: 94.244 for 94244 ms, whatever the float rounding.
  if (Math.abs(value * 1000 - ms) < 0.5) return 'seconds';
  if (value === ms) return 'milliseconds';
  if (value === Math.round(ms / 1000) || value === Math.floor(ms / 1000)) return 'whole seconds';
  return 'neither s nor ms of end − start';
}

/** The judgement calls on the record, in the order reports list them. */
export const recordCalls: readonly JudgementCall[] = [
  {
    id: 'record-null-scope',
    claim:
      'keys without a value are left out: no `null` and no empty array outside `details`, while `details` keeps every key the spec lists for it, `null` included',
    where: 'InteractionRecord, InteractionRecordDetails',
    judge(observed) {
      const { records } = observed;
      if (records.length === 0) return noRecords(observed);
      const empty = records.flatMap(({ record }) => emptyPaths(record));
      const inner = records.flatMap(({ record }) => {
        const d = details(record);
        return d ? [d] : [];
      });
      const lacking = inner.flatMap((d) => Object.keys(detailKeys).filter((key) => !Object.hasOwn(d, key)));
      const problems = [
        ...(empty.length ? [`null or empty outside details: ${tally(empty, 8)}`] : []),
        ...(lacking.length ? [`details lacks: ${tally(lacking, 8)}`] : []),
      ];
      if (problems.length) return refuted(`${problems.join('; ')} (of ${records.length} records)`);
      const kept = inner.length ? `; details had its ${Object.keys(detailKeys).length} keys on ${inner.length}` : '';
      return confirmed(`no null or empty array outside details on ${records.length} records${kept}`);
    },
  },
  {
    id: 'record-key-types',
    claim:
      'each key the spec leaves untyped (the vendor’s samples show it only as `null`) keeps one type across records (besides `null`)',
    where: 'InteractionRecord (untyped keys)',
    judge(observed) {
      const { records } = observed;
      if (records.length === 0) return noRecords(observed);
      const types = new Map<string, Set<string>>();
      for (const { record } of records)
        for (const k of keysOf(record)) {
          if (k.typed || !k.present) continue;
          const seen = types.get(k.key) ?? new Set();
          seen.add(typeName(k.value));
          types.set(k.key, seen);
        }
      if (types.size === 0) return notObserved('none of the untyped keys was on a record');
      const evidence = [...types].map(([key, seen]) => `${key} ${[...seen].sort().join('|')}`).join(', ');
      const mixed = [...types.values()].some((seen) => [...seen].filter((t) => t !== 'null').length > 1);
      if (mixed) return refuted(evidence);
      return records.length < 2 ? notObserved(`one record: ${evidence}`) : confirmed(evidence);
    },
  },
  matches(
    'record-tenant-id-is-path',
    '`tenantId` is the tenant of the request path',
    'InteractionRecord.tenantId',
    ({ record, tenantId }) =>
      Object.hasOwn(record, 'tenantId') ? { ours: record['tenantId'], theirs: tenantId } : undefined,
    'count',
  ),
  {
    id: 'record-interaction-time-seconds',
    claim:
      '`interactionTime` is `endTimestamp − startTimestamp` in seconds, milliseconds as decimals (as the vendor’s samples compute it)',
    where: 'InteractionRecord.interactionTime',
    judge(observed) {
      const { records } = observed;
      if (records.length === 0) return noRecords(observed);
      const units = records.flatMap(({ item, record }) => {
        if (!Object.hasOwn(record, 'interactionTime')) return [];
        return durationUnit(record['interactionTime'], item['startTimestamp'], item['endTimestamp']) ?? [];
      });
      if (units.length === 0) return notObserved('no ended interaction with an interactionTime was read');
      const seen = tally(units);
      return units.every((u) => u === 'seconds') ? confirmed(seen) : refuted(seen);
    },
  },
  matches(
    'record-customer-as-history',
    '`customer` is the history’s `customer`',
    'InteractionRecord.customer',
    ({ item, record }) =>
      Object.hasOwn(record, 'customer') ? { ours: record['customer'], theirs: item['customer'] } : undefined,
    'count',
  ),
  matches(
    'record-channel-type-as-history',
    '`details.channelType` is the history’s `channelType`',
    'InteractionRecord.details.channelType',
    ({ item, record }) => {
      const inner = details(record);
      return inner && Object.hasOwn(inner, 'channelType')
        ? { ours: inner['channelType'], theirs: item['channelType'] }
        : undefined;
    },
    'pairs',
  ),
  matches(
    'record-direction-as-history',
    '`details.direction` is the history’s `directionType`',
    'InteractionRecord.details.direction',
    ({ item, record }) => {
      const inner = details(record);
      return inner && Object.hasOwn(inner, 'direction')
        ? { ours: inner['direction'], theirs: item['directionType'] }
        : undefined;
    },
    'pairs',
  ),
  matches(
    'record-contact-id-is-contact',
    '`details.contactId` is the contact whose history lists the interaction',
    'InteractionRecord.details.contactId',
    ({ record, contactId }) => {
      const inner = details(record);
      return inner && Object.hasOwn(inner, 'contactId') ? { ours: inner['contactId'], theirs: contactId } : undefined;
    },
    'count',
  ),
  listed('record-last-agent-in-agents', 'lastAgentId', (record) => details(record)?.['agents'], 'details.agents'),
  listed('record-last-queue-in-queues', 'lastQueueId', (record) => record['queues'], 'queues'),
];
