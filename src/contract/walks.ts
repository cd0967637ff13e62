/**
 * The walks: the contact's history read page by page at one page size, each page checked on its own
 * (`answers.ts`) and against the walk so far (no id twice, most recent first, the same `total`, and
 * at the end exactly `total` ids); then the walks at different page sizes held against each other,
 * and one page past the end, which must be empty.
 */
import { checkPageAnswer, findingAt, observeErrorBody, type PageView, type SentPage, SUCCESS } from './answers.js';
import { shown } from './display.js';
import type { Ledger } from './ledger.js';
import type { Observations } from './observations.js';
import type { Answer, Transport } from './transport.js';
import type { ContractRuleId } from './types.js';

export interface WalkContext {
  transport: Transport;
  ledger: Ledger;
  observed: Observations;
  tenantId: string;
  contactId: string;
}

/** One walk: the ids in the order the pages gave them, and where each came from. */
export interface Walk {
  limit: number;
  ids: string[];
  /** Per id: the answer and the index on its page. */
  where: { answer: Answer; index: number }[];
  /** `total` of the first page. */
  total: number | undefined;
  pages: number;
  /** Whether the walk reached the end by `total`. */
  complete: boolean;
}

const query = ({ limit, page }: SentPage): [string, string][] => [
  ...(limit !== undefined ? [['limit', String(limit)] as [string, string]] : []),
  ...(page !== undefined ? [['page', String(page)] as [string, string]] : []),
];

/** Reads one page; when `sent.page` is left out, the request sends neither page nor limit as given. */
export async function readPage(
  context: WalkContext,
  sent: SentPage,
  walkTotal?: number,
): Promise<{ answer: Answer; view: PageView | undefined }> {
  const { transport, ledger, observed, tenantId, contactId } = context;
  const answer = await transport.send({ tenantId, contactId, query: query(sent) });
  return { answer, view: checkPageAnswer(answer, sent, ledger, observed, { walkTotal }) };
}

/**
 * Walks pages 0, 1, … of `limit` until `total` is covered or `maxPages` pages were read; an empty
 * page before the end or a failed page ends it early.
 */
export async function walk(context: WalkContext, limit: number, maxPages: number): Promise<Walk> {
  const { ledger } = context;
  const result: Walk = { limit, ids: [], where: [], total: undefined, pages: 0, complete: false };
  const seen = new Map<string, string>();
  let previous: { time: number; text: string } | undefined;
  let lastAnswer: Answer | undefined;
  let withoutId = 0;
  for (let page = 0; ; page++) {
    if (result.total !== undefined && page * limit >= result.total) {
      result.complete = true;
      break;
    }
    if (page >= maxPages) break;
    const { answer, view } = await readPage(context, { limit, page }, result.total);
    if (!view) break;
    result.pages += 1;
    lastAnswer = answer;
    context.observed.resultsRead += view.count;
    if (result.total === undefined) result.total = view.total;
    else
      ledger.check('total', view.total === result.total, () =>
        findingAt(
          answer,
          '/total',
          `total changed during the walk from ${result.total} to ${shown(view.total)} (or the contact's history changed during the run)`,
        ),
      );
    view.items.forEach((item, index) => {
      const at = (suffix: string) => `/results/${index}/${suffix}`;
      const id = item['interactionId'];
      if (typeof id === 'string') {
        const here = `${answer.request} ${at('interactionId')}`;
        const before = seen.get(id);
        ledger.check('unique-ids', before === undefined, () =>
          findingAt(answer, at('interactionId'), `interactionId ${shown(id)} was already on ${before}`, {
            results: view.items,
          }),
        );
        if (before === undefined) seen.set(id, here);
        result.ids.push(id);
        result.where.push({ answer, index });
        if (!context.observed.itemIds.has(id)) {
          context.observed.itemIds.add(id);
          context.observed.items.push(item);
        }
      } else withoutId += 1;
      const start = item['startTimestamp'];
      const time = typeof start === 'string' ? Date.parse(start) : Number.NaN;
      if (Number.isNaN(time)) return;
      if (previous) {
        const inOrder = time <= previous.time;
        context.observed.order.pairs += 1;
        if (!inOrder) context.observed.order.breaks += 1;
        const before = previous.text;
        ledger.check('order', inOrder, () =>
          findingAt(
            answer,
            at('startTimestamp'),
            `not most recent first: ${shown(start)} comes after ${shown(before)}`,
            {
              results: view.items,
            },
          ),
        );
      }
      previous = { time, text: start as string };
    });
    if (result.total === undefined) break;
    // An empty page before the end (already a limit-honoured finding): the rest would be empty too.
    if (view.count === 0) break;
  }
  if (result.complete && result.total !== undefined && withoutId > 0) {
    ledger.note(
      'total',
      `interactions without an interactionId (see response-schema) were not counted at limit ${limit}`,
    );
  } else if (result.complete && result.total !== undefined && lastAnswer) {
    const distinct = seen.size;
    const total = result.total;
    const answer = lastAnswer;
    context.observed.completeWalks.push({ limit, pages: result.pages, total, count: distinct });
    ledger.check('total', distinct === total, () =>
      findingAt(
        answer,
        '/total',
        `the pages at limit ${limit} hold ${distinct} distinct interactions, but total is ${total}`,
      ),
    );
  }
  return result;
}

const emptyAnswer: Answer = { request: '', status: null, headers: null, contentType: null, text: '', verdicts: [] };

/** Two walks at different page sizes must list the same ids in the same order, under the same `total`. */
export function compareWalks(a: Walk, b: Walk, ledger: Ledger): void {
  const rule: ContractRuleId = 'page-sizes-agree';
  const shorter = a.ids.length <= b.ids.length ? a : b;
  const longer = shorter === a ? b : a;
  if (a.total !== undefined && b.total !== undefined) {
    const where = shorter.where[0]?.answer ?? emptyAnswer;
    ledger.check('total', a.total === b.total, () =>
      findingAt(
        where,
        '/total',
        `total is ${a.total} at limit ${a.limit} but ${b.total} at limit ${b.limit} (or the history changed during the run)`,
      ),
    );
  }
  const n = shorter.ids.length;
  if (n === 0) {
    ledger.note(rule, `nothing to compare at limit ${shorter.limit}`);
    return;
  }
  const i = shorter.ids.findIndex((id, k) => id !== longer.ids[k]);
  const { answer, index } = shorter.where[Math.max(i, 0)]!;
  ledger.check(rule, i === -1, () =>
    findingAt(
      answer,
      `/results/${index}/interactionId`,
      `interaction #${i} is ${shown(shorter.ids[i])} at limit ${shorter.limit} but ${shown(longer.ids[i])} at limit ${longer.limit}`,
    ),
  );
}

/**
 * The page just past the end by `total`, at `limit`: an empty 200 page. The spec's example (the
 * judgement call `empty-page-past-the-end`) is also what the SDK relies on: a walk whose last page is
 * full reads the next one to confirm the end, and any other answer ends it with an error (rule
 * `status`); a page that holds interactions there breaks `total`.
 */
export async function pastTheEnd(context: WalkContext, limit: number, total: number): Promise<void> {
  const page = Math.max(1, Math.ceil(total / limit));
  const { transport, ledger, observed, tenantId, contactId } = context;
  const answer = await transport.send({ tenantId, contactId, query: query({ limit, page }) });
  const seen: NonNullable<Observations['pastTheEnd']> = { status: answer.status };
  observed.pastTheEnd = seen;
  if (answer.status !== SUCCESS) {
    const got = answer.failure ? `no answer (${answer.failure.message})` : String(answer.status);
    ledger.check('status', false, () =>
      findingAt(
        answer,
        '',
        `page ${page} is just past the end by total ${total}: expected an empty ${SUCCESS} page (a walk whose last page is full reads it to confirm the end), got ${got}`,
      ),
    );
    if (answer.status !== null && answer.status >= 400) observeErrorBody(answer, observed);
    return;
  }
  const view = checkPageAnswer(answer, { limit, page }, ledger, observed, { walkTotal: total, pastTheEnd: true });
  if (!view) return;
  seen.count = view.count;
  ledger.check('total', view.count === 0, () =>
    findingAt(
      answer,
      '/results',
      `page ${page} is past the end by total ${total}, yet holds ${view.count} interactions`,
    ),
  );
}
