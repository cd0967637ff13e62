/**
 * The per-contact mode over a store: `exportInteractions` (the history route, one incremental sync per
 * contact) with its state kept in the store, each page's rows and that contact's state committed in one
 * transaction. For keys without `INTERACTIONS_API_READ_ALL`, which the tenant-wide mode needs.
 *
 * The store holds, for tenant T and scope `contacts`:
 * - per contact id, `{ runId, checkpoint, state }`: the export's state of the run `runId` (its progress,
 *   or done with the new checkpoint, or failed) and `checkpoint`, where that contact's next run starts
 *   (its last finished sync's checkpoint; `null` before the first);
 * - per run (`#run`, or `#run I/N` for a shard), `{ runId, startedAt, finished }`.
 *
 * A run that did not finish (a crash, `kill -9`, Ctrl-C, `failFast`) is resumed by the next: contacts it
 * finished are skipped, the others go on from their progress, re-reading at most the page that was in
 * flight (its rows were not committed, since its state was not). A run that finished, even with failed
 * contacts, is followed by a new one, each contact syncing from its checkpoint (a failed one from its
 * last good one). The state is read a batch of contacts ahead of the export, so memory stays bounded
 * whatever the number of contacts. Every row is told `new`, `updated` or `unchanged` by the store
 * against the fingerprint it holds, so a replay after a crash counts nothing twice.
 */
import type { InteractionsClient } from '../client/types.js';
import { InvalidInputError } from '../errors.js';
import { exportInteractions, shardOf } from '../jobs/export.js';
import type {
  ExportContactState,
  ExportEvent,
  ExportParams,
  ExportStateStore,
  ExportSummary,
  SyncCheckpoint,
} from '../jobs/types.js';
import type { Interaction } from '../types.js';
import { StoreError } from './errors.js';
import { normalId } from './rows.js';
import type { InteractionStore, StoreRow, StoreSession } from './types.js';

/** Parameters of {@link syncToStore}: those of `exportInteractions`, with a store in place of its state. */
export interface StoreSyncParams extends Omit<ExportParams, 'state' | 'checkpoints'> {
  /** Where the rows and the sync's state go; opened (and its lock taken) before anything is sent, closed at the end. */
  store: InteractionStore;
}

/** What a sync into a store yields: each commit, and each contact's outcome. */
export type StoreSyncEvent =
  /** A page of a contact's history (or its end) committed with its state: its rows as the store told them. */
  | { type: 'committed'; contactId: string; new: number; updated: number; unchanged: number }
  | Exclude<ExportEvent, { type: 'record' }>;

/** The counts of a sync into a store: the export's, with `new` and `updated` as the store told them. */
export interface StoreSyncSummary extends ExportSummary {
  /** Rows the store already held as they were. */
  unchanged: number;
  /** Transactions committed. */
  commits: number;
  /** Whether this run went on with a run that had not finished. */
  resumed: boolean;
}

/** A running sync into a store: iterate it for the events, and read the counts at any time. */
export interface StoreSyncRun extends AsyncIterable<StoreSyncEvent> {
  /** The counts so far (final once the iteration has ended). */
  summary(): StoreSyncSummary;
}

/** What the store keeps per contact. */
interface ContactEntry {
  runId: string;
  checkpoint: SyncCheckpoint | null;
  state: ExportContactState;
}

/** What the store keeps per run. */
interface RunMarker {
  runId: string;
  startedAt: string;
  finished: boolean;
  finishedAt?: string;
}

/** Contacts whose state is read in one query, ahead of the export. */
const PREFETCH = 256;

/**
 * Syncs the interactions of many contacts into a store, resumably and exactly once (see the module's
 * header). Bad parameters throw here, before anything is opened or sent; a store that cannot be used
 * throws `StoreError` when the iteration starts, before any request.
 *
 * @example
 * const run = syncToStore(client, { store: sqliteStore({ file: 'interactions.db' }), tenantId, contacts });
 * for await (const event of run) if (event.type === 'failed') console.warn(event.contactId, event.error.message);
 * console.log(run.summary());
 */
export function syncToStore(client: InteractionsClient, params: StoreSyncParams): StoreSyncRun {
  if (typeof params !== 'object' || params === null) throw new InvalidInputError('params', params, 'must be an object');
  const { store, contacts, ...rest } = params;
  if (typeof store?.open !== 'function') throw new InvalidInputError('store', typeof store, 'must be a store (open())');
  const iterable = contacts as Partial<Iterable<unknown> & AsyncIterable<unknown>> | null;
  if (typeof iterable?.[Symbol.iterator] !== 'function' && typeof iterable?.[Symbol.asyncIterator] !== 'function')
    throw new InvalidInputError('contacts', typeof contacts, 'must be an iterable or async iterable of contact ids');
  const tenantId = typeof params.tenantId === 'string' ? normalId(params.tenantId) : params.tenantId;
  const part = params.shard ? `${params.shard.index}/${params.shard.count}` : undefined;
  const markerKey = part ? `#run ${part}` : '#run';

  let session: StoreSession | undefined;
  let runId = '';
  /** The state read ahead, per contact id, until that contact's run ends. */
  const ahead = new Map<string, ContactEntry | undefined>();
  /** The export's resume state of the current run (what `load()` gives it), filled as contacts are read ahead. */
  const resume = new Map<string, ExportContactState>();
  const staged = new Map<string, StoreRow[]>();
  const committed: StoreSyncEvent[] = [];
  const counts = { new: 0, updated: 0, unchanged: 0, commits: 0, resumed: false };

  async function* readAhead(): AsyncGenerator<string> {
    let batch: string[] = [];
    const fetch = async () => {
      const entries = await session!.readState(batch);
      for (const id of batch) {
        const entry = checkEntry(entries.get(id), id, tenantId, store.location);
        ahead.set(id, entry);
        if (entry?.runId === runId) resume.set(id, entry.state);
      }
    };
    for await (const raw of contacts as Iterable<unknown> | AsyncIterable<unknown>) {
      const id = normalId(String(raw));
      if (params.shard && shardOf(id, params.shard.count) !== params.shard.index) continue;
      batch.push(id);
      if (batch.length < PREFETCH) continue;
      await fetch();
      yield* batch;
      batch = [];
    }
    await fetch();
    yield* batch;
  }

  const state: ExportStateStore = {
    load: () => resume,
    async save(contactId, contactState) {
      const id = normalId(contactId);
      const entry = ahead.get(id);
      const value: ContactEntry = {
        runId,
        checkpoint: contactState.done ?? entry?.checkpoint ?? null,
        state: contactState,
      };
      const rows = staged.get(id) ?? [];
      staged.delete(id);
      const result = await session!.commit({ rows, state: [{ key: id, value }] });
      resume.delete(id);
      if (contactState.done || contactState.error) ahead.delete(id);
      counts.new += result.new;
      counts.updated += result.updated;
      counts.unchanged += result.unchanged;
      counts.commits += 1;
      committed.push({
        type: 'committed',
        contactId: id,
        new: result.new,
        updated: result.updated,
        unchanged: result.unchanged,
      });
    },
  };

  const exporting = exportInteractions(client, {
    ...rest,
    tenantId,
    contacts: readAhead(),
    state,
    checkpoints: (contactId) => ahead.get(normalId(contactId))?.checkpoint ?? undefined,
  });

  const stage = (contactId: string, interaction: Interaction, change: 'new' | 'updated') => {
    const id = normalId(contactId);
    const rows = staged.get(id) ?? [];
    rows.push({ source: 'history', interaction, contactId: id, change });
    staged.set(id, rows);
  };

  let started = false;
  return {
    summary() {
      const summary = exporting.summary();
      return {
        ...summary,
        new: counts.new,
        updated: counts.updated,
        unchanged: counts.unchanged,
        commits: counts.commits,
        resumed: counts.resumed,
      };
    },
    [Symbol.asyncIterator]() {
      if (started) throw new Error('A StoreSyncRun can be iterated only once');
      started = true;
      return (async function* () {
        session = await store.open({ tenantId, scope: 'contacts', part, signal: params.signal });
        try {
          const marker = (await session.readState([markerKey])).get(markerKey) as RunMarker | undefined;
          if (marker && !marker.finished && typeof marker.runId === 'string') {
            runId = marker.runId;
            counts.resumed = true;
          } else {
            runId = crypto.randomUUID();
            const fresh: RunMarker = { runId, startedAt: new Date().toISOString(), finished: false };
            await session.commit({ rows: [], state: [{ key: markerKey, value: fresh }] });
          }
          for await (const event of exporting) {
            if (event.type === 'record') {
              stage(event.contactId, event.interaction, event.change);
              continue;
            }
            yield* committed.splice(0);
            if (event.type === 'skipped' && event.reason === 'already-done') ahead.delete(normalId(event.contactId));
            yield event;
          }
          yield* committed.splice(0);
          const startedAt = marker?.runId === runId ? marker.startedAt : new Date().toISOString();
          const done: RunMarker = { runId, startedAt, finished: true, finishedAt: new Date().toISOString() };
          await session.commit({ rows: [], state: [{ key: markerKey, value: done }] });
        } finally {
          await session.close();
        }
      })();
    },
  };
}

/** A contact's entry as the store gave it back: written by this mode, for this tenant (else refused). */
function checkEntry(value: unknown, contactId: string, tenantId: string, location: string): ContactEntry | undefined {
  if (value === undefined) return undefined;
  const entry = value as Partial<ContactEntry> | null;
  if (
    typeof entry !== 'object' ||
    entry === null ||
    typeof entry.runId !== 'string' ||
    typeof entry.state !== 'object' ||
    entry.state === null ||
    (entry.checkpoint !== null && typeof entry.checkpoint !== 'object')
  ) {
    throw new StoreError(
      'not_a_store',
      location,
      `${location}: the state of contact ${contactId} is not one this tool wrote`,
    );
  }
  const tenants = [entry.checkpoint, entry.state.done, entry.state.progress]
    .map((part) => (part as { tenantId?: unknown } | null | undefined)?.tenantId)
    .filter((tenant) => tenant !== undefined);
  const other = tenants.find((tenant) => typeof tenant !== 'string' || normalId(tenant) !== tenantId);
  if (other !== undefined) {
    throw new StoreError(
      'other_tenant',
      location,
      `${location}: the state kept for contact ${contactId} of tenant ${tenantId} is a checkpoint of tenant ${String(other)}: the store was altered; refusing to sync from it`,
    );
  }
  return entry as ContactEntry;
}
