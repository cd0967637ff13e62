// The pure parts of the contract checks (src/contract/): display safety, the probe plan derived from
// the spec, setup classification, the judgement calls, and the JUnit writer with hostile text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../../scripts/lib/tools.ts';
import { clean, shown } from '../../src/contract/display.ts';
import { judge, judgementCalls } from '../../src/contract/judgement-calls.ts';
import { toJUnitXml } from '../../src/contract/junit.ts';
import { newObservations, type Observations } from '../../src/contract/observations.ts';
import { probePlan } from '../../src/contract/probes.ts';
import { contractRuleIds, contractRules } from '../../src/contract/rules.ts';
import { setupProblem } from '../../src/contract/setup.ts';
import { renderReport } from '../../src/contract/text.ts';
import type { Answer } from '../../src/contract/transport.ts';
import { ConnectionError, TimeoutError } from '../../src/errors.ts';
import type { ContractReport } from '../../src/types.ts';

const T = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const C = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';

describe('clean: server text made safe to print', () => {
  it.each([
    ['plain', 'plain'],
    ['\x1b[31mred\x1b[0m', '\\u001b[31mred\\u001b[0m'],
    ['line\r\nbreak\0', 'line\\u000d\\u000abreak\\u0000'],
    ['bidi \u202Eevil\u2066', 'bidi \\u202eevil\\u2066'],
    ['c1 \u009b control', 'c1 \\u009b control'],
    ['sep\u2028', 'sep\\u2028'],
  ])('%j → %j', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it('cuts long text, never inside a surrogate pair', () => {
    expect(clean('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(clean(`${'x'.repeat(9)}😀tail`, 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shown({ a: '\x07' })).toBe('{"a":"\\u0007"}');
    expect(shown(undefined)).toBe('nothing');
  });
});

describe('probePlan: what the spec forbids, derived from its parameter schemas', () => {
  it('crosses each bound by one, sends each wrong type, malforms each uuid, and probes the error statuses', () => {
    const plan = probePlan(T, C);
    expect(plan.map((p) => [p.rule, p.what, p.expect])).toEqual([
      ['rejects-out-of-range', 'limit=0', 400],
      ['rejects-out-of-range', 'limit=101', 400],
      ['rejects-wrong-type', 'limit=abc', 400],
      ['rejects-wrong-type', 'limit=1.5', 400],
      ['rejects-wrong-type', 'limit=', 400],
      ['rejects-wrong-type', 'limit=true', 400],
      ['rejects-wrong-type', 'limit=2&limit=2', 400],
      ['rejects-out-of-range', 'page=-1', 400],
      ['rejects-wrong-type', 'page=abc', 400],
      ['rejects-wrong-type', 'page=0.5', 400],
      ['rejects-wrong-type', 'page=', 400],
      ['rejects-wrong-type', 'page=true', 400],
      ['rejects-wrong-type', 'page=1&page=1', 400],
      ['rejects-malformed-ids', 'tenantId not-a-uuid', 400],
      ['rejects-malformed-ids', `tenantId ${T.slice(0, -1)}`, 400],
      ['rejects-malformed-ids', 'contactId not-a-uuid', 400],
      ['rejects-malformed-ids', `contactId ${C.slice(0, -1)}`, 400],
      ['unauthenticated', 'no credentials', 401],
      ['unauthenticated', 'an unknown API key', 401],
      ['unknown-contact', 'a random contact id', 404],
    ]);
    expect(plan.at(-1)!.request.contactId).not.toBe(C);
  });

  it('every rule has a summary', () => {
    for (const id of contractRuleIds) expect(contractRules[id]).toMatch(/\.$/);
  });
});

describe('setupProblem: the first answer, told apart from drift', () => {
  const answer = (status: number | null, extra: Partial<Answer> = {}): Answer => ({
    request: `GET /tenants/${T}/contacts/${C}/interactions`,
    status,
    headers: new Headers(extra.headers ?? {}),
    contentType: 'application/json',
    text: '{"error":"x"}',
    verdicts: [],
    ...extra,
  });
  const refused = new ConnectionError('Connection failed', {
    cause: new Error('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }),
  });

  it.each([
    [answer(401), 'https://api.example.com/v1', 'credentials'],
    [answer(403), 'https://api.example.com/v1', 'permission'],
    [answer(404), 'https://api.example.com', 'base-url'],
    [answer(404), 'https://api.example.com/v1', 'not-found'],
    [answer(301, { headers: new Headers({ location: 'https://x/v1' }) }), 'http://127.0.0.1:1/v1', 'redirect'],
    [answer(null, { failure: refused }), 'http://127.0.0.1:1/v1', 'connection'],
    [answer(null, { failure: new TimeoutError('attempt', 5) }), 'http://127.0.0.1:1/v1', 'timeout'],
  ])('%#: %s', (a, baseUrl, kind) => {
    expect(setupProblem(a, baseUrl)?.kind).toBe(kind);
  });

  it('200, 400 and 5xx are not setup problems (the checks judge them)', () => {
    for (const status of [200, 400, 500, 503])
      expect(setupProblem(answer(status), 'https://a.example/v1')).toBeUndefined();
  });

  it('names the cause and the fix', () => {
    expect(setupProblem(answer(null, { failure: refused }), 'http://127.0.0.1:1/v1')?.message).toMatch(
      /cannot connect to http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)/,
    );
    expect(setupProblem(answer(404), 'https://api.example.com/')?.message).toMatch(
      /must include the API path \/v1, e\.g\. https:\/\/api\.example\.com\/v1/,
    );
  });
});

describe('judgement calls: confirmed, refuted or not observed', () => {
  const verdicts = (change: (o: Observations) => void) => {
    const observed = newObservations();
    change(observed);
    return Object.fromEntries(judge(observed).map((c) => [c.id, c.verdict]));
  };
  const item = (fields: Record<string, unknown>) => ({
    interactionId: 'x',
    channelType: 'sms',
    channelName: 'Sms',
    note: 0,
    csat: null,
    recording: null,
    transcript: null,
    endTimestamp: '2024-01-01T00:00:00.000Z',
    ...fields,
  });

  it('nothing read: every call is not observed', () => {
    expect(new Set(Object.values(verdicts(() => {})))).toEqual(new Set(['not observed']));
  });

  it.each([
    ['page-null-when-omitted', (o: Observations) => (o.pageWhenOmitted = { value: null }), 'confirmed'],
    ['page-null-when-omitted', (o: Observations) => (o.pageWhenOmitted = { value: 0 }), 'refuted'],
    [
      'offset-is-page-times-limit',
      (o: Observations) => o.offsets.push({ page: 2, limit: 10, offset: 20 }),
      'confirmed',
    ],
    ['offset-is-page-times-limit', (o: Observations) => o.offsets.push({ page: 2, limit: 10, offset: 21 }), 'refuted'],
    [
      'total-counts-all',
      (o: Observations) => o.completeWalks.push({ limit: 10, pages: 3, total: 25, count: 25 }),
      'confirmed',
    ],
    [
      'total-counts-all',
      (o: Observations) => o.completeWalks.push({ limit: 10, pages: 1, total: 10, count: 9 }),
      'refuted',
    ],
    [
      'total-counts-all',
      (o: Observations) => o.completeWalks.push({ limit: 10, pages: 1, total: 5, count: 5 }),
      'not observed',
    ],
    ['empty-page-past-the-end', (o: Observations) => (o.pastTheEnd = { status: 200, count: 0 }), 'confirmed'],
    ['empty-page-past-the-end', (o: Observations) => (o.pastTheEnd = { status: 404 }), 'refuted'],
    ['end-timestamp-null-while-open', (o: Observations) => o.items.push(item({ endTimestamp: null })), 'confirmed'],
    ['end-timestamp-null-while-open', (o: Observations) => o.items.push(item({ endTimestamp: '' })), 'refuted'],
    ['end-timestamp-null-while-open', (o: Observations) => o.items.push(item({})), 'not observed'],
    ['note-is-0-or-1', (o: Observations) => o.items.push(item({ note: 1 })), 'confirmed'],
    ['note-is-0-or-1', (o: Observations) => o.items.push(item({ note: 3 })), 'refuted'],
    ['note-is-0-or-1', (o: Observations) => o.items.push(item({ note: true })), 'refuted'],
    ['csat-number-or-null', (o: Observations) => o.items.push(item({ csat: 10 })), 'confirmed'],
    ['csat-number-or-null', (o: Observations) => o.items.push(item({})), 'not observed'],
    ['csat-number-or-null', (o: Observations) => o.items.push(item({ csat: '10' })), 'refuted'],
    ['recording-always-null', (o: Observations) => o.items.push(item({ recording: 'https://r' })), 'refuted'],
    [
      'voice-customer-e164',
      (o: Observations) => o.items.push(item({ channelType: 'voice', customer: '+15551234567' })),
      'confirmed',
    ],
    [
      'voice-customer-e164',
      (o: Observations) => o.items.push(item({ channelType: 'voice', customer: '5551234' })),
      'refuted',
    ],
    [
      'channel-labels',
      (o: Observations) => o.items.push(item({ channelType: 'work-item', channelName: 'Work Item' })),
      'confirmed',
    ],
    ['channel-labels', (o: Observations) => o.items.push(item({ channelName: 'SMS' })), 'refuted'],
    ['extra-properties', (o: Observations) => o.items.push(item({ talkTime: 3 })), 'confirmed'],
    [
      'error-body-shapes',
      (o: Observations) => o.errorBodies.push({ status: 401, body: { error: 'Unauthorized' } }),
      'confirmed',
    ],
    ['error-body-shapes', (o: Observations) => o.errorBodies.push({ status: 400, body: { title: 'Bad' } }), 'refuted'],
    [
      'error-code-is-status',
      (o: Observations) => o.errorBodies.push({ status: 400, body: { error: { code: 400 } } }),
      'confirmed',
    ],
    [
      'error-code-is-status',
      (o: Observations) => o.errorBodies.push({ status: 400, body: { error: { code: 'E1' } } }),
      'refuted',
    ],
  ] as const)('%s: %#', (id, change, verdict) => {
    expect(verdicts(change)[id]).toBe(verdict);
  });

  it('evidence never quotes a customer', () => {
    const observed = newObservations();
    observed.items.push(item({ channelType: 'voice', customer: 'jane@example.com' }));
    expect(JSON.stringify(judge(observed))).not.toContain('jane');
  });
});

describe('reports', () => {
  const hostile = 'a <b> & "c" \'d\' ]]> \u0000\u0007 \x1b[2J';
  const report: ContractReport = {
    outcome: 'drift',
    specVersion: '1.1.0',
    target: { baseUrl: 'https://api.example.com/v1', tenantId: T, contactId: C },
    startedAt: '2024-06-01T00:00:00.000Z',
    durationMs: 1234,
    requests: { total: 30, walks: 10, probes: 20, attempts: 31, budget: 65 },
    walks: [{ limit: 10, pages: 1, interactions: 5, complete: true }],
    rules: contractRuleIds.map((id) => ({
      id,
      summary: contractRules[id],
      status: id === 'offset' ? 'failed' : id === 'order' ? 'skipped' : 'passed',
      checks: id === 'order' ? 0 : 3,
      findings:
        id === 'offset'
          ? [
              {
                rule: id,
                request: 'GET /tenants/x?limit=1',
                status: 200,
                pointer: '/offset',
                message: hostile,
                snippet: hostile,
              },
            ]
          : [],
      omittedFindings: id === 'offset' ? 4 : 0,
      notes: id === 'order' ? ['the contact has 1 interaction(s)'] : [],
    })),
    judgementCalls: [
      {
        id: 'page-null-when-omitted',
        claim: 'c',
        where: 'InteractionPage.page',
        verdict: 'confirmed',
        evidence: hostile,
      },
      { id: 'note-is-0-or-1', claim: 'c', where: 'Interaction.note', verdict: 'not observed', evidence: 'none' },
    ],
  };

  it('JUnit: well-formed even with hostile text, one testcase per rule plus setup, counts that add up', () => {
    const text = toJUnitXml(report);
    expect(text).not.toMatch(/[\u0000\u0007\u001b]/);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'testsuite' || n === 'testcase',
    }).parse(text);
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['contract rules', 'judgement calls']);
    expect(parsed.testsuites.tests).toBe(String(contractRuleIds.length + 1 + 2));
    expect([parsed.testsuites.failures, parsed.testsuites.skipped, parsed.testsuites.time]).toEqual([
      '1',
      '2',
      '1.234',
    ]);
    const offset = suites[0].testcase.find((c: { name: string }) => c.name === 'offset');
    expect(offset.failure.message).toContain('5 finding(s): a <b> & "c"');
    expect(offset.failure['#text']).toContain('… and 4 more');
    expect(suites[0].testcase.find((c: { name: string }) => c.name === 'order').skipped.message).toBe(
      'the contact has 1 interaction(s)',
    );
  });

  it('text: findings show the rule, request, status, pointer and body; no raw control characters from the report', () => {
    const text = renderReport(report);
    expect(text).toMatch(/^FAIL +offset /m);
    expect(text).toMatch(/^ {6}\[offset\] GET \/tenants\/x\?limit=1 → 200 at \/offset: a <b>/m);
    expect(text).toMatch(/^ {6}… and 4 more finding\(s\) of \[offset\]$/m);
    expect(text).not.toMatch(/[\u0000\u0007\u001b]/);
    expect(text).toMatch(/^RESULT: drift: 1 rule\(s\) broken: offset \(exit 1\)$/m);
  });
});

describe('README: Contract checks in your CI', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Contract checks in your CI'), readme.indexOf('## Layout'));

  it('lists every rule and every judgement call', () => {
    for (const id of contractRuleIds) expect(section).toContain(`| \`${id}\` `);
    for (const { id } of judgementCalls) expect(section).toContain(`| \`${id}\` `);
  });

  it('its CI snippets are valid YAML that run the packaged command with credentials from secrets', () => {
    const snippets = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(snippets).toHaveLength(2);
    const [github, gitlab] = snippets.map((text) => parse(text) as Record<string, any>);
    const step = github!['jobs'].contract.steps.find((s: { run?: string }) => s.run);
    expect(step.run).toMatch(/^npx --yes cxengage-interactions@\S+ contract .*--junit reports\/contract\.xml/);
    const secret = (name: string) => `\${{ secrets.${name} }}`;
    expect(step.env).toEqual({
      CXENGAGE_API_KEY: secret('CXENGAGE_API_KEY'),
      CXENGAGE_API_SECRET: secret('CXENGAGE_API_SECRET'),
    });
    expect(github!['on'].schedule).toHaveLength(1);
    const job = gitlab!['cxengage-contract'];
    expect(job.script[0]).toMatch(/^npx --yes cxengage-interactions@\S+ contract .*--junit contract\.xml/);
    expect(job.artifacts.reports.junit).toBe('contract.xml');
    expect(job.rules[0].if).toMatch(/schedule/);
  });
});
