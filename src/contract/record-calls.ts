/**
 * The judgement calls of Get a Specific Interaction. Its record is known only by the names of its keys,
 * so the spec (InteractionRecord) types almost nothing and says what each key presumably holds: which
 * keys are there, what type each has, what form its times take and in what unit, and which history
 * field each one matches. Each presumption is held against the records read (each beside the history
 * item it was read for) and reported confirmed, refuted or not observed. Evidence is type names, key
 * names, counts and enum-like values (channel, direction), never a customer's data.
 */
import { stringifyJson } from '../common/exact-json.js';
import type { InteractionRecord } from '../types.js';
import { clean, shown } from './display.js';
import { isRecord, type Observations } from './observations.js';
import { confirmed, type JudgementCall, notObserved, refuted, tally, typeName } from './verdicts.js';

type Known<T> = keyof { [K in keyof T as string extends K ? never : K]: true };
type Details = NonNullable<InteractionRecord['details']>;

/**
 * The record's keys and whether the spec gives each a type (`true`) or accepts any value (`false`).
 * Compile-time exhaustive: a key added to the spec fails here.
 */
const topKeys = {
  tenantId: true,
  interactionId: true,
  flowId: false,
  flowName: false,
  startTimestamp: false,
  endTimestamp: false,
  interactionTime: false,
  customerAbandonTime: false,
  ivrTime: false,
  contactPoint: false,
  customer: false,
  customerHolds: false,
  segments: true,
  queues: true,
  details: true,
} as const satisfies Record<Known<InteractionRecord>, boolean>;
const detailKeys = {
  agents: true,
  direction: false,
  contactId: false,
  channelType: false,
} as const satisfies Record<Known<Details>, boolean>;

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

const noRecords = (observed: Observations) =>
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

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function timeForm(value: unknown): string {
  if (typeof value === 'string') {
    if (ISO_MS.test(value)) return 'ISO 8601 UTC ms';
    return Number.isNaN(Date.parse(value)) ? 'a string' : 'another date-time string';
  }
  return typeName(value);
}

/** The record's duration against the history's start and end: in ms, in s, or neither. */
function durationUnit(value: unknown, start: unknown, end: unknown): string | undefined {
  const from = typeof start === 'string' ? Date.parse(start) : Number.NaN;
  const to = typeof end === 'string' ? Date.parse(end) : Number.NaN;
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  if (typeof value !== 'number') return typeName(value);
  const ms = to - from;
  if (value === ms) return 'milliseconds';
  if (value === Math.round(ms / 1000) || value === Math.floor(ms / 1000)) return 'seconds';
  return 'neither ms nor s of end − start';
}

/** The judgement calls on the record, in the order reports list them. */
export const recordCalls: readonly JudgementCall[] = [
  {
    id: 'record-keys-always-present',
    claim: `every key the spec lists (${Object.keys(topKeys).length} at the top, ${Object.keys(detailKeys).length} in \`details\`) is on every record (only \`interactionId\` is required)`,
    where: 'InteractionRecord',
    judge(observed) {
      const { records } = observed;
      if (records.length === 0) return noRecords(observed);
      const missing = records.flatMap(({ record }) => keysOf(record).flatMap((k) => (k.present ? [] : [k.key])));
      return missing.length === 0
        ? confirmed(`all on ${records.length} records`)
        : refuted(`missing: ${tally(missing, 10)} (of ${records.length} records)`);
    },
  },
  {
    id: 'record-key-types',
    claim: 'each key the spec leaves untyped keeps one type across records (besides `null`)',
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
    id: 'record-times-as-history',
    claim:
      '`startTimestamp` and `endTimestamp` take the history’s form: ISO 8601 in UTC with milliseconds (`endTimestamp` `null` while open)',
    where: 'InteractionRecord.startTimestamp, InteractionRecord.endTimestamp',
    judge(observed) {
      const { records } = observed;
      if (records.length === 0) return noRecords(observed);
      const forms = records.flatMap(({ record }) =>
        (['startTimestamp', 'endTimestamp'] as const).flatMap((key) =>
          Object.hasOwn(record, key) ? [{ key, form: timeForm(record[key]) }] : [],
        ),
      );
      if (forms.length === 0) return notObserved(`no times on ${records.length} records`);
      const odd = forms.filter(
        ({ key, form }) => form !== 'ISO 8601 UTC ms' && !(key === 'endTimestamp' && form === 'null'),
      );
      const seen = tally(forms.map(({ key, form }) => `${key} ${form}`));
      return odd.length === 0 ? confirmed(seen) : refuted(seen);
    },
  },
  {
    id: 'record-interaction-time-ms',
    claim: '`interactionTime` is the duration in milliseconds (`endTimestamp − startTimestamp`)',
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
      return units.every((u) => u === 'milliseconds') ? confirmed(seen) : refuted(seen);
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
