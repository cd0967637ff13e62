// The figures of incremental sync and bulk export, each a count or a ratio from one run:
// (a) requests of an incremental sync against a full walk of the same contact;
// (b) an export under a rate-limited reference API: achieved rate / allowed rate, 429s per request,
//     and lost / duplicated records checked against the server's data;
// (c) kill -9 of the CLI at seeded moments, then a resume: lost, duplicated, pages read again.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../scripts/lib/tools.ts';
import {
  createInteractionsClient,
  exportInteractions,
  type Interaction,
  type RateLimitOptions,
  syncInteractions,
} from '../src/index.ts';
import { generateInteractions, ReferenceStore, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom } from '../src/testing/random.ts';
import { benchIds, benchToken } from './fixtures.ts';

const { tenantId } = benchIds;
const auth = { token: benchToken };
const credentials = { tokens: [{ token: benchToken }] };

/** Closed interactions (the generator leaves about 5 % open): "none open", as figure (a) asks. */
function closed(count: number, seed: string, after?: number): Interaction[] {
  return generateInteractions(count, seed).map((item, i) => ({
    ...item,
    endTimestamp: item.endTimestamp ?? item.startTimestamp,
    ...(after === undefined ? {} : { startTimestamp: new Date(after + (count - i) * 1000).toISOString() }),
  }));
}

export interface IncrementalFigures {
  history: number;
  added: number;
  fullWalkRequests: number;
  firstSyncRequests: number;
  incrementalRequests: number;
  /** The incremental sync yielded exactly the added interactions, as new. */
  exact: boolean;
}

/** (a) A contact with `history` interactions, none open; `added` new ones arrive; how many requests to learn them. */
export async function measureIncrementalSync(opts: { history: number; added: number }): Promise<IncrementalFigures> {
  const contactId = benchIds.contactId;
  const store = new ReferenceStore({ seed: 'bench-sync' });
  store.addContact(tenantId, contactId, closed(opts.history, 'bench-sync'));
  const api = await startReferenceApi({ store, credentials });
  try {
    const client = createInteractionsClient({ baseUrl: api.baseUrl, auth });
    const count = async (walk: () => Promise<unknown>) => {
      const before = api.requests();
      await walk();
      return api.requests() - before;
    };
    const fullWalkRequests = await count(async () => {
      for await (const _ of client.iterateInteractions({ tenantId, contactId }));
    });
    const first = syncInteractions(client, { tenantId, contactId });
    const firstSyncRequests = await count(async () => {
      for await (const _ of first);
    });
    const newest = Date.parse(store.interactions(tenantId, contactId)![0]!.startTimestamp);
    const arrived = store.insertInteractions(tenantId, contactId, closed(opts.added, 'bench-sync-new', newest));
    const second = syncInteractions(client, { tenantId, contactId, checkpoint: first.checkpoint() });
    const got: string[] = [];
    const incrementalRequests = await count(async () => {
      for await (const r of second) got.push(`${r.change}:${r.interaction.interactionId}`);
    });
    const exact = JSON.stringify(got) === JSON.stringify(arrived.map((i) => `new:${i.interactionId}`));
    return { ...opts, fullWalkRequests, firstSyncRequests, incrementalRequests, exact };
  } finally {
    await api.close();
  }
}

export interface ExportFigures {
  contacts: number;
  allowedRate: number;
  clientRate: number;
  latencyMs: number;
  requests: number;
  throttled: number;
  elapsedMs: number;
  achievedRate: number;
  lost: number;
  duplicated: number;
}

/** Contacts of 0 to `max` interactions each, deterministic. */
function contactsOf(store: ReferenceStore, count: number, max: number, seed: string): string[] {
  const random = seededRandom(seed);
  return store.addContacts(tenantId, count, () => Math.floor(random() * (max + 1)));
}

/** What the server holds, as contact/interaction keys, against what an export delivered. */
function tally(store: ReferenceStore, contacts: readonly string[], delivered: readonly string[]) {
  const expected = new Set(
    contacts.flatMap((c) => store.interactions(tenantId, c)!.map((i) => `${c}/${i.interactionId}`)),
  );
  const got = new Set(delivered);
  const lost = [...expected].filter((k) => !got.has(k)).length;
  const unexpected = [...got].filter((k) => !expected.has(k)).length;
  return { lost: lost + unexpected, duplicated: delivered.length - got.size };
}

/** (b) An export of `contacts` contacts from a reference API allowing `allowedRate` requests per second. */
export async function measureRateLimitedExport(opts: {
  contacts: number;
  maxInteractions: number;
  allowedRate: number;
  clientRate: number;
  latencyMs: number;
  concurrency: number;
}): Promise<ExportFigures> {
  const store = new ReferenceStore({ seed: 'bench-export' });
  const contacts = contactsOf(store, opts.contacts, opts.maxInteractions, `bench-export/${opts.contacts}`);
  const api = await startReferenceApi({
    store,
    credentials,
    latencyMs: opts.latencyMs,
    rateLimit: { requestsPerSecond: opts.allowedRate },
  });
  try {
    const client = createInteractionsClient({ baseUrl: api.baseUrl, auth });
    const rateLimit: RateLimitOptions = { requestsPerSecond: opts.clientRate };
    const run = exportInteractions(client, { tenantId, contacts, concurrency: opts.concurrency, rateLimit });
    const delivered: string[] = [];
    const started = performance.now();
    for await (const event of run) {
      if (event.type === 'record') delivered.push(`${event.contactId}/${event.interaction.interactionId}`);
      if (event.type === 'failed') throw event.error;
    }
    const elapsedMs = performance.now() - started;
    const requests = api.requests();
    return {
      contacts: opts.contacts,
      allowedRate: opts.allowedRate,
      clientRate: opts.clientRate,
      latencyMs: opts.latencyMs,
      requests,
      throttled: api.throttled(),
      elapsedMs,
      achievedRate: (requests - api.throttled()) / (elapsedMs / 1000),
      ...tally(store, contacts, delivered),
    };
  } finally {
    await api.close();
  }
}

export interface ResumeFigures {
  trials: number;
  contacts: number;
  pages: number;
  lost: number;
  duplicated: number;
  killedMidRun: number;
  /** Pages read again per resume: requests of the killed run and the resume, beyond a clean run's. */
  refetched: number[];
}

/** (c) `trials` times: the CLI exports, is killed with SIGKILL at a seeded request, and is run again. */
export async function measureResume(opts: {
  trials: number;
  contacts: number;
  maxInteractions: number;
  concurrency: number;
}): Promise<ResumeFigures> {
  const cli = await builtCli();
  const store = new ReferenceStore({ seed: 'bench-resume' });
  const contacts = contactsOf(store, opts.contacts, opts.maxInteractions, 'bench-resume');
  const pages = contacts.reduce((n, c) => n + Math.max(1, Math.ceil(store.interactions(tenantId, c)!.length / 100)), 0);
  let onRequest: (() => void) | undefined;
  const api = await startReferenceApi({
    store,
    credentials,
    latencyMs: 5,
    intercept: () => {
      onRequest?.();
      return false;
    },
  });
  const scratch = mkdtempSync(path.join(tmpdir(), 'cxi-bench-resume-'));
  const contactsFile = path.join(scratch, 'contacts.txt');
  writeFileSync(contactsFile, `${contacts.join('\n')}\n`);
  const random = seededRandom('bench-resume-kills');
  const figures: ResumeFigures = { ...opts, pages, lost: 0, duplicated: 0, killedMidRun: 0, refetched: [], trials: 0 };
  try {
    for (let trial = 0; trial < opts.trials; trial++) {
      const out = path.join(scratch, `out-${trial}.ndjson`);
      const args = [
        cli,
        'export',
        '--tenant',
        tenantId,
        '--base-url',
        api.baseUrl,
        '--contacts',
        contactsFile,
        '--out',
        out,
        '--state',
        path.join(scratch, `state-${trial}.json`),
        '--rate',
        '1000',
        '--concurrency',
        String(opts.concurrency),
      ];
      // A seeded moment: the arrival of request k, then 0–4 ms later (mid-write, mid-fsync, anywhere).
      const killAt = 1 + Math.floor(random() * (pages - 1));
      const delayMs = Math.floor(random() * 5);
      const killed = await runCli(args, (child) => {
        let seen = 0;
        onRequest = () => {
          if (++seen === killAt) setTimeout(() => child.kill('SIGKILL'), delayMs);
        };
      });
      onRequest = undefined;
      const resumed = await runCli(args, () => {});
      if (resumed.code !== 0) throw new Error(`resume exited ${resumed.code}: ${resumed.stderr}`);
      if (killed.signal === 'SIGKILL') figures.killedMidRun += 1;
      const delivered = readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const r = JSON.parse(line) as { contactId: string; interaction: Interaction };
          return `${r.contactId}/${r.interaction.interactionId}`;
        });
      const { lost, duplicated } = tally(store, contacts, delivered);
      figures.lost += lost;
      figures.duplicated += duplicated;
      figures.refetched.push(killed.requests + resumed.requests - pages);
      figures.trials += 1;
    }
    return figures;
  } finally {
    onRequest = undefined;
    await api.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  function runCli(args: string[], arm: (child: ReturnType<typeof spawn>) => void) {
    return new Promise<{ code: number | null; signal: string | null; stderr: string; requests: number }>((resolve) => {
      const before = api.requests();
      const child = spawn(process.execPath, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { PATH: process.env.PATH ?? '', CXENGAGE_TOKEN: benchToken },
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
      arm(child);
      child.on('exit', (code, signal) => resolve({ code, signal, stderr, requests: api.requests() - before }));
    });
  }
}

/** The built CLI, built first if dist/ is missing or older than src/. */
async function builtCli(): Promise<string> {
  const cli = path.join(root, 'dist/src/cli/main.js');
  const newest = (dir: string): number =>
    Math.max(
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs,
      ),
    );
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(path.join(root, 'src'))) {
    await new Promise<void>((resolve, reject) => {
      const build = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts')], {
        cwd: root,
        stdio: 'ignore',
      });
      build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build exited ${code}`))));
    });
  }
  return cli;
}
