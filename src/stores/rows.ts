/**
 * A batch of rows made ready for any store, once: each interaction's typed column values, its JSON in
 * canonical form (keys sorted; integers beyond 2^53 − 1 written with their exact digits) and its
 * fingerprint (a hash of that text: any change to any key changes it, an order of keys does not), ids in
 * their normal form, and repeats of one id within the batch folded into its last row. Then how a
 * commit's outcome is told: a row is `new` when no fingerprint was stored for it, `updated` when another
 * was, `unchanged` otherwise.
 */

import type { SyncChange } from '../jobs/types.js';
import { sourceValue, typedColumns, typedValue } from './columns.js';
import { canonicalRecord } from './json.js';
import type { RowChange, RowSource, StoreBatch, StoreCommit } from './types.js';

/** A row as the SQL stores write it. */
export interface PreparedRow {
  /** The interaction id, in normal form: with the tenant, the row's key. */
  id: string;
  /** The typed columns' values, in `typedColumns` order. */
  values: (string | number | bigint | boolean | null)[];
  /** The whole interaction as JSON text. */
  record: string;
  fingerprint: string;
  source: RowSource;
  /** The sync's own judgement of it (see `StoreRow.change`). */
  change: SyncChange | undefined;
}

/** An id's normal form (ids are UUIDs: case does not matter). */
export const normalId = (id: string) => id.trim().toLowerCase();

/**
 * The batch's rows ready to write (one per id: the last row given for it), and for each row of the batch
 * the index of the prepared row it became.
 */
export function prepareRows(batch: StoreBatch, tenantId: string): { rows: PreparedRow[]; of: number[] } {
  const rows: PreparedRow[] = [];
  const byId = new Map<string, number>();
  const of = batch.rows.map(({ source, interaction, contactId, change }) => {
    const item = interaction as Record<string, unknown>;
    const path = { tenantId: normalId(tenantId), contactId: contactId === null ? null : normalId(contactId) };
    const values = typedColumns.map((column) => {
      if (column.name === 'tenant_id') return path.tenantId; // the tenant synced (a record's own is checked by the client)
      const value = typedValue(column.kind, sourceValue(column, source, item, path));
      return typeof value === 'string' && (column.name === 'interaction_id' || column.name === 'contact_id')
        ? normalId(value)
        : value;
    });
    const id = values[typedColumns.findIndex((column) => column.name === 'interaction_id')];
    if (typeof id !== 'string') throw new TypeError('a row to store has no interactionId');
    const { json, fingerprint } = canonicalRecord(interaction);
    const row: PreparedRow = { id, values, record: json, fingerprint, source, change };
    const at = byId.get(id);
    if (at !== undefined) {
      rows[at] = row;
      return at;
    }
    byId.set(id, rows.length);
    return rows.push(row) - 1;
  });
  return { rows, of };
}

/** What became of each prepared row, told by the fingerprint stored before the commit (none: `new`). */
export function changesFrom(rows: readonly PreparedRow[], stored: ReadonlyMap<string, string>): RowChange[] {
  return rows.map((row) => {
    const before = stored.get(row.id);
    return before === undefined ? 'new' : before === row.fingerprint ? 'unchanged' : 'updated';
  });
}

/**
 * The commit's outcome, per row of the batch, from what became of each prepared row. A repeat of an id
 * within the batch counts once, on its first row; its other rows are `unchanged`.
 */
export function outcome(of: readonly number[], changes: readonly RowChange[]): StoreCommit {
  const result: StoreCommit = { changes: [], new: 0, updated: 0, unchanged: 0 };
  const counted = new Set<number>();
  for (const index of of) {
    const change = counted.has(index) ? 'unchanged' : changes[index]!;
    counted.add(index);
    result.changes.push(change);
    result[change] += 1;
  }
  return result;
}

/**
 * A prepared row as one JSON object, the record of Singer and the line of NDJSON: the typed columns
 * under their keys' own names, the interaction whole as `record`, its `fingerprint` and `source`, then
 * `extra`'s fields (JSON text by name).
 */
export function rowJson(row: PreparedRow, extra: Readonly<Record<string, string>> = {}): string {
  const fields = typedColumns.map((column, i) => {
    const value = row.values[i] ?? null;
    return `${JSON.stringify(column.field)}:${typeof value === 'bigint' ? String(value) : JSON.stringify(value)}`;
  });
  fields.push(`"record":${row.record}`, `"fingerprint":${JSON.stringify(row.fingerprint)}`);
  fields.push(`"source":${JSON.stringify(row.source)}`);
  for (const [name, json] of Object.entries(extra)) fields.push(`${JSON.stringify(name)}:${json}`);
  return `{${fields.join(',')}}`;
}
