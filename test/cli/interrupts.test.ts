// Every blocking wait of the CLI ends at Ctrl-C (exit 130) and SIGTERM (143): the built CLI as a real
// subprocess, one test per wait, the signal sent once the process is in that wait (polled: what the
// server saw, a debug line, a lock file, the process asleep), never after a sleep. After the signal the
// process must end on its own (the test's liveness bound is far above "about a second", which a person
// sees, not a test), its locks gone and its state file readable.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StateJournal } from '../../src/files/journal.ts';
import type { ExportContactState } from '../../src/jobs/types.ts';
import { pathPattern, type ReferenceApi, ReferenceStore, startReferenceApi } from '../../src/testing/index.ts';
import { idle, spawnCli, until } from '../support/cli-process.ts';

const tenant = '5a1f0c3e-2b4d-4c6e-8f10-9a2b3c4d5e6f';
const key = 'interrupt-key';
const secret = 'interrupt-secret-0042';
const env = { CXENGAGE_API_KEY: key, CXENGAGE_API_SECRET: secret };
const store = new ReferenceStore({ seed: 'interrupts' });
const [small, large] = store.addContacts(tenant, 2, (i) => (i === 0 ? 250 : 20_000));
let api: ReferenceApi;
/** Requests the reference API received, by path. */
const seen: string[] = [];

/** When set, takes requests over (the reference API's own hook): hangs them, or answers otherwise. */
let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
/** The requests `handler` took over, and whether each was aborted by the client. */
const requests: { path: string; method: string; aborted: boolean }[] = [];
let scratch: string;

beforeAll(async () => {
  api = await startReferenceApi({
    store,
    credentials: { apiKeys: [{ key, secret }] },
    intercept: (req, res, url) => {
      seen.push(url.pathname);
      if (!handler) return false;
      const entry = { path: url.pathname, method: req.method ?? '', aborted: false };
      requests.push(entry);
      res.on('close', () => {
        if (!res.writableFinished) entry.aborted = true;
      });
      handler(req, res);
      return true;
    },
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'cxi-interrupts-'));
});

afterEach(() => {
  handler = undefined;
});

afterAll(async () => {
  await api?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

let n = 0;
const file = (name: string) => path.join(scratch, `${++n}-${name}`);
const signals = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;
const requestsFor = (contactId: string) => seen.filter((p) => p.includes(contactId)).length;
/** The built CLI's export against the reference API, with `args` after the shared ones. */
const exportCli = (args: string[], options: Parameters<typeof spawnCli>[1] = {}) =>
  spawnCli(['export', '--tenant', tenant, '--base-url', api.baseUrl, ...args], { env, ...options });
/** A FIFO in the scratch folder. */
function fifo(): string {
  const f = file('contacts.fifo');
  execFileSync('mkfifo', [f]);
  return f;
}

/** Sends `signal` to the process and checks it ended with `code` and one error line, no lock left. */
async function interrupt(
  cli: ReturnType<typeof spawnCli>,
  signal: NodeJS.Signals,
  code: number,
  locks: readonly string[] = [],
) {
  for (const lock of locks) expect(existsSync(`${lock}.lock`), `${lock}.lock while it runs`).toBe(true);
  cli.child.kill(signal);
  const result = await cli.exited;
  expect(result.code, result.stderr).toBe(code);
  // One error line (with --debug, a stack follows it).
  expect(result.stderr).toMatch(/^cxengage-interactions: (interrupted|Aborted)/m);
  for (const lock of locks) expect(existsSync(`${lock}.lock`), `${lock}.lock after the interrupt`).toBe(false);
  return result;
}

describe.each(signals)('%s during a blocking wait', (signal, code) => {
  it('export --contacts - on a stdin that stays silent', async () => {
    const out = file('out.ndjson');
    const state = file('state.json');
    const cli = exportCli(['--contacts', '-', '--out', out, '--state', state], { stdin: 'hold' });
    await until(() => existsSync(`${state}.lock`), 'the state lock');
    await idle(cli.child.pid!, 'the read of stdin');
    const { stderr } = await interrupt(cli, signal, code, [out, state]);
    expect(stderr).toContain('interrupted while reading the contact ids from stdin');
    expect(existsSync(out)).toBe(false); // nothing written before the list was read
  });

  it('export --contacts FIFO that no one writes to (the open itself blocks)', async () => {
    const contacts = fifo();
    const out = file('out.ndjson');
    const cli = exportCli(['--contacts', contacts, '--out', out]);
    await until(() => existsSync(`${out}.lock`), 'the output lock');
    await idle(cli.child.pid!, 'the open of the FIFO');
    const { stderr } = await interrupt(cli, signal, code, [out]);
    expect(stderr).toContain(`interrupted while reading --contacts ${contacts}`);
  });

  it('export --contacts on a pipe whose writer never writes (as <(slow command) gives)', async () => {
    const contacts = fifo();
    const out = file('out.ndjson');
    const cli = exportCli(['--contacts', contacts, '--out', out]);
    const writer = await open(contacts, 'w'); // completes once the CLI has opened its end
    try {
      await idle(cli.child.pid!, 'the read of the pipe');
      const { stderr } = await interrupt(cli, signal, code, [out]);
      expect(stderr).toContain(`interrupted while reading --contacts ${contacts}`);
    } finally {
      await writer.close();
    }
  });

  it('export paced by --rate: the wait for the rate limiter', async () => {
    const contacts = file('contacts.txt');
    writeFileSync(contacts, `${small}\n`);
    const out = file('out.ndjson');
    const state = file('state.json');
    const before = requestsFor(small!);
    // A request every 1 000 s: the first goes at once, the second waits for the bucket.
    const cli = exportCli(['--contacts', contacts, '--out', out, '--state', state, '--rate', '0.001']);
    await until(() => requestsFor(small!) > before, 'the first request');
    await idle(cli.child.pid!, 'the rate limiter');
    await interrupt(cli, signal, code, [out, state]);
    expect(requestsFor(small!)).toBe(before + 1);
    // The state kept: page 0 handed over and saved, the output as long as the state says.
    const journal = await StateJournal.read<ExportContactState>(state);
    expect(journal?.contacts.get(small!)?.progress).toMatchObject({ pages: 1 });
    expect(readFileSync(out).length).toBe(journal?.at);
  });

  it('list --exchange-token while the token exchange hangs: the exchange itself is aborted', async () => {
    handler = () => {}; // never answers
    const before = requests.length;
    const cli = spawnCli(
      ['list', '--tenant', tenant, '--contact', small!, '--base-url', api.baseUrl, '--exchange-token'],
      {
        env,
      },
    );
    await until(() => requests.length > before, 'the token request');
    expect(requests[before]!.method).toBe('POST');
    expect(requests[before]!.path).toMatch(pathPattern('createToken'));
    await interrupt(cli, signal, code);
    await until(() => requests[before]!.aborted, 'the exchange to be aborted');
    expect(requests).toHaveLength(before + 1);
  });

  it('list while a retry waits out Retry-After (its backoff)', async () => {
    handler = (_req, res) => res.writeHead(503, { 'retry-after': '30', 'content-type': 'application/json' }).end('{}');
    const cli = spawnCli(['list', '--tenant', tenant, '--contact', small!, '--base-url', api.baseUrl, '--debug'], {
      env,
    });
    await until(() => /debug: cxengage: retrying request/.test(cli.stderr()), 'the retry notice');
    await interrupt(cli, signal, code);
  });

  it('list --all --format ndjson into a pipe whose reader stopped reading', async () => {
    const before = requestsFor(large!);
    const cli = spawnCli(
      ['list', '--tenant', tenant, '--contact', large!, '--base-url', api.baseUrl, '--all', '--format', 'ndjson'],
      { env, stdout: 'stall' },
    );
    await until(() => requestsFor(large!) > before, 'the first page');
    await idle(cli.child.pid!, 'the wait for the reader');
    const { stderr } = await interrupt(cli, signal, code);
    expect(stderr).toContain('interrupted while waiting for the reader of stdout');
    expect(requestsFor(large!) - before).toBeLessThan(200); // it stopped reading pages it could not write
  });

  it('contract while a request hangs', async () => {
    handler = () => {}; // never answers
    const before = requests.length;
    const cli = spawnCli(['contract', '--tenant', tenant, '--contact', small!, '--base-url', api.baseUrl], { env });
    await until(() => requests.length > before, 'the first request');
    await interrupt(cli, signal, code);
    await until(() => requests[before]!.aborted, 'the request to be aborted');
  });
});
