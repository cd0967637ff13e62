// Figure 9's memory part, in its own process (run with --expose-gc) so nothing else lives on its heap:
// syncs the contacts listed in CONTACTS_FILE (one id a line) from a reference API into a SQLite file
// through `syncToStore`, and prints its RSS and heap growth as JSON: the sync streams, so neither grows
// with the number of contacts or rows.
//   node --expose-gc --import tsx bench/stores-memory-child.ts BASE_URL TENANT CONTACTS_FILE DB_FILE
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createInteractionsClient, limitRate } from '../src/index.ts';
import { sqliteStore, syncToStore, TABLES } from '../src/stores/index.ts';
import { benchToken } from './fixtures.ts';

const [baseUrl = '', tenantId = '', contactsFile = '', file = ''] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const sample = () => {
  gc!();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

const contacts = readFileSync(contactsFile, 'utf8').split('\n').filter(Boolean);
const client = createInteractionsClient({ baseUrl, auth: { token: benchToken } });
limitRate(client, { requestsPerSecond: 5_000 });
const store = sqliteStore({ file });
// Warm up (JIT, driver, validators) on the first contacts before the baseline; the run resumes past them.
const warm = contacts.slice(0, 20);
for await (const _ of syncToStore(client, { store, tenantId, contacts: warm, concurrency: 8 }));

const before = sample();
let peak = { ...before };
let commits = 0;
let finished = 0;
/** The peak over the first half of the contacts: the second half must not add to it (the sync streams). */
let firstHalf: typeof peak | undefined;
const start = performance.now();
const run = syncToStore(client, { store, tenantId, contacts, concurrency: 8 });
for await (const event of run) {
  if (event.type === 'committed' && ++commits % 200 === 0) {
    const now = sample();
    peak = { rss: Math.max(peak.rss, now.rss), heapUsed: Math.max(peak.heapUsed, now.heapUsed) };
  }
  if (event.type === 'done' && ++finished === Math.floor(contacts.length / 2)) firstHalf = { ...peak };
}
const ms = performance.now() - start;
const after = sample();
peak = { rss: Math.max(peak.rss, after.rss), heapUsed: Math.max(peak.heapUsed, after.heapUsed) };
const summary = run.summary();
const db = new Database(file, { readonly: true });
const stored = db.prepare(`SELECT count(*) FROM ${TABLES.interactions}`).pluck().get() as number;
db.close();
process.stdout.write(
  JSON.stringify({
    contacts: contacts.length,
    rows: stored,
    failed: summary.failed,
    ms,
    rssBeforeBytes: before.rss,
    rssGrowthBytes: peak.rss - before.rss,
    rssSecondHalfGrowthBytes: peak.rss - (firstHalf ?? before).rss,
    heapGrowthBytes: peak.heapUsed - before.heapUsed,
  }),
);
