// `cxengage-interactions search` (the built CLI, in-process as main.js runs it) against the reference API:
// Get a List of Interactions in every output format, its filters under their flags, the walks, the same
// output safety as `list` (terminal text made visible, CSV formulas neutralised, JSON escaped), and the
// exit codes; `list` without --contact stays a usage error.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../../generated/spec.ts';
import { root } from '../../../scripts/lib/tools.ts';
import { recordColumns } from '../../../src/cli/format.ts';
import { createInteractionsClient, type InteractionRecord, iterateTenantInteractions } from '../../../src/index.ts';
import { generateInteractions, type ReferenceApi, startReferenceApi } from '../../../src/testing/index.ts';
import { memoryIo } from '../../support/memory-io.ts';

const cli = path.join(root, 'dist/src/cli/main.js');
const tenant = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const contact = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';
const hostileContact = '0b7e5a52-94f6-4c1e-8d57-3f3c7b9a1e20';
const key = 'search-key';
const secret = 'search-secret-8c3d';
const env = { CXENGAGE_API_KEY: key, CXENGAGE_API_SECRET: secret };
/** Text a terminal would act on: OSC retitle, CSI clear, CR, bidi override, C1. */
const HOSTILE = '=HYPERLINK("x")\u001b]0;owned\u0007\u001b[2J\r\u202eevil\u009b31m';
const UNSAFE = /(?![\n\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const TOTAL = 64 + 1;

type Built = {
  runCli: typeof import('../../../src/cli/run.ts').runCli;
  createRedactor: typeof import('../../../src/auth/redact.ts').createRedactor;
};
let built: Built;
let api: ReferenceApi;
let all: InteractionRecord[];

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
    }),
  );
}

async function run(args: string[], environment: Record<string, string> = env) {
  const { io, out } = memoryIo({ env: environment, redact: built.createRedactor([]) });
  const code = await built.runCli(args, io);
  return { code, ...out };
}

const base = () => ['--tenant', tenant, '--base-url', api.baseUrl];

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: run \`npm run build\` first`);
  if (statSync(cli).mtimeMs < newestSource(path.join(root, 'src')))
    throw new Error('dist/ is older than src/: run `npm run build` first');
  const load = (file: string) => import(pathToFileURL(path.join(root, 'dist/src', file)).href);
  const [{ runCli }, { createRedactor }] = await Promise.all([load('cli/run.js'), load('auth/redact.js')]);
  built = { runCli, createRedactor };
  const [generated] = generateInteractions(1, 'search-hostile');
  const quirky = {
    ...generated!,
    startTimestamp: '2030-01-01T12:00:00.000Z',
    endTimestamp: '2030-01-01T12:30:00.000Z',
  };
  api = await startReferenceApi({
    seed: 'cli-search',
    dataSets: [
      { tenantId: tenant, contactId: contact, interactions: 64 },
      { tenantId: tenant, contactId: hostileContact, interactions: [{ ...quirky, customer: HOSTILE }] },
    ],
    credentials: {
      apiKeys: [
        { key, secret },
        {
          key: 'history-only',
          secret: 'history-only-secret',
          permissions: [spec.operations.listContactInteractions.permission],
        },
      ],
    },
  });
  const client = createInteractionsClient({ auth: { username: key, password: secret }, baseUrl: api.baseUrl });
  all = [];
  for await (const record of iterateTenantInteractions(client, { tenantId: tenant })) all.push(record);
});

afterAll(async () => {
  await api?.close();
});

const ids = (records: readonly { interactionId: string }[]) => records.map((r) => r.interactionId);

describe.concurrent('cxengage-interactions search (built CLI)', () => {
  it('json: one page of full records, the route’s default page size', async () => {
    const { code, stdout, stderr } = await run(['search', ...base(), '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const page = JSON.parse(stdout) as InteractionRecord[];
    expect(all).toHaveLength(TOTAL);
    expect(ids(page)).toEqual(
      ids(all).slice(0, spec.operations.listTenantInteractions.parameters.limit.schema.default),
    );
    expect(page[1]).toEqual(all[1]);
  });

  it('ndjson --all: every record once, in order; --last N: the N most recent', async () => {
    const every = await run(['search', ...base(), '--all', '--format', 'ndjson', '--limit', '9', '--concurrency', '3']);
    expect(every.code).toBe(0);
    const lines = every.stdout.trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as InteractionRecord).interactionId)).toEqual(ids(all));
    const last = await run(['search', ...base(), '--last', '12', '--format', 'ndjson']);
    expect(last.stdout.trimEnd().split('\n')).toHaveLength(12);
  });

  it('csv: one column per documented key, nested values as JSON, read back exactly by a CSV parser', async () => {
    const { code, stdout } = await run(['search', ...base(), '--contact', contact, '--format', 'csv', '--limit', '5']);
    expect(code).toBe(0);
    const rows = parseCsv(stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...recordColumns.csv]);
    const expected = all.filter((r) => r.details?.contactId === contact).slice(0, 5);
    expect(rows.map((r) => r['interactionId'])).toEqual(ids(expected));
    expect(JSON.parse(rows[0]!['details']!)).toEqual(expected[0]!.details);
    expect(rows[0]!['startTimestamp']).toBe(expected[0]!.startTimestamp);
  });

  it('filters: --contact, --from/--to (a date alone is midnight UTC), --include-nulls, the hook flags', async () => {
    const contactOnly = await run(['search', ...base(), '--contact', hostileContact, '--format', 'json']);
    expect((JSON.parse(contactOnly.stdout) as InteractionRecord[]).map((r) => r.details?.contactId)).toEqual([
      hostileContact,
    ]);
    const day = await run([
      'search',
      ...base(),
      '--from',
      '2030-01-01',
      '--to',
      '2030-01-02',
      '--all',
      '--format',
      'json',
    ]);
    expect(ids(JSON.parse(day.stdout))).toEqual(
      ids(all.filter((r) => r.startTimestamp! >= '2030-01-01' && r.startTimestamp! < '2030-01-02')),
    );
    const nulls = await run(['search', ...base(), '--include-nulls', '--limit', '1', '--format', 'json']);
    expect(Object.values((JSON.parse(nulls.stdout) as InteractionRecord[])[0]!)).toContain(null);
    const hooked = all.filter((r) => r.hooks?.some((h) => h.hookType === 'zendesk'));
    const zendesk = await run(['search', ...base(), '--hook-type', 'zendesk', '--all', '--format', 'json']);
    expect(zendesk.code).toBe(0);
    expect(ids(JSON.parse(zendesk.stdout))).toEqual(ids(hooked));
  });

  it('server text: made visible on the table, escaped in json, formulas neutralised in csv (raw with --csv-raw)', async () => {
    const args = ['search', ...base(), '--contact', hostileContact];
    const shown = await run(args);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toMatch(UNSAFE);
    expect(shown.stdout).toContain('^[]0;owned^G^[[2J^M<U+202E>evil<U+009B>31m');
    const json = await run([...args, '--format', 'json']);
    expect(json.stdout).not.toMatch(UNSAFE);
    expect((JSON.parse(json.stdout) as InteractionRecord[])[0]!.customer).toBe(HOSTILE);
    const csv = await run([...args, '--format', 'csv']);
    expect((parseCsv(csv.stdout, { columns: true }) as Record<string, string>[])[0]!['customer']).toBe(`'${HOSTILE}`);
    const raw = await run([...args, '--format', 'csv', '--csv-raw']);
    expect((parseCsv(raw.stdout, { columns: true }) as Record<string, string>[])[0]!['customer']).toBe(HOSTILE);
  });

  it('exit codes: 2 naming the flag for a bad filter (nothing sent), 3 without the permission, 2 for bad flags', async () => {
    const before = api.requests();
    const reversed = await run(['search', ...base(), '--from', '2030-01-02', '--to', '2030-01-01T00:00:00Z']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toMatch(/^cxengage-interactions: --to: must not be before --from/);
    const day30 = await run(['search', ...base(), '--from', '2030-02-30']);
    expect(day30.stderr).toMatch(/--from: is not a date and time that exists/);
    const malformed = await run(['search', ...base(), '--contact', 'nope']);
    expect([malformed.code, malformed.stderr]).toEqual([
      2,
      expect.stringMatching(/--contact: must match format "uuid"/),
    ]);
    const limit = await run(['search', ...base(), '--limit', '1001']);
    expect([limit.code, limit.stderr]).toEqual([2, expect.stringMatching(/limit: must be <= 1000/)]);
    expect(api.requests()).toBe(before);
    expect((await run(['search', '--base-url', api.baseUrl])).code).toBe(2);
    expect((await run(['search', ...base(), '--csv-raw'])).code).toBe(2);
    expect((await run(['search', ...base(), '--all', '--page', '2'])).code).toBe(2);
    const refused = await run(['search', ...base()], {
      CXENGAGE_API_KEY: 'history-only',
      CXENGAGE_API_SECRET: 'history-only-secret',
    });
    expect(refused.code).toBe(3);
  });

  it('list keeps needing --contact (a usage error, nothing listed)', async () => {
    const { code, stdout, stderr } = await run(['list', ...base()]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/--contact is required/);
  });

  it('search --help documents the filters, and the overview lists the command', async () => {
    const { code, stdout } = await run(['search', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--tenant',
      '--contact',
      '--from',
      '--to',
      '--attribute-value',
      '--hook-name',
      '--hook-type',
      '--hook-sub-type',
      '--hook-id',
      '--include-nulls',
      '--limit',
      '--page',
      '--all',
      '--last',
      '--concurrency',
      '--format',
      '--csv-raw',
      'INTERACTIONS_API_READ_ALL',
    ])
      expect(stdout).toContain(flag);
    expect((await run(['--help'])).stdout).toMatch(/^ {2}search +list a tenant's interactions in full/m);
  });
});
