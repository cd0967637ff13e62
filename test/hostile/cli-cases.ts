// The CLI against hostile answers: in-process through `runCli` (the same run `main.ts` makes, with
// in-memory streams), and a handful of real subprocesses for what only a process shows (stdout on a
// full disk, a closed pipe, Ctrl-C).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';
import { utf8Base64 } from '../../src/auth/secrets.ts';
import { Interrupted } from '../../src/cli/exit-codes.ts';
import { csvColumns, restoreFormula } from '../../src/cli/format.ts';
import { runCli } from '../../src/cli/run.ts';
import type { Interaction } from '../../src/index.ts';
import { interaction, page } from '../helpers.ts';
import { memoryIo } from '../support/memory-io.ts';
import { type CaseGroup, CONTACT, type Context, type HostileCase, TENANT, UNSAFE_ON_TERMINAL } from './corpus.ts';
import { answer, reply, type Script } from './wire-server.ts';

export const CLI_KEY = 'cli-hostile-key';
export const CLI_SECRET = 'cli-hostile-secret-77';
const cliEnv = { CXENGAGE_API_KEY: CLI_KEY, CXENGAGE_API_SECRET: CLI_SECRET };
const JSON_TYPE = { 'content-type': 'application/json' };

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One in-process run of the CLI, with memory streams, the given environment, stdin (text, or a stream
 * that may never end) and interrupt signal.
 */
export async function cli(
  argv: string[],
  env: Record<string, string> = cliEnv,
  stdin: string | NodeJS.ReadStream = '',
  signal = new AbortController().signal,
): Promise<Run> {
  const { io, out } = memoryIo({ env, signal, ...(typeof stdin === 'string' ? { stdin } : {}) });
  if (typeof stdin !== 'string') io.stdin = stdin;
  const code = await runCli(argv, io);
  return { code, ...out };
}

let ids = 0;

/** A CLI run against a scripted answer: `check` gets the run. */
function cliCase(
  input: string,
  body: Buffer,
  argv: string[],
  check: (run: Run) => void,
  env?: Record<string, string>,
): HostileCase {
  const id = `c${++ids}`;
  return {
    input,
    check: async ({ wire }: Context) => {
      const base = wire.serve(id, reply(body));
      const run = await cli(['list', '--tenant', TENANT, '--contact', CONTACT, '--base-url', base, ...argv], env);
      expect(run.stderr).not.toMatch(UNSAFE_ON_TERMINAL);
      expect(run.stderr).not.toContain(CLI_SECRET);
      check(run);
    },
  };
}

const okPage = (items: unknown[]) => answer('HTTP/1.1 200 OK', JSON_TYPE, JSON.stringify(page(items as Interaction[])));
const withRecording = (recording: string) =>
  answer(
    'HTTP/1.1 200 OK',
    JSON_TYPE,
    JSON.stringify(page([interaction(1)])).replace('"recording":null', `"recording":${recording}`),
  );
const oneLine = (run: Run) => expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);

function inProcessCases(): HostileCase[] {
  const hostileText = '\x1b]0;pwned\x07\x1b[2J\r\u202eevil\u2066\x9b31m';
  const nested = '['.repeat(100_000) + ']'.repeat(100_000);
  const cases: HostileCase[] = [
    cliCase(
      'escape sequences and bidi in table cells',
      okPage([interaction(1, { customer: hostileText, lastAgentName: hostileText })]),
      [],
      (run) => {
        expect(run.code).toBe(0);
        expect(run.stdout).not.toMatch(UNSAFE_ON_TERMINAL);
        expect(run.stdout).toContain('^[]0;pwned^G');
      },
    ),
    cliCase(
      'a formula in csv cells (neutralised; --csv-raw keeps it)',
      okPage([interaction(1, { customer: '=HYPERLINK("http://x","y")', lastAgentName: '@evil' })]),
      ['--format', 'csv'],
      (run) => {
        expect(run.code).toBe(0);
        const row = run.stdout.split('\r\n')[1]!;
        expect(row).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
        expect(row).toContain(",'@evil,");
        expect(restoreFormula("'@evil")).toBe('@evil');
      },
    ),
    cliCase(
      'a formula in csv cells with --csv-raw',
      okPage([interaction(1, { customer: '+15065550100' })]),
      ['--format', 'csv', '--csv-raw'],
      (run) => {
        expect(run.code).toBe(0);
        expect(run.stdout.split('\r\n')[1]!.split(',')[csvColumns.indexOf('customer')]).toBe('+15065550100');
      },
    ),
    cliCase('--csv-raw without --format csv', okPage([]), ['--csv-raw'], (run) => {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--csv-raw needs --format csv/);
    }),
    cliCase(
      'U+2028 and U+2029 in ndjson',
      okPage([interaction(1, { customer: 'a\u2028b\u2029c' })]),
      ['--format', 'ndjson'],
      (run) => {
        expect(run.code).toBe(0);
        expect(run.stdout).not.toMatch(/[\u2028\u2029]/);
        expect((JSON.parse(run.stdout) as Interaction).customer).toBe('a\u2028b\u2029c');
      },
    ),
    cliCase('U+2028 in json', okPage([interaction(1, { lastAgentName: '\u2028' })]), ['--format', 'json'], (run) => {
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('\u2028');
      expect((JSON.parse(run.stdout) as Interaction[])[0]!.lastAgentName).toBe('\u2028');
    }),
    // Refused where the SDK reads the body, whatever the output format: never handed to the writer.
    ...(['json', 'ndjson', 'csv', 'table'] as const).map((format) =>
      cliCase(
        `a recording 100 000 levels deep, --format ${format}`,
        withRecording(nested),
        ['--format', format],
        (run) => {
          expect(run.code).toBe(1);
          oneLine(run);
          expect(run.stderr).toMatch(
            /^cxengage-interactions: Invalid response \(HTTP 200\): the body is nested more than 64 levels deep \(the SDK's bound, MAX_JSON_DEPTH\)/,
          );
          expect(run.stdout).toBe('');
        },
      ),
    ),
    cliCase(
      'an error body with an OSC title, CR and bidi',
      answer('HTTP/1.1 400 Bad', JSON_TYPE, JSON.stringify({ error: hostileText })),
      [],
      (run) => {
        expect(run.code).toBe(1);
        oneLine(run);
        expect(run.stderr).toMatch(/^cxengage-interactions: HTTP 400: \^\[\]0;pwned\^G/);
      },
    ),
    cliCase(
      'a 404 whose reason phrase has a control character',
      answer('HTTP/1.1 404 Not\x01Found', {}, ''),
      [],
      (run) => {
        expect(run.code).toBe(4);
        expect(run.stderr).toBe('cxengage-interactions: HTTP 404: Not?Found\n');
      },
    ),
    cliCase('a 401 whose reason phrase is an ESC sequence', answer('HTTP/1.1 401 \x1b[31mNo', {}, ''), [], (run) => {
      expect(run.code).toBe(3);
      oneLine(run);
    }),
    cliCase('an oversized body', answer('HTTP/1.1 200 OK', JSON_TYPE, ' '.repeat(9 * 1024 * 1024)), [], (run) => {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/exceeds maxResponseBytes/);
    }),
  ];
  // `get`: one record, the same output rules as `list`.
  const interactionId = interaction(7).interactionId;
  const record = (extra: string) =>
    answer('HTTP/1.1 200 OK', JSON_TYPE, `{"interactionId":"${interactionId}"${extra}}`);
  const get = (input: string, body: Buffer, format: 'json' | 'ndjson', check: (run: Run) => void): HostileCase => {
    const id = `g${++ids}`;
    return {
      input,
      check: async ({ wire }: Context) => {
        const base = wire.serve(id, reply(body));
        const argv = [
          'get',
          '--tenant',
          TENANT,
          '--interaction',
          interactionId,
          '--base-url',
          base,
          '--format',
          format,
        ];
        const run = await cli(argv);
        expect(run.stderr).not.toMatch(UNSAFE_ON_TERMINAL);
        check(run);
      },
    };
  };
  cases.push(
    ...(['json', 'ndjson'] as const).map((format) =>
      get(`get: a record 100 000 levels deep, --format ${format}`, record(`,"extra":${nested}`), format, (run) => {
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          /^cxengage-interactions: Invalid response \(HTTP 200\): the body is nested more than 64 levels deep/,
        );
        expect(run.stdout).toBe('');
      }),
    ),
    get('get: U+2028 and U+2029 in a record', record(',"customer":"a\u2028b\u2029"'), 'ndjson', (run) => {
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/[\u2028\u2029]/);
      expect(JSON.parse(run.stdout)).toEqual({ interactionId, customer: 'a\u2028b\u2029' });
    }),
    get(
      'get: __proto__ and constructor keys in a record',
      record(',"__proto__":{"x":1},"constructor":2'),
      'json',
      (run) => {
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('"__proto__"');
        expect(({} as Record<string, unknown>)['x']).toBeUndefined();
      },
    ),
  );
  // `export`: many contacts into one file, the same CSV rule, sanitised warnings, interrupts.
  const exportCase = (
    input: string,
    script: Script,
    argv: string[],
    check: (run: Run, out: string) => void,
    interruptWhen?: (requests: number) => boolean,
  ): HostileCase => {
    const id = `e${++ids}`;
    return {
      input,
      check: async ({ wire }: Context) => {
        const base = wire.serve(id, script);
        const dir = mkdtempSync(path.join(tmpdir(), 'cxi-hostile-'));
        const controller = new AbortController();
        let poll: ReturnType<typeof setInterval> | undefined;
        if (interruptWhen) {
          poll = setInterval(() => {
            if (interruptWhen(wire.count(id))) controller.abort(new Interrupted('SIGINT'));
          }, 2);
        }
        try {
          const out = path.join(dir, 'out');
          const args = ['export', '--tenant', TENANT, '--contacts', '-', '--out', out, '--base-url', base, ...argv];
          const run = await cli(args, cliEnv, `${CONTACT}\n`, controller.signal);
          expect(run.stderr).not.toMatch(UNSAFE_ON_TERMINAL);
          check(run, existsSync(out) ? readFileSync(out, 'utf8') : '');
        } finally {
          clearInterval(poll);
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  };
  const formulaPage = okPage([interaction(1, { customer: '=HYPERLINK("http://x")', lastAgentName: '+15065550100' })]);
  cases.push(
    exportCase(
      'export --format csv: formula cells neutralised',
      reply(formulaPage),
      ['--format', 'csv'],
      (run, out) => {
        expect(run.code).toBe(0);
        const row = out.split('\r\n')[1]!;
        expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
        expect(row).toContain(",'+15065550100,");
      },
    ),
    exportCase(
      'export --format csv --csv-raw: cells as received',
      reply(formulaPage),
      ['--format', 'csv', '--csv-raw'],
      (run, out) => {
        expect(run.code).toBe(0);
        expect(out.split('\r\n')[1]!).toContain(',+15065550100,');
      },
    ),
    exportCase('export --csv-raw without --format csv', reply(formulaPage), ['--csv-raw'], (run) => {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--csv-raw needs --format csv/);
    }),
    exportCase(
      'export: a contact failing with an OSC title and bidi in its error body',
      reply(answer('HTTP/1.1 404 Nope', JSON_TYPE, JSON.stringify({ error: hostileText }))),
      [],
      (run) => {
        expect(run.code).toBe(5);
        expect(run.stderr).toMatch(/warning: contact .* failed: HTTP 404: \^\[\]0;pwned\^G/);
      },
    ),
    exportCase(
      'export interrupted (SIGINT) while a request hangs',
      () => {}, // never answers
      [],
      (run) => {
        expect(run.code).toBe(130);
        expect(run.stderr).toMatch(/cxengage-interactions: interrupted; \(without --state, a new run starts over\)/);
      },
      (requests) => requests >= 1,
    ),
  );
  const echoes = {
    raw: CLI_SECRET,
    'JSON-escaped': JSON.stringify(CLI_SECRET).slice(1, -1),
    'URL-encoded': encodeURIComponent(CLI_SECRET),
    'base64 of key:secret (the Basic header)': utf8Base64(`${CLI_KEY}:${CLI_SECRET}`),
  };
  for (const [name, echo] of Object.entries(echoes)) {
    cases.push(
      cliCase(
        `a 401 echoing the secret (${name}), with --debug`,
        answer('HTTP/1.1 401 No', JSON_TYPE, JSON.stringify({ error: `bad ${echo}` })),
        ['--debug'],
        (run) => {
          expect(run.code).toBe(3);
          expect(run.stderr).not.toContain(echo);
          expect(run.stderr).toMatch(/\[redacted\]/);
        },
      ),
    );
  }
  cases.push(
    cliCase(
      'a one-character secret: the report is not garbled',
      answer('HTTP/1.1 401 No', JSON_TYPE, JSON.stringify({ error: 'bad c' })),
      [],
      (run) => {
        expect(run.code).toBe(3);
        expect(run.stderr).toBe('cxengage-interactions: HTTP 401: bad [redacted]\n');
      },
      { CXENGAGE_API_KEY: 'key', CXENGAGE_API_SECRET: 'c' },
    ),
  );
  return cases;
}

const cliPath = path.join(root, 'dist/src/cli/main.js');

/** Runs the built CLI; `stdout` is a file descriptor (say /dev/full) or a pipe. */
function subprocess(args: string[], stdout: number | 'pipe' = 'pipe') {
  return spawn(process.execPath, [cliPath, ...args], {
    env: { PATH: process.env.PATH ?? '', ...cliEnv },
    stdio: ['ignore', stdout, 'pipe'],
  });
}

function finished(
  child: ReturnType<typeof subprocess>,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

function processCases(): HostileCase[] {
  const target = (ctx: Context) => [
    'list',
    '--tenant',
    TENANT,
    '--contact',
    CONTACT,
    '--base-url',
    ctx.reference.baseUrl,
  ];
  const interrupted = (signal: 'SIGINT' | 'SIGTERM', code: number): HostileCase => ({
    input: `${signal} while a request hangs (subprocess)`,
    check: async (ctx: Context) => {
      ctx.stall.on = true;
      const before = ctx.stall.seen;
      const child = subprocess([...target(ctx), '--all']);
      const done = finished(child);
      try {
        const giveUpAt = Date.now() + 20_000;
        while (ctx.stall.seen === before && Date.now() < giveUpAt)
          await new Promise((resolve) => setTimeout(resolve, 5));
        child.kill(signal);
        const { code: exit, stderr } = await done;
        expect(exit).toBe(code);
        expect(stderr).toBe(`cxengage-interactions: Aborted: interrupted by ${signal}\n`);
      } finally {
        ctx.stall.on = false;
      }
    },
  });
  return [
    {
      input: 'stdout on a full disk: > /dev/full (subprocess)',
      check: async (ctx: Context) => {
        expect(existsSync('/dev/full')).toBe(true);
        const fd = openSync('/dev/full', 'w');
        try {
          const { code, stderr } = await finished(subprocess([...target(ctx), '--format', 'ndjson', '--all'], fd));
          expect(code).toBe(1);
          expect(stderr).toBe(
            'cxengage-interactions: cannot write to stdout: ENOSPC: no space left on device, write\n',
          );
        } finally {
          closeSync(fd);
        }
      },
    },
    {
      input: 'stdout closed by the reader after the first chunk: | head (subprocess)',
      check: async (ctx: Context) => {
        const child = subprocess([...target(ctx), '--format', 'ndjson', '--all']);
        const done = finished(child);
        await new Promise((resolve) => child.stdout!.once('data', resolve));
        child.stdout!.destroy();
        const { code, stderr } = await done;
        expect(code).toBe(0);
        expect(stderr).toBe('');
      },
    },
    interrupted('SIGINT', 130),
    interrupted('SIGTERM', 143),
  ];
}

/** Why the built CLI cannot be used (missing, or older than src/), or undefined when it can. */
export function staleCli(): string | undefined {
  if (!existsSync(cliPath)) return `${path.relative(root, cliPath)} is missing: run \`npm run build\` first`;
  return statSync(cliPath).mtimeMs < newest(path.join(root, 'src'))
    ? 'dist/ is older than src/: run `npm run build` first'
    : undefined;
}

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).mtimeMs,
    ),
  );
}

export const cliGroups: CaseGroup[] = [
  { name: 'cli (in-process)', cases: inProcessCases() },
  { name: 'cli (subprocess)', cases: processCases(), sequential: true },
];
