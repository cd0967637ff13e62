// A model of the interactions endpoint as an in-process `fetch`, for the walk's property test: a
// list, most recent first, that honest churn changes between requests (new interactions at the front,
// deletions anywhere), served page by page, and one deviation from the spec switched on at a chosen
// moment. Responses may be held for a few microtask turns, so with concurrency pages are served out of
// order. Everything random comes from the case's seed; the interactions are the one generator's.
//
// Why a model and not the reference API: the property runs 2,000 cases of tens of requests each, so it
// must stay in-process (no sockets, no HTTP parsing); it reorders answers by microtask turns, which only
// a `fetch` in the same process can do; its deviations need memory of what was served before (a torn
// read, an id from an earlier page, the previous page again), keyed to request numbers; and it makes
// start times that tie (one in five), which the generator never does. The honest part, slicing a list
// by `page` and `limit`, is the few lines below; the reference API's semantics are checked against the
// same walk in test/faults and contract-tests.

import type { Interaction, InteractionPage } from '../../src/index.ts';
import { interactionAt } from '../../src/testing/index.ts';
import { json, seeded } from '../helpers.ts';

/** How the server departs from the spec (`none`: it does not). */
export const deviations = [
  'none',
  'null_page_echo', // `page: null` although a page was sent: allowed, the offset still pins the page
  'cap_page_size', // pages of fewer than asked, with that limit echoed and offsets to match
  'cap_page_size_silently', // pages of fewer than asked, the requested limit echoed
  'echo_other_limit',
  'wrong_offset',
  'wrong_page_echo',
  'short_page',
  'empty_page',
  'oversized_page',
  'drop_item', // one interaction never served, yet counted in total
  'repeat_earlier_id', // an id already served on an earlier page, in place of one due
  'repeat_previous_page', // the ids last served for the page before
  'duplicate_within_page',
  'total_lies_high',
  'total_lies_low',
  'huge_total',
  'never_ending', // always one more full page of new ids, total just ahead of the reader
  'endless_growth', // honest, but a page of new interactions arrives after every request
  'oldest_first',
  'swap_adjacent',
  'torn_read', // results from before the last churn, total from after
  'malformed',
  'http_500',
] as const;
export type Deviation = (typeof deviations)[number];

/** Deviations whose effect is an order the walk checks only in strict mode. */
export const orderDeviations: ReadonlySet<Deviation> = new Set(['oldest_first', 'swap_adjacent']);

/** A change to the list made right after serving request number `after` (0-based). */
export interface Churn {
  after: number;
  insert: number;
  delete: number;
}

export interface ModelOptions {
  size: number;
  deviation: Deviation;
  /** The first request (0-based, in serving order) the deviation applies to. */
  at: number;
  /** Only that one request, rather than every request from it on. */
  once: boolean;
  churn: readonly Churn[];
  /** Hold responses for a few microtask turns (serves pages out of order under concurrency). */
  shuffle: boolean;
  seed: number;
}

const NEWEST = Date.UTC(2024, 5, 1);
const MAX_LIMIT = 100;

export interface ModelServer {
  fetch: typeof globalThis.fetch;
  /** The list when the first request was served: what a walk must yield. */
  readonly initial: readonly string[];
  /**
   * `never_ending`: the made-up ids served past the list's real end, in order (they follow `initial`).
   * One more is made than served, for the next page: it counts only once it is served (`shown`).
   */
  readonly tail: readonly string[];
  /** Every id the server has put on a page. */
  readonly shown: ReadonlySet<string>;
  /** Ids deleted while the walk ran. */
  readonly deleted: ReadonlySet<string>;
  /** Ids inserted while the walk ran. */
  readonly inserted: ReadonlySet<string>;
  /** The start of an interaction, in ms. */
  startOf(id: string): number;
  /** Requests served with the deviation applied. */
  readonly fired: number;
  readonly served: number;
}

export function modelServer(options: ModelOptions): ModelServer {
  const random = seeded(options.seed);
  const pick = (n: number) => Math.floor(random() * n);
  let next = 0; // the generator index of the next interaction made
  let newestTs = NEWEST;
  let endlessTs = NEWEST - 1e12;
  const tail: string[] = [];
  const items = new Map<string, Interaction>();
  /** A new interaction of the generator, starting at `ts` (the model's own clock, so starts can tie). */
  const make = (ts: number): string => {
    const item = { ...interactionAt(`model/${options.seed}`, next++), startTimestamp: new Date(ts).toISOString() };
    items.set(item.interactionId, item);
    return item.interactionId;
  };
  // Most recent first; about one in five starts shares the millisecond of the one before it.
  let list: string[] = [];
  for (let i = 0, ts = NEWEST; i < options.size; i++, ts -= random() < 0.2 ? 0 : 1 + pick(60_000)) list.push(make(ts));
  let previous = list;
  const initial = [...list];
  const first = new Set(initial);
  /** The ids last served for each page number. */
  const served = new Map<number, string[]>();
  const deleted = new Set<string>();
  const inserted = new Set<string>();
  const everServed = new Set<string>();
  let requests = 0;
  let fired = 0;
  const dropAt = pick(1 << 30);
  const swapAt = pick(1 << 30);
  const amount = 1 + pick(5);
  let cap = 0; // the page size of a capping server: half the first limit it is asked for

  function churn(after: number, limit: number, active: boolean): void {
    const endless = active && options.deviation === 'endless_growth' ? [{ after, insert: limit, delete: 0 }] : [];
    for (const c of [...options.churn.filter((c) => c.after === after), ...endless]) {
      previous = list;
      const fresh: string[] = [];
      for (let i = 0; i < c.insert; i++) {
        newestTs += random() < 0.2 ? 0 : 1 + pick(60_000);
        fresh.unshift(make(newestTs));
      }
      list = [...fresh, ...list];
      for (const id of fresh) inserted.add(id);
      for (let i = 0; i < c.delete && list.length > 0; i++) {
        const [gone] = list.splice(pick(list.length), 1);
        deleted.add(gone!);
      }
    }
  }

  /** The page as the server shows it: an honest page, then the deviation. */
  function answer(page: number, limit: number, active: boolean): InteractionPage | 'http_500' {
    const d = active ? options.deviation : 'none';
    let view = list;
    let total = list.length;
    let size = limit;
    let echoed = limit;
    if (d === 'cap_page_size' || d === 'cap_page_size_silently') {
      cap ||= Math.max(1, Math.ceil(limit / 2));
      size = Math.min(limit, cap);
    }
    if (d === 'cap_page_size') echoed = size;
    if (d === 'oldest_first') view = [...list].reverse();
    if (d === 'drop_item' && list.length > 0) view = list.filter((_, i) => i !== dropAt % list.length);
    if (d === 'swap_adjacent') view = swapped(list);
    if (d === 'torn_read') view = previous;
    if (d === 'total_lies_high') total += amount;
    if (d === 'total_lies_low') total = Math.max(0, total - amount);
    if (d === 'huge_total') total = Number.MAX_SAFE_INTEGER;
    const offset = page * echoed;
    if (d === 'never_ending') {
      // The list goes on forever past its real end (the same made-up ids each time it is read).
      while (tail.length < offset + size + 1 - view.length) {
        endlessTs -= 1 + pick(60_000);
        tail.push(make(endlessTs));
      }
      view = [...view, ...tail];
      total = offset + 2 * size;
    }
    let ids = view.slice(offset, offset + size);
    const body: InteractionPage = { page, limit: echoed, offset, total, results: [] };
    switch (d) {
      case 'http_500':
        return 'http_500';
      case 'null_page_echo':
        body.page = null;
        break;
      case 'echo_other_limit':
        body.limit = limit < MAX_LIMIT ? limit + 1 : limit - 1;
        break;
      case 'wrong_offset':
        body.offset += 1 + pick(3);
        break;
      case 'wrong_page_echo':
        body.page = page + 1;
        break;
      case 'short_page':
        ids = ids.slice(0, ids.length > 0 ? pick(ids.length) : 0);
        break;
      case 'empty_page':
        ids = [];
        break;
      case 'oversized_page':
        ids = view.slice(offset, offset + size + 1);
        break;
      case 'repeat_earlier_id': {
        // An id of the list the walk started with, already served on an earlier page.
        const earlier = [...served.entries()]
          .filter(([p]) => p < page)
          .flatMap(([, shown]) => shown)
          .filter((id) => first.has(id) && !ids.includes(id));
        if (earlier.length > 0 && ids.length > 0) ids[pick(ids.length)] = earlier[pick(earlier.length)]!;
        break;
      }
      case 'repeat_previous_page':
        ids = served.get(page - 1) ?? ids;
        break;
      case 'duplicate_within_page':
        if (ids.length > 1) {
          const j = 1 + pick(ids.length - 1);
          ids[j] = ids[j - 1]!;
        }
        break;
      default:
    }
    body.results = ids.map((id) => items.get(id)!);
    served.set(page, ids);
    for (const id of ids) everServed.add(id);
    if (d === 'malformed') delete (body as Partial<InteractionPage>).total;
    return body;
  }

  /** Two neighbours of different starts trade places (so the order really breaks). */
  function swapped(from: string[]): string[] {
    const out = [...from];
    for (let k = 0; k + 1 < out.length; k++) {
      const i = (swapAt + k) % (out.length - 1);
      if (items.get(out[i]!)!.startTimestamp !== items.get(out[i + 1]!)!.startTimestamp) {
        [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
        break;
      }
    }
    return out;
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? (input as Request).signal;
    const url = new URL((input as Request).url);
    if (options.shuffle) for (let turns = pick(4); turns > 0; turns--) await Promise.resolve();
    signal?.throwIfAborted();
    const page = Number(url.searchParams.get('page') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const n = requests++;
    const active = options.once ? n === options.at : n >= options.at;
    if (active && options.deviation !== 'none') fired++;
    const body = answer(page, limit, active);
    churn(n, limit, active);
    if (body === 'http_500') return json({ error: 'Injected server error' }, { status: 500 });
    return json(body);
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    startOf: (id) => Date.parse(items.get(id)!.startTimestamp),
    initial,
    tail,
    shown: everServed,
    deleted,
    inserted,
    get fired() {
      return fired;
    },
    get served() {
      return requests;
    },
  };
}
