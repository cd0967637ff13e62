// The pure parts of the contract checks (src/contract/): display safety (the CLI's one terminal
// sanitiser), the probe plan derived from the spec, setup classification, the successor's sample and
// time comparison, the judgement calls, and the JUnit and text writers with hostile text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../../scripts/lib/tools.ts';
import { terminalText } from '../../src/common/terminal-text.ts';
import { clean, shown } from '../../src/contract/display.ts';
import { judge, judgementCalls } from '../../src/contract/judgement-calls.ts';
import { toJUnitXml } from '../../src/contract/junit.ts';
import { Ledger } from '../../src/contract/ledger.ts';
import { listRequests, listWalkPages } from '../../src/contract/list.ts';
import { newObservations, type Observations } from '../../src/contract/observations.ts';
import { checkedBy, probePlan } from '../../src/contract/probes.ts';
import { contractRuleIds, contractRules, sourceText } from '../../src/contract/rules.ts';
import { DEFAULT_MAX_PAGES } from '../../src/contract/runner.ts';
import { setupProblem, successorSetupProblem } from '../../src/contract/setup.ts';
import { checkRecord, chooseSample, SUCCESSOR_READS, sameInstant } from '../../src/contract/successor.ts';
import { renderReport, setupLine } from '../../src/contract/text.ts';
import type { Answer } from '../../src/contract/transport.ts';
import type { ContractReport } from '../../src/contract/types.ts';
import type { WalkContext } from '../../src/contract/walks.ts';
import { TimeoutError } from '../../src/errors.ts';
import { ConnectionError } from '../../src/http/failures.ts';

const T = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
/** What no terminal may be sent raw (the sanitiser's own class; `\n` is the reports' line break). */
const UNSAFE = /(?![\n\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const C = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';

describe('clean: server text made safe to print, by the CLI’s one terminal sanitiser', () => {
  it.each([
    ['plain', 'plain'],
    ['\x1b[31mred\x1b[0m', '^[[31mred^[[0m'],
    ['\x1b]0;title\x07', '^[]0;title^G'],
    ['line\r\nbreak\0', 'line^M^Jbreak^@'],
    ['del\x7f', 'del^?'],
    ['bidi \u202Eevil\u2066x\u2067y\u2068z\u2069', 'bidi <U+202E>evil<U+2066>x<U+2067>y<U+2068>z<U+2069>'],
    ['c1 \u009b control', 'c1 <U+009B> control'],
    ['sep\u2028', 'sep<U+2028>'],
    ['joiners kept: 👩\u200d💻', 'joiners kept: 👩\u200d💻'],
  ])('%j → %j', (input, output) => {
    expect(clean(input)).toBe(output);
    expect(clean(input)).toBe(terminalText(input));
  });

  it('cuts long text, never inside a surrogate pair', () => {
    expect(clean('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(clean(`${'x'.repeat(9)}😀tail`, 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shown({ a: '\x07' })).toBe('{"a":"\\u0007"}');
    expect(shown({ a: '\u202e\x7f' })).toBe('{"a":"<U+202E>^?"}');
    expect(shown(undefined)).toBe('nothing');
  });
});

describe('probePlan: what the spec forbids, derived from its parameter schemas', () => {
  it('crosses each bound by one, sends each wrong type, repeats each parameter, malforms each uuid, and probes the error statuses', () => {
    const plan = probePlan(T, C);
    expect(plan.map((p) => [p.checks, p.what, p.expect])).toEqual([
      [{ call: 'rejects-below-minimum' }, 'limit=0', 400],
      [{ rule: 'rejects-out-of-range' }, 'limit=101', 400],
      [{ call: 'rejects-wrong-type' }, 'limit=abc', 400],
      [{ call: 'rejects-wrong-type' }, 'limit=1.5', 400],
      [{ call: 'rejects-wrong-type' }, 'limit=', 400],
      [{ call: 'rejects-wrong-type' }, 'limit=true', 400],
      [{ call: 'rejects-repeated-parameter' }, 'limit=2&limit=3', 400],
      [{ call: 'rejects-below-minimum' }, 'page=-1', 400],
      [{ call: 'rejects-wrong-type' }, 'page=abc', 400],
      [{ call: 'rejects-wrong-type' }, 'page=0.5', 400],
      [{ call: 'rejects-wrong-type' }, 'page=', 400],
      [{ call: 'rejects-wrong-type' }, 'page=true', 400],
      [{ call: 'rejects-repeated-parameter' }, 'page=1&page=2', 400],
      [{ call: 'rejects-malformed-ids' }, 'tenantId not-a-uuid', 400],
      [{ call: 'rejects-malformed-ids' }, `tenantId ${T.slice(0, -1)}`, 400],
      [{ call: 'rejects-malformed-ids' }, 'contactId not-a-uuid', 400],
      [{ call: 'rejects-malformed-ids' }, `contactId ${C.slice(0, -1)}`, 400],
      [{ rule: 'unauthenticated' }, 'no credentials', 401],
      [{ rule: 'unauthenticated' }, 'an unknown API key', 401],
      [{ call: 'unknown-contact' }, 'a random contact id', 404],
      [{ rule: 'successor-unknown-interaction' }, 'a random interaction id', 404],
      [{ call: 'successor-rejects-malformed-ids' }, 'tenantId not-a-uuid', 400],
      [{ call: 'successor-rejects-malformed-ids' }, `tenantId ${T.slice(0, -1)}`, 400],
      [{ call: 'successor-rejects-malformed-ids' }, 'interactionId not-a-uuid', 400],
      [{ call: 'successor-rejects-malformed-ids' }, expect.stringMatching(/^interactionId [0-9a-f-]{35}$/), 400],
      [{ rule: 'unauthenticated' }, 'no credentials (Get a Specific Interaction)', 401],
    ]);
    const unknown = plan.find((p) => checkedBy(p) === 'unknown-contact')!.request;
    expect('contactId' in unknown && unknown.contactId).not.toBe(C);
    expect(probePlan(T, C, { successor: false }).some((p) => 'interactionId' in p.request)).toBe(false);
  });

  it('every probe checks a rule or a judgement call that exists', () => {
    const callIds = new Set(judgementCalls.map((c) => c.id));
    for (const probe of probePlan(T, C)) {
      if ('rule' in probe.checks) expect(contractRuleIds).toContain(probe.checks.rule);
      else expect(callIds).toContain(probe.checks.call);
    }
  });
});

describe('the rule catalogue: every rule has a source, and nothing without one is a rule', () => {
  it('every rule has a summary and a source: the vendor, the SDK, or both', () => {
    for (const id of contractRuleIds) {
      const { summary, source } = contractRules[id];
      expect(summary).toMatch(/\.$/);
      expect(source.vendor ?? source.sdk).toBeTruthy();
      expect(sourceText(source)).toMatch(/^(vendor: .+|SDK: .+)$/);
    }
  });

  it('the spec’s guesses about how a request is refused are judgement calls, not rules', () => {
    const callIds = judgementCalls.map((c) => c.id);
    for (const id of [
      'rejects-below-minimum',
      'rejects-wrong-type',
      'rejects-repeated-parameter',
      'rejects-malformed-ids',
      'unknown-contact',
      'successor-rejects-malformed-ids',
      'record-instants-as-history',
    ]) {
      expect(callIds).toContain(id);
      expect(contractRuleIds).not.toContain(id);
    }
    expect(contractRuleIds).not.toContain('error-body');
    expect(new Set(callIds).size).toBe(callIds.length);
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

describe('the successor: its setup problem, its sample, and what counts as the same instant', () => {
  const answer = (status: number, text = '{"error":{"code":403,"message":"Missing permission"}}'): Answer => ({
    request: `GET /tenants/${T}/interactions/${C}`,
    status,
    headers: new Headers(),
    contentType: 'application/json',
    text,
    verdicts: [],
  });

  it('a 403 is the setup problem successor-permission, naming the permission; other statuses are not', () => {
    const problem = successorSetupProblem(answer(403));
    expect(problem?.kind).toBe('successor-permission');
    expect(problem?.message).toMatch(/\(403\): .*INTERACTIONS_API_READ_ALL.*leave the successor's checks out/);
    for (const status of [200, 401, 404, 500]) expect(successorSetupProblem(answer(status))).toBeUndefined();
  });

  it('the setup line shows a hostile body only in visible escaped form', () => {
    const line = setupLine(successorSetupProblem(answer(403, '\x1b]0;x\x07\r\u202e\u2066\u0085\x7f'))!);
    expect(line).toContain('body: ^[]0;x^G^M<U+202E><U+2066><U+0085>^?');
    expect(line).not.toMatch(UNSAFE);
  });

  it.each([
    ['the record itself', (r: object) => r, [] as string[]],
    ['{result: record}', (r: object) => ({ result: r }), ['successor-schema', 'successor-unwrapped']],
    ['{data: [record]}', (r: object) => ({ data: [r] }), ['successor-schema', 'successor-unwrapped']],
    ['[record]', (r: object) => [r], ['successor-schema', 'successor-unwrapped']],
    ['another interaction', (r: object) => ({ ...r, interactionId: T }), ['successor-matches-history']],
    // The times are a judgement call (record-instants-as-history): the vendor names the keys only.
    ['its start an hour later', (r: object) => ({ ...r, startTimestamp: '2024-05-01T11:00:00.000Z' }), []],
    ['still open, though ended in the history', (r: object) => ({ ...r, endTimestamp: null }), []],
  ])('checkRecord: %s', (_, shape, broken) => {
    const item = {
      interactionId: C,
      startTimestamp: '2024-05-01T10:00:00.000Z',
      endTimestamp: '2024-05-01T10:05:00.000Z',
    };
    const record = { interactionId: C, startTimestamp: item.startTimestamp, endTimestamp: item.endTimestamp };
    const ledger = new Ledger();
    const observed = newObservations();
    const context = { ledger, observed, tenantId: T, contactId: C } as unknown as WalkContext;
    checkRecord({ ...answer(200, JSON.stringify(shape(record))), contentType: 'application/json' }, item, context);
    expect(
      ledger
        .results()
        .filter((r) => r.status === 'failed')
        .map((r) => r.id),
    ).toEqual(broken);
    expect(observed.records).toHaveLength(broken.includes('successor-unwrapped') ? 0 : 1);
  });

  it('checkRecord: a JSON body without a content-type is taken, as the client takes it; text/html is not', () => {
    const item = { interactionId: C, startTimestamp: '2024-05-01T10:00:00.000Z', endTimestamp: null };
    const failed = (contentType: string | null) => {
      const ledger = new Ledger();
      const context = { ledger, observed: newObservations(), tenantId: T, contactId: C } as unknown as WalkContext;
      checkRecord({ ...answer(200, JSON.stringify(item)), contentType }, item, context);
      return ledger
        .results()
        .filter((r) => r.status === 'failed')
        .map((r) => r.id);
    };
    expect(failed(null)).toEqual([]);
    expect(failed('application/json; charset=utf-8')).toEqual([]);
    expect(failed('text/html')).toEqual(['successor-content-type']);
  });

  it.each([
    ['2024-05-01T10:00:00.123Z', '2024-05-01T10:00:00.123Z', true],
    ['2024-05-01T12:00:00.123+02:00', '2024-05-01T10:00:00.123Z', true],
    [Date.parse('2024-05-01T10:00:00.123Z'), '2024-05-01T10:00:00.123Z', true],
    [Math.floor(Date.parse('2024-05-01T10:00:00.123Z') / 1000), '2024-05-01T10:00:00.123Z', true],
    ['2024-05-01T11:00:00.123Z', '2024-05-01T10:00:00.123Z', false],
    [12, '2024-05-01T10:00:00.123Z', false],
    ['soon', '2024-05-01T10:00:00.123Z', undefined],
    [{}, '2024-05-01T10:00:00.123Z', undefined],
    ['2024-05-01T10:00:00.123Z', null, undefined],
  ] as const)('sameInstant(%j, %j) is %j', (value, reference, same) => {
    expect(sameInstant(value, reference)).toBe(same);
  });

  it('the sample favours interactions that show a new channel, direction or state, then the oldest', () => {
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const item = (n: number, channelType: string, directionType: string, open = false) => ({
      interactionId: id(n),
      channelType,
      directionType,
      endTimestamp: open ? null : '2024-01-01T00:00:00.000Z',
    });
    const items = [
      item(1, 'voice', 'inbound'),
      item(2, 'voice', 'inbound'),
      item(3, 'sms', 'inbound'),
      { ...item(4, 'email', 'outbound'), interactionId: 'not-a-uuid' },
      item(5, 'email', 'outbound', true),
      item(6, 'voice', 'inbound'),
      item(7, 'voice', 'inbound'),
    ];
    const ids = (chosen: Record<string, unknown>[]) => chosen.map((i) => i['interactionId']);
    expect(ids(chooseSample(T, items, [items[0]!], 2))).toEqual([id(5), id(3)]);
    expect(ids(chooseSample(T, items, [items[0]!], 4))).toEqual([id(5), id(3), id(7), id(6)]);
    expect(chooseSample(T, [items[3]!], [], 5)).toEqual([]);
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

  const refusal = (call: string, what: string, expect: number, status: number | null, echo?: string) => ({
    call,
    what,
    expect,
    status,
    ...(echo ? { echo } : {}),
  });

  it('a refusal call refuted names each probe answered otherwise, with what a page made of it', () => {
    const observed = newObservations();
    observed.refusals.push(
      refusal('rejects-repeated-parameter', 'limit=2&limit=3', 400, 200, 'limit 3'),
      refusal('rejects-repeated-parameter', 'page=1&page=2', 400, 400),
    );
    const call = judge(observed).find((c) => c.id === 'rejects-repeated-parameter')!;
    expect([call.verdict, call.evidence]).toEqual(['refuted', 'limit=2&limit=3 → 200 (limit 3) (1 of 2 answered 400)']);
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
    [
      'error-body-shapes',
      (o: Observations) =>
        o.errorBodies.push({ status: 401, body: { error: 'Unauthorized' }, verdicts: [{ message: 'Prism: bad' }] }),
      'refuted',
    ],
    [
      'rejects-malformed-ids',
      (o: Observations) => o.refusals.push(refusal('rejects-malformed-ids', 'contactId x', 400, 400)),
      'confirmed',
    ],
    [
      'rejects-malformed-ids',
      (o: Observations) => o.refusals.push(refusal('rejects-malformed-ids', 'contactId x', 400, 404)),
      'refuted',
    ],
    [
      'rejects-repeated-parameter',
      (o: Observations) => o.refusals.push(refusal('rejects-repeated-parameter', 'limit=2&limit=3', 400, null)),
      'not observed',
    ],
    [
      'unknown-contact',
      (o: Observations) => o.refusals.push(refusal('rejects-malformed-ids', 'contactId x', 400, 404)),
      'not observed',
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

describe('judgement calls on the record of Get a Specific Interaction', () => {
  const historyItem = {
    interactionId: '5e003dd5-d261-42fb-8895-edcb7071b0bb',
    startTimestamp: '2017-11-02T17:49:19.049Z',
    endTimestamp: '2017-11-02T17:49:50.427Z',
    channelType: 'voice',
    directionType: 'inbound',
    customer: '+15064490906',
    lastAgentId: '7a8c3cd0-82b2-11e7-b08f-6e56a766befb',
    lastQueueId: '3703e470-834a-11e7-b08f-6e56a766befb',
  };
  // Shaped as the vendor's samples: times in seconds, keys without a value left out except in details.
  const goodRecord = () => ({
    tenantId: T,
    interactionId: historyItem.interactionId,
    flowId: '4b1c2d3e-5f60-4718-9a2b-3c4d5e6f7a80',
    flowName: 'Support inbound',
    startTimestamp: historyItem.startTimestamp,
    endTimestamp: historyItem.endTimestamp,
    interactionTime: 31.378,
    ivrTime: 4.012,
    contactPoint: '+15065550100',
    customer: historyItem.customer,
    customerHolds: 0,
    segments: [{ segmentNumber: 0, segmentTime: 31.378, segmentToAgentId: historyItem.lastAgentId }],
    queues: [{ queueId: historyItem.lastQueueId, queueName: 'Support' }],
    details: {
      endTimestamp: historyItem.endTimestamp,
      interactionId: historyItem.interactionId,
      contactPoint: '+15065550100',
      customer: historyItem.customer,
      csat: null,
      startTimestamp: historyItem.startTimestamp,
      agents: [{ agentId: historyItem.lastAgentId, agentName: 'Don Smith' }],
      direction: 'inbound',
      contactId: C,
      channelType: 'voice',
    },
  });
  type RecordChange = (record: Record<string, any>) => void;
  const verdictsOf = (...changes: RecordChange[]) => {
    const observed = newObservations();
    for (const change of changes) {
      const record: Record<string, any> = goodRecord();
      change(record);
      observed.records.push({ item: historyItem, record, tenantId: T, contactId: C });
    }
    return Object.fromEntries(judge(observed).map((c) => [c.id, c]));
  };
  const recordCallIds = judgementCalls.map((c) => c.id).filter((id) => id.startsWith('record-'));

  it('a record as the spec presumes: every call confirmed', () => {
    const calls = verdictsOf(
      () => {},
      () => {},
    );
    expect(recordCallIds.map((id) => [id, calls[id]!.verdict])).toEqual(recordCallIds.map((id) => [id, 'confirmed']));
    expect(calls['record-key-types']!.evidence).toBe('details.csat null, details.contactId string');
    expect(calls['record-null-scope']!.evidence).toBe(
      'no null or empty array outside details on 2 records; details had its 10 keys on 2',
    );
    expect(calls['record-last-agent-in-agents']!.evidence).toBe('found as agentId ×2');
  });

  it('no record read: every call not observed, saying why', () => {
    const observed = newObservations();
    observed.noRecords = 'the successor’s checks were left out';
    const calls = judge(observed).filter((c) => c.id.startsWith('record-'));
    expect(calls.map((c) => [c.verdict, c.evidence])).toEqual(
      recordCallIds.map(() => ['not observed', 'the successor’s checks were left out']),
    );
  });

  it.each<[string, RecordChange, string]>([
    ['record-null-scope', (r) => (r['ivrTime'] = null), 'null or empty outside details: ivrTime ×1 (of 1 records)'],
    [
      'record-null-scope',
      (r) => Object.assign(r, { hooks: [], segments: [{ agentId: null }] }),
      'null or empty outside details: segments[].agentId ×1, hooks ×1 (of 1 records)',
    ],
    ['record-null-scope', (r) => delete r['details'].csat, 'details lacks: csat ×1 (of 1 records)'],
    ['record-tenant-id-is-path', (r) => (r['tenantId'] = C), 'differs on 1 of 1 records (types: string ×1)'],
    ['record-interaction-time-seconds', (r) => (r['interactionTime'] = 31378), 'milliseconds ×1'],
    ['record-interaction-time-seconds', (r) => (r['interactionTime'] = 31), 'whole seconds ×1'],
    ['record-interaction-time-seconds', (r) => (r['interactionTime'] = '31s'), 'string ×1'],
    [
      'record-customer-as-history',
      (r) => (r['customer'] = { address: '+15064490906' }),
      'differs on 1 of 1 records (types: object ×1)',
    ],
    ['record-channel-type-as-history', (r) => (r['details'].channelType = 'Voice'), 'pairs seen: "voice" → "Voice" ×1'],
    ['record-direction-as-history', (r) => (r['details'].direction = 'in'), 'pairs seen: "inbound" → "in" ×1'],
    [
      'record-contact-id-is-contact',
      (r) => (r['details'].contactId = null),
      'differs on 1 of 1 records (types: null ×1)',
    ],
    ['record-last-agent-in-agents', (r) => (r['details'].agents = []), 'absent on 1 of 1 records; never found'],
    ['record-last-queue-in-queues', (r) => (r['queues'] = ['other']), 'absent on 1 of 1 records; never found'],
    [
      'record-instants-as-history',
      (r) => (r['startTimestamp'] = '2017-11-02T18:49:19.049Z'),
      '1 of 2 times differ: startTimestamp ×1',
    ],
    [
      'record-instants-as-history',
      (r) => (r['endTimestamp'] = null),
      "1 of 2 times differ: endTimestamp null where the history's ended ×1",
    ],
  ])('%s refuted: %#', (id, change, evidence) => {
    const call = verdictsOf(change)[id]!;
    expect([call.verdict, call.evidence]).toEqual(['refuted', evidence]);
  });

  it('record-key-types: two types of one key across records refute it; one record is not enough to confirm', () => {
    const mixed = verdictsOf(
      (r) => (r['ivrAbandoned'] = false),
      (r) => (r['ivrAbandoned'] = 'no'),
    )['record-key-types']!;
    expect(mixed.verdict).toBe('refuted');
    expect(mixed.evidence).toContain('ivrAbandoned boolean|string');
    expect(verdictsOf(() => {})['record-key-types']!.verdict).toBe('not observed');
  });

  it('keys that are absent, or open interactions, leave a call not observed', () => {
    const calls = verdictsOf((r) => {
      delete r['tenantId'];
      delete r['customer'];
      delete r['interactionTime'];
    });
    for (const id of ['record-tenant-id-is-path', 'record-customer-as-history', 'record-interaction-time-seconds'])
      expect(calls[id]!.verdict).toBe('not observed');
  });

  it('evidence never quotes a customer, an agent or a flow', () => {
    const all = JSON.stringify(
      verdictsOf(
        (r) => (r['customer'] = 'jane@example.com'),
        (r) => (r['details'].agents = [{ agentId: 'x', agentName: 'Don Smith' }]),
      ),
    );
    for (const secret of ['jane', 'Don Smith', 'Support inbound', '+1506']) expect(all).not.toContain(secret);
  });
});

describe('reports', () => {
  const hostile = 'a <b> & "c" \'d\' ]]> \u0000\u0007 \x1b[2J\x1b]0;t\x07\r\u202e\u2066\u2069\u0085\x7f\ud800';
  const report: ContractReport = {
    outcome: 'drift',
    specVersion: '1.1.0',
    target: { baseUrl: 'https://api.example.com/v1', tenantId: T, contactId: C },
    startedAt: '2024-06-01T00:00:00.000Z',
    durationMs: 1234,
    requests: { total: 35, walks: 10, successor: 5, list: 0, probes: 20, attempts: 36, budget: 76 },
    walks: [{ limit: 10, pages: 1, interactions: 5, complete: true }],
    rules: contractRuleIds.map((id) => ({
      id,
      ...contractRules[id],
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
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('^@^G ^[[2J^[]0;t^G^M&lt;U+202E&gt;&lt;U+2066&gt;&lt;U+2069&gt;&lt;U+0085&gt;^?\uFFFD');
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
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('^@^G ^[[2J^[]0;t^G^M<U+202E><U+2066><U+2069><U+0085>^?');
    expect(text).toMatch(/^RESULT: drift: 1 rule\(s\) broken: offset \(exit 1\)$/m);
    expect(text).toMatch(
      /^requests: 35 \(walks 10, successor 5, list 0, probes 20; 36 attempts; budget 76\) in 1\.2 s$/m,
    );
  });
});

describe('README: Contract checks in your CI', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Contract checks in your CI'), readme.indexOf('## Layout'));

  it('lists every rule and every judgement call', () => {
    for (const id of contractRuleIds) expect(section).toContain(`| \`${id}\` `);
    for (const { id } of judgementCalls) expect(section).toContain(`| \`${id}\` `);
  });

  it('its counts are the code’s: rules, probes and the request budget', () => {
    const probes = probePlan(T, C).length;
    const historyProbes = probePlan(T, C, { successor: false }).length;
    expect(Number(/The (\d+) rules/.exec(section)?.[1])).toBe(contractRuleIds.length);
    expect(Number(/^6\. (\d+) probes:/m.exec(section)?.[1])).toBe(probes);
    // The first page, the first 3 pages at size 1, the page past the end; two walks of maxPages; the
    // List's fixed requests and its walk of ⌈maxPages / 10⌉ pages.
    const [, withSuccessor, without, listFixed] =
      /at most `2 × max-pages \+ ⌈max-pages \/ 10⌉ \+ (\d+)`,\s+or `\+ (\d+)` with `--skip-successor`; `--skip-list` takes off `⌈max-pages \/ 10⌉ \+ (\d+)`/.exec(
        section,
      ) ?? [];
    expect(Number(listFixed)).toBe(listRequests(DEFAULT_MAX_PAGES) - Math.ceil(DEFAULT_MAX_PAGES / 10));
    expect(listWalkPages(DEFAULT_MAX_PAGES)).toBe(Math.ceil(DEFAULT_MAX_PAGES / 10));
    expect(Number(withSuccessor)).toBe(1 + 3 + 1 + SUCCESSOR_READS + probes + Number(listFixed));
    expect(Number(without)).toBe(1 + 3 + 1 + historyProbes + Number(listFixed));
    // The example run: its List requests within the List's share of the budget.
    const budget = 2 * DEFAULT_MAX_PAGES + 1 + 3 + 1 + SUCCESSOR_READS + probes + listRequests(DEFAULT_MAX_PAGES);
    const [, list] =
      new RegExp(`successor ${SUCCESSOR_READS}, list (\\d+), probes ${probes}; budget ${budget}\\)`).exec(section) ??
      [];
    expect(Number(list)).toBeGreaterThan(0);
    expect(Number(list)).toBeLessThanOrEqual(listRequests(DEFAULT_MAX_PAGES));
  });

  it('names each rule’s source: the vendor where the catalogue quotes it, the SDK where it relies on the rule', () => {
    for (const id of contractRuleIds) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${id}\` |`))!;
      const source = row.split(' | ').at(-1)!;
      const { vendor, sdk } = contractRules[id].source;
      expect([id, /\bvendor\b/i.test(source), /\bSDK\b/.test(source)]).toEqual([
        id,
        vendor !== undefined,
        sdk !== undefined,
      ]);
    }
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
