// `npm run bench` (full sizes) and `npm run bench:smoke` (tiny sizes, inside `npm test`).
// Prints every figure beside its target and writes bench/results.json. Timings never fail the run;
// only a broken benchmark (a server that does not start, a walk that loses items) exits non-zero.
// `-- --only bundle,validation` runs some figures alone (seconds instead of minutes, e.g. while working
// on the bundle size); results.json then holds only those figures.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { root } from '../scripts/lib/tools.ts';
import { duration } from '../src/cli/commands/export/progress.ts';
import { BUNDLE_APPS, type BundleSizes, measureBundleSizes } from './bundle-size.ts';
import { measureDailySync } from './daily-sync.ts';
import { measureHistory } from './history.ts';
import { measureMemory } from './memory.ts';
import { measureOverhead, type OverheadResult, type PairedRatio } from './overhead.ts';
import { startPageServer } from './servers.ts';
import { measureStoreMemory, measureStoreThroughput } from './stores.ts';
import { measureSyncFigures } from './sync-figures.ts';
import { formatTable, type Row } from './table.ts';
import { measureValidation } from './validation.ts';

const FIGURES = ['overhead', 'history', 'memory', 'bundle', 'validation', 'sync', 'stores', 'daily'] as const;
type Figure = (typeof FIGURES)[number];

const { values: args } = parseArgs({ options: { smoke: { type: 'boolean' }, only: { type: 'string' } } });
const smoke = args.smoke ?? false;
const only = new Set((args.only ?? FIGURES.join(',')).split(',').map((f) => f.trim()));
for (const f of only) {
  if (!(FIGURES as readonly string[]).includes(f)) throw new Error(`--only: no figure '${f}' (${FIGURES.join(', ')})`);
}
const runs = (f: Figure) => only.has(f);
const sizes = smoke
  ? {
      calls: 40,
      callRounds: 4,
      history: 1_000,
      latencyMs: 5,
      historyRounds: 1,
      memory: 10_000,
      rawMemory: 5_000,
      pages: 50,
      pageRounds: 2,
      sync: {
        history: 1_000,
        exportContacts: 24,
        overestimateContacts: 12,
        allowedRate: 200,
        resumeTrials: 2,
        resumeContacts: 8,
      },
      stores: { rows: 2_000, batch: 100, rounds: 1, memoryContacts: 200, maxInteractions: 40 },
      daily: { contacts: 2_000, perDay: 500, sample: 200, ratePerSecond: 50 },
    }
  : {
      calls: 4_000,
      callRounds: 40,
      history: 10_000,
      latencyMs: 20,
      historyRounds: 3,
      memory: 1_000_000,
      rawMemory: 100_000,
      pages: 2_000,
      pageRounds: 5,
      sync: {
        history: 10_000,
        exportContacts: 1_000,
        overestimateContacts: 300,
        allowedRate: 50,
        resumeTrials: 20,
        resumeContacts: 60,
      },
      stores: { rows: 50_000, batch: 100, rounds: 5, memoryContacts: 20_000, maxInteractions: 50 },
      daily: { contacts: 1_000_000, perDay: 50_000, sample: 2_000, ratePerSecond: 50 },
    };

const rows: Row[] = [];
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const mb = (bytes: number) => bytes / 1024 / 1024;
const kb = (bytes: number) => bytes / 1000;

async function main(): Promise<void> {
  const started = performance.now();

  let overhead: OverheadResult | undefined;
  if (runs('overhead')) {
    const pageServer = await startPageServer({ total: 100 });
    try {
      overhead = await measureOverhead(pageServer, { calls: sizes.calls, rounds: sizes.callRounds });
    } finally {
      await pageServer.stop();
    }
    rows.push(...overheadRows(overhead));
  }

  let history: Awaited<ReturnType<typeof measureHistory>> | undefined;
  if (runs('history')) {
    const historyServer = await startPageServer({ total: sizes.history, latencyMs: sizes.latencyMs });
    try {
      history = await measureHistory(historyServer, {
        total: sizes.history,
        pageSize: 100,
        latencyMs: sizes.latencyMs,
        rounds: sizes.historyRounds,
      });
    } finally {
      await historyServer.stop();
    }
    rows.push(...historyRows(history));
  }

  let memory: Awaited<ReturnType<typeof measureMemory>> | undefined;
  if (runs('memory')) {
    memory = await measureMemory({ count: sizes.memory, rawCount: sizes.rawMemory });
    rows.push(...memoryRows(memory));
  }

  let bundle: BundleSizes | undefined;
  if (runs('bundle')) {
    bundle = await measureBundleSizes();
    rows.push(...bundleRows(bundle));
  }

  let validation: Awaited<ReturnType<typeof measureValidation>> | undefined;
  if (runs('validation')) {
    validation = await measureValidation({ pages: sizes.pages, rounds: sizes.pageRounds });
    const v = validation.pagesPerSecond;
    rows.push(
      {
        figure: '5 validation',
        measure: 'strict validator, 100-item pages/s',
        value: fmt(v.validate, 0),
        ratio: `${fmt(v.validate / v.jsonParse)} × JSON.parse`,
      },
      {
        figure: '',
        measure: 'JSON.parse of the same page, pages/s',
        value: fmt(v.jsonParse, 0),
        ratio: '1.00 (baseline)',
      },
      {
        figure: '',
        measure: 'SDK strict vs off, in-memory fetch, pages/s',
        value: `${fmt(v.sdkStrict, 0)} vs ${fmt(v.sdkOff, 0)}`,
        ratio: fmt(v.sdkStrict / v.sdkOff),
      },
    );
  }

  let sync: Awaited<ReturnType<typeof measureSyncFigures>> | undefined;
  if (runs('sync')) {
    sync = await measureSyncFigures(sizes.sync);
    rows.push(...sync.rows);
  }

  let stores: Awaited<ReturnType<typeof measureStores>> | undefined;
  if (runs('stores')) {
    stores = await measureStores();
    rows.push(...stores.rows);
    if (stores.skipped) console.log(`SKIP figure 9, PostgreSQL: ${stores.skipped}`);
  }

  let daily: Awaited<ReturnType<typeof measureDailySync>> | undefined;
  if (runs('daily')) {
    daily = await measureDailySync(sizes.daily);
    rows.push(...dailyRows(daily));
  }

  const title = smoke ? 'bench (smoke sizes: figures are not meaningful, targets not judged)' : 'bench';
  for (const line of formatTable(title, rows, { smoke })) console.log(line);
  if (bundle) {
    console.log(
      `figure 4: ${bundle.method}; apps: ${Object.entries(BUNDLE_APPS)
        .map(([n, a]) => `${n} = ${a.description}`)
        .join('; ')}`,
    );
    for (const line of splitLines(bundle)) console.log(line);
  }
  const growth = memory ? Math.max(memory.sdk.rssGrowthBytes, memory.sdk.heapGrowthBytes) : undefined;
  console.log(
    `bench finished in ${fmt((performance.now() - started) / 1000, 1)} s` +
      (growth === undefined ? '' : `; growth figure ${fmt(mb(growth), 1)} MB`),
  );
  const results = {
    smoke,
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    sizes,
    figures: [...only],
    overhead,
    history,
    memory,
    bundle,
    validation,
    sync: sync?.figures,
    daily,
    stores: stores && { throughput: stores.throughput, memory: stores.memory, skipped: stores.skipped },
    rows,
  };
  writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

/** Figure 9: rows/s through each store against a bare driver loop, and the memory of a long sync into SQLite. */
async function measureStores() {
  const { rows: count, batch, rounds, memoryContacts, maxInteractions } = sizes.stores;
  const { results: throughput, skipped } = await measureStoreThroughput({ rows: count, batch, rounds });
  const memory = await measureStoreMemory({ contacts: memoryContacts, maxInteractions });
  const rows: Row[] = throughput.map((t, i) => ({
    figure: i === 0 ? '9 stores' : '',
    measure: `${t.store}: rows/s through the store vs a bare driver loop (${t.rows} rows, ${t.batch}/commit)`,
    value: `${fmt(t.storeRowsPerSecond, 0)} vs ${fmt(t.bareRowsPerSecond, 0)}`,
    ratio: fmt(t.ratio),
    target: '≥ 0.80',
    meets: t.ratio >= 0.8,
  }));
  rows.push(
    {
      figure: '',
      measure: `per-contact sync of ${memory.contacts} contacts, ${memory.rows} rows into SQLite: RSS / heap growth`,
      value: `${fmt(mb(memory.rssGrowthBytes), 1)} / ${fmt(mb(memory.heapGrowthBytes), 1)} MB`,
      target: '≤ 100 MB',
      meets: mb(memory.rssGrowthBytes) <= 100,
    },
    {
      figure: '',
      measure: 'the same sync: RSS peak growth over its second half of contacts',
      value: `${fmt(mb(memory.rssSecondHalfGrowthBytes), 1)} MB`,
      target: '≤ 10 MB',
      meets: mb(memory.rssSecondHalfGrowthBytes) <= 10,
    },
  );
  return { rows, throughput, memory, skipped };
}

/** Figure 10's rows: the daily sync's requests and wall time, tenant-wide against per contact. */
function dailyRows(d: Awaited<ReturnType<typeof measureDailySync>>): Row[] {
  const at = (requests: number) => duration((requests / d.ratePerSecond) * 1000);
  return [
    {
      figure: '10 daily sync',
      measure: `${d.contacts} contacts, ${d.perDay} new a day: tenant-wide requests (measured) vs per contact (modelled from ${d.sample})`,
      value: `${d.tenantRequests} vs ${d.contactRequests}`,
      ratio: d.ratio.toExponential(1),
      target: '≤ 1/100',
      meets: d.ratio <= 0.01,
    },
    {
      figure: '',
      measure: 'the same, every day of the 7-day settle window as busy (tenant-wide modelled: +1 page per 1,000)',
      value: `${d.steadyTenantRequests} vs ${d.contactRequests}`,
      ratio: d.steadyRatio.toExponential(1),
      target: '≤ 1/100',
      meets: d.steadyRatio <= 0.01,
    },
    {
      figure: '',
      measure: `wall time at ${d.ratePerSecond} req/s (modelled from requests): tenant-wide (steady) vs per contact`,
      value: `${at(d.tenantRequests)} (${at(d.steadyTenantRequests)}) vs ${at(d.contactRequests)}`,
    },
    {
      figure: '',
      measure: 'tenant-wide run for real, no rate limit: wall time; RSS growth of this process during it',
      value: `${fmt(d.tenantWallMs / 1000, 1)} s; ${fmt(mb(d.tenantRssGrowthBytes), 1)} MB`,
    },
  ];
}

/** Figure 2's rows: the full history walked sequentially and concurrently, against the ideal. */
function historyRows(history: Awaited<ReturnType<typeof measureHistory>>): Row[] {
  const h = history.ms;
  const ideal = history.idealMs;
  const label = `${sizes.history} items, 100/page, +${sizes.latencyMs} ms`;
  return [
    {
      figure: '2 full history',
      measure: `sequential vs ideal ${ideal['sequential']} ms (${label})`,
      value: `${fmt(h['sequential']!, 0)} ms`,
      ratio: fmt(h['sequential']! / ideal['sequential']!),
    },
    {
      figure: '',
      measure: `concurrency 4 vs ideal ${ideal['c4']} ms`,
      value: `${fmt(h['c4']!, 0)} ms`,
      ratio: fmt(h['c4']! / ideal['c4']!),
    },
    {
      figure: '',
      measure: `concurrency 8 vs ideal ${ideal['c8']} ms`,
      value: `${fmt(h['c8']!, 0)} ms`,
      ratio: fmt(h['c8']! / ideal['c8']!),
      target: '≤ 1.25',
      meets: h['c8']! / ideal['c8']! <= 1.25,
    },
    {
      figure: '',
      measure: 'concurrency 8 vs raw fetch in waves of 8',
      value: `${fmt(h['rawC8']!, 0)} ms raw`,
      ratio: fmt(h['c8']! / h['rawC8']!),
    },
    { figure: '', measure: 'speed-up, sequential / concurrency 8', value: '', ratio: fmt(h['sequential']! / h['c8']!) },
  ];
}

/** Figure 3's rows: memory growth of a long walk, SDK and raw fetch. */
function memoryRows(memory: Awaited<ReturnType<typeof measureMemory>>): Row[] {
  return [
    {
      figure: '3 memory',
      measure: `SDK walk of ${sizes.memory} items: RSS growth`,
      value: `${fmt(mb(memory.sdk.rssGrowthBytes), 1)} MB`,
      target: '≤ 50 MB',
      meets: mb(memory.sdk.rssGrowthBytes) <= 50,
    },
    {
      figure: '',
      measure: 'SDK walk: heap growth (after GC, peak)',
      value: `${fmt(mb(memory.sdk.heapGrowthBytes), 1)} MB`,
      target: '≤ 50 MB',
      meets: mb(memory.sdk.heapGrowthBytes) <= 50,
    },
    {
      figure: '',
      measure: `raw fetch walk of ${sizes.rawMemory} items: RSS / heap growth`,
      value: `${fmt(mb(memory.raw.rssGrowthBytes), 1)} / ${fmt(mb(memory.raw.heapGrowthBytes), 1)} MB`,
    },
    {
      figure: '',
      measure: 'SDK walk time, ms per 1000 items',
      value: fmt((memory.sdk.ms / memory.sdk.count) * 1000, 1),
    },
  ];
}

/**
 * The bundle targets (issue 17): `listInteractions` with validation off, on what loads before the app runs
 * (nothing more loads on its path: its path and initial figures are one); strict, on what its path loads.
 */
const BUNDLE_TARGETS: Partial<Record<keyof typeof BUNDLE_APPS, { on: 'initial' | 'path'; kB: number }>> = {
  'list-off': { on: 'initial', kB: 10 },
  'list-strict': { on: 'path', kB: 13 },
};

/**
 * Figure 4's lazy splits: per app, each chunk that is not loaded before the app runs, named by its
 * largest source modules, with its kB min+gz, and whether the app's path loaded it.
 */
function splitLines(b: BundleSizes): string[] {
  return Object.entries(b.apps).map(([name, app]) => {
    const lazy = app.chunks
      .filter((c) => c.loaded !== 'initial')
      .map((c) => {
        const modules = c.inputs.slice(0, 2).map((i) => i.module.replace(/^src\//, ''));
        const what = modules.length ? modules.join(' + ') : `${c.file} (re-exports)`;
        return `${what} ${fmt(kb(c.gzipBytes), 1)}${c.loaded === 'on demand' ? ' (loaded)' : ''}`;
      });
    return `figure 4 splits, ${name}: ${lazy.join('; ')}`;
  });
}

/** Figure 4's rows: per app, kB min+gz loaded initially | on its path | in all its chunks. */
function bundleRows(b: BundleSizes): Row[] {
  const rows: Row[] = [
    {
      figure: '4 bundle (min+gz)',
      measure: 'openapi-fetch alone (createClient + GET)',
      value: `${fmt(kb(b.openapiFetchBytes), 1)} kB`,
      ratio: '1.00 (baseline)',
    },
  ];
  for (const [name, app] of Object.entries(b.apps)) {
    const target = BUNDLE_TARGETS[name as keyof typeof BUNDLE_APPS];
    rows.push({
      figure: '',
      measure: `${name}: initial | path | all, kB`,
      value: [app.initialBytes, app.pathBytes, app.allBytes].map((n) => fmt(kb(n), 1)).join(' | '),
      ratio: fmt(app.pathBytes / b.openapiFetchBytes),
      ...(target !== undefined
        ? {
            target: `${target.on} ≤ ${target.kB} kB`,
            meets: kb(target.on === 'initial' ? app.initialBytes : app.pathBytes) <= target.kB,
          }
        : {}),
    });
  }
  return rows;
}

/**
 * Figure 1's rows. Each ratio is the median over rounds of the per-round ratio, with its interquartile
 * range (the noise) in brackets; CPU is this process's user + system time (the client's own work, which
 * other processes on the machine barely inflate), wall includes the server's time in its child process.
 */
function overheadRows(o: OverheadResult): Row[] {
  const w = o.wallMsPerCall;
  const c = o.cpuMsPerCall;
  const paired = (p: PairedRatio) => `${fmt(p.median)} [${fmt(p.q1)}–${fmt(p.q3)}]`;
  const judged = (measure: string, p: PairedRatio, limit: number): Row => ({
    figure: '',
    measure,
    value: '',
    ratio: paired(p),
    target: `≤ ${fmt(limit)}`,
    meets: p.median <= limit,
  });
  const { offVsOpenapiFetch: off, strictVsOff: strict, strictVsOpenapiFetch } = o.ratios;
  return [
    {
      figure: '1 per-call',
      measure: `bare openapi-fetch, ms/call wall | CPU (${o.rounds} rounds × ${o.batch} calls, 100-item page)`,
      value: `${fmt(w.openapiFetch, 3)} | ${fmt(c.openapiFetch, 3)}`,
      ratio: '1.00 (baseline)',
    },
    {
      figure: '',
      measure: 'raw fetch + json(), ms/call wall | CPU',
      value: `${fmt(w.raw, 3)} | ${fmt(c.raw, 3)}`,
      ratio: `${fmt(w.raw / w.openapiFetch)} | ${fmt(c.raw / c.openapiFetch)}`,
    },
    {
      figure: '',
      measure: 'SDK validate off, ms/call wall | CPU',
      value: `${fmt(w.sdkOff, 3)} | ${fmt(c.sdkOff, 3)}`,
    },
    judged('SDK off / openapi-fetch, CPU [IQR]', off.cpu, 1.1),
    judged('SDK off / openapi-fetch, wall [IQR]', off.wall, 1.1),
    {
      figure: '',
      measure: 'SDK strict, ms/call wall | CPU',
      value: `${fmt(w.sdkStrict, 3)} | ${fmt(c.sdkStrict, 3)}`,
      ratio: `${fmt(strictVsOpenapiFetch.wall.median)} | ${fmt(strictVsOpenapiFetch.cpu.median)} × openapi-fetch`,
    },
    judged('SDK strict / SDK off, CPU [IQR]', strict.cpu, 1.15),
    judged('SDK strict / SDK off, wall [IQR]', strict.wall, 1.15),
    {
      figure: '',
      measure: 'SDK off, OpenTelemetry absent (tracing: false, its path), ms/call wall | CPU',
      value: `${fmt(w.sdkOff, 3)} | ${fmt(c.sdkOff, 3)}`,
      ratio: '1.00 (baseline)',
    },
    {
      figure: '',
      measure: 'SDK off, @opentelemetry/api but no SDK (no-op tracer), ms/call wall | CPU',
      value: `${fmt(w.sdkOffApiOnly, 3)} | ${fmt(c.sdkOffApiOnly, 3)}`,
      ratio: `${paired(o.ratios.apiOnlyVsOff.wall)} | ${paired(o.ratios.apiOnlyVsOff.cpu)}`,
    },
    {
      figure: '',
      measure: 'SDK off, recording tracer (2 spans/call), ms/call wall | CPU',
      value: `${fmt(w.sdkOffTraced, 3)} | ${fmt(c.sdkOffTraced, 3)}`,
      ratio: `${paired(o.ratios.tracedVsOff.wall)} | ${paired(o.ratios.tracedVsOff.cpu)}`,
    },
  ];
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exitCode = 1;
});
