// The GitHub Actions rendering of a contract report: the workflow-command escapes (as GitHub's toolkit
// writes them), and a summary and annotations of a small report whose every text is hostile.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, toGitHubAnnotations, toGitHubSummary } from '../../src/contract/github.ts';
import type { ContractReport } from '../../src/contract/types.ts';
import { workflowCommands } from '../hostile/github-cases.ts';

describe('workflow command escapes', () => {
  it.each([
    ['plain text', 'plain text', 'plain text'],
    ['50% done', '50%25 done', '50%25 done'],
    ['a\nb\r\nc', 'a%0Ab%0D%0Ac', 'a%0Ab%0D%0Ac'],
    ['%0A stays text', '%250A stays text', '%250A stays text'],
    ['title: a, b', 'title: a, b', 'title%3A a%2C b'],
    ['::error::x', '::error::x', '%3A%3Aerror%3A%3Ax'],
  ])('%j → data %j, property %j', (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });
});

const hostile = '\n::warning::x\r | `code` <b>bold</b> [a](https://e.example) www.e.example @user %0A';

const report: ContractReport = {
  outcome: 'drift',
  specVersion: '1.1.0',
  target: { baseUrl: 'https://api.example/v1', tenantId: 't', contactId: 'c' },
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1200,
  requests: { total: 3, walks: 2, successor: 0, probes: 1, list: 0, attempts: 4, budget: 10 },
  walks: [],
  rules: [
    {
      id: 'offset',
      summary: `offset ${hostile}`,
      source: { vendor: hostile, sdk: hostile },
      status: 'failed',
      checks: 1,
      findings: [
        {
          rule: 'offset',
          request: `GET /x?${hostile}`,
          status: 200,
          pointer: '/offset',
          message: hostile,
          snippet: hostile,
        },
      ],
      omittedFindings: 2,
      notes: [],
    },
    {
      id: 'status',
      summary: 'fine',
      source: { sdk: 'ours' },
      status: 'passed',
      checks: 1,
      findings: [],
      omittedFindings: 0,
      notes: [],
    },
  ],
  judgementCalls: [{ id: 'page-null', claim: hostile, where: hostile, verdict: 'refuted', evidence: hostile }],
};

describe('a report whose every text is hostile', () => {
  it('annotations: one ::error per broken rule, one line each, nothing else the runner would act on', () => {
    const lines = toGitHubAnnotations(report);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\n]/);
    expect(workflowCommands(lines.join('\n'))).toEqual([
      { name: 'error', properties: 'title=CxEngage contract%3A offset (3 findings)', data: expect.any(String) },
    ]);
    // Unescaped as the runner does, the message is the rule, its findings (control characters made visible) and its source.
    const data = workflowCommands(lines[0]!)[0]!.data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    expect(data.split('\n')).toEqual([
      expect.stringMatching(/^offset \^J::warning::x\^M/),
      expect.stringMatching(/^GET \/x\?\^J::warning::x\^M .* → 200 at \/offset: \^J::warning/),
      '… and 2 more',
      expect.stringMatching(/^source: vendor: \^J::warning/),
    ]);
  });

  it('summary: hostile text only inside fenced blocks; escaped where the report’s own text stands', () => {
    const summary = toGitHubSummary(report);
    const blocks = [...summary.matchAll(/^(`{3,})text\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
    expect(blocks.some((block) => block.includes('<b>bold</b> [a](https://e.example)'))).toBe(true);
    const outside = summary.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
    for (const marker of ['<b>', '](', 'https://', 'www.', '@user', '`code`', '::warning']) {
      expect(outside).not.toContain(marker);
    }
    const row = outside.split('\n').find((line) => line.includes('❌ fail'))!;
    expect(row.split('|')).toHaveLength(6); // four cells: the pipe in the text split none
    expect(summary).not.toMatch(/[\r\u0000-\u0009\u000b-\u001f]/);
  });
});
