/**
 * The one normal form of an id (a tenant, a contact, an interaction): trimmed and lower-case. UUIDs are
 * case-insensitive (RFC 9562: "treated as case-insensitive on input"), and the spec's `uuid` format
 * accepts either case, so `0A1B…` and `0a1b…` are one contact: the resume of an export, its dedupe, its
 * shards, `--since-state` and a sync's cursor must all agree on that. Ids are normalised once, where
 * they enter (the SDK's parameters, the CLI's flags and contacts file, checkpoints and state files read
 * back, the ids of a page the walk and the sync key on), and compared in this form everywhere after.
 */

/** `id` in the normal form: trimmed, lower-case. */
export function normalId(id: string): string {
  return id.trim().toLowerCase();
}
