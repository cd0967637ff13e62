/**
 * The tenant-wide mode over a store: `tenantSync` (Get a List of Interactions, windows of time walked by
 * a time cursor; see `jobs/tenant-sync.ts`) with its checkpoint kept in the store, each page's rows and
 * the checkpoint that follows them committed in one transaction. The default mode of `sync`; it needs a
 * key with `INTERACTIONS_API_READ_ALL` (`syncToStore`, the per-contact mode, is for keys without it).
 *
 * The store holds, for tenant T and scope `tenant`, one entry, `checkpoint`: the watermark (the end of
 * the last finished window), the start of the oldest interaction that may still change, and the window
 * in progress with its cursor. A run killed at any instant is resumed by the next, which goes on with
 * that window from its cursor, re-reading at most the page that was in flight. Rows are told `new`,
 * `updated` or `unchanged` by the store against the fingerprint it holds, so an overlap or a replay
 * counts nothing twice. A Singer stream cannot be read back: there, each record listed is sent (targets
 * upsert on `interactionId`), the sync cannot tell `updated` from `unchanged`, and every record counts as
 * `new` in the summary.
 */
import type { InteractionsClient } from '../client/types.js';
import { InvalidInputError } from '../errors.js';
import { type TenantCheckpoint, type TenantSyncParams, tenantSync } from '../jobs/tenant-sync.js';
import { normalId } from './rows.js';
import type { InteractionStore, StoreSession } from './types.js';

/** Parameters of {@link syncTenantToStore}: those of `tenantSync`, with a store in place of its checkpoint. */
export interface TenantStoreSyncParams extends Omit<TenantSyncParams, 'checkpoint'> {
  /** Where the rows and the checkpoint go; opened (and its lock taken) before anything is sent, closed at the end. */
  store: InteractionStore;
}

/** What a tenant-wide sync into a store yields: each page committed. */
export interface TenantStoreSyncEvent {
  type: 'committed';
  new: number;
  updated: number;
  unchanged: number;
  /** The window is finished with this commit. */
  done: boolean;
}

/** The counts of a tenant-wide sync into a store. */
export interface TenantStoreSyncSummary {
  /** Records listed (an instant listed twice at a page's edge counts twice; `unchanged` the second time). */
  records: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Pages listed and committed. */
  commits: number;
  /** Whether this run went on with a window that had not finished. */
  resumed: boolean;
  /** The window this run listed: `lower` `null` for the beginning. */
  window: { lower: string | null; upper: string } | undefined;
  elapsedMs: number;
}

/** A running tenant-wide sync into a store: iterate it for the commits, and read the counts at any time. */
export interface TenantStoreSyncRun extends AsyncIterable<TenantStoreSyncEvent> {
  summary(): TenantStoreSyncSummary;
}

/** The key of the checkpoint in the store's state (scope `tenant`). */
export const TENANT_CHECKPOINT_KEY = 'checkpoint';

/**
 * Syncs a whole tenant into a store, incrementally, resumably and exactly once (see the module's
 * header). Bad parameters throw here; a store that cannot be used throws `StoreError`, and a checkpoint
 * of another tenant or mode `CheckpointError`, when the iteration starts, before any request.
 *
 * @example
 * const run = syncTenantToStore(client, { store: sqliteStore({ file: 'interactions.db' }), tenantId });
 * for await (const _ of run);
 * console.log(run.summary());
 */
export function syncTenantToStore(client: InteractionsClient, params: TenantStoreSyncParams): TenantStoreSyncRun {
  if (typeof params !== 'object' || params === null) throw new InvalidInputError('params', params, 'must be an object');
  const { store, ...rest } = params;
  if (typeof store?.open !== 'function') throw new InvalidInputError('store', typeof store, 'must be a store (open())');
  if (typeof params.tenantId !== 'string') throw new InvalidInputError('tenantId', params.tenantId, 'must be a uuid');
  const tenantId = normalId(params.tenantId);
  tenantSync(client, { ...rest, tenantId }); // its parameters checked now, before anything is opened or sent
  const counts: TenantStoreSyncSummary = {
    records: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    commits: 0,
    resumed: false,
    window: undefined,
    elapsedMs: 0,
  };
  const started = performance.now();
  let iterated = false;
  return {
    summary: () => ({ ...counts, elapsedMs: performance.now() - started }),
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error('A TenantStoreSyncRun can be iterated only once');
      iterated = true;
      return (async function* () {
        const session: StoreSession = await store.open({ tenantId, scope: 'tenant', signal: params.signal });
        try {
          const saved = (await session.readState([TENANT_CHECKPOINT_KEY])).get(TENANT_CHECKPOINT_KEY);
          const pages = tenantSync(client, { ...rest, tenantId, checkpoint: saved as TenantCheckpoint | undefined });
          counts.resumed = (saved as TenantCheckpoint | undefined)?.window != null;
          for await (const { records, checkpoint, done, window } of pages) {
            counts.window ??= window;
            const result = await session.commit({
              rows: records.map((interaction) => ({ source: 'list', interaction, contactId: null, change: 'new' })),
              state: [{ key: TENANT_CHECKPOINT_KEY, value: checkpoint }],
            });
            counts.records += records.length;
            counts.new += result.new;
            counts.updated += result.updated;
            counts.unchanged += result.unchanged;
            counts.commits += 1;
            yield { type: 'committed', new: result.new, updated: result.updated, unchanged: result.unchanged, done };
          }
        } finally {
          await session.close();
        }
      })();
    },
  };
}
