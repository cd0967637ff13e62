/**
 * The JSON the stores write: a record, a state entry, a Singer message. An integer beyond 2^53 − 1 that
 * the client read exactly (as a bigint) is written back with its exact digits, never rounded.
 *
 * A record is written in one canonical form, its keys sorted at every level, so that the same record
 * always gives the same text whatever order a server sent its keys in: the text is stored, and its hash
 * is the record's fingerprint, so telling a changed record from an unchanged one costs one serialisation.
 */
import { createHash } from 'node:crypto';

/** `value` as JSON text, a bigint as its digits. */
export function recordJson(value: unknown): string {
  try {
    return JSON.stringify(value); // the common case, at native speed; a bigint throws
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  let bigints = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    bigints = true;
    return `\u0000bigint:${v}`;
  });
  return bigints ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text;
}

/** How deep a record may nest: far beyond any record of the spec, short of any stack's limit. */
const MAX_DEPTH = 64;

/** A record's canonical JSON (keys sorted at every level) and its fingerprint (SHA-1 of that text, base64url). */
export function canonicalRecord(value: unknown): { json: string; fingerprint: string } {
  const json = recordJson(sorted(value, 0));
  return { json, fingerprint: createHash('sha1').update(json).digest('base64url') };
}

/** `value` with the keys of every object in sorted order (a flat object already in order is returned as it is). */
function sorted(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) throw new RangeError(`a record nested more than ${MAX_DEPTH} levels deep cannot be stored`);
  if (Array.isArray(value)) return value.map((item) => sorted(item, depth + 1));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  let flat = true;
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i - 1]! > keys[i]!) inOrder = false;
    const inner = record[keys[i]!];
    if (inner !== null && typeof inner === 'object') flat = false;
  }
  if (inOrder && flat) return record;
  if (!inOrder) keys.sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = sorted(record[key], depth + 1);
  return out;
}
