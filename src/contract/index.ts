/**
 * `cxengage-interactions/contract`: the live contract checks, for a CI job or a test of your own. The
 * `cxengage-interactions contract` command runs the same checks and writes the same reports.
 * @packageDocumentation
 */

export { escapeData, escapeProperty, toGitHubAnnotations, toGitHubSummary } from './github.js';
export { toJUnitXml } from './junit.js';
export { contractRules } from './rules.js';
export { DEFAULT_MAX_PAGES, runContractChecks } from './runner.js';
export { renderReport } from './text.js';
export type {
  ContractFinding,
  ContractOptions,
  ContractReport,
  ContractRuleId,
  ContractRuleResult,
  ContractRuleSource,
  ContractSetupProblem,
  JudgementCallResult,
  JudgementVerdict,
} from './types.js';
