/**
 * What `export` tells a person: the live progress line (a bar of contacts done, interactions, requests
 * per second, 429s and an ETA) and the one-line summary at the end. Pure text from counts, so both are
 * tested without a terminal or a clock.
 */
import type { ExportSummary } from '../../../jobs/types.js';

const number = new Intl.NumberFormat('en-US');

/** `1h 02m`, `4m 12s`, `9s`; `--` when unknown. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '--';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A bar of `width` cells, filled in proportion. */
export function bar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** What the progress line shows. */
export interface ProgressView {
  summary: ExportSummary;
  /** Contacts to export (in the shard, repeats excluded). */
  total: number;
  /** Requests per second lately. */
  rate: number;
}

/** Contacts finished (done, failed, or done in an earlier run). */
const finished = (s: ExportSummary) => s.done + s.failed + s.skipped;

/** The live line: `[####----] 412/1000 contacts · 61,204 interactions · 3.9 req/s · 2 × 429 · ETA 4m 12s`. */
export function progressText({ summary, total, rate }: ProgressView): string {
  const doneHere = summary.done + summary.failed;
  const left = total - finished(summary);
  // The pace of this run's own contacts: those finished in an earlier run cost nothing.
  const eta = doneHere > 0 ? (summary.elapsedMs / doneHere) * left : Number.NaN;
  return [
    `${bar(finished(summary), total)} ${number.format(finished(summary))}/${number.format(total)} contacts`,
    `${number.format(summary.records)} interactions`,
    `${rate.toFixed(1)} req/s`,
    `${number.format(summary.throttled)} × 429`,
    `ETA ${left === 0 ? '0s' : duration(eta)}`,
  ].join(' · ');
}

/** The closing line, always printed (to stderr). */
export function summaryText(s: ExportSummary): string {
  const contacts = [`${number.format(s.done)} done`, `${number.format(s.failed)} failed`];
  if (s.skipped > 0) contacts.push(`${number.format(s.skipped)} done before`);
  return [
    `export: ${number.format(s.contacts)} contacts (${contacts.join(', ')})`,
    `${number.format(s.records)} interactions (${number.format(s.new)} new, ${number.format(s.updated)} updated)`,
    `${number.format(s.requests)} requests, ${number.format(s.throttled)} × 429`,
    duration(s.elapsedMs),
  ].join(' · ');
}

/** Requests per second over the last few seconds, from samples of the running count. */
export function rateMeter(windowMs = 5000) {
  const samples: { at: number; requests: number }[] = [];
  return (at: number, requests: number): number => {
    samples.push({ at, requests });
    while (samples.length > 2 && samples[1]!.at <= at - windowMs) samples.shift();
    const first = samples[0]!;
    const span = at - first.at;
    return span > 0 ? ((requests - first.requests) * 1000) / span : 0;
  };
}
