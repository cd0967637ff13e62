// The user errs, or the run is interrupted: one group per class of issue 19, each case an input a careful
// new user could give (or a server could answer) and the safe behaviour it must get. Every interaction
// once, or a loud failure: one writer per state, paths that collide, ids in any spelling, waits that end
// at Ctrl-C, answers for another request, a sync as strict as the walk, bounded depth and exact numbers,
// and messages that quote input cut short. In-process runs of the CLI (`runCli`, memory streams, real
// files) where the process is not the point; the built CLI as a subprocess where it is.
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
import { PassThrough } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'vitest';
import { Interrupted } from '../../src/cli/exit-codes.ts';
import { csvColumns } from '../../src/cli/format.ts';
import {
  createInteractionsClient,
  exportInteractions,
  InvalidResponseError,
  PaginationError,
  ResponseMismatchError,
  syncInteractions,
  type ValidationMode,
} from '../../src/index.ts';
import { interaction, page, uuid } from '../helpers.ts';
import { idle, spawnCli, until } from '../support/cli-process.ts';
import { CLI_KEY, CLI_SECRET, cli, type Run } from './cli-cases.ts';
import { type CaseGroup, CONTACT, type Context, type HostileCase, TENANT, UNSAFE_ON_TERMINAL } from './corpus.ts';
import { answer, reply, type Script } from './wire-server.ts';

const cliEnv = { CXENGAGE_API_KEY: CLI_KEY, CXENGAGE_API_SECRET: CLI_SECRET };
const JSON_TYPE = { 'content-type': 'application/json' };
const ok = (body: string) => answer('HTTP/1.1 200 OK', JSON_TYPE, body);
const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const modes: ValidationMode[] = ['strict', 'warn', 'off'];

/** One in-process run of the CLI (cli-cases' own), its stderr safe for a terminal and free of the secret. */
async function inCli(
  argv: string[],
  options: { stdin?: string | NodeJS.ReadStream; signal?: AbortSignal } = {},
): Promise<Run> {
  const result = await cli(argv, cliEnv, options.stdin ?? '', options.signal);
  expect(result.stderr).not.toMatch(UNSAFE_ON_TERMINAL);
  expect(result.stderr).not.toContain(CLI_SECRET);
  return result;
}

/** The SDK against `base`, with a token and no retries. */
const sdkClient = (base: string, validate: ValidationMode = 'strict') =>
  createInteractionsClient({ baseUrl: base, auth: { token: 'tok-0123456789' }, validate, maxRetries: 0 });

/** `list` against `base` for the test contact, with `more` flags. */
const list = (base: string, ...more: string[]) =>
  inCli(['list', '--tenant', TENANT, '--contact', CONTACT, '--base-url', base, ...more]);

const oneLine = (run: Run) => expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);

/** A scratch folder for one case, removed after it. */
async function inFolder<T>(work: (at: (name: string) => string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cxi-safety-'));
  try {
    return await work((name) => path.join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let ids = 0;
/** A case run against a scripted wire answer (`base` reaches it). */
function wireCase(
  input: string,
  script: Script,
  check: (base: string, ctx: Context, id: string) => Promise<void>,
): HostileCase {
  const id = `s${++ids}`;
  return { input, check: (ctx) => check(ctx.wire.serve(id, script), ctx, id) };
}

/** `export` to `base`, contacts from `contacts` (stdin by default), into `out`. */
const exportTo = (base: string, contacts: string, out: string, more: string[] = []) => [
  ...['export', '--tenant', TENANT, '--base-url', base, '--contacts', contacts, '--out', out],
  ...more,
];
const exportArgs = (base: string, at: (name: string) => string, more: string[] = []) =>
  exportTo(base, '-', at('out.ndjson'), more);
/** A base URL nothing listens on: for runs that must send nothing. */
const NOWHERE = 'http://127.0.0.1:9/v1';

function oneWriterCases(): HostileCase[] {
  return [
    {
      input: 'a second export on the same --state while the first runs (subprocesses): refused, nothing written',
      check: (ctx) =>
        inFolder(async (at) => {
          const args = ['export', '--tenant', TENANT, '--base-url', ctx.reference.baseUrl, '--contacts', '-'];
          const files = ['--out', at('out.ndjson'), '--state', at('state.json')];
          const first = spawnCli([...args, ...files, '--rate', '0.001'], { env: cliEnv, stdin: `${CONTACT}\n` });
          await until(() => existsSync(at('state.json')) && existsSync(at('out.ndjson')), 'the first run to start');
          await idle(first.child.pid!, 'the first run to wait for its rate limiter');
          const before = [readFileSync(at('out.ndjson'), 'base64'), readFileSync(at('state.json'), 'base64')];
          const second = await spawnCli([...args, ...files], { env: cliEnv, stdin: `${CONTACT}\n` }).exited;
          expect(second.code).toBe(2);
          expect(second.stderr).toMatch(/is in use by another run: pid \d+ on this host/);
          expect([readFileSync(at('out.ndjson'), 'base64'), readFileSync(at('state.json'), 'base64')]).toEqual(before);
          first.child.kill('SIGINT');
          expect((await first.exited).code).toBe(130);
          expect(existsSync(at('state.json.lock'))).toBe(false);
        }),
    },
    {
      input: 'two runs on the same --out without --state (in-process, concurrently): one refuses',
      check: (ctx) =>
        inFolder(async (at) => {
          const argv = exportArgs(ctx.reference.baseUrl, at, ['--rate', '1000']);
          const once = () => inCli(argv, { stdin: `${CONTACT}\n` });
          const runs = await Promise.all([once(), once()]);
          expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
        }),
    },
    {
      input: 'a lock file left by a process that is gone (kill -9): taken over, the export runs',
      check: (ctx) =>
        inFolder(async (at) => {
          const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
          const host = (await import('node:os')).hostname();
          writeFileSync(
            at('out.ndjson.lock'),
            JSON.stringify({ pid: dead, host, since: 'x', by: 'x', nonce: 'gone-1' }),
          );
          const run = await inCli(exportArgs(ctx.reference.baseUrl, at), { stdin: `${uuid(0x5a)}\n` });
          expect(run.code, run.stderr).toBe(5); // that contact does not exist: the run itself went ahead
          expect(existsSync(at('out.ndjson.lock'))).toBe(false);
        }),
    },
  ];
}

function pathCases(): HostileCase[] {
  const refused = (input: string, setup: (at: (name: string) => string) => string[], message: RegExp): HostileCase => ({
    input,
    check: () =>
      inFolder(async (at) => {
        writeFileSync(at('contacts.txt'), `${CONTACT}\n`);
        const extra = setup(at);
        const before = readFileSync(at('contacts.txt'), 'utf8');
        const run = await inCli(['export', '--tenant', TENANT, '--base-url', NOWHERE, ...extra]);
        expect(run.code).toBe(2);
        oneLine(run);
        expect(run.stderr).toMatch(message);
        expect(readFileSync(at('contacts.txt'), 'utf8')).toBe(before);
      }),
  });
  return [
    refused(
      '--out the --state',
      (at) => ['--contacts', at('contacts.txt'), '--out', at('s'), '--state', at('s')],
      /--state .*: is the same file as --out/,
    ),
    refused(
      '--out the --contacts',
      (at) => ['--contacts', at('contacts.txt'), '--out', at('contacts.txt')],
      /--out .*: is the same file as --contacts/,
    ),
    refused(
      '--out a symlink to --contacts',
      (at) => {
        symlinkSync(at('contacts.txt'), at('link'));
        return ['--contacts', at('contacts.txt'), '--out', at('link')];
      },
      /--out .*link: is the same file as --contacts/,
    ),
    refused(
      '--state a hard link to --contacts',
      (at) => {
        linkSync(at('contacts.txt'), at('hard'));
        return ['--contacts', at('contacts.txt'), '--out', at('o'), '--state', at('hard')];
      },
      /--state .*hard: is the same file as --contacts/,
    ),
    refused(
      '--state a directory (was EISDIR, naming no file)',
      (at) => {
        mkdirSync(at('dir'));
        return ['--contacts', at('contacts.txt'), '--out', at('o'), '--state', at('dir')];
      },
      /^cxengage-interactions: --state .*dir: is a directory, not a regular file/,
    ),
    refused(
      '--state a FIFO',
      (at) => {
        execFileSync('mkfifo', [at('fifo')]);
        return ['--contacts', at('contacts.txt'), '--out', at('o'), '--state', at('fifo')];
      },
      /--state .*fifo: is a FIFO/,
    ),
    refused(
      '--state /dev/null',
      (at) => ['--contacts', at('contacts.txt'), '--out', at('o'), '--state', '/dev/null'],
      /--state \/dev\/null: is a character device/,
    ),
    refused(
      '--since-state the --state, through ./',
      (at) => {
        writeFileSync(at('s.json'), '');
        return [
          '--contacts',
          at('contacts.txt'),
          '--out',
          at('o'),
          '--state',
          at('s.json'),
          '--since-state',
          path.join(path.dirname(at('s.json')), '.', 's.json'),
        ];
      },
      /--state .*s\.json: is the same file as --since-state/,
    ),
  ];
}

function idCases(): HostileCase[] {
  return [
    {
      input: 'a finished export run again with the same list in upper case: no record written twice',
      check: (ctx) =>
        inFolder(async (at) => {
          const argv = exportArgs(ctx.reference.baseUrl, at, ['--state', at('state.json'), '--rate', '1000']);
          const contact = uuid(0x1d01);
          ctx.reference.store.addContact(TENANT, contact, 150);
          expect((await inCli(argv, { stdin: `${contact}\n` })).code).toBe(0);
          const written = readFileSync(at('out.ndjson'), 'utf8');
          const again = await inCli(argv, { stdin: `${contact.toUpperCase()}\n` });
          expect(again.code, again.stderr).toBe(0);
          expect(readFileSync(at('out.ndjson'), 'utf8')).toBe(written);
        }),
    },
    {
      input:
        'ids in upper case with spaces, through the SDK: one contact, sent lower-case, checkpoints interchangeable',
      check: async (ctx) => {
        const contact = uuid(0x1d02);
        ctx.reference.store.addContact(TENANT, contact, 30);
        const client = createInteractionsClient({
          baseUrl: ctx.reference.baseUrl,
          auth: { username: CLI_KEY, password: CLI_SECRET },
        });
        const first = syncInteractions(client, { tenantId: TENANT.toUpperCase(), contactId: contact.toUpperCase() });
        for await (const _ of first);
        expect(first.checkpoint()).toMatchObject({ tenantId: TENANT, contactId: contact });
        const next = syncInteractions(client, { tenantId: TENANT, contactId: contact, checkpoint: first.checkpoint() });
        const changes = [];
        for await (const change of next) changes.push(change);
        expect(changes).toEqual([]);
        const events = [];
        for await (const event of exportInteractions(client, {
          tenantId: TENANT,
          contacts: [contact, ` ${contact.toUpperCase()} `],
        }))
          events.push(event.type);
        expect(events.filter((t) => t === 'done')).toHaveLength(1);
        expect(events.filter((t) => t === 'skipped')).toHaveLength(1);
      },
    },
  ];
}

function waitCases(): HostileCase[] {
  return [
    {
      input: 'export --contacts - on a stdin that never ends, then Ctrl-C (in-process)',
      check: (ctx) =>
        inFolder(async (at) => {
          const controller = new AbortController();
          const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
          const running = inCli(exportArgs(ctx.reference.baseUrl, at), { stdin, signal: controller.signal });
          await until(() => existsSync(at('out.ndjson.lock')), 'the lock');
          controller.abort(new Interrupted('SIGINT'));
          const run = await running;
          expect(run.code).toBe(130);
          expect(run.stderr).toBe(
            'cxengage-interactions: interrupted while reading the contact ids from stdin (--contacts -)\n',
          );
          expect(existsSync(at('out.ndjson.lock'))).toBe(false);
        }),
    },
    {
      input: 'SIGTERM while stdout is a pipe nobody reads (subprocess)',
      check: async (ctx) => {
        const cliProcess = spawnCli(
          [
            'list',
            '--tenant',
            TENANT,
            '--contact',
            CONTACT,
            '--base-url',
            ctx.reference.baseUrl,
            '--all',
            '--format',
            'ndjson',
          ],
          { env: cliEnv, stdout: 'stall' },
        );
        await idle(cliProcess.child.pid!, 'the write to stdout');
        cliProcess.child.kill('SIGTERM');
        const { code, stderr } = await cliProcess.exited;
        expect(code).toBe(143);
        expect(stderr).toBe('cxengage-interactions: interrupted while waiting for the reader of stdout\n');
      },
    },
  ];
}

function mismatchCases(): HostileCase[] {
  const asked = interaction(3).interactionId;
  const other = interaction(4).interactionId;
  return [
    wireCase(
      'get answered with another interaction: exit 1, one line',
      reply(ok(JSON.stringify({ interactionId: other }))),
      async (base) => {
        const run = await inCli(['get', '--tenant', TENANT, '--interaction', asked, '--base-url', base]);
        expect(run.code).toBe(1);
        oneLine(run);
        expect(run.stderr).toBe(
          `cxengage-interactions: The answer is not for the request (other_interaction): /interactionId holds interaction "${other}" where interaction ${asked} was requested\n`,
        );
        expect(run.stdout).toBe('');
      },
    ),
    wireCase(
      "list answered with another contact's page (its items say so): exit 1, nothing on stdout",
      reply(ok(JSON.stringify(page([{ ...interaction(1), contactId: uuid(0xc0) } as never])))),
      async (base) => {
        const run = await list(base, '--format', 'ndjson');
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/\(other_contact\): \/results\/0\/contactId holds contact/);
        expect(run.stdout).toBe('');
      },
    ),
    ...modes.map((mode) =>
      wireCase(
        `the SDK, validate: '${mode}': a record of another interaction is a ResponseMismatchError`,
        reply(ok(JSON.stringify({ interactionId: other }))),
        async (base) => {
          const client = sdkClient(base, mode);
          await expect(client.getInteraction({ tenantId: TENANT, interactionId: asked })).rejects.toBeInstanceOf(
            ResponseMismatchError,
          );
        },
      ),
    ),
    wireCase(
      "export: a contact answered with another contact's page fails (warning, exit 5), nothing written for it",
      reply(ok(JSON.stringify(page([{ ...interaction(1), contactId: uuid(0xc1) } as never])))),
      (base) =>
        inFolder(async (at) => {
          const run = await inCli(exportArgs(base, at), { stdin: `${CONTACT}\n` });
          expect(run.code).toBe(5);
          expect(run.stderr).toMatch(/warning: contact .* failed: The answer is not for the request \(other_contact\)/);
          expect(readFileSync(at('out.ndjson'), 'utf8')).toBe('');
        }),
    ),
  ];
}

function strictSyncCases(): HostileCase[] {
  // 250 interactions; page 1 repeats page 0's last and leaves one out, while total stays 250.
  const all = Array.from({ length: 250 }, (_, i) => interaction(i + 1));
  const pageOf = (n: number) => {
    const results = n === 1 ? [all[99]!, ...all.slice(100, 199)] : all.slice(n * 100, n * 100 + 100);
    return ok(JSON.stringify({ page: n, limit: 100, offset: n * 100, total: 250, results }));
  };
  const paged: Script = (socket, nth) => socket.end(pageOf((nth - 1) % 3));
  return [
    wireCase(
      'syncInteractions: page 1 repeats an id and drops one, total unchanged: PaginationError, no checkpoint',
      paged,
      async (base) => {
        const client = sdkClient(base);
        const run = syncInteractions(client, { tenantId: TENANT, contactId: CONTACT });
        const error = await (async () => {
          for await (const _ of run);
        })().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PaginationError);
        expect(error).toMatchObject({ code: 'duplicate_ids', page: 1 });
        expect(() => run.checkpoint()).toThrow(/has not finished/);
      },
    ),
    wireCase('export of that contact: a failed contact (exit 5), never 249 records and a done state', paged, (base) =>
      inFolder(async (at) => {
        const run = await inCli(exportArgs(base, at, ['--state', at('state.json')]), { stdin: `${CONTACT}\n` });
        expect(run.code).toBe(5);
        expect(run.stderr).toMatch(/failed: Pagination is unreliable \(duplicate_ids\)/);
        expect(readFileSync(at('state.json'), 'utf8')).not.toContain('"done"');
      }),
    ),
  ];
}

function depthAndNumberCases(): HostileCase[] {
  const big = '18446744073709551615';
  const item = interaction(1);
  const bigPage = ok(
    `{"page":0,"limit":10,"offset":0,"total":1,"results":[${JSON.stringify(item).replace(/}$/, `,"vendorCounter":${big}}`)}]}`,
  );
  const csvBigPage = ok(
    `{"page":0,"limit":10,"offset":0,"total":1,"results":[${JSON.stringify(item).replace('"csat":', `"csat":${big},"was":`)}]}`,
  );
  return [
    ...(['json', 'ndjson'] as const).map((format) =>
      wireCase(
        `list --format ${format}: an integer beyond 2^53 written with its digits`,
        reply(bigPage),
        async (base) => {
          const run = await list(base, '--format', format);
          expect(run.code).toBe(0);
          expect(run.stdout).toContain(`"vendorCounter":${format === 'json' ? ' ' : ''}${big}`);
        },
      ),
    ),
    wireCase('list --format csv and table: the digits, not 18446744073709552000', reply(csvBigPage), async (base) => {
      const csv = await list(base, '--format', 'csv');
      expect(csv.code, csv.stderr).toBe(0);
      const [header, row] = parseCsv(csv.stdout) as string[][];
      expect(row![header!.indexOf('csat')]).toBe(big);
      expect(csvColumns).toContain('csat');
    }),
    wireCase(
      'get: a record with such an integer keeps its digits',
      reply(ok(`{"interactionId":"${item.interactionId}","vendorCounter":${big}}`)),
      async (base) => {
        const run = await inCli([
          'get',
          '--tenant',
          TENANT,
          '--interaction',
          item.interactionId,
          '--base-url',
          base,
          '--format',
          'ndjson',
        ]);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(`{"interactionId":"${item.interactionId}","vendorCounter":${big}}\n`);
      },
    ),
    wireCase('export: the digits kept in the ndjson output', reply(bigPage), (base) =>
      inFolder(async (at) => {
        const run = await inCli(exportArgs(base, at), { stdin: `${CONTACT}\n` });
        expect(run.code, run.stderr).toBe(0);
        expect(readFileSync(at('out.ndjson'), 'utf8')).toContain(`"vendorCounter":${big}`);
      }),
    ),
    ...modes.map((mode) =>
      wireCase(
        `the SDK, validate: '${mode}': a page 100 000 levels deep is an InvalidResponseError naming the bound`,
        reply(ok(deep)),
        async (base) => {
          const client = sdkClient(base, mode);
          const error = await client
            .listInteractions({ tenantId: TENANT, contactId: CONTACT })
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(InvalidResponseError);
          expect((error as Error).message).toMatch(/MAX_JSON_DEPTH/);
        },
      ),
    ),
    wireCase(
      'an error body 100 000 levels deep: the status decides (404: exit 4), one line',
      reply(answer('HTTP/1.1 404 Not Found', JSON_TYPE, `{"error":${deep}}`)),
      async (base) => {
        const run = await list(base);
        expect(run.code).toBe(4);
        oneLine(run);
      },
    ),
  ];
}

function messageCases(): HostileCase[] {
  return [
    {
      input: 'a contacts file with a 1 MB line: a short line, exit 2',
      check: () =>
        inFolder(async (at) => {
          writeFileSync(at('c.txt'), `${'z'.repeat(1_000_000)}\n`);
          const run = await inCli(exportTo(NOWHERE, at('c.txt'), at('o')));
          expect(run.code).toBe(2);
          expect(run.stderr.length).toBeLessThan(400);
        }),
    },
    {
      input: 'a 1 MB line on stdin, a 1 MB --rate, a 1 MB unknown command: each a short line',
      check: async () => {
        const huge = 'q'.repeat(1_000_000);
        for (const [argv, stdin] of [
          [exportTo(NOWHERE, '-', path.join(tmpdir(), `cxi-never-${process.pid}`)), huge],
          [['export', '--tenant', TENANT, '--contacts', '-', '--out', 'o', '--rate', huge], ''],
          [[huge], ''],
          [['list', '--tenant', TENANT, '--contact', CONTACT, '--limit', huge], ''],
        ] as const) {
          const run = await inCli([...argv], { stdin });
          expect(run.code).toBe(2);
          expect(run.stderr.length).toBeLessThan(400);
        }
      },
    },
    wireCase(
      'an error body whose message is 100 kB: the error line stays short',
      reply(answer('HTTP/1.1 400 Bad', JSON_TYPE, JSON.stringify({ error: 'w'.repeat(100_000) }))),
      async (base) => {
        const run = await list(base);
        expect(run.code).toBe(1);
        oneLine(run);
        expect(run.stderr.length).toBeLessThan(400);
      },
    ),
  ];
}

export const safetyGroups: CaseGroup[] = [
  { name: 'one writer per state (issue 19)', cases: oneWriterCases(), sequential: true },
  { name: 'paths that collide', cases: pathCases() },
  { name: 'ids in any spelling', cases: idCases() },
  { name: 'waits that end at Ctrl-C', cases: waitCases(), sequential: true },
  { name: 'answers for another request', cases: mismatchCases() },
  { name: 'a sync as strict as the walk', cases: strictSyncCases() },
  { name: 'bounded depth and exact numbers', cases: depthAndNumberCases() },
  { name: 'messages that quote input cut short', cases: messageCases() },
];
