/**
 * The spec's open judgement calls: where the evidence (the vendor's page, samples and client code)
 * leaves a behaviour uncertain, the spec made a call and says so in its descriptions. A run against a
 * real tenant tells which calls hold there: each is `confirmed`, `refuted` or `not observed`, with a
 * few words of evidence, and never fails the run (only a rule with a source does: `rules.ts`). A few
 * calls are also rules because the SDK relies on them whatever the evidence (`offset`, `total`,
 * `order`, and `status` for the page past the end). Evidence never quotes customer data.
 */
import { channelLabels, documentedFields as documented } from '../common/interaction-fields.js';
import type { Interaction } from '../types.js';
import { clean, shown } from './display.js';
import { isRecord, type Observations } from './observations.js';
import { recordCalls } from './record-calls.js';
import { refusalCalls } from './refusal-calls.js';
import { recordInstantsCall } from './successor.js';
import type { JudgementCallResult } from './types.js';
import { confirmed, type JudgementCall, notObserved, refuted, tally, typeName } from './verdicts.js';

const NO_INTERACTIONS = notObserved('no interactions were read');

const E164 = /^\+[1-9]\d{1,14}$/;

function onlyNull(field: 'recording' | 'transcript'): JudgementCall {
  return {
    id: `${field}-always-null`,
    claim: `\`${field}\` is always \`null\` (its type is undocumented: the spec accepts any value)`,
    where: `Interaction.${field}`,
    judge({ items }) {
      if (items.length === 0) return NO_INTERACTIONS;
      const types = items.map((item) => typeName(item[field]));
      const other = types.filter((t) => t !== 'null');
      return other.length === 0
        ? confirmed(`null on all ${items.length} interactions`)
        : refuted(`types seen: ${tally(types)}`);
    },
  };
}

function errorShape(error: unknown): string {
  if (typeof error === 'string') return 'string';
  if (Array.isArray(error)) return error.every((e) => typeof e === 'string') ? 'array' : 'other';
  return isRecord(error) ? 'object' : 'other';
}

/** The judgement calls, in the order reports list them. */
export const judgementCalls: readonly JudgementCall[] = [
  {
    id: 'page-null-when-omitted',
    claim: '`page` is `null` when the request sends no `page`',
    where: 'InteractionPage.page',
    judge: ({ pageWhenOmitted }) =>
      !pageWhenOmitted
        ? notObserved('no page was answered without `page`')
        : pageWhenOmitted.value === null
          ? confirmed('page: null')
          : refuted(`page: ${shown(pageWhenOmitted.value)}`),
  },
  {
    id: 'page-echoed-when-sent',
    claim: '`page` echoes the requested page as a number',
    where: 'InteractionPage.page',
    judge({ pageEchoes }) {
      if (pageEchoes.length === 0) return notObserved('no page was requested with `page`');
      const wrong = pageEchoes.find((e) => e.got !== e.sent);
      return wrong
        ? refuted(`page ${wrong.sent} sent, page ${shown(wrong.got)} echoed`)
        : confirmed(`${pageEchoes.length} pages echoed`);
    },
  },
  {
    id: 'offset-is-page-times-limit',
    claim: '`offset` is `page × limit`',
    where: 'InteractionPage.offset',
    judge({ offsets }) {
      if (offsets.length === 0) return notObserved('no page after the first was read');
      const wrong = offsets.find((o) => o.offset !== o.page * o.limit);
      return wrong
        ? refuted(`page ${wrong.page} × limit ${wrong.limit}: offset ${shown(wrong.offset)}`)
        : confirmed(
            `${offsets.length} pages, e.g. page ${offsets[0]!.page} × limit ${offsets[0]!.limit} = ${shown(offsets[0]!.offset)}`,
          );
    },
  },
  {
    id: 'total-counts-all',
    claim: '`total` counts all the contact’s interactions, on every page',
    where: 'InteractionPage.total',
    judge({ completeWalks }) {
      const multi = completeWalks.filter((w) => w.pages > 1);
      const wrong = completeWalks.find((w) => w.count !== w.total);
      if (wrong) return refuted(`total ${wrong.total}, but the pages at limit ${wrong.limit} hold ${wrong.count}`);
      if (multi.length === 0)
        return notObserved('no walk over several pages reached the end (a short history, or maxPages)');
      return confirmed(`${multi[0]!.pages} pages at limit ${multi[0]!.limit} hold total = ${multi[0]!.total}`);
    },
  },
  {
    id: 'empty-page-past-the-end',
    claim: 'a page past the end is answered 200 with no results (not 404)',
    where: 'listContactInteractions 200 example pastTheEnd',
    judge({ pastTheEnd }) {
      if (!pastTheEnd) return notObserved('no page past the end was read');
      if (pastTheEnd.status === 200 && pastTheEnd.count === 0) return confirmed('200, results: []');
      return refuted(
        pastTheEnd.status === null
          ? 'no answer'
          : `${pastTheEnd.status}${pastTheEnd.count !== undefined ? ` with ${pastTheEnd.count} results` : ''}`,
      );
    },
  },
  {
    id: 'most-recent-first',
    claim: 'results are ordered most recent first by `startTimestamp`',
    where: 'listContactInteractions (description), InteractionPage.results',
    judge: ({ order }) =>
      order.pairs === 0
        ? notObserved('fewer than two interactions were read')
        : order.breaks === 0
          ? confirmed(`${order.pairs} neighbouring pairs in order`)
          : refuted(`${order.breaks} of ${order.pairs} neighbouring pairs out of order`),
  },
  {
    id: 'end-timestamp-null-while-open',
    claim: '`endTimestamp` is `null` while an interaction is still open',
    where: 'Interaction.endTimestamp',
    judge({ items }) {
      if (items.length === 0) return NO_INTERACTIONS;
      const ends = items.map((item) => item['endTimestamp']);
      const odd = ends.filter((e) => e !== null && (typeof e !== 'string' || e.trim() === ''));
      if (odd.length > 0) return refuted(`an open interaction shows ${shown(odd[0])} instead of null`);
      const open = ends.filter((e) => e === null).length;
      return open > 0
        ? confirmed(`${open} of ${items.length} interactions have endTimestamp null`)
        : notObserved(`all ${items.length} interactions had ended`);
    },
  },
  {
    id: 'note-is-0-or-1',
    claim: '`note` is a flag, 0 or 1 (not a count, not a boolean)',
    where: 'Interaction.note',
    judge({ items }) {
      if (items.length === 0) return NO_INTERACTIONS;
      const values = items.map((item) => shown(item['note'], 20));
      const odd = values.filter((v) => v !== '0' && v !== '1');
      return odd.length === 0 ? confirmed(`values seen: ${tally(values)}`) : refuted(`values seen: ${tally(values)}`);
    },
  },
  {
    id: 'csat-number-or-null',
    claim: '`csat` is a number (scale undocumented) or `null`',
    where: 'Interaction.csat',
    judge({ items }) {
      if (items.length === 0) return NO_INTERACTIONS;
      const values = items.map((item) => item['csat']);
      const odd = values.filter((v) => v !== null && typeof v !== 'number');
      if (odd.length > 0) return refuted(`types seen: ${tally(values.map(typeName))}`);
      const scores = values.filter((v): v is number => typeof v === 'number');
      return scores.length === 0
        ? notObserved(`only null on ${items.length} interactions`)
        : confirmed(`${scores.length} scores from ${Math.min(...scores)} to ${Math.max(...scores)}`);
    },
  },
  onlyNull('recording'),
  onlyNull('transcript'),
  {
    id: 'voice-customer-e164',
    claim: '`customer` is an E.164 phone number on voice interactions',
    where: 'Interaction.customer',
    judge({ items }) {
      const voice = items.filter((item) => item['channelType'] === 'voice');
      if (voice.length === 0) return notObserved('no voice interactions were read');
      const odd = voice.filter((item) => typeof item['customer'] !== 'string' || !E164.test(item['customer']));
      return odd.length === 0
        ? confirmed(`all ${voice.length} voice customers`)
        : refuted(`${odd.length} of ${voice.length} voice customers are not E.164`);
    },
  },
  {
    id: 'channel-labels',
    claim: `\`channelName\` is the channel's label (${Object.entries(channelLabels)
      .map(([type, label]) => `${type} → ${label}`)
      .join(', ')})`,
    where: 'Interaction.channelName',
    judge({ items }) {
      if (items.length === 0) return NO_INTERACTIONS;
      const pairs = items.map((item) => `${shown(item['channelType'], 20)} → ${shown(item['channelName'], 30)}`);
      const odd = items.filter(
        (item) => channelLabels[item['channelType'] as Interaction['channelType']] !== item['channelName'],
      );
      return odd.length === 0 ? confirmed(`pairs seen: ${tally(pairs)}`) : refuted(`pairs seen: ${tally(pairs)}`);
    },
  },
  {
    id: 'extra-properties',
    claim: 'interactions may carry statistics the spec does not describe (extra properties are kept)',
    where: 'Interaction (additionalProperties)',
    judge({ items }) {
      if (items.length === 0) return NO_INTERACTIONS;
      const extra = items.flatMap((item) => Object.keys(item).filter((key) => !Object.hasOwn(documented, key)));
      return extra.length === 0
        ? notObserved(`none on ${items.length} interactions`)
        : confirmed(`seen: ${tally(extra.map((key) => clean(key, 40)))}`);
    },
  },
  {
    id: 'error-body-shapes',
    claim: 'error bodies are JSON and carry `error` as a string, an array of strings or an object',
    where: 'ErrorBody',
    judge({ errorBodies }) {
      if (errorBodies.length === 0) return notObserved('no error answers');
      const shapes = errorBodies.map(({ status, body }) =>
        isRecord(body) && 'error' in body ? `${status}: ${errorShape(body['error'])}` : `${status}: other`,
      );
      // A validating proxy's verdicts on error answers judge the same schema (ErrorBody).
      const verdicts = errorBodies.flatMap((e) => e.verdicts ?? []);
      const proxy =
        verdicts.length > 0 ? `; ${verdicts.length} verdict(s) of inspect, e.g. ${verdicts[0]!.message}` : '';
      const evidence = `${[...new Set(shapes)].slice(0, 8).join('; ')}${proxy}`;
      return shapes.some((s) => s.endsWith('other')) || verdicts.length > 0 ? refuted(evidence) : confirmed(evidence);
    },
  },
  {
    id: 'error-code-is-status',
    claim: 'an object-shaped error’s `code` is the HTTP status',
    where: 'ErrorBody.error.code',
    judge({ errorBodies }) {
      const coded = errorBodies.flatMap(({ status, body }) => {
        const error = isRecord(body) ? body['error'] : undefined;
        return isRecord(error) && error['code'] !== undefined ? [{ status, code: error['code'] }] : [];
      });
      if (coded.length === 0) return notObserved('no object-shaped error with a code');
      const wrong = coded.find(({ status, code }) => String(code) !== String(status));
      return wrong
        ? refuted(`${wrong.status}: code ${shown(wrong.code)}`)
        : confirmed(`${coded.length} errors, e.g. ${coded[0]!.status}: code ${shown(coded[0]!.code)}`);
    },
  },
  ...refusalCalls,
  ...recordCalls,
  recordInstantsCall,
];

/** Longest evidence kept: enough for the types of every key the record's schema leaves open. */
const EVIDENCE_CHARS = 400;

/** The verdict on every judgement call from what the run observed. */
export function judge(observed: Observations): JudgementCallResult[] {
  return judgementCalls.map(({ id, claim, where, judge }) => {
    const { verdict, evidence } = judge(observed);
    return { id, claim, where, verdict, evidence: clean(evidence, EVIDENCE_CHARS) };
  });
}
