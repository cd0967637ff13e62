// The export's promise when the user errs: the built CLI as a real subprocess against the reference API.
// One writer per output and state (a second run refuses with one line, naming the first, and writes
// nothing; a run killed with -9 leaves a lock the next run takes over), paths that would overwrite an
// input or the state refused before anything is sent, ids in any spelling being one contact, and input
// quoted cut short.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../../../src/index.ts';
import { type ReferenceApi, ReferenceStore, startReferenceApi } from '../../../../src/testing/index.ts';
import { idle, spawnCli, until } from '../../../support/cli-process.ts';

const tenant = '6b2e1d4f-3c5a-4e7b-9d10-2a3b4c5d6e7f';
const env = { CXENGAGE_API_KEY: 'safety-key', CXENGAGE_API_SECRET: 'safety-secret-9e3a' };
const store = new ReferenceStore({ seed: 'export-safety' });
const contacts = store.addContacts(tenant, 12, (i) => 120 + 40 * i);
let api: ReferenceApi;
let scratch: string;
const seen: string[] = [];

beforeAll(async () => {
  api = await startReferenceApi({
    store,
    latencyMs: 2,
    credentials: { apiKeys: [{ key: env.CXENGAGE_API_KEY, secret: env.CXENGAGE_API_SECRET }] },
    intercept: (_req, _res, url) => {
      seen.push(url.pathname);
      return false;
    },
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'cxi-export-safety-'));
});
afterAll(async () => {
  await api?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

let n = 0;
const file = (name: string) => path.join(scratch, `${++n}-${name}`);
const requestsFor = (ids: readonly string[]) => seen.filter((p) => ids.some((id) => p.includes(id))).length;

function contactsFile(ids: readonly string[], transform: (id: string) => string = (id) => id): string {
  const f = file('contacts.txt');
  writeFileSync(f, `${ids.map(transform).join('\n')}\n`);
  return f;
}

function exportCli(args: string[], options: { stdin?: string } = {}) {
  return spawnCli(['export', '--tenant', tenant, '--base-url', api.baseUrl, ...args], { env, ...options });
}

/** The interaction ids of an ndjson output, checked to be each contact's whole history, once. */
function expectExactlyOnce(out: string, ids: readonly string[]) {
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  const got = lines.map((l) => JSON.parse(l) as { contactId: string; interaction: { interactionId: string } });
  const expected = ids.flatMap((id) => store.interactions(tenant, id)!.map((i) => i.interactionId));
  expect(new Set(got.map((g) => g.interaction.interactionId)).size).toBe(got.length);
  expect(got.map((g) => g.interaction.interactionId).sort()).toEqual([...expected].sort());
}

const snapshot = (files: readonly string[]) => files.map((f) => (existsSync(f) ? readFileSync(f, 'base64') : null));

describe('one writer per output and state', () => {
  it('two runs started at once on one --state and --out: one exports, the other refuses with one line', async () => {
    const ids = contacts.slice(0, 3);
    const list = contactsFile(ids);
    const out = file('out.ndjson');
    const state = file('state.json');
    const args = ['--contacts', list, '--out', out, '--state', state];
    const [a, b] = await Promise.all([exportCli(args).exited, exportCli(args).exited]);
    const codes = [a.code, b.code].sort();
    expect(codes, `${a.stderr}\n${b.stderr}`).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(loser.stderr).toMatch(
      /^cxengage-interactions: --(out|state) .* is in use by another run: pid \d+ on this host/,
    );
    expect(loser.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectExactlyOnce(out, ids);
    expect(existsSync(`${out}.lock`) || existsSync(`${state}.lock`)).toBe(false);
  });

  it('a second run while the first holds the files writes nothing, not even the output; after kill -9 the next run takes over', async () => {
    const ids = contacts.slice(3, 5);
    const list = contactsFile(ids);
    const out = file('out.ndjson');
    const state = file('state.json');
    const before = requestsFor(ids);
    // The first run pauses at its rate limiter after one page: its files stand still.
    const first = exportCli(['--contacts', list, '--out', out, '--state', state, '--rate', '0.001']);
    await until(() => requestsFor(ids) > before, 'the first page');
    await idle(first.child.pid!, 'the first run to wait for its rate limiter');
    const files = [out, state, `${out}.lock`, `${state}.lock`];
    const held = snapshot(files);
    for (const args of [
      ['--contacts', list, '--out', out, '--state', state], // the same export
      ['--contacts', list, '--out', out, '--state', file('other.json')], // the same output, another state
      ['--contacts', list, '--out', out], // the same output, no state
      ['--contacts', list, '--out', file('other.ndjson'), '--state', state], // the same state
    ]) {
      const second = await exportCli(args).exited;
      expect(second.code, second.stderr).toBe(2);
      expect(second.stderr).toMatch(/is in use by another run: pid \d+ on this host .*remove .*\.lock\)\n$/);
      expect(snapshot(files)).toEqual(held);
    }
    const sinceRun = await exportCli(['--contacts', list, '--out', file('next.ndjson'), '--since-state', state]).exited;
    expect(sinceRun.code).toBe(2);
    expect(sinceRun.stderr).toMatch(/--since-state .* is being written by a run that is still going \(pid \d+/);
    expect(snapshot(files)).toEqual(held);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(`${state}.lock`)).toBe(true); // left by kill -9: stale now
    const resumed = await exportCli(['--contacts', list, '--out', out, '--state', state]).exited;
    expect(resumed.code, resumed.stderr).toBe(0);
    expectExactlyOnce(out, ids);
    expect(existsSync(`${state}.lock`)).toBe(false);
  });

  it('a lock of another host is never taken over: the message says which file to remove', async () => {
    const out = file('out.ndjson');
    writeFileSync(
      `${out}.lock`,
      JSON.stringify({ pid: 1, host: 'ci-runner-9', since: '2025-01-01T00:00:00Z', by: 'x', nonce: 'n1' }),
    );
    const run = await exportCli(['--contacts', contactsFile(contacts.slice(0, 1)), '--out', out]).exited;
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `cxengage-interactions: --out ${out} is in use by a run on another host: pid 1 on host ci-runner-9 (ci-runner-9), since 2025-01-01T00:00:00Z; a lock from another host is never taken over: if that run is gone, remove ${out}.lock\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('paths checked before anything is sent', () => {
  const ids = () => contacts.slice(5, 6);

  it.each<[string, () => { args: string[]; untouched: string[] }, RegExp]>([
    [
      '--out equal to --state',
      () => {
        const f = file('same.json');
        return { args: ['--out', f, '--state', f], untouched: [] };
      },
      /^--state .*same\.json: is the same file as --out/,
    ],
    [
      '--out equal to --contacts (through ./)',
      () => {
        const list = contactsFile(ids());
        return {
          args: ['--contacts', list, '--out', path.join(path.dirname(list), '.', path.basename(list))],
          untouched: [list],
        };
      },
      /^--out .*: is the same file as --contacts .*: writing it would overwrite that input/,
    ],
    [
      '--out a hard link of --contacts',
      () => {
        const list = contactsFile(ids());
        const hard = file('hard.txt');
        linkSync(list, hard);
        return { args: ['--contacts', list, '--out', hard], untouched: [list] };
      },
      /^--out .*hard\.txt: is the same file as --contacts/,
    ],
    [
      '--out a symlink to --since-state',
      () => {
        const since = file('since.json');
        writeFileSync(since, '{"cxengageExport":1}\n');
        const link = file('link.ndjson');
        symlinkSync(since, link);
        return { args: ['--out', link, '--since-state', since], untouched: [since] };
      },
      /^--out .*link\.ndjson: is the same file as --since-state/,
    ],
    [
      '--state equal to --contacts',
      () => {
        const list = contactsFile(ids());
        return { args: ['--contacts', list, '--out', file('o.ndjson'), '--state', list], untouched: [list] };
      },
      /^--state .*: is the same file as --contacts/,
    ],
    [
      '--state equal to --since-state',
      () => {
        const since = file('since.json');
        writeFileSync(since, '{"cxengageExport":1}\n');
        return { args: ['--out', file('o.ndjson'), '--state', since, '--since-state', since], untouched: [since] };
      },
      /^--state .*since\.json: is the same file as --since-state/,
    ],
    [
      '--state a directory',
      () => {
        const dir = file('dir');
        mkdirSync(dir);
        return { args: ['--out', file('o.ndjson'), '--state', dir], untouched: [] };
      },
      /^--state .*dir: is a directory, not a regular file/,
    ],
    [
      '--state a FIFO',
      () => {
        const fifo = file('state.fifo');
        execFileSync('mkfifo', [fifo]);
        return { args: ['--out', file('o.ndjson'), '--state', fifo], untouched: [] };
      },
      /^--state .*state\.fifo: is a FIFO \(named pipe\), not a regular file/,
    ],
    [
      '--state a device',
      () => ({ args: ['--out', file('o.ndjson'), '--state', '/dev/null'], untouched: [] }),
      /^--state \/dev\/null: is a character device, not a regular file/,
    ],
    [
      '--out a device',
      () => ({ args: ['--out', '/dev/full'], untouched: [] }),
      /^--out \/dev\/full: is a character device, not a regular file/,
    ],
    [
      "--state named like --out's lock file",
      () => {
        const out = file('o.ndjson');
        return { args: ['--out', out, '--state', `${out}.lock`], untouched: [] };
      },
      /is the same file as the lock file of --out/,
    ],
  ])('%s: exit 2, one line naming the flag and file, nothing sent or written', async (_name, make, message) => {
    const { args, untouched } = make();
    const withContacts = args.includes('--contacts') ? args : ['--contacts', contactsFile(ids()), ...args];
    const kept = snapshot(untouched);
    const before = seen.length;
    const run = await exportCli(withContacts).exited;
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.replace(/^cxengage-interactions: /, '')).toMatch(message);
    expect(seen.length).toBe(before);
    expect(snapshot(untouched)).toEqual(kept);
  });

  it('a file error names the flag and the file: a state file that is no state file, an unreadable one', async () => {
    const notState = file('notes.json');
    writeFileSync(notState, 'hello\n');
    const a = await exportCli(['--contacts', contactsFile(ids()), '--out', file('o.ndjson'), '--state', notState])
      .exited;
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(
      /^cxengage-interactions: --state .*notes\.json: is not a cxengage-interactions export state file/,
    );
    const locked = file('locked.json');
    writeFileSync(locked, '');
    execFileSync('chmod', ['000', locked]);
    const b = await exportCli(['--contacts', locked, '--out', file('o.ndjson')]).exited;
    // (root reads any file: then the empty list exports nothing)
    if (process.getuid?.() !== 0) expect(b.stderr).toMatch(/--contacts .*locked\.json: permission denied \(EACCES\)/);
  });
});

describe('one contact, whatever the spelling of its id', () => {
  it('a finished export run again with the list in upper case (and padded) writes nothing again', async () => {
    const ids = contacts.slice(6, 8);
    const out = file('out.ndjson');
    const state = file('state.json');
    const first = await exportCli(['--contacts', contactsFile(ids), '--out', out, '--state', state]).exited;
    expect(first.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    const before = requestsFor(ids);
    const again = await exportCli([
      '--contacts',
      contactsFile(ids, (id) => `  ${id.toUpperCase()}\t`),
      '--out',
      out,
      '--state',
      state,
    ]).exited;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/2 done before/);
    expect(readFileSync(out, 'utf8')).toBe(written);
    expect(requestsFor(ids)).toBe(before);
  });

  it('the same contact in two spellings is exported once; --since-state and --shard agree across spellings', async () => {
    const ids = contacts.slice(8, 10);
    const out = file('out.ndjson');
    const state = file('state.json');
    const list = file('mixed.txt');
    writeFileSync(list, `${ids[0]}\n${ids[0]!.toUpperCase()}\n${ids[1]!.toUpperCase()}\n`);
    const first = await exportCli(['--contacts', list, '--out', out, '--state', state]).exited;
    expect(first.code, first.stderr).toBe(0);
    expectExactlyOnce(out, ids);
    // Nothing changed since: an export from the finished state (ids upper-case now) has nothing new.
    const next = file('next.ndjson');
    const upper = contactsFile(ids, (id) => id.toUpperCase());
    const since = await exportCli(['--contacts', upper, '--out', next, '--since-state', state]).exited;
    expect(since.code, since.stderr).toBe(0);
    expect(readFileSync(next, 'utf8')).toBe('');
    for (const id of ids) expect(shardOf(id.toUpperCase(), 7)).toBe(shardOf(id, 7));
  });

  it('a state file that keeps a contact under an upper-case id (an older run) resumes it as the same contact', async () => {
    const [id] = contacts.slice(10, 11);
    const out = file('out.ndjson');
    const state = file('state.json');
    expect((await exportCli(['--contacts', contactsFile([id!]), '--out', out, '--state', state]).exited).code).toBe(0);
    writeFileSync(state, readFileSync(state, 'utf8').replaceAll(id!, id!.toUpperCase()));
    const before = requestsFor([id!]);
    const again = await exportCli(['--contacts', contactsFile([id!]), '--out', out, '--state', state]).exited;
    expect(again.code, again.stderr).toBe(0);
    expect(requestsFor([id!])).toBe(before);
    expectExactlyOnce(out, [id!]);
  });
});

describe('input quoted cut short', () => {
  it('a contacts file with a 1 MB line: one short line, exit 2, nothing sent', async () => {
    const list = file('big.txt');
    writeFileSync(list, `${contacts[0]}\n${'x'.repeat(1_000_000)}\nnot-an-id\n`);
    const before = seen.length;
    const run = await exportCli(['--contacts', list, '--out', file('o.ndjson')]).exited;
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(400);
    expect(run.stderr).toMatch(
      /--contacts .*big\.txt: line 2 is not a contact id \(a UUID\): 'x{60}…' \(and 1 more line like it\); nothing was sent/,
    );
    expect(seen.length).toBe(before);
  });

  it('a 100 kB flag value, option name or argument: one short line', async () => {
    const huge = 'y'.repeat(100_000); // (the most one argument can hold is 128 KiB)
    for (const args of [
      ['--contacts', '-', '--out', file('o.ndjson'), '--rate', huge],
      ['--contacts', '-', '--out', file('o.ndjson'), '--shard', huge],
      ['--contacts', '-', '--out', file('o.ndjson'), '--format', huge],
      ['--contacts', '-', '--out', file('o.ndjson'), `--${huge}`],
      ['--contacts', '-', '--out', file('o.ndjson'), huge],
    ]) {
      const run = await exportCli(args).exited;
      expect(run.code).toBe(2);
      expect(run.stderr.length, run.stderr.slice(0, 200)).toBeLessThan(400);
    }
  });
});
