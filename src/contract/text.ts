/**
 * The contract report as text for a terminal or a CI log: one line per rule, the source and the first
 * findings of each broken rule (rule, request, status, JSON pointer, body snippet), the judgement-call
 * table, and what the run cost. Text that came from a server is made safe again here (the report is a
 * public type: it may not come from the checks), so nothing printed can carry a control character.
 */
import { spec } from '../../generated/spec.js';
import { clean } from './display.js';
import { sourceText } from './rules.js';
import type { ContractReport, ContractSetupProblem } from './types.js';

/** Findings printed per broken rule; the report files hold them all. */
const SHOWN_PER_RULE = 3;
const operation = spec.operations.listContactInteractions;
const successor = spec.operations.getInteraction;

const label = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** The setup problem in one line: what is wrong, what to fix, the request, its status and body. */
export function setupLine(setup: ContractSetupProblem): string {
  const status = setup.status === null ? 'no answer' : String(setup.status);
  const body = setup.snippet ? `, body: ${clean(setup.snippet)}` : '';
  return `setup problem (${setup.kind}): ${clean(setup.message, 400)} [${clean(setup.request, 300)} → ${status}${body}]`;
}

export function renderReport(report: ContractReport): string {
  const lines: string[] = [];
  const { target, requests } = report;
  lines.push(
    `contract checks of ${operation.method.toUpperCase()} ${operation.path} and its successor ${successor.method.toUpperCase()} ${successor.path} (spec ${report.specVersion})`,
    `target: ${clean(target.baseUrl, 200)}  tenant ${target.tenantId}  contact ${target.contactId}`,
    '',
  );
  if (report.setup) lines.push(setupLine(report.setup), '');
  else {
    const width = Math.max(...report.rules.map((r) => r.id.length));
    for (const rule of report.rules) {
      const note = rule.status === 'skipped' && rule.notes.length ? ` (${clean(rule.notes.join('; '), 400)})` : '';
      lines.push(`${label[rule.status]}  ${rule.id.padEnd(width)}  ${rule.summary}${note}`);
      // Why a broken rule is drift and not a matter of taste: what the vendor documents, what the SDK relies on.
      if (rule.status === 'failed') lines.push(`      source: ${clean(sourceText(rule.source), 600)}`);
      for (const f of rule.findings.slice(0, SHOWN_PER_RULE)) {
        lines.push(
          `      [${f.rule}] ${clean(f.request, 300)} → ${f.status ?? 'no answer'}${f.pointer ? ` at ${clean(f.pointer)}` : ''}: ${clean(f.message, 300)}`,
        );
        if (f.snippet) lines.push(`        body: ${clean(f.snippet)}`);
      }
      const more = Math.max(0, rule.findings.length - SHOWN_PER_RULE) + rule.omittedFindings;
      if (more > 0) lines.push(`      … and ${more} more finding(s) of [${rule.id}]`);
    }
    lines.push('', ...judgementTable(report), '');
    const walks = report.walks.map(
      (w) => `limit ${w.limit}: ${w.pages} page(s), ${w.interactions} interactions${w.complete ? ', to the end' : ''}`,
    );
    lines.push(`walks: ${walks.join('; ')}`);
  }
  lines.push(
    `requests: ${requests.total} (walks ${requests.walks}, successor ${requests.successor}, probes ${requests.probes}; ${requests.attempts} attempts; budget ${requests.budget}) in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  lines.push(verdictLine(report));
  return `${lines.join('\n')}\n`;
}

function judgementTable(report: ContractReport): string[] {
  const calls = report.judgementCalls;
  const idWidth = Math.max(4, ...calls.map((c) => c.id.length));
  return [
    'judgement calls on this tenant (the spec’s uncertain calls):',
    `  ${'verdict'.padEnd(12)}  ${'call'.padEnd(idWidth)}  evidence`,
    ...calls.map((c) => `  ${c.verdict.padEnd(12)}  ${c.id.padEnd(idWidth)}  ${clean(c.evidence, 400)}`),
  ];
}

function verdictLine(report: ContractReport): string {
  if (report.outcome === 'setup') return 'RESULT: setup problem: fix the setup and run again (exit 2)';
  const broken = report.rules.filter((r) => r.status === 'failed').map((r) => r.id);
  return broken.length === 0
    ? 'RESULT: pass: no drift from the spec (exit 0)'
    : `RESULT: drift: ${broken.length} rule(s) broken: ${broken.join(', ')} (exit 1)`;
}
