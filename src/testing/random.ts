// A small seeded PRNG (sfc32 seeded through cyrb128) so generated data is the same on every run
// and machine. 128 bits of state keep streams from different seeds apart, so ids do not collide.

/** A source of uniformly distributed numbers in [0, 1), fully determined by its seed. */
export type Random = () => number;

/** cyrb128's running state: what it has absorbed of a text so far (four 32-bit words). */
export type HashState = readonly [number, number, number, number];

const HASH_START: HashState = [1779033703, 3144134277, 1013904242, 2773480762];

/** Absorbs `text` into the state `h`, in place (as 32-bit words: what the operations read of them). */
function mix(h: Int32Array, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h[0] = h[1]! ^ Math.imul(h[0]! ^ k, 597399067);
    h[1] = h[2]! ^ Math.imul(h[1]! ^ k, 2869860233);
    h[2] = h[3]! ^ Math.imul(h[2]! ^ k, 951274213);
    h[3] = h[0]! ^ Math.imul(h[3]! ^ k, 2716044179);
  }
}

/** cyrb128's last mixing, in place: the state becomes its 128-bit result. */
function finish(h: Int32Array): void {
  const [s1, s2, s3, s4] = h as unknown as [number, number, number, number];
  h[0] = Math.imul(s3 ^ (s1 >>> 18), 597399067);
  h[1] = Math.imul(s4 ^ (s2 >>> 22), 2869860233);
  h[2] = Math.imul(h[0]! ^ (s3 >>> 17), 951274213);
  h[3] = Math.imul(h[1]! ^ (s4 >>> 19), 2716044179);
  h[0] ^= h[1]! ^ h[2]! ^ h[3]!;
  h[1] ^= h[0]!;
  h[2] ^= h[0]!;
  h[3] ^= h[0]!;
}

/** The state after absorbing `text`: hashing a prefix once serves every text that starts with it. */
export function absorb(text: string): HashState {
  const h = Int32Array.from(HASH_START);
  mix(h, text);
  return [h[0]!, h[1]!, h[2]!, h[3]!];
}

/** The seed of a source: cyrb128 of its text, as the Int32Array state sfc32 steps. */
function seedState(text: string): Int32Array {
  const h = Int32Array.from(HASH_START);
  mix(h, text);
  finish(h);
  return h;
}

const scratch = new Int32Array(4);

/**
 * The first number `seededRandom(prefix + suffix)` draws, given `absorb(prefix)`: the same number, without
 * hashing the prefix again, building the source or allocating (a tenant's listing draws a million).
 */
export function firstDraw(prefix: HashState, suffix: string): number {
  scratch.set(prefix);
  mix(scratch, suffix);
  finish(scratch);
  return sfc32Step(scratch);
}

/** One step of sfc32 on its state: the state moves on, the number drawn is returned. */
function sfc32Step(state: Int32Array): number {
  const a = state[0]!;
  const b = state[1]!;
  const c = state[2]!;
  const d = (state[3]! + 1) | 0;
  const t = (((a + b) | 0) + d) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  state[3] = d;
  return (t >>> 0) / 4294967296;
}

/** Creates a deterministic random source from any seed. */
export function seededRandom(seed: string | number): Random {
  // The state lives in a typed array: plain 32-bit variables in a closure are boxed as heap numbers on
  // every step (uint32 does not fit a small integer), which made each draw some 15 times slower.
  const state = seedState(String(seed));
  return () => sfc32Step(state);
}

/** An integer in [min, max], inclusive. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const HEX = '0123456789abcdef';

/** A version-4 UUID (RFC 9562 layout) drawn from the random source: 32 hex digits, then the variant. */
export function uuid(random: Random): string {
  const digits = Array.from({ length: 32 }, () => Math.floor(random() * 16));
  digits[12] = 4;
  digits[16] = 8 + Math.floor(random() * 4);
  let text = '';
  for (let i = 0; i < 32; i++) text += (i === 8 || i === 12 || i === 16 || i === 20 ? '-' : '') + HEX[digits[i]!];
  return text;
}
