/**
 * Bulk export: many contacts synced at once (see `sync.ts`) under one client-wide rate limit, their
 * records handed over a page at a time and tagged with the contact. After each page has been consumed
 * the contact's progress goes to the state store, so a run after a crash re-reads at most the pages
 * that were in flight and hands nothing over twice. A contact that fails (deleted, forbidden, paging
 * that cannot be trusted) is reported and counted, and the export goes on, unless `failFast`.
 */

import { limiterOf } from '../client/limit-rate.js';
import type { InteractionsClient } from '../client/types.js';
import { normalId } from '../common/ids.js';
import { CxEngageError, InvalidInputError } from '../errors.js';
import { AuthenticationError } from '../http/failures.js';
import { fanOut } from '../http/fan-out.js';
import { type Pace, resolvePace } from '../http/rate-limit.js';
import { abortedError, linkSignal } from '../http/signals.js';
import { checkProgress } from './checkpoint.js';
import { type SyncStep, startSync, syncSteps } from './sync.js';
import type { ExportContactState, ExportEvent, ExportParams, ExportRun, ExportSummary, SyncProgress } from './types.js';

/** The export's pace when neither it nor the client sets one: polite, as the vendor documents no limit. */
export const DEFAULT_EXPORT_RATE = 5;
/** Contacts synced at once, unless told otherwise. */
export const DEFAULT_EXPORT_CONCURRENCY = 4;
/** The most contacts synced at once. */
export const MAX_EXPORT_CONCURRENCY = 64;

const EXPORT_KEYS: ReadonlySet<string> = new Set(
  Object.keys({
    tenantId: true,
    contacts: true,
    checkpoints: true,
    state: true,
    concurrency: true,
    rateLimit: true,
    failFast: true,
    shard: true,
    settleWindowMs: true,
    openWindowMs: true,
    pageSize: true,
    now: true,
    signal: true,
  } satisfies Record<keyof ExportParams, true>),
);

/** Any valid contact id: the parameters shared by every contact are checked once, up front, with it. */
const PROBE_CONTACT = '00000000-0000-4000-8000-000000000000';

/**
 * Which shard (1 to `count`) a contact belongs to: FNV-1a (32 bits) of its id in the normal form (trimmed, lower-case), modulo
 * `count`. Stable across runs, machines and versions, so N jobs with `shard: { index: 1…N, count: N }`
 * export every contact exactly once between them.
 */
export function shardOf(contactId: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const ch of normalId(contactId)) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/**
 * Exports the interactions of many contacts: iterate the run for `record` events (tagged with their
 * contact, marked `new` or `updated`) and one `done`, `failed` or `skipped` event per contact; read
 * `run.summary()` for the counts. Bad parameters throw here, before anything is sent.
 *
 * Every request of the client (and of clients derived from it) draws from one rate limiter while the
 * export runs; a 429 lowers the rate (AIMD) and its `Retry-After` pauses it.
 *
 * @example
 * const run = exportInteractions(client, { tenantId, contacts, checkpoints: (id) => saved.get(id) });
 * for await (const event of run) {
 *   if (event.type === 'record') await upsert(event.contactId, event.interaction);
 *   if (event.type === 'done') saved.set(event.contactId, event.checkpoint);
 * }
 */
export function exportInteractions(client: InteractionsClient, params: ExportParams): ExportRun {
  const p = checkExportParams(params);
  const limiter = limiterOf(client);
  const summary: ExportSummary = {
    contacts: 0,
    done: 0,
    failed: 0,
    skipped: 0,
    records: 0,
    new: 0,
    updated: 0,
    requests: 0,
    throttled: 0,
    elapsedMs: 0,
  };
  const { stats } = limiter;
  let started: { at: number; requests: number; throttled: number } | undefined;
  let ended = false;
  const refresh = () => {
    if (!started || ended) return;
    summary.requests = stats.requests - started.requests;
    summary.throttled = stats.throttled - started.throttled;
    summary.elapsedMs = performance.now() - started.at;
  };
  return {
    summary() {
      refresh();
      return { ...summary };
    },
    [Symbol.asyncIterator]() {
      if (started) throw new Error('An ExportRun can be iterated only once');
      started = { at: performance.now(), requests: stats.requests, throttled: stats.throttled };
      const pace =
        p.pace ??
        (stats.rate === undefined ? resolvePace('rateLimit', { requestsPerSecond: DEFAULT_EXPORT_RATE }) : undefined);
      const release = pace ? limiter.limit(pace) : () => {};
      const events = runExport(client, p, summary);
      return (async function* () {
        try {
          yield* events;
        } finally {
          refresh();
          ended = true;
          release();
        }
      })();
    },
  };
}

interface CheckedExport extends ExportParams {
  concurrency: number;
  pace: Pace | undefined;
}

function checkExportParams(params: ExportParams): CheckedExport {
  if (typeof params !== 'object' || params === null) throw new InvalidInputError('params', params, 'must be an object');
  const extra = Object.keys(params).find((key) => !EXPORT_KEYS.has(key));
  if (extra !== undefined) throw new InvalidInputError(extra, (params as never)[extra], 'is not a known parameter');
  const { tenantId, settleWindowMs, openWindowMs, pageSize, now, signal } = params;
  startSync({ tenantId, contactId: PROBE_CONTACT, settleWindowMs, openWindowMs, pageSize, now, signal });
  const { contacts, checkpoints, state, concurrency = DEFAULT_EXPORT_CONCURRENCY, failFast, shard } = params;
  const iterable = contacts as Partial<Iterable<unknown> & AsyncIterable<unknown>> | null;
  const isIterable =
    typeof iterable?.[Symbol.iterator] === 'function' || typeof iterable?.[Symbol.asyncIterator] === 'function';
  if (typeof contacts !== 'object' || !isIterable) {
    throw new InvalidInputError('contacts', typeof contacts, 'must be an iterable or async iterable of contact ids');
  }
  if (checkpoints !== undefined && typeof checkpoints !== 'function') {
    throw new InvalidInputError('checkpoints', typeof checkpoints, 'must be a function (contactId) → checkpoint');
  }
  if (state !== undefined && (typeof state?.load !== 'function' || typeof state?.save !== 'function')) {
    throw new InvalidInputError('state', typeof state, 'must have load() and save(contactId, state)');
  }
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > MAX_EXPORT_CONCURRENCY) {
    throw new InvalidInputError('concurrency', concurrency, `must be an integer from 1 to ${MAX_EXPORT_CONCURRENCY}`);
  }
  if (failFast !== undefined && typeof failFast !== 'boolean') {
    throw new InvalidInputError('failFast', failFast, 'must be a boolean');
  }
  if (shard !== undefined) {
    const { index, count } = shard ?? {};
    if (!Number.isSafeInteger(count) || count! < 1 || !Number.isSafeInteger(index) || index! < 1 || index! > count!) {
      throw new InvalidInputError('shard', shard, 'must be { index, count } with 1 ≤ index ≤ count');
    }
  }
  const pace = params.rateLimit === undefined ? undefined : resolvePace('rateLimit', params.rateLimit);
  return { ...params, concurrency, pace };
}

/** What a worker hands to the consumer, one at a time: it waits until the item has been consumed and saved. */
type Item =
  | { kind: 'step'; contactId: string; step: SyncStep }
  | { kind: 'failed'; contactId: string; error: Error; progress: SyncProgress | undefined }
  | { kind: 'skipped'; contactId: string; reason: 'already-done' | 'repeated' }
  | { kind: 'fatal'; error: unknown };

async function* runExport(
  client: InteractionsClient,
  p: CheckedExport,
  summary: ExportSummary,
): AsyncGenerator<ExportEvent, void, undefined> {
  const controller = new AbortController();
  const unlink = linkSignal(controller, p.signal);
  const channel = new Channel<Item>(controller.signal);
  const source = contactSource(p.contacts, controller.signal);
  // A signal per contact's sync: the export's carries one listener for all of them.
  const syncs = fanOut(controller.signal);
  let workers: Promise<void>[] = [];
  try {
    const saved = p.state ? byNormalId(await p.state.load()) : undefined;
    const seen = new Set<string>();
    const counts = new Map<string, number>();

    // `contactId` is in the normal form (contactSource): the same contact in any spelling is one contact.
    const sync = async (contactId: string) => {
      if (seen.has(contactId)) return channel.put({ kind: 'skipped', contactId, reason: 'repeated' });
      seen.add(contactId);
      summary.contacts += 1;
      const state = saved?.get(contactId);
      if (state?.done) return channel.put({ kind: 'skipped', contactId, reason: 'already-done' });
      // The progress last saved (or resumed from): a failure keeps it, so a resume does not hand over twice.
      let progress: SyncProgress | undefined;
      const branch = syncs.branch();
      try {
        const { tenantId, settleWindowMs, openWindowMs, pageSize, now } = p;
        progress = state?.progress
          ? checkProgress(state.progress, tenantId, contactId)
          : startSync({
              tenantId,
              contactId,
              checkpoint: await p.checkpoints?.(contactId),
              settleWindowMs,
              openWindowMs,
              pageSize,
              now,
            }).progress;
        for await (const step of syncSteps(client, progress, branch.signal)) {
          await channel.put({ kind: 'step', contactId, step });
          progress = step.progress;
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        if (!contactFailure(error)) return channel.put({ kind: 'fatal', error });
        return channel.put({ kind: 'failed', contactId, error, progress });
      } finally {
        branch.release();
      }
    };

    workers = Array.from({ length: p.concurrency }, async () => {
      try {
        for (;;) {
          const next = await source.next();
          if (next.done || controller.signal.aborted) return;
          if (p.shard && shardOf(next.value, p.shard.count) !== p.shard.index) continue;
          await sync(next.value);
        }
      } catch (error) {
        if (!controller.signal.aborted) await channel.put({ kind: 'fatal', error });
      }
    });
    Promise.allSettled(workers).then(() => channel.close());

    for (;;) {
      const taken = await channel.take();
      if (!taken) break;
      const { item, ack } = taken;
      if (item.kind === 'fatal') throw item.error;
      const { contactId } = item;
      if (item.kind === 'skipped') {
        if (item.reason === 'already-done') summary.skipped += 1;
        yield { type: 'skipped', contactId, reason: item.reason };
      } else if (item.kind === 'failed') {
        counts.delete(contactId);
        await p.state?.save(contactId, failedState(item.error, item.progress));
        summary.failed += 1;
        yield { type: 'failed', contactId, error: item.error };
        if (p.failFast) throw item.error;
      } else {
        const { records, progress, checkpoint } = item.step;
        for (const { interaction, change } of records) {
          summary.records += 1;
          summary[change] += 1;
          yield { type: 'record', contactId, change, interaction };
        }
        const count = (counts.get(contactId) ?? 0) + records.length;
        if (checkpoint) {
          counts.delete(contactId);
          await p.state?.save(contactId, { done: checkpoint });
          summary.done += 1;
          yield { type: 'done', contactId, records: count, checkpoint };
        } else {
          counts.set(contactId, count);
          await p.state?.save(contactId, { progress });
        }
      }
      ack();
    }
    if (p.signal?.aborted) throw abortedError(p.signal.reason);
  } finally {
    controller.abort(new DOMException('The export ended', 'AbortError'));
    channel.close();
    await Promise.allSettled(workers);
    source.return();
    unlink();
  }
}

/**
 * Whether an error ends only this contact's sync: any error of the SDK about the contact or its pages
 * (404, 403, 429 or 5xx after retries, paging that cannot be trusted, a bad id or checkpoint). Bad
 * credentials (401) would fail every contact, and anything else is a bug: those end the export.
 */
function contactFailure(error: unknown): error is Error {
  return error instanceof CxEngageError && !(error instanceof AuthenticationError);
}

/**
 * A saved state read by contact ids in their normal form. A store written before ids were normalised
 * may hold one contact under two spellings: the furthest state wins (done, then progress, then a failure).
 * Read through, not copied: a store may fill its map as contacts come (the stores read their state a
 * batch of contacts ahead), so each contact is looked up when its turn comes.
 */
function byNormalId(saved: ReadonlyMap<string, ExportContactState> | undefined) {
  if (!saved) return undefined;
  const rank = (state: ExportContactState) => (state.done ? 2 : state.progress ? 1 : 0);
  const further = (a: ExportContactState | undefined, b: ExportContactState | undefined) =>
    !a ? b : !b ? a : rank(b) >= rank(a) ? b : a;
  /** The states saved under another spelling of an id, by its normal form. */
  const spelled = new Map<string, ExportContactState>();
  for (const [contactId, state] of saved) {
    const key = normalId(contactId);
    if (key !== contactId) spelled.set(key, further(spelled.get(key), state)!);
  }
  return { get: (contactId: string) => further(saved.get(contactId), spelled.get(contactId)) };
}

function failedState(error: Error, progress: SyncProgress | undefined): ExportContactState {
  const status = (error as { status?: unknown }).status;
  const summary = { name: error.name, message: error.message, ...(typeof status === 'number' ? { status } : {}) };
  return progress ? { progress, error: summary } : { error: summary };
}

/**
 * The contact ids in their normal form (trimmed, lower-case), one `next` at a time whatever the iterable,
 * ending (done) as soon as `signal` aborts.
 */
function contactSource(contacts: ExportParams['contacts'], signal: AbortSignal) {
  const iterator =
    Symbol.asyncIterator in contacts
      ? (contacts as AsyncIterable<string>)[Symbol.asyncIterator]()
      : (contacts as Iterable<string>)[Symbol.iterator]();
  const end: IteratorResult<string> = { done: true, value: undefined };
  const aborted = new Promise<IteratorResult<string>>((resolve) => {
    if (signal.aborted) resolve(end);
    else signal.addEventListener('abort', () => resolve(end), { once: true });
  });
  let chain: Promise<unknown> = Promise.resolve();
  return {
    next(): Promise<IteratorResult<string>> {
      const result = chain.then(() => iterator.next());
      chain = result.catch(() => {});
      const value = result.then(
        (r): IteratorResult<string> => (r.done ? end : { done: false, value: normalId(String(r.value)) }),
      );
      return Promise.race([value, aborted]);
    },
    /** Closes the source (a stream of ids, say) without waiting for a `next` that may never settle. */
    return(): void {
      Promise.resolve()
        .then(() => iterator.return?.())
        .catch(() => {});
    },
  };
}

/**
 * A hand-over point between the workers and the consumer: `put` resolves once the item has been taken
 * and acknowledged (consumed and saved), so each worker has at most one item outstanding.
 */
class Channel<T> {
  readonly #items: { item: T; ack: () => void }[] = [];
  readonly #takers: ((taken: { item: T; ack: () => void } | undefined) => void)[] = [];
  readonly #pending = new Set<() => void>();
  #closed = false;

  constructor(signal: AbortSignal) {
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  put(item: T): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const ack = () => {
        this.#pending.delete(ack);
        resolve();
      };
      this.#pending.add(ack);
      const taken = { item, ack };
      const taker = this.#takers.shift();
      if (taker) taker(taken);
      else this.#items.push(taken);
    });
  }

  take(): Promise<{ item: T; ack: () => void } | undefined> {
    const next = this.#items.shift();
    if (next || this.#closed) return Promise.resolve(next);
    return new Promise((resolve) => this.#takers.push(resolve));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const taker of this.#takers.splice(0)) taker(this.#items.shift());
    for (const ack of [...this.#pending]) ack();
  }
}
