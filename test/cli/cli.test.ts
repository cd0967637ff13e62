// The built CLI (dist/) against the reference API on loopback. Each case runs the built `runCli`, the run
// `main.js` makes, in this process with in-memory streams: a Node process per case was most of this
// file's time. The last block proves that the process (dist/src/cli/main.js) prints and exits exactly as
// the in-process run does, for a success, a usage error and a refused key.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.ts';
import { freePort } from '../../scripts/lib/servers.ts';
import { root } from '../../scripts/lib/tools.ts';
import { csvColumns } from '../../src/cli/format.ts';
import {
  generateInteractions,
  type Interaction,
  interactionRecord,
  type ReferenceApi,
  startReferenceApi,
} from '../../src/testing/index.ts';
import { type FaultyApi, type Scenario, startFaultyApi } from '../faults/scenarios.ts';
import { HISTORY_TEMPLATE, literal } from '../helpers.ts';
import { memoryIo } from '../support/memory-io.ts';

const cli = path.join(root, 'dist/src/cli/main.js');
const tenant = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const contact = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';
const quirkyContact = '0b7e5a52-94f6-4c1e-8d57-3f3c7b9a1e20';
const unknownContact = 'ffffffff-0000-4000-8000-000000000000';
const emptyContact = '5d1c9a3e-7b2f-4e60-9a84-2c6f0e1b3d75';
const key = 'cli-test-key';
const secret = 'cli-test-secret-4f9a';
const token = 'cli-test-token-77b1';
const keyEnv = { CXENGAGE_API_KEY: key, CXENGAGE_API_SECRET: secret };

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a process, with only the given environment (never the developer's credentials). */
function runProcess(args: string[], env: Record<string, string> = keyEnv): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

type Built = {
  runCli: typeof import('../../src/cli/run.ts').runCli;
  createRedactor: typeof import('../../src/auth/redact.ts').createRedactor;
};
let built: Built;
/** Loads the built modules (by URL: dist/ is not there when the type-check runs). */
async function loadBuilt(): Promise<Built> {
  const load = (file: string) => import(pathToFileURL(path.join(root, 'dist/src', file)).href);
  const [{ runCli }, { createRedactor }] = await Promise.all([load('cli/run.js'), load('auth/redact.js')]);
  return { runCli, createRedactor };
}

/** Runs the built CLI in-process, as main.js would, with the given environment only, stdin empty, not a tty. */
async function run(args: string[], env: Record<string, string> = keyEnv): Promise<Result> {
  const { io, out } = memoryIo({ env: { PATH: process.env.PATH ?? '', ...env }, redact: built.createRedactor([]) });
  const code = await built.runCli(args, io);
  return { code, ...out };
}

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
    }),
  );
}

// Concurrent: each test is a separate process against a read-only store (~0.4 s of Node start-up each).
describe.concurrent('cxengage-interactions (built CLI)', () => {
  let api: ReferenceApi;
  let all: Interaction[];
  let quirky: Interaction;
  let target: string[];

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: run \`npm run build\` first`);
    if (statSync(cli).mtimeMs < newestSource(path.join(root, 'src/cli')))
      throw new Error('dist/ is older than src/cli/: run `npm run build` first');
    built = await loadBuilt();
    const [base] = generateInteractions(1, 'cli-quirky');
    quirky = { ...base!, customer: 'Doe, "JD"', lastAgentName: null };
    api = await startReferenceApi({
      seed: 'cli-test',
      dataSets: [
        { tenantId: tenant, contactId: contact, interactions: 137 },
        { tenantId: tenant, contactId: quirkyContact, interactions: [quirky] },
        { tenantId: tenant, contactId: emptyContact, interactions: 0 },
      ],
      credentials: {
        apiKeys: [
          { key, secret },
          { key: 'no-permission-key', secret: 'no-permission-secret', permissions: [] },
        ],
        tokens: [{ token }],
      },
    });
    all = api.store.interactions(tenant, contact)!;
    target = ['--tenant', tenant, '--contact', contact, '--base-url', api.baseUrl];
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('formats', () => {
    it('json: one array, the default page size, stdout only', async () => {
      const { code, stdout, stderr } = await run(['list', ...target, '--format', 'json']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(stdout)).toEqual(
        all.slice(0, spec.operations.listContactInteractions.parameters.limit.schema.default),
      );
    });

    it('json with --page and --limit picks that page', async () => {
      const { code, stdout } = await run(['list', ...target, '--format', 'json', '--page', '2', '--limit', '20']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(all.slice(40, 60));
    });

    it('ndjson: one interaction per line', async () => {
      const { code, stdout } = await run(['list', ...target, '--format', 'ndjson', '--limit', '5']);
      expect(code).toBe(0);
      expect(
        stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line)),
      ).toEqual(all.slice(0, 5));
    });

    it('csv: a header and RFC 4180 rows', async () => {
      const { code, stdout } = await run(['list', ...target, '--format', 'csv', '--limit', '3']);
      expect(code).toBe(0);
      const lines = stdout.split('\r\n');
      expect(lines[0]).toBe(csvColumns.join(','));
      expect(lines.slice(1, 4).map((line) => line.split(',')[0])).toEqual(all.slice(0, 3).map((i) => i.interactionId));
      expect(lines.slice(4)).toEqual(['']);
    });

    it('csv quotes commas and quotes, and leaves null empty', async () => {
      const { code, stdout } = await run([
        'list',
        '--tenant',
        tenant,
        '--contact',
        quirkyContact,
        '--base-url',
        api.baseUrl,
        '--format',
        'csv',
      ]);
      expect(code).toBe(0);
      const row = stdout.split('\r\n')[1]!;
      expect(row).toContain(',"Doe, ""JD""",');
      const agentColumn = csvColumns.indexOf('lastAgentName');
      expect(row.replace('"Doe, ""JD"""', 'X').split(',')[agentColumn]).toBe('');
    });

    it('csv and json for a contact with no interactions: a header, an empty array', async () => {
      const args = ['list', '--tenant', tenant, '--contact', emptyContact, '--base-url', api.baseUrl];
      expect(await run([...args, '--format', 'csv', '--all'])).toEqual({
        code: 0,
        stdout: `${csvColumns.join(',')}\r\n`,
        stderr: '',
      });
      expect(await run([...args, '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    });

    it('table: a header and one aligned row per interaction, no colour when piped', async () => {
      const { code, stdout, stderr } = await run(['list', ...target, '--limit', '4']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toMatch(/^STARTED\s+CHANNEL/);
      for (const [i, line] of lines.slice(1).entries()) expect(line.endsWith(all[i]!.interactionId)).toBe(true);
      expect(stdout).not.toContain('\x1b');
    });
  });

  describe('walking pages', () => {
    it('--all returns every interaction in order, once', async () => {
      const { code, stdout, stderr } = await run(['list', ...target, '--all', '--format', 'ndjson']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const ids = stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as Interaction).interactionId);
      expect(ids).toEqual(all.map((i) => i.interactionId));
    });

    it('--all with a small page size and concurrency gives the same list', async () => {
      const { code, stdout } = await run([
        'list',
        ...target,
        '--all',
        '--limit',
        '10',
        '--concurrency',
        '4',
        '--format',
        'json',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(all);
    });

    it('--last N returns the most recent N', async () => {
      const { code, stdout } = await run(['list', ...target, '--last', '25', '--limit', '10', '--format', 'csv']);
      expect(code).toBe(0);
      const rows = stdout.trimEnd().split('\r\n').slice(1);
      expect(rows.map((row) => row.split(',')[0])).toEqual(all.slice(0, 25).map((i) => i.interactionId));
    });
  });

  describe('credentials', () => {
    it('accepts a token from the environment and key/secret from flags', async () => {
      const byToken = await run(['list', ...target, '--format', 'json', '--limit', '1'], { CXENGAGE_TOKEN: token });
      expect(byToken.code).toBe(0);
      expect(JSON.parse(byToken.stdout)).toEqual(all.slice(0, 1));
      const byFlags = await run(
        ['list', ...target, '--format', 'json', '--limit', '1', '--api-key', key, '--api-secret', secret],
        {},
      );
      expect(byFlags.code).toBe(0);
    });

    it('wrong credentials: exit 3, one line, no secret', async () => {
      const wrong = 'wrong-secret-value-123';
      const { code, stdout, stderr } = await run(['list', ...target, '--debug'], {
        CXENGAGE_API_KEY: key,
        CXENGAGE_API_SECRET: wrong,
      });
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr.split('\n').find((line) => !line.startsWith('debug:'))).toMatch(/^cxengage-interactions: HTTP 401/);
      expect(stderr).not.toContain(wrong);
      const plain = await run(['list', ...target], { CXENGAGE_API_KEY: key, CXENGAGE_API_SECRET: wrong });
      expect(plain.stderr.trimEnd().split('\n')).toHaveLength(1);
    });

    it('a key without the permission: exit 3 (403)', async () => {
      const { code, stderr } = await run(['list', ...target], {
        CXENGAGE_API_KEY: 'no-permission-key',
        CXENGAGE_API_SECRET: 'no-permission-secret',
      });
      expect(code).toBe(3);
      expect(stderr).toMatch(/HTTP 403/);
    });

    it('no credentials: exit 2 naming the variables', async () => {
      const { code, stderr } = await run(['list', ...target], {});
      expect(code).toBe(2);
      expect(stderr).toMatch(/CXENGAGE_API_KEY and CXENGAGE_API_SECRET, or CXENGAGE_TOKEN/);
    });
  });

  describe('get: one interaction in full', () => {
    const getArgs = (interactionId: string) => ['get', '--tenant', tenant, '--interaction', interactionId];

    it('json by default (indented), ndjson on one line: the record the API sent', async () => {
      const item = all[3]!;
      const expected = interactionRecord(item, tenant, contact);
      const pretty = await run([...getArgs(item.interactionId), '--base-url', api.baseUrl]);
      expect({ code: pretty.code, stderr: pretty.stderr }).toEqual({ code: 0, stderr: '' });
      expect(pretty.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
      const line = await run([...getArgs(item.interactionId), '--base-url', api.baseUrl, '--format', 'ndjson']);
      expect(line.stdout).toBe(`${JSON.stringify(expected)}\n`);
    });

    it('unknown interaction: exit 4; a key without INTERACTIONS_API_READ_ALL: exit 3', async () => {
      const missing = await run([...getArgs(unknownContact), '--base-url', api.baseUrl]);
      expect(missing).toEqual({
        code: 4,
        stdout: '',
        stderr: 'cxengage-interactions: HTTP 404: Interaction not found.\n',
      });
      const refused = await run([...getArgs(all[0]!.interactionId), '--base-url', api.baseUrl], {
        CXENGAGE_API_KEY: 'no-permission-key',
        CXENGAGE_API_SECRET: 'no-permission-secret',
      });
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/HTTP 403: Missing permission: INTERACTIONS_API_READ_ALL/);
    });

    it.each([
      [['get', '--tenant', tenant], /--interaction is required/],
      [
        ['get', '--tenant', tenant, '--interaction', 'x', '--format', 'csv'],
        /--format of 'get' must be one of json, ndjson/,
      ],
      [['get', '--tenant', tenant, '--interaction', 'x', '--contact', contact], /--contact is not an option of 'get'/],
    ])('bad flags %j: exit 2', async (args, message) => {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    });
  });

  describe('token exchange (--exchange-token, CXENGAGE_EXCHANGE_TOKEN=1)', () => {
    it('exchanges the key and secret for a token, by flag or by environment', async () => {
      const byFlag = await run(['list', ...target, '--format', 'json', '--limit', '2', '--exchange-token']);
      expect({ code: byFlag.code, stderr: byFlag.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(byFlag.stdout)).toEqual(all.slice(0, 2));
      const byEnv = await run(
        ['get', '--tenant', tenant, '--interaction', all[0]!.interactionId, '--base-url', api.baseUrl],
        {
          ...keyEnv,
          CXENGAGE_EXCHANGE_TOKEN: '1',
        },
      );
      expect(byEnv.code).toBe(0);
    });

    it('a refused secret fails at the exchange: exit 3, saying so, no secret', async () => {
      const wrong = 'wrong-exchange-secret-9f';
      const { code, stderr } = await run(['list', ...target, '--exchange-token', '--debug'], {
        CXENGAGE_API_KEY: key,
        CXENGAGE_API_SECRET: wrong,
      });
      expect(code).toBe(3);
      expect(stderr.split('\n').find((line) => !line.startsWith('debug:'))).toBe(
        'cxengage-interactions: Token exchange (POST /tokens) failed: HTTP 401: Unauthorized',
      );
      expect(stderr).not.toContain(wrong);
    });

    it.each([
      [{ CXENGAGE_TOKEN: token, CXENGAGE_EXCHANGE_TOKEN: '1' }, /cannot take a token/],
      [{ ...keyEnv, CXENGAGE_EXCHANGE_TOKEN: 'maybe' }, /CXENGAGE_EXCHANGE_TOKEN must be 1 or 0/],
    ])('%j: exit 2', async (env, message) => {
      const { code, stderr } = await run(['list', ...target], env);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    });
  });

  describe('failures', () => {
    it('unknown contact: exit 4, and not even a csv header on stdout', async () => {
      const { code, stdout, stderr } = await run([
        'list',
        '--tenant',
        tenant,
        '--contact',
        unknownContact,
        '--base-url',
        api.baseUrl,
        '--format',
        'csv',
      ]);
      expect({ code, stdout }).toEqual({ code: 4, stdout: '' });
      expect(stderr.trimEnd()).toBe('cxengage-interactions: HTTP 404: Contact not found.');
    });

    it.each([
      [['--bogus'], /Unknown option '--bogus'/],
      [['--all', '--last', '2'], /--all and --last cannot be combined/],
      [['--format', 'xml'], /--format must be one of/],
      [
        ['--limit', String(spec.operations.listContactInteractions.parameters.limit.schema.maximum + 1)],
        /Invalid limit/,
      ],
      [['--page=-1'], /Invalid page/],
      [['--concurrency', '2'], /--concurrency needs --all or --last/],
    ])('bad flags %j: exit 2, one line', async (args, message) => {
      const { code, stdout, stderr } = await run(['list', ...target, ...args]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });

    it('an unknown region or command: exit 2', async () => {
      const region = await run(['list', '--tenant', tenant, '--contact', contact, '--region', 'mars-1']);
      expect(region.code).toBe(2);
      expect(region.stderr).toMatch(/--region must be one of/);
      const command = await run(['frobnicate']);
      expect(command.code).toBe(2);
      expect(command.stderr).toMatch(/unknown command 'frobnicate'/);
    });

    it('a server that keeps failing: exit 1', async () => {
      // Its own API: the queued failures must not reach the tests running beside this one.
      const failing = await startReferenceApi({
        dataSets: [{ tenantId: tenant, contactId: contact, interactions: 3 }],
        credentials: { apiKeys: [{ key, secret }] },
      });
      try {
        failing.store.queueFailure({ status: 503, times: 10, headers: { 'retry-after': '0' } });
        const { code, stdout, stderr } = await run([
          'list',
          '--tenant',
          tenant,
          '--contact',
          contact,
          '--base-url',
          failing.baseUrl,
        ]);
        expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
        expect(stderr).toMatch(/HTTP 503/);
        expect(failing.store.takeFailure()).toBeDefined(); // failures were left over: the CLI gave up
      } finally {
        await failing.close();
      }
    });

    it('a closed port: exit 1', async () => {
      const port = await freePort();
      const { code, stderr } = await run([
        'list',
        '--tenant',
        tenant,
        '--contact',
        contact,
        '--base-url',
        `http://127.0.0.1:${port}`,
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^cxengage-interactions: /);
    });
  });

  // The reference API bent by the fault suite's scenarios so its pages do not add up: rows already on
  // stdout are partial, the exit code says so, and stderr has exactly one line naming what was wrong.
  describe('a server whose pages do not add up', () => {
    const seed = 9;
    const faulty = new Map<Scenario, FaultyApi>();
    const args = (scenario: Scenario) => {
      const api = faulty.get(scenario)!;
      return ['list', '--tenant', api.tenantId, '--contact', api.contactId, '--base-url', api.baseUrl];
    };

    beforeAll(async () => {
      for (const scenario of ['empty-page-mid-walk', 'repeated-page', 'capped-page-size', 'huge-total'] as const) {
        faulty.set(
          scenario,
          await startFaultyApi(scenario, { seed, total: 230, credentials: { apiKeys: [{ key, secret }] } }),
        );
      }
    });
    afterAll(async () => {
      await Promise.all([...faulty.values()].map((server) => server.close()));
    });

    it('--all: an empty page mid-walk → exit 1, one line, the rows before it on stdout', async () => {
      const { code, stdout, stderr } = await run([
        ...args('empty-page-mid-walk'),
        '--all',
        '--limit',
        '50',
        '--format',
        'ndjson',
      ]);
      expect(code).toBe(1);
      expect(stderr).toBe(
        'cxengage-interactions: Pagination is unreliable (short_page): page 1 has 0 results where its total of 230 implies 50: a short page before the end\n',
      );
      expect(stdout.trimEnd().split('\n')).toHaveLength(50); // page 0 was written: a partial list
    });

    it('--last: a page repeating the one before → exit 1, one line', async () => {
      const { code, stdout, stderr } = await run([
        ...args('repeated-page'),
        '--last',
        '120',
        '--limit',
        '50',
        '--format',
        'csv',
      ]);
      expect(code).toBe(1);
      expect(stderr).toBe(
        'cxengage-interactions: Pagination is unreliable (no_new_ids): page 1 has no new ids where its total says 50 are due: it repeats results already yielded\n',
      );
      expect(stdout.split('\r\n').slice(1, -1)).toHaveLength(50);
    });

    it('--all: an absurd total fails after one request, before any row', async () => {
      const { code, stdout, stderr } = await run([...args('huge-total'), '--all', '--format', 'ndjson']);
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(
        /^cxengage-interactions: Pagination is unreliable \(max_pages_exceeded\): the walk needs at least \d+ pages of 100 \(total 9007199254740991\), more than maxPages \(100000\)\n$/,
      );
      expect(faulty.get('huge-total')!.requests()).toBe(1);
    });

    it('--all: pages capped below the size asked for (and said so) → the walk re-plans, exit 0, one warning', async () => {
      const { code, stdout, stderr } = await run([...args('capped-page-size'), '--all', '--format', 'ndjson']);
      expect(code).toBe(0);
      expect(stdout.trimEnd().split('\n')).toHaveLength(230);
      expect(stderr).toBe(
        'warning: cxengage: the server serves pages of 20, not the 100 requested: the walk goes on with pages of 20\n',
      );
    });
  });

  describe('help and version', () => {
    it('list --help documents the flags and exit codes', async () => {
      const { code, stdout } = await run(['list', '--help']);
      expect(code).toBe(0);
      for (const flag of [
        '--tenant',
        '--contact',
        '--limit',
        '--page',
        '--all',
        '--last',
        '--concurrency',
        '--format',
        '--region',
        '--base-url',
        '--token',
        '--exchange-token',
        'NO_COLOR',
      ]) {
        expect(stdout).toContain(flag);
      }
      const get = await run(['get', '--help']);
      expect(get.stdout).toMatch(/^Usage: cxengage-interactions get --tenant TENANT_ID --interaction INTERACTION_ID/);
      expect(get.stdout).toContain('INTERACTIONS_API_READ_ALL');
      expect(stdout).toMatch(
        /Exit codes:\n\s+0 {2}success\n\s+1 {2}failure.*\n\s+2 {2}usage.*\n\s+3 {2}auth.*\n\s+4 {2}tenant, contact or interaction not found/,
      );
    });

    it('--version prints the package version', async () => {
      const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
      expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });
  });

  describe('logging: CXENGAGE_LOG and --debug', () => {
    const request = (attempt: number) =>
      new RegExp(`^debug: cxengage: GET ${literal(HISTORY_TEMPLATE)} → 200 in \\d+ ms \\(attempt ${attempt}\\)$`);

    it('CXENGAGE_LOG=debug: the process prints one redacted line per request, and the walk at its end', async () => {
      const { code, stdout, stderr } = await runProcess(['list', ...target, '--all', '--format', 'ndjson'], {
        ...keyEnv,
        CXENGAGE_LOG: 'debug',
      });
      expect(code).toBe(0);
      expect(stdout.trimEnd().split('\n')).toHaveLength(all.length);
      const lines = stderr.trimEnd().split('\n');
      // 137 interactions: pages of 100 and 37, two requests.
      expect(lines.filter((line) => line.startsWith('debug:'))).toHaveLength(2);
      for (const line of lines.filter((l) => l.startsWith('debug:'))) expect(line).toMatch(request(1));
      expect(lines.filter((line) => line.startsWith('info:'))).toEqual([
        `info: cxengage: walk of contact ${contact} ended: pages 2, items 137, requests 2, throttled 0`,
      ]);
      expect(lines).toHaveLength(3);
      expect(stderr).not.toContain(secret);
    });

    it('the option wins: --debug over CXENGAGE_LOG=off; and without either, no request lines', async () => {
      const loud = await run(['list', ...target, '--limit', '1', '--debug'], { ...keyEnv, CXENGAGE_LOG: 'off' });
      expect(loud.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(request(1))]);
      const quiet = await run(['list', ...target, '--limit', '1']);
      expect(quiet.stderr).toBe('');
      const info = await run(['list', ...target, '--limit', '1'], { ...keyEnv, CXENGAGE_LOG: ' INFO ' });
      expect(info.stderr).toBe('');
    });

    it('a CXENGAGE_LOG that is no level: exit 2, naming the variable and the levels', async () => {
      const { code, stderr } = await run(['list', ...target], { ...keyEnv, CXENGAGE_LOG: 'verbose' });
      expect(code).toBe(2);
      expect(stderr).toMatch(/Invalid CXENGAGE_LOG: must be one of off, error, warn, info, debug \(got "verbose"\)/);
    });
  });

  describe('the process: dist/src/cli/main.js prints and exits as the in-process run does', () => {
    it.each<[string, () => string[], Record<string, string> | undefined]>([
      ['a page as json', () => ['list', ...target, '--format', 'json', '--limit', '3'], undefined],
      [
        'a usage error (exit 2)',
        () => ['list', '--tenant', tenant, '--contact', contact, '--region', 'mars-1'],
        undefined,
      ],
      ['a refused key (exit 3)', () => ['list', ...target], { CXENGAGE_API_KEY: key, CXENGAGE_API_SECRET: 'wrong' }],
    ])('%s', async (_name, args, env) => {
      const [child, inProcess] = await Promise.all([runProcess(args(), env), run(args(), env)]);
      expect(child).toEqual(inProcess);
    });
  });
});
