/**
 * The tally of one contract run: for each rule, how often it was checked, what broke it (the first
 * few findings kept, the rest counted: a broken rule can break on every interaction of a long
 * history) and notes on what could not be checked. A rule checked and never broken passed; one never
 * checked is skipped, with its notes saying why.
 */

import { contractRuleIds, contractRules } from './rules.js';
import type { ContractFinding, ContractRuleId, ContractRuleResult } from './types.js';

/** Findings kept per rule; the rest are counted in `omittedFindings`. */
export const KEPT_FINDINGS = 20;

export type FindingDetails = Omit<ContractFinding, 'rule'>;

export class Ledger {
  readonly #rules = new Map<ContractRuleId, ContractRuleResult>(
    contractRuleIds.map((id) => [
      id,
      {
        id,
        ...contractRules[id],
        status: 'skipped',
        checks: 0,
        findings: [],
        omittedFindings: 0,
        notes: [],
      },
    ]),
  );

  /** Counts one check of `rule`; when `ok` is false, records the finding `details()` builds. Returns `ok`. */
  check(rule: ContractRuleId, ok: boolean, details: () => FindingDetails): boolean {
    const result = this.#rules.get(rule)!;
    result.checks += 1;
    if (!ok) {
      if (result.findings.length < KEPT_FINDINGS) result.findings.push({ rule, ...details() });
      else result.omittedFindings += 1;
    }
    return ok;
  }

  /** Says why (part of) `rule` could not be checked on this tenant. */
  note(rule: ContractRuleId, text: string): void {
    const { notes } = this.#rules.get(rule)!;
    if (!notes.includes(text)) notes.push(text);
  }

  broken(rule: ContractRuleId): boolean {
    return this.#rules.get(rule)!.findings.length > 0;
  }

  results(): ContractRuleResult[] {
    return [...this.#rules.values()].map((r) => ({
      ...r,
      status: r.findings.length > 0 ? 'failed' : r.checks > 0 ? 'passed' : 'skipped',
      source: { ...r.source },
      findings: [...r.findings],
      notes: [...r.notes],
    }));
  }
}
