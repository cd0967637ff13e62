// Timing helpers: every figure is a median of samples taken interleaved with its baseline, so a
// noisy moment on the machine hits all variants alike instead of skewing one of them.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `q` quantile (0…1) of `values`, linearly interpolated between the closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Round r runs the variants rotated by r, so none always goes first (warm caches, GC debt). */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  const k = ((round % n) + n) % n;
  return [...items.slice(k), ...items.slice(0, k)];
}

/**
 * Runs each variant once per round, in rotated order, and returns every variant's samples
 * (whatever `run` returns, typically milliseconds).
 */
export async function interleave<K extends string, T = number>(
  variants: Record<K, () => Promise<T>>,
  rounds: number,
): Promise<Record<K, T[]>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round++) {
    for (const name of rotation(names, round)) samples[name].push(await variants[name]());
  }
  return samples;
}

/** Milliseconds `fn` takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const ratio = (value: number, baseline: number): number => value / baseline;
