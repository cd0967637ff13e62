// A small seeded PRNG (sfc32 seeded through cyrb128) so generated data is the same on every run
// and machine. 128 bits of state keep streams from different seeds apart, so ids do not collide.

/** A source of uniformly distributed numbers in [0, 1), fully determined by its seed. */
export type Random = () => number;

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Creates a deterministic random source from any seed. */
export function seededRandom(seed: string | number): Random {
  // The state lives in a typed array: plain 32-bit variables in a closure are boxed as heap numbers on
  // every step (uint32 does not fit a small integer), which made each draw some 15 times slower.
  const state = new Int32Array(cyrb128(String(seed)));
  return () => {
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
  };
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
