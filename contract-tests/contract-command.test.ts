// `cxengage-interactions contract` as users run it, against one reference API that hosts a correct
// tenant and one tenant per deviation (support/drift.ts): the built CLI (dist/) as a subprocess for a
// correct server, a drift, every setup problem, the report files and the packed package run from
// outside this repository; and every deviation (of the history route and of Get a Specific
// Interaction), the key without the successor's permission, --skip-successor, token auth and hostile
// text through the same command code in-process (argv → `parseCommand` → the subcommand's `run` → exit
// code, as `main.ts` does), which keeps 30-odd runs fast.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.ts';
import { freePort } from '../scripts/lib/servers.ts';
import { root } from '../scripts/lib/tools.ts';
import { findSubcommand, parseCommand } from '../src/cli/args.ts';
import type { SubcommandInput } from '../src/cli/commands/index.ts';
import { exitCodeFor } from '../src/cli/exit-codes.ts';
import { judgementCalls } from '../src/contract/judgement-calls.ts';
import { probePlan } from '../src/contract/probes.ts';
import { contractRuleIds, contractRules } from '../src/contract/rules.ts';
import { SUCCESSOR_READS } from '../src/contract/successor.ts';
import type { ContractReport, ContractRuleId } from '../src/contract/types.ts';
import { type ReferenceApi, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom, uuid } from '../src/testing/random.ts';
import { memoryIo } from '../test/support/memory-io.ts';
import {
  type DeviationName,
  deviating,
  deviationNames,
  deviations,
  HOSTILE,
  type LawfulName,
  lawful,
  lawfulNames,
  type VariantName,
} from './support/drift.ts';

const cli = path.join(root, 'dist/src/cli/main.js');
const key = 'contract-key';
const secret = `contract-secret-${uuid(seededRandom('contract/secret'))}`;
const token = `contract-token-${uuid(seededRandom('contract/token'))}`;
const keyEnv = { CXENGAGE_API_KEY: key, CXENGAGE_API_SECRET: secret };
/** More than the spec's maximum limit, so that every walk crosses a page boundary. */
const HISTORY = 120;
/** A key that reads histories but lacks the successor's permission (INTERACTIONS_API_READ_ALL). */
const historyOnly = { CXENGAGE_API_KEY: 'history-only-key', CXENGAGE_API_SECRET: 'history-only-secret' };
/** What no terminal may be sent raw (the CLI sanitiser's own class), the report's line breaks aside. */
const UNSAFE = /(?![\n\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const ids = (name: string) => ({
  tenantId: uuid(seededRandom(`contract/tenant/${name}`)),
  contactId: uuid(seededRandom(`contract/contact/${name}`)),
});
const correct = ids('correct');
const perDeviation = Object.fromEntries(deviationNames.map((d) => [d, ids(d)])) as Record<
  DeviationName,
  { tenantId: string; contactId: string }
>;
const perLawful = Object.fromEntries(lawfulNames.map((d) => [d, ids(d)])) as Record<
  LawfulName,
  { tenantId: string; contactId: string }
>;
const perVariant: Record<VariantName, { tenantId: string; contactId: string }> = { ...perDeviation, ...perLawful };
const variantNames = Object.keys(perVariant) as VariantName[];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string> = keyEnv): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, 'contract', ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** The command in this process: the argv → exit code path of main.ts, with stdout and stderr captured. */
async function runHere(args: string[], env: Record<string, string> = keyEnv): Promise<Result> {
  const { io, out } = memoryIo({ env });
  try {
    const command = parseCommand(['contract', ...args]);
    const code = (await findSubcommand(command.kind)!.run(command as SubcommandInput, io)) ?? 0;
    return { code, ...out };
  } catch (error) {
    return { code: exitCodeFor(error), ...out, stderr: `${out.stderr}${(error as Error).message}` };
  }
}

let api: ReferenceApi;
let scratch: string;
const target = (t: { tenantId: string; contactId: string }, baseUrl = api.baseUrl) => [
  '--base-url',
  baseUrl,
  '--tenant',
  t.tenantId,
  '--contact',
  t.contactId,
];

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: run \`npm run build\` first`);
  if (statSync(cli).mtimeMs < statSync(path.join(root, 'src/contract/runner.ts')).mtimeMs)
    throw new Error('dist/ is older than src/contract/: run `npm run build` first');
  const all = [correct, ...Object.values(perVariant)];
  api = await startReferenceApi({
    seed: 'contract-command',
    dataSets: all.map((t) => ({ ...t, interactions: HISTORY })),
    credentials: {
      apiKeys: [
        { key, secret },
        { key: 'no-permission-key', secret: 'no-permission-secret', permissions: [] },
        {
          key: historyOnly.CXENGAGE_API_KEY,
          secret: historyOnly.CXENGAGE_API_SECRET,
          permissions: [spec.operations.listContactInteractions.permission],
        },
      ],
      tokens: [{ token }],
    },
    ...deviating(
      Object.fromEntries(variantNames.map((d) => [perVariant[d].tenantId, d])),
      Object.fromEntries(variantNames.map((d) => [perVariant[d].contactId, d])),
      {
        validAuthorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
        knownContacts: new Set(all.map((t) => t.contactId)),
      },
    ),
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'cxi-contract-'));
});

afterAll(async () => {
  await api?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

interface JUnitCase {
  name: string;
  classname: string;
  failure?: { type: string; message: string; '#text': string };
  error?: { type: string; message: string; '#text': string };
  skipped?: { message: string };
  properties?: { property: { name: string; value: string }[] };
}
interface JUnitSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase: JUnitCase[];
}

function readJUnit(file: string): { testsuites: Record<string, string> & { testsuite: JUnitSuite[] } } {
  return xml.parse(readFileSync(file, 'utf8'));
}

it('the deviations cover every rule the contract checks', () => {
  expect(new Set(Object.values(deviations).map((d) => d.rule))).toEqual(new Set(contractRuleIds));
});

it('the lawful variants refute judgement calls that exist, and cover every refusal call', () => {
  const refuted = new Set(Object.values(lawful).flatMap((v) => v.refutes));
  const callIds = judgementCalls.map((c) => c.id);
  for (const call of refuted) expect(callIds).toContain(call);
  for (const probe of probePlan(correct.tenantId, correct.contactId))
    if ('call' in probe.checks) expect(refuted).toContain(probe.checks.call);
});

/** The verdict of each judgement call in a JSON report. */
const verdictsOf = (report: ContractReport) => Object.fromEntries(report.judgementCalls.map((c) => [c.id, c]));

describe.concurrent('cxengage-interactions contract (built CLI) against the reference API', () => {
  it('a correct server passes: exit 0, every rule checked, the judgement calls reported, JUnit and JSON written', async () => {
    const junit = path.join(scratch, 'correct/junit.xml');
    const json = path.join(scratch, 'correct/report.json');
    const { code, stdout, stderr } = await run(cli, [...target(correct), '--junit', junit, '--json', json]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/RESULT: pass/);
    for (const rule of contractRuleIds) expect(stdout).toMatch(new RegExp(`^PASS +${rule} `, 'm'));
    expect(stdout).toMatch(/^ {2}confirmed +page-null-when-omitted +page: null$/m);
    expect(stdout).toMatch(/^requests: \d+ \(walks \d+, successor \d+, probes \d+; \d+ attempts; budget \d+\)/m);

    const { testsuites } = readJUnit(junit);
    const [rules, calls] = testsuites.testsuite;
    expect(testsuites.testsuite).toHaveLength(2);
    expect(Number(testsuites['tests'])).toBe(contractRuleIds.length + 1 + judgementCalls.length);
    expect([testsuites['failures'], testsuites['errors']]).toEqual(['0', '0']);
    expect(rules!.testcase.map((c) => c.name)).toEqual(['setup', ...contractRuleIds]);
    expect(rules!.testcase.filter((c) => c.failure || c.error || c.skipped)).toEqual([]);
    for (const rule of rules!.testcase.slice(1)) {
      const { source } = contractRules[rule.name as ContractRuleId];
      expect(Object.fromEntries(rule.properties!.property.map((p) => [p.name, p.value]))).toEqual({
        ...(source.vendor ? { 'source.vendor': source.vendor } : {}),
        ...(source.sdk ? { 'source.sdk': source.sdk } : {}),
      });
    }
    expect(calls!.testcase.map((c) => c.name)).toEqual(judgementCalls.map((c) => c.id));
    const verdicts = calls!.testcase.map((c) => c.properties!.property.find((p) => p.name === 'verdict')!.value);
    expect(new Set(verdicts)).toEqual(new Set(['confirmed', 'not observed']));
    expect(Number(calls!.skipped)).toBe(verdicts.filter((v) => v === 'not observed').length);

    const report = JSON.parse(readFileSync(json, 'utf8')) as ContractReport & { tool: { version: string } };
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(report.tool.version).toBe(version);
    expect(report.outcome).toBe('pass');
    expect(report.rules.map((r) => [r.id, r.status])).toEqual(contractRuleIds.map((id) => [id, 'passed']));
    expect(report.rules.map((r) => r.source)).toEqual(contractRuleIds.map((id) => contractRules[id].source));
    expect(report.requests.probes).toBe(probePlan(correct.tenantId, correct.contactId).length);
    expect(report.requests.successor).toBe(SUCCESSOR_READS);
    expect(report.requests.total).toBe(report.requests.walks + report.requests.successor + report.requests.probes);
    expect(report.requests.total).toBeLessThanOrEqual(report.requests.budget);
    expect(report.walks.map((w) => [w.limit, w.complete])).toEqual([
      [10, true],
      [1, false],
      [100, true],
    ]);
    expect(`${stdout}${readFileSync(junit, 'utf8')}${readFileSync(json, 'utf8')}`).not.toContain(secret);
  });

  it('token auth (CXENGAGE_TOKEN) passes too', async () => {
    const { code, stdout } = await runHere(target(correct), { CXENGAGE_TOKEN: token });
    expect(stdout).toMatch(/RESULT: pass/);
    expect(code).toBe(0);
  });

  it('--max-pages caps each walk, and says that the count against total was not checked there', async () => {
    const json = path.join(scratch, 'max-pages.json');
    const { code, stdout } = await runHere([...target(correct), '--max-pages', '2', '--json', json]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/limit 10: 2 page\(s\), 20 interactions;/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as ContractReport;
    expect(report.rules.find((r) => r.id === 'total')!.notes).toEqual([
      'maxPages (2) stopped the walk at limit 10: the count against total was not checked there',
    ]);
    expect(report.requests.budget).toBe(1 + 2 + 2 + 2 + 1 + SUCCESSOR_READS + report.requests.probes);
  });

  it.each(deviationNames.filter((name) => name !== 'hostile-text'))(
    'deviation %s: exit 1, the rule named with request, status, pointer and body',
    async (name) => {
      const { rule } = deviations[name];
      const { code, stdout, stderr } = await runHere(target(perDeviation[name]));
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(stdout).toMatch(new RegExp(`^FAIL +${rule} `, 'm'));
      expect(stdout).toMatch(new RegExp(`^RESULT: drift: \\d+ rule\\(s\\) broken: .*\\b${rule}\\b`, 'm'));
      const finding = new RegExp(
        `^ {6}\\[${rule}\\] GET /tenants/[^ ]+ → (\\d{3}|no answer)( at /\\S*)?: .+\\n {8}body: .+`,
        'm',
      );
      expect(stdout).toMatch(finding);
      expect(stdout).not.toContain(secret);
      expect(stdout).not.toMatch(UNSAFE);
    },
  );

  it.each(['malformed-ids-not-found', 'repeated-takes-last'] as const)(
    'lawful %s (built CLI): exit 0, every rule passed, its judgement calls refuted in the text, JSON and JUnit',
    async (name) => {
      const json = path.join(scratch, `lawful-${name}.json`);
      const junit = path.join(scratch, `lawful-${name}.xml`);
      const { code, stdout, stderr } = await run(cli, [...target(perLawful[name]), '--json', json, '--junit', junit]);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^RESULT: pass: no drift from the spec \(exit 0\)$/m);
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as ContractReport;
      expect(report.outcome).toBe('pass');
      expect(report.rules.filter((r) => r.status !== 'passed').map((r) => r.id)).toEqual([]);
      const calls = verdictsOf(report);
      const cases = readJUnit(junit).testsuites.testsuite[1]!.testcase;
      for (const call of lawful[name].refutes) {
        expect(stdout).toMatch(new RegExp(`^ {2}refuted +${call} `, 'm'));
        expect(calls[call]!.verdict).toBe('refuted');
        const junitCase = cases.find((c) => c.name === call)!;
        expect(junitCase.properties!.property.find((p) => p.name === 'verdict')!.value).toBe('refuted');
        expect(junitCase.failure).toBeUndefined();
      }
      if (name === 'repeated-takes-last')
        expect(calls['rejects-repeated-parameter']!.evidence).toBe(
          'limit=2&limit=3 → 200 (limit 3); page=1&page=2 → 200 (page 2) (0 of 2 answered 400)',
        );
      else {
        expect(calls['rejects-malformed-ids']!.evidence).toMatch(
          /^tenantId not-a-uuid → 404; .* \(0 of 4 answered 400\)$/,
        );
        expect(calls['successor-rejects-malformed-ids']!.evidence).toMatch(
          /^interactionId not-a-uuid → 404; interactionId \S+ → 404 \(2 of 4 answered 400\)$/,
        );
      }
    },
  );

  it.each(lawfulNames)(
    'lawful %s: exit 0, every rule passed, the judgement calls it touches refuted, the others as on a correct server',
    async (name) => {
      const json = path.join(scratch, `lawful-here-${name}.json`);
      const { code, stdout, stderr } = await runHere([...target(perLawful[name]), '--json', json]);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/RESULT: pass/);
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as ContractReport;
      expect(report.rules.filter((r) => r.status !== 'passed').map((r) => r.id)).toEqual([]);
      const refuted = report.judgementCalls.filter((c) => c.verdict === 'refuted').map((c) => c.id);
      expect(new Set(refuted)).toEqual(new Set(lawful[name].refutes));
    },
  );

  it('hostile text in ids and error bodies reaches the report only in visible escaped form: terminal, JSON and JUnit', async () => {
    const json = path.join(scratch, 'hostile.json');
    const junit = path.join(scratch, 'hostile.xml');
    const { code, stdout, stderr } = await runHere([
      ...target(perDeviation['hostile-text']),
      '--json',
      json,
      '--junit',
      junit,
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    // The raw error bodies (no credentials, a listed interaction read by id): caret notation and <U+XXXX>.
    const visible = '^[]0;owned^G^[[2J^Mall good <U+202E>evil<U+2066>x<U+2067>y<U+2068>z<U+2069> <U+009B>31m^?';
    expect(stdout).toMatch(/^FAIL +unauthenticated /m);
    expect(stdout).toMatch(/^FAIL +successor-status /m);
    const bodyOf = (finding: RegExp) => new RegExp(`${finding.source}.*\\n {8}body: (.*)$`, 'm').exec(stdout)?.[1];
    expect(bodyOf(/^ {6}\[unauthenticated\] GET \/tenants\/\S+ → 400: /)).toBe(visible);
    expect(bodyOf(/^ {6}\[successor-status\] GET \/tenants\/\S+\/interactions\/\S+ → 404: /)).toBe(visible);
    // The id on a page (JSON-escaped C0 controls stay escaped; the rest made visible).
    expect(stdout).toContain('<U+202E>evil<U+2066>');
    expect(stdout).not.toMatch(UNSAFE);
    const jsonText = readFileSync(json, 'utf8');
    expect(jsonText).not.toMatch(UNSAFE);
    expect(JSON.stringify(JSON.parse(jsonText))).toContain(JSON.stringify(visible).slice(1, -1));
    const xmlText = readFileSync(junit, 'utf8');
    expect(xmlText).not.toMatch(UNSAFE);
    const failure = readJUnit(junit).testsuites.testsuite[0]!.testcase.find((c) => c.name === 'unauthenticated')!;
    expect(failure.failure!['#text']).toContain(visible);
    expect(HOSTILE).toMatch(UNSAFE);
  });

  it('the successor without its permission (403): exit 2, one line naming the permission and the flag', async () => {
    const { code, stdout, stderr } = await runHere(target(correct), historyOnly);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^cxengage-interactions: setup problem \(successor-permission\): Get a Specific Interaction refused the credentials \(403\): .*INTERACTIONS_API_READ_ALL.* \(--skip-successor, or CXENGAGE_SKIP_SUCCESSOR=1\) \[GET \/tenants\/\S+\/interactions\/\S+ → 403, body: .*\]\n$/,
    );
    expect(stdout).toMatch(/^requests: 2 /m);
    expect(stdout).not.toMatch(/^(FAIL|PASS)/m);
  });

  it.each([
    ['--skip-successor', ['--skip-successor'], historyOnly],
    ['CXENGAGE_SKIP_SUCCESSOR=1', [], { ...historyOnly, CXENGAGE_SKIP_SUCCESSOR: '1' }],
  ])('%s leaves the successor out: exit 0, its rules skipped, its calls not observed', async (_, flags, env) => {
    const json = path.join(scratch, `skip-${flags.length}.json`);
    const { code, stdout } = await runHere([...target(correct), ...flags, '--json', json], env);
    expect(stdout).toMatch(/RESULT: pass/);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as ContractReport;
    const successorRules = report.rules.filter((r) => r.id.startsWith('successor-'));
    expect(successorRules.map((r) => r.status)).toEqual(successorRules.map(() => 'skipped'));
    expect(successorRules[0]!.notes).toEqual(['not checked: left out (skipSuccessor, --skip-successor)']);
    expect(report.judgementCalls.filter((c) => c.id.startsWith('record-')).map((c) => c.verdict)).toEqual(
      judgementCalls.filter((c) => c.id.startsWith('record-')).map(() => 'not observed'),
    );
    expect(report.requests.successor).toBe(0);
    expect(report.requests.probes).toBe(probePlan(correct.tenantId, correct.contactId, { successor: false }).length);
  });

  it('a bad CXENGAGE_SKIP_SUCCESSOR is a usage error (exit 2), nothing sent', async () => {
    const { code, stderr } = await runHere(target(correct), { ...keyEnv, CXENGAGE_SKIP_SUCCESSOR: 'maybe' });
    expect(code).toBe(2);
    expect(stderr).toBe("CXENGAGE_SKIP_SUCCESSOR must be 1 or 0 (got 'maybe')");
  });

  it('--exchange-token (a tenant on token auth) passes', async () => {
    const { code, stdout } = await runHere([...target(correct), '--exchange-token']);
    expect(stdout).toMatch(/RESULT: pass/);
    expect(code).toBe(0);
  });

  it('a drift run (built CLI) exits 1 and writes the broken rule as a JUnit failure with its findings', async () => {
    const junit = path.join(scratch, 'drift.xml');
    const { code } = await run(cli, [...target(perDeviation['offset-off-by-one']), '--junit', junit]);
    expect(code).toBe(1);
    const { testsuites } = readJUnit(junit);
    const rules = testsuites.testsuite[0]!;
    const failed = rules.testcase.filter((c) => c.failure);
    expect(failed.map((c) => c.name)).toEqual(['offset']);
    expect(Number(rules.failures)).toBe(1);
    expect(failed[0]!.failure!.type).toBe('drift');
    expect(failed[0]!.failure!['#text']).toMatch(
      /GET \/tenants\/.*page=1 → 200 at \/offset: offset must be page × limit = 10; got 11/,
    );
  });

  describe('setup problems: exit 2 and one line that says what to fix', () => {
    it('wrong credentials', async () => {
      const json = path.join(scratch, 'wrong-credentials.json');
      const junit = path.join(scratch, 'wrong-credentials.xml');
      const wrong = { CXENGAGE_API_KEY: key, CXENGAGE_API_SECRET: 'not-the-secret' };
      const { code, stdout, stderr } = await run(cli, [...target(correct), '--json', json, '--junit', junit], wrong);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /^cxengage-interactions: setup problem \(credentials\): the API refused the credentials \(401\): .*CXENGAGE_API_KEY.*→ 401, body: \{"error":"Unauthorized"\}\]\n$/,
      );
      expect(stdout).not.toMatch(/DRIFT|FAIL/);
      expect(`${stdout}${stderr}`).not.toContain('not-the-secret');
      expect((JSON.parse(readFileSync(json, 'utf8')) as ContractReport).requests.total).toBe(1);
      const setupCase = readJUnit(junit).testsuites.testsuite[0]!.testcase[0]!;
      expect([setupCase.name, setupCase.error?.type]).toEqual(['setup', 'setup:credentials']);
    });

    it('a key without the permission', async () => {
      const { code, stderr } = await run(cli, target(correct), {
        CXENGAGE_API_KEY: 'no-permission-key',
        CXENGAGE_API_SECRET: 'no-permission-secret',
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(/setup problem \(permission\): .*403.*CONTACTS_INTERACTION_HISTORY_READ/);
    });

    it('a base URL without /v1', async () => {
      const { code, stderr } = await run(cli, target(correct, api.baseUrl.replace(/\/v1$/, '')));
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /setup problem \(base-url\): route not found \(404\): the base URL must include the API path \/v1, e.g. http:\/\/127\.0\.0\.1:\d+\/v1/,
      );
    });

    it('a closed port', async () => {
      const port = await freePort();
      const { code, stderr } = await run(cli, target(correct, `http://127.0.0.1:${port}/v1`));
      expect(code).toBe(2);
      expect(stderr).toMatch(
        new RegExp(`setup problem \\(connection\\): cannot connect to http://127.0.0.1:${port} \\(ECONNREFUSED\\)`),
      );
      expect(stderr).not.toMatch(/500/);
    });

    it('an unknown contact', async () => {
      const { code, stderr } = await run(
        cli,
        target({ ...correct, contactId: uuid(seededRandom('contract/unknown')) }),
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /setup problem \(not-found\): tenant or contact not found \(404\).*--contact.*"Contact not found\."/,
      );
    });

    it('an id that is not a uuid: refused before the run (no report, nothing sent)', async () => {
      const { code, stdout, stderr } = await run(cli, target({ ...correct, tenantId: 'acme' }));
      expect(code).toBe(2);
      expect(stderr).toBe('cxengage-interactions: Invalid tenantId: must match format "uuid" (got "acme")\n');
      expect(stdout).toBe('');
    });
  });
});

describe('the packed package, outside this repository', () => {
  let installed: string;

  beforeAll(async () => {
    const packed = await new Promise<string>((resolve, reject) =>
      execFile('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    const [{ files }] = JSON.parse(packed) as [{ files: { path: string }[] }];
    installed = path.join(mkdtempSync(path.join(tmpdir(), 'cxi-packed-')), 'node_modules/cxengage-interactions');
    for (const { path: file } of files) {
      mkdirSync(path.dirname(path.join(installed, file)), { recursive: true });
      cpSync(path.join(root, file), path.join(installed, file));
    }
    // Only the runtime dependencies, beside it as npm would install them: no Prism, tsx or ajv.
    const copyDependencies = (name: string) => {
      const from = path.join(root, 'node_modules', name);
      const to = path.join(installed, '..', name);
      if (existsSync(to)) return;
      cpSync(from, to, { recursive: true });
      const manifest = JSON.parse(readFileSync(path.join(from, 'package.json'), 'utf8'));
      for (const dependency of Object.keys(manifest.dependencies ?? {})) copyDependencies(dependency);
    };
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) copyDependencies(dependency);
  });

  afterAll(() => {
    if (installed) rmSync(path.resolve(installed, '../..'), { recursive: true, force: true });
  });

  it('its bin runs the contract checks against the reference API: exit 0', async () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const bin = path.join(installed, manifest.bin['cxengage-interactions']);
    expect(existsSync(path.join(installed, manifest.exports['./contract'].default))).toBe(true);
    expect(existsSync(path.join(installed, '../tsx'))).toBe(false);
    const { code, stdout, stderr } = await run(bin, target(correct));
    expect(stderr).toBe('');
    expect(stdout).toMatch(/RESULT: pass/);
    expect(code).toBe(0);
  });
});
