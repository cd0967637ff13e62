/**
 * The contract report where GitHub Actions shows it first: a Markdown job summary (for
 * `$GITHUB_STEP_SUMMARY`: the outcome, the rules with their sources, the findings of each broken one,
 * the judgement calls and what the run cost) and one `::error` workflow command per broken rule (an
 * annotation). Both carry text a server wrote, so both are escaped for where they go. A workflow
 * command's data escapes `%`, CR and LF, its properties `:` and `,` too, as GitHub's toolkit does
 * (`escapeData`, `escapeProperty`), so nothing can end the command or start another. In the summary,
 * server text only ever stands in fenced code blocks, whose fence is longer than any run of backticks in
 * it, so it is shown as it is: no Markdown, HTML, link or mention; the report's own text (rule ids,
 * sentences, sources) is escaped for Markdown and HTML too, as a report may come from elsewhere. Every
 * text first passes the terminal sanitiser (`display.ts`): no control character reaches either.
 */
import { clean } from './display.js';
import { sourceText } from './rules.js';
import type { ContractFinding, ContractReport } from './types.js';

/** A workflow command's message, as GitHub's toolkit escapes it (`escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value, as GitHub's toolkit escapes it (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Findings shown per broken rule in the summary and annotations (the JSON report holds them all). */
const SHOWN_PER_RULE = 5;

const findingLine = (f: ContractFinding) =>
  `${clean(f.request, 300)} → ${f.status ?? 'no answer'}${f.pointer ? ` at ${clean(f.pointer)}` : ''}: ${clean(f.message, 300)}`;

/**
 * One `::error` command per broken rule (and one for a setup problem), each a single line: its title the
 * rule, its message the rule's sentence, its first findings and its source.
 */
export function toGitHubAnnotations(report: ContractReport): string[] {
  const command = (title: string, message: string) =>
    `::error title=${escapeProperty(clean(title, 200))}::${escapeData(message)}`;
  if (report.setup) {
    const { kind, message, request, status } = report.setup;
    return [
      command(
        `CxEngage contract: setup problem (${kind})`,
        `${clean(message, 400)}\n${clean(request, 300)} → ${status ?? 'no answer'}`,
      ),
    ];
  }
  return report.rules
    .filter((rule) => rule.status === 'failed')
    .map((rule) => {
      const count = rule.findings.length + rule.omittedFindings;
      const findings = rule.findings.slice(0, SHOWN_PER_RULE).map(findingLine);
      const more = count > findings.length ? [`… and ${count - findings.length} more`] : [];
      const lines = [clean(rule.summary, 400), ...findings, ...more, `source: ${clean(sourceText(rule.source), 600)}`];
      return command(`CxEngage contract: ${rule.id} (${count} finding${count === 1 ? '' : 's'})`, lines.join('\n'));
    });
}

/**
 * The report's own text in a heading or a table cell: as a numeric character reference, each character
 * that HTML, an inline Markdown span, a table cell or a link, autolink (`:`, `www.`) or mention (`@`)
 * would act on. (A reference splits no cell and starts no span; GitHub shows the character.)
 */
function md(text: string): string {
  return clean(text, 600).replace(/[&<>"'\\`*_[\]|~:@.]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Lines shown exactly as they are: a fenced block whose fence no run of backticks inside can close. */
function fenced(lines: readonly string[]): string[] {
  const text = lines.map((line) => clean(line, 1000));
  const longest = Math.max(2, ...text.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, ...text, fence];
}

const mark = { passed: '✅ pass', failed: '❌ fail', skipped: '⏭️ skipped' } as const;

/** The Markdown job summary of a run, for `$GITHUB_STEP_SUMMARY`. */
export function toGitHubSummary(report: ContractReport): string {
  const { requests } = report;
  const broken = report.rules.filter((r) => r.status === 'failed');
  const outcome =
    report.outcome === 'setup'
      ? 'setup problem: the checks could not run'
      : report.outcome === 'pass'
        ? 'pass: no drift from the spec'
        : `drift: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken`;
  const lines = [
    `## CxEngage contract: ${md(outcome)}`,
    '',
    ...fenced([
      `target: ${report.target.baseUrl}  tenant ${report.target.tenantId}  contact ${report.target.contactId}`,
    ]),
    '',
    `spec ${md(report.specVersion)} · ${requests.total} requests (walks ${requests.walks}, successor ${requests.successor}, probes ${requests.probes}; ${requests.attempts} attempts; budget ${requests.budget}) in ${(report.durationMs / 1000).toFixed(1)} s`,
    '',
  ];
  if (report.setup) {
    const { kind, message, request, status, snippet } = report.setup;
    lines.push(
      `### Setup problem: ${md(kind)}`,
      '',
      ...fenced([message, `${request} → ${status ?? 'no answer'}`, ...(snippet ? [`body: ${snippet}`] : [])]),
      '',
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push('### Rules', '', '| result | rule | what the spec promises | source |', '|---|---|---|---|');
  for (const rule of report.rules) {
    const note = rule.status === 'skipped' && rule.notes.length ? ` (${rule.notes.join('; ')})` : '';
    lines.push(
      `| ${mark[rule.status]} | ${md(rule.id)} | ${md(rule.summary + note)} | ${md(sourceText(rule.source))} |`,
    );
  }
  for (const rule of broken) {
    const count = rule.findings.length + rule.omittedFindings;
    const shown = rule.findings.slice(0, SHOWN_PER_RULE);
    lines.push(
      '',
      `#### ${md(rule.id)}: ${count} finding${count === 1 ? '' : 's'}`,
      '',
      ...fenced([
        ...shown.flatMap((f) => [findingLine(f), ...(f.snippet ? [`  body: ${f.snippet}`] : [])]),
        ...(count > shown.length ? [`… and ${count - shown.length} more (see the JSON report)`] : []),
      ]),
    );
  }
  const calls = report.judgementCalls;
  lines.push(
    '',
    '### Judgement calls',
    '',
    'The spec’s uncertain calls, as this tenant showed them (never failed).',
    '',
  );
  lines.push('| verdict | call | where |', '|---|---|---|');
  for (const call of calls) lines.push(`| ${md(call.verdict)} | ${md(call.id)} | ${md(call.where)} |`);
  lines.push('', ...fenced(calls.map((call) => `${call.verdict.padEnd(12)}  ${call.id}: ${call.evidence}`)), '');
  return `${lines.join('\n')}\n`;
}
