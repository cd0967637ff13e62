// Figure 10 of `npm run bench`: a daily sync, tenant-wide against per contact. A reference tenant of
// `contacts` contacts (histories generated lazily, as the reference store does) synced yesterday; then a
// day of `perDay` new interactions (live: each ends after its generated duration and gets its csat score
// later, as the store's clock moves through the day); then today's run:
// - tenant-wide (`syncTenantToStore` into a SQLite file, from yesterday's checkpoint), measured for real:
//   its requests, its wall time with no rate limit, the process's RSS growth during it;
// - per contact (`syncToStore` from each contact's checkpoint), measured for real on a sample of the
//   contacts and scaled to the tenant (every contact costs at least one request a run): MODELLED.
// Wall times at the API's limit (`ratePerSecond`) are modelled from the request counts: the per-contact
// run would take hours for real.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInteractionsClient, DEFAULT_SETTLE_WINDOW_MS, DEFAULT_SKEW_MS, limitRate } from '../src/index.ts';
import { sqliteStore, syncTenantToStore, syncToStore, TENANT_CHECKPOINT_KEY } from '../src/stores/index.ts';
import { ReferenceStore, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom } from '../src/testing/random.ts';
import { benchIds, benchToken } from './fixtures.ts';

const DAY_MS = 86_400_000;

export interface DailySizes {
  contacts: number;
  perDay: number;
  sample: number;
  ratePerSecond: number;
}

export interface DailyFigures extends DailySizes {
  setupMs: number;
  tenantRequests: number;
  /** Records the tenant-wide run stored as new: every interaction of the day, once. */
  tenantNew: number;
  tenantWallMs: number;
  tenantRssGrowthBytes: number;
  /** The tenant-wide requests when every day of the settle window is as busy (modelled: one page per 1,000). */
  steadyTenantRequests: number;
  sampleRequests: number;
  /** Per-contact requests for the whole tenant (modelled from the sample). */
  contactRequests: number;
  ratio: number;
  steadyRatio: number;
}

export async function measureDailySync(sizes: DailySizes): Promise<DailyFigures> {
  const { tenantId } = benchIds;
  const setup = performance.now();
  const reference = new ReferenceStore({ seed: 'bench-daily', clock: Date.UTC(2025, 5, 1) });
  const contacts = reference.addContacts(tenantId, sizes.contacts, 3);
  const api = await startReferenceApi({ store: reference, credentials: { tokens: [{ token: benchToken }] } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-bench-daily-'));
  try {
    const client = createInteractionsClient({ baseUrl: api.baseUrl, auth: { token: benchToken } });
    limitRate(client, { requestsPerSecond: 5_000 });
    const now = () => reference.now();
    const random = seededRandom('bench-daily');
    const step = Math.max(1, Math.floor(sizes.contacts / sizes.sample));
    const sample = contacts.filter((_, i) => i % step === 0).slice(0, sizes.sample);

    // Yesterday: each sampled contact synced, and the tenant-wide checkpoint at the end of the day.
    const perContact = sqliteStore({ file: path.join(dir, 'contacts.db') });
    for await (const _ of syncToStore(client, { store: perContact, tenantId, contacts: sample, concurrency: 8, now }));
    const tenantStore = sqliteStore({ file: path.join(dir, 'tenant.db') });
    const session = await tenantStore.open({ tenantId, scope: 'tenant' });
    const yesterday = new Date(now() - DEFAULT_SKEW_MS).toISOString();
    await session.commit({
      rows: [],
      state: [
        {
          key: TENANT_CHECKPOINT_KEY,
          value: { version: 1, mode: 'tenant', tenantId, watermark: yesterday, rereadFrom: null, window: null },
        },
      ],
    });
    await session.close();

    // The day: `perDay` interactions begin, evenly spread, at contacts drawn at random (sampled ones in
    // their share); each ends and gets its csat as the clock moves on.
    const gap = Math.floor(DAY_MS / sizes.perDay);
    for (let i = 0; i < sizes.perDay; i++) {
      reference.advance(gap);
      reference.beginInteractions(tenantId, contacts[Math.floor(random() * contacts.length)]!, 1);
    }
    reference.advance(DEFAULT_SKEW_MS + 1_000); // the day's last start is before the run's upper bound
    const setupMs = performance.now() - setup;

    const before = api.requests();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const started = performance.now();
    const tenantRun = syncTenantToStore(client, { store: tenantStore, tenantId, now });
    for await (const _ of tenantRun) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    const tenantWallMs = performance.now() - started;
    const tenantRequests = api.requests() - before;
    const tenantNew = tenantRun.summary().new;
    if (tenantNew !== sizes.perDay)
      throw new Error(`the tenant-wide run stored ${tenantNew} new interactions of ${sizes.perDay}`);

    const beforeContacts = api.requests();
    for await (const _ of syncToStore(client, { store: perContact, tenantId, contacts: sample, concurrency: 8, now }));
    const sampleRequests = api.requests() - beforeContacts;
    const contactRequests = Math.round((sampleRequests / sample.length) * sizes.contacts);
    const pageSize = 1000;
    const steadyTenantRequests =
      tenantRequests + Math.ceil((sizes.perDay * (DEFAULT_SETTLE_WINDOW_MS / DAY_MS)) / pageSize);
    return {
      ...sizes,
      setupMs,
      tenantRequests,
      tenantNew,
      tenantWallMs,
      tenantRssGrowthBytes: rssPeak - rssBefore,
      steadyTenantRequests,
      sampleRequests,
      contactRequests,
      ratio: tenantRequests / contactRequests,
      steadyRatio: steadyTenantRequests / contactRequests,
    };
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
