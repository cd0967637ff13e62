// The built CLI's `sync` as a subprocess, against the reference API in this process (its store clock
// drives late changes between runs, and a request can trigger a real kill -9 of the CLI mid-sync), into a
// real SQLite file, a real PostgreSQL database (the throw-away cluster of test/support/) and an NDJSON
// file (its change log checked line by line: each interaction's revisions once each, in order): every
// interaction exactly once with its latest version after 20 runs killed at seeded moments, `updated` only
// after a real change; a store named badly or unreachable refused in one line with nothing sent; a store
// another sync holds refused with exit 6; Singer messages on stdout only.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../../../scripts/lib/tools.ts';
import { ReferenceStore, startReferenceApi } from '../../../../src/testing/index.ts';
import { seeded } from '../../../helpers.ts';
import { singerMessageSchema } from '../../../stores/singer-messages.ts';
import { type FreshStore, ndjsonKind, postgresKind, type StoreKind, sqliteKind } from '../../../support/stores.ts';

const cli = path.join(root, 'dist/src/cli/main.js');
const token = 'sync-cli-token';
let scratch: string;
let files = 0;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/src/cli/main.js is missing: run `npm run build` first');
  scratch = mkdtempSync(path.join(tmpdir(), 'cxi-sync-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const file = (name: string) => path.join(scratch, `${++files}-${name}`);

/**
 * A reference API of its own: one tenant, `count` contacts of 0 to `most` interactions, its clock
 * `behindMs` behind real time (the tenant-wide mode lists what started before the CLI's now − 5 minutes).
 */
async function world(seed: string, count: number, most = 260, behindMs = 0) {
  const reference = new ReferenceStore({ seed, clock: Date.now() - behindMs });
  const random = seeded(seed);
  // The tenant test/stores/fixtures/store-writer.ts holds the lock of.
  const tenant = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
  const contacts = reference.addContacts(tenant, count, () => Math.floor(random() * (most + 1)));
  const watchers = new Set<(pathname: string) => void>();
  const api = await startReferenceApi({
    store: reference,
    credentials: { tokens: [{ token }] },
    intercept: (_req, _res, url) => {
      for (const watch of watchers) watch(url.pathname);
      return false;
    },
  });
  const contactsFile = file('contacts.txt');
  writeFileSync(contactsFile, `# contacts\n${contacts.join('\n')}\n`);
  return { reference, random, tenant, contacts, contactsFile, api, watchers };
}
type World = Awaited<ReturnType<typeof world>>;

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Requests the API received during the run. */
  requests: number;
}

/** Runs `sync` against `w`'s API; `killAt` sends it SIGKILL the moment the API receives that many requests. */
function sync(w: Pick<World, 'api' | 'watchers'>, args: string[], options: { killAt?: number } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'sync', '--base-url', w.api.baseUrl, ...args], {
      env: { PATH: process.env.PATH ?? '', CXENGAGE_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let requests = 0;
    const watch = () => {
      if (++requests === options.killAt) child.kill('SIGKILL');
    };
    w.watchers.add(watch);
    // 'close', not 'exit': the process can be gone before its last output has been read.
    child.on('close', (code, signal) => {
      w.watchers.delete(watch);
      resolve({ code, signal, stdout, stderr, requests });
    });
  });
}

/** JSON of a record with its keys sorted (jsonb orders keys its own way). */
function canonical(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(typeof value === 'string' ? JSON.parse(value) : value));
}

describe.each([sqliteKind(), postgresKind(), ndjsonKind()].filter((kind) => kind.available))(
  'cxengage-interactions sync --contacts into $name (built CLI)',
  (kind: StoreKind) => {
    beforeAll(() => kind.setup(), 120_000);
    afterAll(() => kind.teardown());

    it('20 runs killed with kill -9 at seeded moments, late changes between them: every interaction once, its latest version, updated only when it changed', async () => {
      const w = await world(`sync-cli-kill-${kind.name}`, 12);
      try {
        const fresh: FreshStore = await kind.fresh('kill');
        const args = ['--tenant', w.tenant, '--contacts', w.contactsFile, '--to', fresh.url, '--concurrency', '3'];
        /** Interactions that began during the test, and so may change: their possible versions. */
        const live = new Set<string>();
        // Runs until 20 were killed (a resumed run with little left may end before its kill, then the next
        // run is a new one).
        let killed = 0;
        for (let run = 0; killed < 20; run++) {
          expect(run, 'runs needed for 20 kills').toBeLessThan(50);
          // Between runs, the tenant moves on: interactions begin, the clock ends some and brings csat scores.
          for (let i = 0; i < 2; i++) {
            const contact = w.contacts[Math.floor(w.random() * w.contacts.length)]!;
            for (const item of w.reference.beginInteractions(w.tenant, contact, 1 + Math.floor(w.random() * 2)))
              live.add(item.interactionId);
          }
          w.reference.advance(Math.floor(w.random() * 90 * 60_000));
          // An unchanged contact costs one request: a kill among the first requests of a run, so most runs die.
          const killAt = 1 + Math.floor(w.random() * w.contacts.length * 0.75);
          const result = await sync(w, args, { killAt });
          if (result.signal === 'SIGKILL') killed += 1;
          else expect(result.code, result.stderr).toBe(0);
        }

        // The run the last kill interrupted is finished first (contacts it had done stay done: what began
        // since is the next run's); then a new run reads every contact.
        const finishing = await sync(w, args);
        expect(finishing.code, finishing.stderr).toBe(0);
        const last = await sync(w, args);
        expect(last.code, last.stderr).toBe(0);
        expect(last.stderr).toMatch(
          /^sync: 12 contacts \(12 done, 0 failed\) · \d+ new, \d+ updated, \d+ unchanged in /m,
        );
        const rows = await fresh.interactions(w.tenant);
        const expected = new Map(
          w.contacts.flatMap((c) =>
            w.reference.interactions(w.tenant, c)!.map((i) => [`${c}/${i.interactionId}`, i] as const),
          ),
        );
        const keys = rows.map((r) => `${r.contact_id}/${r.interaction_id}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.sort()).toEqual([...expected.keys()].sort());
        for (const row of rows) {
          const latest = expected.get(`${row.contact_id}/${row.interaction_id}`)!;
          expect(canonical(row.record), row.interaction_id).toBe(canonical(latest));
          // Stored once as new (revision 1), then once per change it was seen with: never more than it had.
          const versions = live.has(row.interaction_id)
            ? 1 + (latest.endTimestamp === null ? 0 : 1) + (latest.csat === null ? 0 : 1)
            : 1;
          expect(Number(row.revision), row.interaction_id).toBeLessThanOrEqual(versions);
          if (!live.has(row.interaction_id)) expect(Number(row.revision)).toBe(1);
        }
        expect(live.size).toBeGreaterThan(20);
        expect(rows.filter((r) => Number(r.revision) > 1).length).toBeGreaterThan(0);

        // Nothing changed since: the next run stores nothing and says so.
        const idle = await sync(w, args);
        expect(idle.code, idle.stderr).toBe(0);
        expect(idle.stderr).toMatch(/ · 0 new, 0 updated, \d+ unchanged in /);
        const after = await fresh.interactions(w.tenant);
        expect(after.reduce((n, r) => n + Number(r.revision), 0)).toBe(
          rows.reduce((n, r) => n + Number(r.revision), 0),
        );
      } finally {
        await w.api.close();
      }
    }, 600_000);

    it('a store that holds the writer lock of the tenant: exit 6, one line naming the holder, nothing sent', async () => {
      const w = await world(`sync-cli-locked-${kind.name}`, 2);
      let holder: ChildProcess | undefined;
      try {
        const fresh = await kind.fresh('locked');
        holder = await holdInChild(fresh.url);
        const result = await sync(w, ['--tenant', w.tenant, '--contacts', w.contactsFile, '--to', fresh.url]);
        expect(result.code).toBe(6);
        expect(result.requests).toBe(0);
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^cxengage-interactions: .*${holder.pid}`));
      } finally {
        holder?.kill('SIGKILL');
        await w.api.close();
      }
    }, 60_000);
  },
);

describe.each([sqliteKind(), postgresKind(), ndjsonKind()].filter((kind) => kind.available))(
  'cxengage-interactions sync (tenant-wide) into $name (built CLI)',
  (kind: StoreKind) => {
    beforeAll(() => kind.setup(), 120_000);
    afterAll(() => kind.teardown());

    it('20 runs killed with kill -9 at seeded moments, late changes between them: every interaction once, its latest version, updated only when it changed', async () => {
      const w = await world(`sync-cli-tenant-kill-${kind.name}`, 20, 60, 3 * 3_600_000);
      try {
        const fresh: FreshStore = await kind.fresh('tenant-kill');
        const args = ['--tenant', w.tenant, '--to', fresh.url, '--page-size', '50', '--rate', '1000'];
        const live = new Set<string>();
        let killed = 0;
        for (let run = 0; killed < 20; run++) {
          expect(run, 'runs needed for 20 kills').toBeLessThan(60);
          for (let i = 0; i < 2; i++) {
            const contact = w.contacts[Math.floor(w.random() * w.contacts.length)]!;
            for (const item of w.reference.beginInteractions(w.tenant, contact, 1 + Math.floor(w.random() * 3)))
              live.add(item.interactionId);
          }
          // The tenant's clock moves on (interactions end, csat scores come), staying behind the CLI's now.
          if (w.reference.now() < Date.now() - 20 * 60_000) w.reference.advance(Math.floor(w.random() * 5 * 60_000));
          const killAt = 1 + Math.floor(w.random() * 4);
          const result = await sync(w, args, { killAt });
          if (result.signal === 'SIGKILL') killed += 1;
          else expect(result.code, result.stderr).toBe(0);
        }
        // The window the last kill interrupted is finished first (what started since is the next window's).
        const finishing = await sync(w, args);
        expect(finishing.code, finishing.stderr).toBe(0);
        const last = await sync(w, args);
        expect(last.code, last.stderr).toBe(0);
        expect(last.stderr).toMatch(/^sync: tenant-wide, window \[.*\) · \d+ new, \d+ updated, \d+ unchanged in /m);
        const rows = await fresh.interactions(w.tenant);
        const expected = new Map(
          w.contacts.flatMap((c) =>
            w.reference.interactions(w.tenant, c)!.map((i) => [`${c}/${i.interactionId}`, i] as const),
          ),
        );
        const keys = rows.map((r) => `${r.contact_id}/${r.interaction_id}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.sort()).toEqual([...expected.keys()].sort());
        for (const row of rows) {
          const latest = expected.get(`${row.contact_id}/${row.interaction_id}`)!;
          const end = row.end_timestamp == null ? null : new Date(row.end_timestamp as string).toISOString();
          expect(end, row.interaction_id).toBe(latest.endTimestamp ?? null);
          expect(row.csat == null ? null : Number(row.csat), row.interaction_id).toBe(latest.csat ?? null);
          const versions = live.has(row.interaction_id)
            ? 1 + (latest.endTimestamp === null ? 0 : 1) + (latest.csat === null ? 0 : 1)
            : 1;
          expect(Number(row.revision), row.interaction_id).toBeLessThanOrEqual(versions);
        }
        expect(rows.filter((r) => Number(r.revision) > 1).length).toBeGreaterThan(0);

        const idle = await sync(w, args);
        expect(idle.code, idle.stderr).toBe(0);
        expect(idle.stderr).toMatch(/ · 0 new, 0 updated, \d+ unchanged in /);
      } finally {
        await w.api.close();
      }
    }, 600_000);
  },
);

describe('cxengage-interactions sync (tenant-wide): a key without INTERACTIONS_API_READ_ALL', () => {
  it('gets a 403 that names --contacts: one line, exit 3', async () => {
    const reference = new ReferenceStore({ seed: 'sync-cli-403' });
    const tenant = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
    reference.addContacts(tenant, 2, 3);
    const watchers = new Set<(pathname: string) => void>();
    const api = await startReferenceApi({
      store: reference,
      credentials: { tokens: [{ token, permissions: ['CONTACTS_INTERACTION_HISTORY_READ'] }] },
    });
    try {
      const db = file('403.db');
      const result = await sync({ api, watchers }, ['--tenant', tenant, '--to', `sqlite:${db}`]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/INTERACTIONS_API_READ_ALL.*--contacts FILE/);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});

const writer = path.join(root, 'test/stores/fixtures/store-writer.ts');

/** A process holding the store's writer lock for the tenant of {@link world} until killed. */
function holdInChild(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, url, 'hold'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before it held the store`)));
  });
}

describe('cxengage-interactions sync: refusals before anything is sent, and Singer', () => {
  let w: World;
  beforeAll(async () => {
    w = await world('sync-cli-refusals', 4);
  });
  afterAll(() => w?.api.close());

  it.each([
    ['sqlite:', /^cxengage-interactions: Invalid --to: sqlite: needs a file/],
    ['ndjson:', /^cxengage-interactions: Invalid --to: ndjson: needs a file/],
    ['postgres://user@host:port/db', /^cxengage-interactions: Invalid --to: is not a valid URL/],
    ['mysql://localhost/db', /^cxengage-interactions: Invalid --to: .*\(no store is called mysql:\)/],
    ['interactions.db', /^cxengage-interactions: Invalid --to: must be one of sqlite:FILE, postgres:/],
  ])('--to %s: a usage error naming --to (exit 2), nothing sent', async (to, message) => {
    const result = await sync(w, ['--tenant', w.tenant, '--contacts', w.contactsFile, '--to', to]);
    expect(result.code).toBe(2);
    expect(result.requests).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('--to ndjson: over the --contacts file, or its state over it: a usage error naming both (exit 2), nothing sent or written', async () => {
    const named = file('contacts.state');
    writeFileSync(named, readFileSync(w.contactsFile));
    for (const [contacts, to, message] of [
      [w.contactsFile, w.contactsFile, /^cxengage-interactions: --to .*: is the same file as --contacts /],
      [
        named,
        named.slice(0, -'.state'.length),
        /^cxengage-interactions: --to \(its state\) .*: is the same file as --contacts /,
      ],
    ] as const) {
      const before = readFileSync(contacts, 'utf8');
      const result = await sync(w, ['--tenant', w.tenant, '--contacts', contacts, '--to', `ndjson:${to}`]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.requests).toBe(0);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(readFileSync(contacts, 'utf8')).toBe(before);
    }
  });

  it('a PostgreSQL that cannot be reached: one line (exit 1), no password, nothing sent', async () => {
    const result = await sync(w, [
      '--tenant',
      w.tenant,
      '--contacts',
      w.contactsFile,
      '--to',
      'postgres://sync:s3cret-pw@127.0.0.1:1/interactions',
    ]);
    expect(result.code).toBe(1);
    expect(result.requests).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^cxengage-interactions: postgres:\/\/sync@127\.0\.0\.1:1\/interactions cannot be reached: .*ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain('s3cret-pw');
  });

  it('--state with a SQL store is a usage error: the store keeps its state', async () => {
    const result = await sync(w, [
      '--tenant',
      w.tenant,
      '--contacts',
      w.contactsFile,
      '--to',
      `sqlite:${file('x.db')}`,
      '--state',
      file('state.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.requests).toBe(0);
    expect(result.stderr).toMatch(/--state is for --to singer/);
  });

  it("--to singer, tenant-wide: Singer messages only, every interaction sent, each STATE after the records it covers, the other mode's state refused", async () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats.default(ajv);
    const isMessage = ajv.compile(singerMessageSchema);
    const singer = await world('sync-cli-singer-tenant', 4, 60, 3 * 3_600_000);
    try {
      const args = ['--tenant', singer.tenant, '--to', 'singer', '--page-size', '20', '--rate', '1000'];
      const run = await sync(singer, args);
      expect(run.code, run.stderr).toBe(0);
      const messages = run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; record?: { interactionId: string }; value?: unknown });
      for (const message of messages) expect(isMessage(message), JSON.stringify(isMessage.errors)).toBe(true);
      expect(messages[0]!.type).toBe('SCHEMA');
      expect(messages.at(-1)!.type).toBe('STATE');
      const records = messages.filter((m) => m.type === 'RECORD').map((m) => m.record!.interactionId);
      const all = singer.contacts.flatMap((c) =>
        singer.reference.interactions(singer.tenant, c)!.map((i) => i.interactionId),
      );
      expect(new Set(records)).toEqual(new Set(all));
      // Each STATE follows the records it covers: its cursor is never newer than a record after it.
      let cursor = Number.POSITIVE_INFINITY;
      for (const m of messages) {
        if (m.type === 'STATE') {
          const window = (
            m.value as {
              bookmarks: { interactions: { entries: { checkpoint: { window: { cursor: string } | null } } } };
            }
          ).bookmarks.interactions.entries.checkpoint.window;
          cursor = window ? Date.parse(window.cursor) : Number.NEGATIVE_INFINITY;
        } else if (m.type === 'RECORD') {
          const start = Date.parse((m.record as unknown as { startTimestamp: string }).startTimestamp);
          expect(start).toBeLessThanOrEqual(cursor);
        }
      }
      // The per-contact mode's state is refused in the tenant-wide mode (and the other way round).
      const contactsState = file('contacts-state.json');
      const perContact = await sync(singer, [
        '--tenant',
        singer.tenant,
        '--contacts',
        singer.contactsFile,
        '--to',
        'singer',
      ]);
      const lastState = perContact.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; value?: unknown })
        .filter((m) => m.type === 'STATE')
        .at(-1);
      writeFileSync(contactsState, JSON.stringify(lastState!.value));
      const refused = await sync(singer, [...args, '--state', contactsState]);
      expect(refused.code).toBe(6);
      expect(refused.requests).toBe(0);
      expect(refused.stderr).toMatch(/state given is of a contacts sync, not a tenant one/);
    } finally {
      await singer.api.close();
    }
  });

  it('--to singer: stdout carries only Singer messages; the runner’s last STATE makes the next run send only what changed', async () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats.default(ajv);
    const isMessage = ajv.compile(singerMessageSchema);
    const args = ['--tenant', w.tenant, '--contacts', w.contactsFile, '--to', 'singer'];
    const first = await sync(w, args);
    expect(first.code, first.stderr).toBe(0);
    const messages = first.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; record?: { interactionId: string }; value?: unknown });
    for (const message of messages) expect(isMessage(message), JSON.stringify(isMessage.errors)).toBe(true);
    expect(messages[0]!.type).toBe('SCHEMA');
    expect(messages.at(-1)!.type).toBe('STATE');
    const records = messages.filter((m) => m.type === 'RECORD').map((m) => m.record!.interactionId);
    const all = w.contacts.flatMap((c) => w.reference.interactions(w.tenant, c)!.map((i) => i.interactionId));
    expect(records.sort()).toEqual(all.sort());
    expect(first.stderr).toMatch(/^sync: 4 contacts \(4 done, 0 failed\) · \d+ new, 0 updated, 0 unchanged in singer/m);

    const state = file('singer-state.json');
    writeFileSync(state, JSON.stringify(messages.at(-1)!.value));
    const began = w.reference.beginInteractions(w.tenant, w.contacts[0]!, 1);
    const second = await sync(w, [...args, '--state', state]);
    expect(second.code, second.stderr).toBe(0);
    const again = second.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; record?: { interactionId: string } });
    expect(again.filter((m) => m.type === 'RECORD').map((m) => m.record!.interactionId)).toEqual([
      began[0]!.interactionId,
    ]);
    expect(readFileSync(state, 'utf8')).toContain(w.tenant);
  });
});
