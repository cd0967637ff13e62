/**
 * The JSON the stores write: a record, a state entry, a Singer message. An integer beyond 2^53 − 1 that
 * the client read exactly (as a bigint) is written back with its exact digits, never rounded.
 */

/** `value` as JSON text, a bigint as its digits. */
export function recordJson(value: unknown): string {
  let bigints = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    bigints = true;
    return `\u0000bigint:${v}`;
  });
  return bigints ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text;
}
