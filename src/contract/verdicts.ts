/**
 * The building blocks of the judgement calls (`judgement-calls.ts` for the history route,
 * `record-calls.ts` for Get a Specific Interaction): a call's shape, its three verdicts, and the few
 * ways evidence is summed up without quoting customer data (type names, counts, tallies).
 */

import type { Observations } from './observations.js';
import type { JudgementVerdict } from './types.js';

export interface JudgementCall {
  id: string;
  claim: string;
  where: string;
  judge(observed: Observations): { verdict: JudgementVerdict; evidence: string };
}

export const confirmed = (evidence: string) => ({ verdict: 'confirmed' as const, evidence });
export const refuted = (evidence: string) => ({ verdict: 'refuted' as const, evidence });
export const notObserved = (evidence: string) => ({ verdict: 'not observed' as const, evidence });

export function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** `a ×3, b ×1`: the distinct values and how often, most frequent first, cut short. */
export function tally(values: readonly string[], max = 6): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const listed = sorted.slice(0, max).map(([v, n]) => `${v} ×${n}`);
  return listed.join(', ') + (sorted.length > max ? `, … (${sorted.length - max} more)` : '');
}
