// The built CLI's `export` as a subprocess against the reference API (in this process, so that its
// store can change between runs and a request can trigger a real kill -9 of the CLI mid-export).
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../../../scripts/lib/tools.ts';
import { csvColumns } from '../../../../src/cli/format.ts';
import { shardOf } from '../../../../src/index.ts';
import { type ReferenceApi, ReferenceStore, startReferenceApi } from '../../../../src/testing/index.ts';
import { seeded } from '../../../helpers.ts';
import { needs } from '../../../support/needs.ts';

const cli = path.join(root, 'dist/src/cli/main.js');
const tenant = '1c7e9a24-5b3d-4f68-8e2a-9d0c6b4f1a37';
const missing = '00000000-0000-4000-8000-0000000e0404';
const env = { CXENGAGE_API_KEY: 'export-cli-key', CXENGAGE_API_SECRET: 'export-cli-secret-7c1d' };
const store = new ReferenceStore({ seed: 'export-cli' });
const random = seeded('export-cli');
const contacts = store.addContacts(tenant, 24, () => Math.floor(random() * 260));
let api: ReferenceApi;
let scratch: string;
/** Per run: counts the requests for its contacts (runs of concurrent tests use disjoint contacts). */
const watchers = new Set<(path: string) => void>();
let files = 0;

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('dist/src/cli/main.js is missing: run `npm run build` first');
  api = await startReferenceApi({
    store,
    latencyMs: 3,
    credentials: { apiKeys: [{ key: env.CXENGAGE_API_KEY, secret: env.CXENGAGE_API_SECRET }] },
    intercept: (_req, _res, url) => {
      for (const watch of watchers) watch(url.pathname);
      return false;
    },
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'cxi-export-'));
});
afterAll(async () => {
  await api?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const file = (name: string) => path.join(scratch, `${++files}-${name}`);

function contactsFile(ids: readonly string[]): string {
  const f = file('contacts.txt');
  writeFileSync(f, `# contacts\n${ids.join('\n')}\n\n`);
  return f;
}

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Requests the server received for the contacts of this run. */
  requests: number;
}

/**
 * Runs the CLI over `ids`; `killAt` sends it SIGKILL the moment the server receives that many requests
 * for them.
 */
function run(
  ids: readonly string[],
  args: string[],
  options: { killAt?: number; stdin?: string } = {},
): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'export', '--tenant', tenant, '--base-url', api.baseUrl, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(options.stdin ?? '');
    let requests = 0;
    const watch = (pathname: string) => {
      if (!ids.some((id) => pathname.includes(`/contacts/${id}/`))) return;
      if (++requests === options.killAt) child.kill('SIGKILL');
    };
    watchers.add(watch);
    // 'close', not 'exit': the process can be gone before its last stderr bytes have been read.
    child.on('close', (code, signal) => {
      watchers.delete(watch);
      resolve({ code, signal, stderr, requests });
    });
  });
}

interface Row {
  contactId: string;
  change: string;
  interaction: { interactionId: string; endTimestamp: string | null };
}

const rows = (out: string): Row[] =>
  readFileSync(out, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
const keys = (items: readonly Row[]) => items.map((r) => `${r.contactId}/${r.interaction.interactionId}`);
const expected = (ids: readonly string[]) =>
  ids.flatMap((c) => store.interactions(tenant, c)!.map((i) => `${c}/${i.interactionId}`)).sort();
const pagesOf = (ids: readonly string[]) =>
  ids.reduce((n, c) => n + Math.max(1, Math.ceil(store.interactions(tenant, c)!.length / 100)), 0);

// Concurrent: each test is its own processes over its own contacts.
describe.concurrent('cxengage-interactions export (built CLI)', () => {
  it('exports every contact into one ndjson file; a missing contact is reported, counted, and exits 5', async () => {
    const out = file('all.ndjson');
    const state = file('state.json');
    const list = contacts.slice(0, 6);
    const r = await run(
      [...list, missing],
      ['--contacts', contactsFile([...list, missing]), '--out', out, '--state', state, '--rate', '500'],
    );
    expect(r.code).toBe(5);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toContain(`warning: contact ${missing} failed: HTTP 404: Contact not found.`);
    expect(lines.at(-2)).toMatch(
      /^export: 7 contacts \(6 done, 1 failed\) · [\d,]+ interactions \([\d,]+ new, 0 updated\) · \d+ requests, 0 × 429 · /,
    );
    expect(lines.at(-1)).toBe(
      'cxengage-interactions: 1 of 7 contacts failed (see the warnings above); run the same command again to retry them',
    );
    const got = rows(out);
    expect(keys(got).sort()).toEqual(expected(list));
    expect(new Set(got.map((r) => r.change))).toEqual(new Set(['new']));
    // The finished state file is a compacted snapshot: a header, then one line per contact.
    const saved = readFileSync(state, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(saved[0]).toMatchObject({ cxengageExport: 1, tenantId: tenant, format: 'ndjson' });
    expect(saved.slice(1).filter((e) => e.state.done)).toHaveLength(6);
    expect(saved.slice(1).find((e) => e.contactId === missing)?.state.error).toMatchObject({ status: 404 });
  });

  it('kill -9 at seeded moments, then the same command again: 0 lost, 0 duplicated, at most the pages in flight again', async () => {
    const list = contacts.slice(6, 14);
    const pages = pagesOf(list);
    const r = seeded('export-cli-kill');
    for (let trial = 0; trial < 2; trial++) {
      const out = file('killed.ndjson');
      const state = file('killed-state.json');
      const args = [
        '--contacts',
        contactsFile(list),
        '--out',
        out,
        '--state',
        state,
        '--rate',
        '400',
        '--concurrency',
        '3',
      ];
      const killAt = 2 + Math.floor(r() * (pages - 3));
      const killed = await run(list, args, { killAt });
      expect(killed.signal).toBe('SIGKILL');
      const resumed = await run(list, args);
      expect(resumed.code).toBe(0);
      expect(keys(rows(out)).sort()).toEqual(expected(list));
      // Re-read: at most one page per contact in flight (3).
      expect(killed.requests + resumed.requests - pages).toBeLessThanOrEqual(3);
    }
  });

  it('--since-state: only what changed, marked new or updated, even across a kill -9', async () => {
    const list = contacts.slice(14, 18);
    const first = file('first-state.json');
    expect(
      (
        await run(list, [
          '--contacts',
          contactsFile(list),
          '--out',
          file('first.ndjson'),
          '--state',
          first,
          '--rate',
          '500',
        ])
      ).code,
    ).toBe(0);
    const opened = list
      .slice(0, 3)
      .flatMap((c) => store.beginInteractions(tenant, c, 2).map((i) => `${c}/${i.interactionId}`));
    const second = file('second-state.json');
    const secondOut = file('second.ndjson');
    const args2 = [
      '--contacts',
      contactsFile(list),
      '--out',
      secondOut,
      '--state',
      second,
      '--since-state',
      first,
      '--rate',
      '500',
    ];
    expect((await run(list, args2)).code).toBe(0);
    expect(rows(secondOut).map((r) => [`${r.contactId}/${r.interaction.interactionId}`, r.change])).toEqual(
      expect.arrayContaining(opened.map((k) => [k, 'new'])),
    );
    expect(rows(secondOut)).toHaveLength(opened.length);

    store.advance(3 * 3_600_000); // every live interaction has ended
    const thirdOut = file('third.ndjson');
    const args3 = [
      '--contacts',
      contactsFile(list),
      '--out',
      thirdOut,
      '--state',
      file('third-state.json'),
      '--since-state',
      second,
      '--rate',
      '500',
      '--concurrency',
      '1',
    ];
    expect((await run(list, args3, { killAt: 2 })).signal).toBe('SIGKILL');
    expect((await run(list, args3)).code).toBe(0);
    const third = rows(thirdOut);
    expect(keys(third).sort()).toEqual([...opened].sort());
    expect(third.every((r) => r.change === 'updated' && r.interaction.endTimestamp !== null)).toBe(true);
  });

  it('csv from ids on stdin (--contacts -): contactId and change, then the columns of `list`, RFC 4180', async () => {
    const out = file('all.csv');
    const list = contacts.slice(18, 20);
    const r = await run(list, ['--contacts', '-', '--out', out, '--format', 'csv', '--rate', '500'], {
      stdin: `${list.join('\n')}\n`,
    });
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const records = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(text.split('\r\n')[0]).toBe(['contactId', 'change', ...csvColumns].join(','));
    expect(records.map((r) => `${r['contactId']}/${r['interactionId']}`).sort()).toEqual(expected(list));
  });

  it('--shard i/N: the shards of one list export every contact exactly once between them', async () => {
    const list = contacts.slice(0, 6);
    const outs = [1, 2].map(() => file('shard.ndjson'));
    const results = await Promise.all(
      outs.map((out, i) =>
        run([], ['--contacts', contactsFile(list), '--out', out, '--shard', `${i + 1}/2`, '--rate', '500']),
      ),
    );
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const got = outs.map((out) => keys(rows(out)));
    expect(got.flat().sort()).toEqual(expected(list));
    for (const [i, part] of got.entries()) {
      expect(part.length).toBeGreaterThan(0); // the split is not degenerate
      expect(part.every((k) => shardOf(k.split('/')[0]!, 2) === i + 1)).toBe(true);
    }
  });

  it('--fail-fast: the first failed contact ends the export with its exit code (404: 4)', async () => {
    const r = await run(
      [],
      [
        '--contacts',
        contactsFile([missing, ...contacts.slice(0, 2)]),
        '--out',
        file('ff.ndjson'),
        '--fail-fast',
        '--concurrency',
        '1',
      ],
    );
    expect(r.code).toBe(4);
  });

  it('a usage error (here a zero --rate, which the SDK refuses): exit 2, nothing sent', async () => {
    const list = contacts.slice(22, 23);
    const r = await run(list, ['--contacts', contactsFile(list), '--out', file('x'), '--rate', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rateLimit\.requestsPerSecond/);
    expect(r.requests).toBe(0);
  });

  it('a state file of another export is refused (exit 2) and left alone', async () => {
    const state = file('other-state.json');
    const header = {
      cxengageExport: 1,
      tenantId: tenant,
      format: 'ndjson',
      out: '/elsewhere.ndjson',
      shard: null,
      at: 0,
    };
    writeFileSync(state, `${JSON.stringify(header)}\n`);
    const ids = contacts.slice(23, 24);
    const r = await run(ids, ['--contacts', contactsFile(ids), '--out', file('b.ndjson'), '--state', state]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/belongs to another export \(its out is "\/elsewhere.ndjson"\)/);
    expect(readFileSync(state, 'utf8')).toBe(`${JSON.stringify(header)}\n`);
    expect(r.requests).toBe(0);
  });
});

// util-linux `script` gives the CLI a real pseudo-terminal for stderr.
const hasScript = /util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '');
describe.runIf(needs('util-linux `script` (CLI terminal test)', hasScript, 'apt-get install -y util-linux'))(
  'export progress on a terminal',
  () => {
    it('draws a progress bar (contacts, interactions, req/s, 429s, ETA) and ends with the summary', async () => {
      const out = file('tty.ndjson');
      const args = [
        cli,
        'export',
        '--tenant',
        tenant,
        '--base-url',
        api.baseUrl,
        '--contacts',
        contactsFile(contacts.slice(0, 8)),
        '--out',
        out,
        '--rate',
        '20',
      ];
      const terminal = await new Promise<string>((resolve) =>
        execFile(
          'script',
          ['-qec', [process.execPath, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'],
          { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
          (_error, stdout) => resolve(stdout),
        ),
      );
      expect(terminal).toMatch(/\[[#-]{20}\] \d+\/8 contacts · [\d,]+ interactions · [\d.]+ req\/s · \d+ × 429 · ETA /);
      expect(terminal).toMatch(/\r\x1b\[2Kexport: 8 contacts \(8 done, 0 failed\)/);
    });
  },
);
