// Figure 2: the full history behind a server that adds latency to every request, walked
// sequentially and with concurrency, against the ideal and against a raw-fetch walk in waves.
import { sdkClient } from './clients.ts';
import { benchHeaders, benchIds } from './fixtures.ts';
import { interleave, median, time } from './measure.ts';
import type { BenchServer } from './servers.ts';

export interface HistoryResult {
  total: number;
  pageSize: number;
  latencyMs: number;
  ms: Record<string, number>;
  idealMs: Record<string, number>;
}

/** One request for page 0, then ceil(remaining pages / c) waves of c requests in parallel. */
export const idealMs = (total: number, pageSize: number, c: number, latencyMs: number) =>
  (1 + Math.ceil((Math.ceil(total / pageSize) - 1) / c)) * latencyMs;

async function sdkWalk(server: BenchServer, total: number, pageSize: number, concurrency: number): Promise<void> {
  let n = 0;
  for await (const _ of sdkClient(server.baseUrl, { validate: 'off' }).iterateInteractions({
    ...benchIds,
    pageSize,
    concurrency,
  }))
    n++;
  if (n !== total) throw new Error(`the SDK walk yielded ${n} of ${total} interactions`);
}

/** The baseline: what raw fetch achieves with the same schedule (page 0, then waves of c). */
async function rawWaves(server: BenchServer, total: number, pageSize: number, c: number): Promise<void> {
  const get = async (page: number) =>
    ((await (await fetch(server.pageUrl(pageSize, page), { headers: benchHeaders })).json()) as { results: unknown[] })
      .results.length;
  let n = await get(0);
  const pages = Math.ceil(total / pageSize);
  for (let first = 1; first < pages; first += c) {
    const wave = Array.from({ length: Math.min(c, pages - first) }, (_, i) => get(first + i));
    for (const count of await Promise.all(wave)) n += count;
  }
  if (n !== total) throw new Error(`the raw walk read ${n} of ${total} interactions`);
}

export async function measureHistory(
  server: BenchServer,
  opts: { total: number; pageSize: number; latencyMs: number; rounds: number },
): Promise<HistoryResult> {
  const { total, pageSize, latencyMs } = opts;
  const variants = {
    sequential: () => time(() => sdkWalk(server, total, pageSize, 1)),
    c4: () => time(() => sdkWalk(server, total, pageSize, 4)),
    c8: () => time(() => sdkWalk(server, total, pageSize, 8)),
    rawC8: () => time(() => rawWaves(server, total, pageSize, 8)),
  };
  const samples = await interleave(variants, opts.rounds);
  return {
    total,
    pageSize,
    latencyMs,
    ms: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
    idealMs: {
      sequential: idealMs(total, pageSize, 1, latencyMs),
      c4: idealMs(total, pageSize, 4, latencyMs),
      c8: idealMs(total, pageSize, 8, latencyMs),
    },
  };
}
