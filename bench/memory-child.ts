// Figure 3, measured in its own process (run with --expose-gc) so nothing else lives on its heap:
// walks COUNT interactions from a generating server and prints memory growth as JSON.
//   node --expose-gc --import tsx bench/memory-child.ts BASE_URL COUNT sdk|raw
import { sdkClient } from './clients.ts';
import { benchHeaders, benchIds, benchPath } from './fixtures.ts';

const [baseUrl = '', countArg, mode] = process.argv.slice(2);
const count = Number(countArg);
const pageSize = 100;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function sample() {
  gc!();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

async function* rawWalk(): AsyncGenerator<unknown> {
  for (let page = 0; ; page++) {
    const url = `${baseUrl}${benchPath}?limit=${pageSize}&page=${page}`;
    const body = (await (await fetch(url, { headers: benchHeaders })).json()) as { results: unknown[] };
    if (body.results.length === 0) return;
    yield* body.results;
    if (body.results.length < pageSize) return;
  }
}

// Warm up (JIT, connection, validators) before the baseline.
for await (const _ of sdkClient(baseUrl).iterateInteractions({ ...benchIds, pageSize, last: 1_000 }));
const before = sample();
let peak = { ...before };
let n = 0;
const every = Math.max(pageSize, Math.floor(count / 20));
const start = performance.now();
const items = mode === 'raw' ? rawWalk() : sdkClient(baseUrl).iterateInteractions({ ...benchIds, pageSize });
for await (const _ of items) {
  // The raw baseline may walk only a prefix of the history.
  if (++n === count && mode === 'raw') break;
  if (n % every === 0) {
    const now = sample();
    peak = { rss: Math.max(peak.rss, now.rss), heapUsed: Math.max(peak.heapUsed, now.heapUsed) };
  }
}
const ms = performance.now() - start;
const after = sample();
peak = { rss: Math.max(peak.rss, after.rss), heapUsed: Math.max(peak.heapUsed, after.heapUsed) };
if (n !== count) throw new Error(`walked ${n} of ${count} interactions`);
process.stdout.write(
  JSON.stringify({
    mode,
    count: n,
    ms,
    rssGrowthBytes: peak.rss - before.rss,
    heapGrowthBytes: peak.heapUsed - before.heapUsed,
    retainedHeapBytes: after.heapUsed - before.heapUsed,
  }),
);
