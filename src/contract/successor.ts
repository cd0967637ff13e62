/**
 * The checks of Get a Specific Interaction, the route the vendor recommends in place of the history:
 * interactions the walks listed are read again by id, and each answer is checked on its own (200, JSON,
 * the spec's InteractionRecord schema, the record not wrapped in an envelope) and against the history's
 * item (the same id). Whether its start and end are the item's instants is a judgement call (the
 * vendor names the record's keys only, and the SDK compares no times). A handful is read, chosen to
 * vary channel, direction and open or ended, so that the judgement calls on the record see more than
 * one kind of interaction.
 */

import { spec } from '../../generated/spec.js';
import { validateInteractionRecord } from '../../generated/validators.js';
import { asJsonNumbers } from '../common/exact-json.js';
import { paramProblem } from '../validation/params.js';
import { checkJson, findingAt, firstIssue, observeErrorBody, proxyVerdicts } from './answers.js';
import { clean, shown } from './display.js';
import { isRecord } from './observations.js';
import { noRecords } from './record-calls.js';
import type { Answer, ProbeRequest } from './transport.js';
import { confirmed, type JudgementCall, notObserved, refuted, tally } from './verdicts.js';
import type { WalkContext } from './walks.js';

const operation = spec.operations.getInteraction;
const SUCCESS: number = operation.successStatus;

/** Interactions of the history read through the successor in one run, at most. */
export const SUCCESSOR_READS = 5;

type Item = Record<string, unknown>;

/** Whether the item's `interactionId` can be asked for (a uuid, as the route's parameter must be). */
export const readable = (tenantId: string, item: Item): boolean =>
  typeof item['interactionId'] === 'string' &&
  paramProblem(operation.parameters, { tenantId, interactionId: item['interactionId'] }) === undefined;

export function recordRequest(tenantId: string, item: Item): ProbeRequest {
  return { tenantId, interactionId: item['interactionId'] as string };
}

/**
 * Up to `count` readable items besides those in `taken`: each time the one that shows the most of what
 * is not shown yet (a channel, a direction, open or ended; the earliest on a tie), then the oldest ones.
 */
export function chooseSample(tenantId: string, items: readonly Item[], taken: readonly Item[], count: number): Item[] {
  const features = (item: Item) => [
    `channel ${String(item['channelType'])}`,
    `direction ${String(item['directionType'])}`,
    item['endTimestamp'] === null ? 'open' : 'ended',
  ];
  const shownFeatures = new Set(taken.flatMap(features));
  const candidates = items.filter((item) => readable(tenantId, item) && !taken.includes(item));
  const chosen: Item[] = [];
  while (chosen.length < count) {
    let best: { item: Item; gain: number } | undefined;
    for (const item of candidates) {
      const gain = features(item).filter((f) => !shownFeatures.has(f)).length;
      if (gain > (best?.gain ?? 0) && !chosen.includes(item)) best = { item, gain };
    }
    if (!best) break;
    chosen.push(best.item);
    for (const f of features(best.item)) shownFeatures.add(f);
  }
  for (let i = candidates.length - 1; i >= 0 && chosen.length < count; i--) {
    if (!chosen.includes(candidates[i]!)) chosen.push(candidates[i]!);
  }
  return chosen;
}

/**
 * `{key: record}`, `{key: [record]}` or `[record]`: how the body wraps the record of `id` instead of
 * being it (the spec's record is the whole body, as the history's page is), or `undefined`.
 */
function envelopeOf(body: unknown, id: string): string | undefined {
  const isTheRecord = (value: unknown) => isRecord(value) && value['interactionId'] === id;
  if (Array.isArray(body)) return body.some(isTheRecord) ? '[…]' : undefined;
  if (!isRecord(body) || 'interactionId' in body) return undefined;
  const key = Object.keys(body).find((k) => {
    const value = body[k];
    return isTheRecord(value) || (Array.isArray(value) && value.some(isTheRecord));
  });
  return key === undefined ? undefined : `{${clean(key, 30)}: …}`;
}

/**
 * Whether `value` is the instant of the history's ISO 8601 `reference`: as a date-time string, or as a
 * number of milliseconds or seconds since the epoch. `undefined` when either is not a time at all (what
 * form the record's times take is a judgement call, not this rule).
 */
export function sameInstant(value: unknown, reference: unknown): boolean | undefined {
  const at = typeof reference === 'string' ? Date.parse(reference) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed === at;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value === at || value === at / 1000 || value === Math.floor(at / 1000);
  }
  return undefined;
}

/** Checks the successor's answer for the history's `item`, and keeps the record for the judgement calls. */
export function checkRecord(answer: Answer, item: Item, context: WalkContext): void {
  const { ledger, observed, tenantId, contactId } = context;
  const id = item['interactionId'] as string;
  const { status } = answer;
  const noAnswer = answer.failure ? `no answer: ${answer.failure.message}` : undefined;
  const ok = ledger.check('successor-status', status === SUCCESS, () =>
    findingAt(
      answer,
      '',
      noAnswer ??
        `the history lists this interaction, but reading it by id was answered ${status}, expected ${SUCCESS}`,
    ),
  );
  if (!ok) {
    if (status !== null && status >= 400) observeErrorBody(answer, observed);
    return;
  }
  // A record that parses is checked on, whatever its content-type said.
  const { parsed } = checkJson(answer, ledger, 'successor-content-type');
  if (!parsed.ok) return;
  const body = parsed.value;
  proxyVerdicts(answer, 'successor-schema', ledger);
  const valid = validateInteractionRecord(asJsonNumbers(body));
  const issue = firstIssue(validateInteractionRecord.errors);
  ledger.check('successor-schema', valid, () =>
    findingAt(answer, issue.pointer, `${issue.message} (schema ${operation.successSchema})`, body),
  );
  const envelope = envelopeOf(body, id);
  ledger.check('successor-unwrapped', envelope === undefined, () =>
    findingAt(answer, '', `the record is wrapped in ${envelope}; the spec's record is the whole body`),
  );
  if (envelope !== undefined || !isRecord(body)) return;

  ledger.check('successor-matches-history', body['interactionId'] === id, () =>
    findingAt(
      answer,
      '/interactionId',
      `interactionId ${shown(body['interactionId'])} is not the id asked for, ${shown(id)}`,
      body,
    ),
  );
  observed.records.push({ item, record: body, tenantId, contactId });
}

/**
 * The judgement call on the record's times: the same instants as the history's item. An item open in
 * the history may have ended since; a time in a form neither can be read as is left to the schema rule
 * (`successor-schema`: the vendor's samples show ISO 8601 strings).
 */
export const recordInstantsCall: JudgementCall = {
  id: 'record-instants-as-history',
  claim:
    '`startTimestamp` and `endTimestamp` are the history item’s instants (ISO 8601, or epoch ms or s; one open in the history may have ended since)',
  where: 'InteractionRecord.startTimestamp, InteractionRecord.endTimestamp',
  judge(observed) {
    if (observed.records.length === 0) return noRecords(observed);
    let same = 0;
    const differ: string[] = [];
    for (const { item, record } of observed.records) {
      for (const key of ['startTimestamp', 'endTimestamp'] as const) {
        const theirs = item[key];
        const ours = record[key];
        if (theirs === null || ours === undefined) continue;
        const verdict = ours === null ? false : sameInstant(ours, theirs);
        if (verdict === true) same += 1;
        else if (verdict === false) differ.push(ours === null ? `${key} null where the history's ended` : key);
      }
    }
    const compared = same + differ.length;
    if (compared === 0) return notObserved(`no time of ${observed.records.length} records could be compared`);
    return differ.length === 0
      ? confirmed(`${compared} times, all at the history's instants`)
      : refuted(`${differ.length} of ${compared} times differ: ${tally(differ)}`);
  },
};
