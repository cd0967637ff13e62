/**
 * The contract report as JUnit XML, the format CI systems show as test results: a suite of the
 * rules (one testcase per rule, its source in its properties, plus one for the setup; a broken rule
 * fails with its source and findings, an unexercised one is skipped) and a suite of the judgement
 * calls (each verdict in its testcase's properties and output; `not observed` is skipped; a call never
 * fails). CI systems show this text in a terminal-like log or a web view, so every line gets the
 * terminal's visible-escape rule (`terminal-text.ts`: the report's own findings already have it, a
 * report built elsewhere may not), then XML's escaping; a character XML 1.0 cannot carry at all (a
 * lone surrogate, U+FFFE) becomes U+FFFD.
 */
import { terminalLines, terminalText } from '../common/terminal-text.js';
import { sourceText } from './rules.js';
import type { ContractReport } from './types.js';

const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element text: the report's own line breaks kept, every other control character made visible. */
const escapeXml = (text: string) => xml(terminalLines(text));

function xml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${xml(terminalText(String(value)))}"`)
    .join('');

export function toJUnitXml(report: ContractReport): string {
  const seconds = (report.durationMs / 1000).toFixed(3);
  const rules = report.rules;
  const setupCase = report.setup
    ? `    <testcase${attrs({ classname: 'contract.setup', name: 'setup', time: 0 })}>\n` +
      `      <error${attrs({ type: `setup:${report.setup.kind}`, message: report.setup.message })}>${escapeXml(
        `${report.setup.request} → ${report.setup.status ?? 'no answer'}\nbody: ${report.setup.snippet}`,
      )}</error>\n    </testcase>`
    : `    <testcase${attrs({ classname: 'contract.setup', name: 'setup', time: 0 })}/>`;
  const ruleCases = rules.map((rule) => {
    const sources = Object.entries(rule.source).map(
      ([kind, text]) => `        <property${attrs({ name: `source.${kind}`, value: text })}/>`,
    );
    const open = `    <testcase${attrs({ classname: 'contract.rules', name: rule.id, time: 0 })}>\n      <properties>\n${sources.join('\n')}\n      </properties>`;
    if (rule.status === 'passed')
      return `${open}\n      <system-out>${escapeXml(`${rule.summary} (${rule.checks} checks)`)}</system-out>\n    </testcase>`;
    if (rule.status === 'skipped')
      return `${open}\n      <skipped${attrs({ message: rule.notes.join('; ') || 'not exercised' })}/>\n    </testcase>`;
    const count = rule.findings.length + rule.omittedFindings;
    const body = rule.findings
      .map(
        (f) =>
          `${f.request} → ${f.status ?? 'no answer'}${f.pointer ? ` at ${f.pointer}` : ''}: ${f.message}\n  body: ${f.snippet}`,
      )
      .join('\n');
    const more = rule.omittedFindings ? `\n… and ${rule.omittedFindings} more` : '';
    return `${open}\n      <failure${attrs({ type: 'drift', message: `${count} finding(s): ${rule.findings[0]?.message ?? ''}` })}>${escapeXml(
      `${rule.summary}\nsource: ${sourceText(rule.source)}\n${body}${more}`,
    )}</failure>\n    </testcase>`;
  });
  const failures = rules.filter((r) => r.status === 'failed').length;
  const skipped = rules.filter((r) => r.status === 'skipped').length;
  const errors = report.setup ? 1 : 0;
  const properties = {
    outcome: report.outcome,
    specVersion: report.specVersion,
    baseUrl: report.target.baseUrl,
    tenantId: report.target.tenantId,
    contactId: report.target.contactId,
    requests: report.requests.total,
    successorReads: report.requests.successor,
    attempts: report.requests.attempts,
    budget: report.requests.budget,
  };
  const calls = report.judgementCalls;
  const notObserved = calls.filter((c) => c.verdict === 'not observed').length;
  const callCases = calls.map((call) => {
    const open = `    <testcase${attrs({ classname: 'contract.judgement-calls', name: call.id, time: 0 })}>`;
    const props = `      <properties>\n        <property${attrs({ name: 'verdict', value: call.verdict })}/>\n        <property${attrs({ name: 'where', value: call.where })}/>\n      </properties>`;
    const out = `      <system-out>${escapeXml(`${call.verdict}: ${call.claim}. Seen: ${call.evidence}`)}</system-out>`;
    const skip =
      call.verdict === 'not observed'
        ? `\n      <skipped${attrs({ message: `not observed: ${call.evidence}` })}/>`
        : '';
    return `${open}\n${props}${skip}\n${out}\n    </testcase>`;
  });
  const timestamp = report.startedAt;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({
      name: 'cxengage-interactions contract',
      tests: rules.length + 1 + calls.length,
      failures,
      errors,
      skipped: skipped + notObserved,
      time: seconds,
    })}>`,
    `  <testsuite${attrs({ name: 'contract rules', tests: rules.length + 1, failures, errors, skipped, time: seconds, timestamp })}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property${attrs({ name, value })}/>`),
    '    </properties>',
    setupCase,
    ...ruleCases,
    '  </testsuite>',
    `  <testsuite${attrs({ name: 'judgement calls', tests: calls.length, failures: 0, errors: 0, skipped: notObserved, time: 0, timestamp })}>`,
    ...callCases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
