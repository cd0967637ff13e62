/**
 * The public types of the live contract checks (`cxengage-interactions/contract`): their options (the
 * connection part is the client's), the rules, and the report a run returns.
 */
import type { ClientOptions } from '../http/types.js';

/**
 * A rule of the live contract checks (`runContractChecks`, `cxengage-interactions contract`): one
 * behaviour of the history route, of its successor Get a Specific Interaction (`successor-…`), or of Get
 * a List of Interactions (`list-…`), that a server either keeps or has drifted from. Each has a
 * {@link ContractRuleSource}; what has none is a judgement call, reported and never failed.
 */
export type ContractRuleId =
  | 'status'
  | 'content-type'
  | 'response-schema'
  | 'limit-echo'
  | 'limit-honoured'
  | 'page-echo'
  | 'offset'
  | 'total'
  | 'unique-ids'
  | 'order'
  | 'page-sizes-agree'
  | 'rejects-out-of-range'
  | 'unauthenticated'
  | 'successor-status'
  | 'successor-content-type'
  | 'successor-schema'
  | 'successor-unwrapped'
  | 'successor-matches-history'
  | 'successor-unknown-interaction'
  | 'list-status'
  | 'list-content-type'
  | 'list-schema'
  | 'list-tenant'
  | 'list-echoes'
  | 'list-limit-honoured'
  | 'list-total'
  | 'list-unique-ids'
  | 'list-order'
  | 'list-contact'
  | 'list-time-range';

/**
 * Why a rule may fail a tenant: what the vendor documents (its page for the route, or a fact of its
 * docs known with high confidence), or the SDK behaviour that depends on it; at least one of the two.
 */
export type ContractRuleSource = { vendor: string; sdk?: string } | { vendor?: string; sdk: string };

/** One place where the server broke a rule. Every field is redacted and free of control characters. */
export interface ContractFinding {
  rule: ContractRuleId;
  /** Method, path and query relative to the base URL, e.g. `GET /tenants/…/interactions?limit=0`. Never credentials. */
  request: string;
  /** The HTTP status, or `null` when no answer came. */
  status: number | null;
  /** JSON pointer into the body of the offending value; `''` for the whole answer. */
  pointer: string;
  message: string;
  /** The first characters of the body. */
  snippet: string;
}

/** How one rule fared: `skipped` when nothing on this tenant could exercise it (see `notes`). */
export interface ContractRuleResult {
  id: ContractRuleId;
  /** What the spec promises, in one sentence. */
  summary: string;
  /** Where the rule comes from: the vendor's documentation, the SDK behaviour that relies on it, or both. */
  source: ContractRuleSource;
  status: 'passed' | 'failed' | 'skipped';
  /** How many times the rule was checked. */
  checks: number;
  findings: ContractFinding[];
  /** Findings beyond the kept ones (a broken rule can break on every item). */
  omittedFindings: number;
  /** Why part or all of the rule could not be checked (a short history, `maxPages`…). */
  notes: string[];
}

/** What the run saw of one of the spec's open judgement calls. */
export type JudgementVerdict = 'confirmed' | 'refuted' | 'not observed';

/** One judgement call the spec makes where the evidence is uncertain, and what this tenant showed. */
export interface JudgementCallResult {
  id: string;
  /** The call, as the spec makes it. */
  claim: string;
  /** Where the spec makes it, e.g. `InteractionPage.page`. */
  where: string;
  verdict: JudgementVerdict;
  /** What was seen, in a few words (redacted, no control characters). */
  evidence: string;
}

/**
 * Why the checks could not run: something to fix on the caller's side, not drift. `successor-permission`
 * and `list-permission`: the key reads histories but Get a Specific Interaction, or Get a List of
 * Interactions, answered 403 (grant `INTERACTIONS_API_READ_ALL`, or leave those checks out with
 * `skipSuccessor`, `skipList`).
 */
export interface ContractSetupProblem {
  kind:
    | 'credentials'
    | 'permission'
    | 'successor-permission'
    | 'list-permission'
    | 'connection'
    | 'timeout'
    | 'base-url'
    | 'not-found'
    | 'redirect';
  /** What is wrong and what to fix, in one line. */
  message: string;
  request: string;
  status: number | null;
  snippet: string;
}

/** The outcome of a contract run. A plain object: `JSON.stringify` gives the machine-readable report. */
export interface ContractReport {
  /** `pass`: no drift; `drift`: at least one rule failed; `setup`: the checks could not run (see `setup`). */
  outcome: 'pass' | 'drift' | 'setup';
  specVersion: string;
  target: { baseUrl: string; tenantId: string; contactId: string };
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  requests: {
    /** Requests sent (retries not counted). */
    total: number;
    /** Of which the walks (the first page, the walks at three page sizes, the page past the end). */
    walks: number;
    /** Of which the reads of the history's interactions through Get a Specific Interaction. */
    successor: number;
    /** Of which the probes of what the spec forbids or declares as errors. */
    probes: number;
    /** Of which Get a List of Interactions: its pages of the contact, the tenant's first, and its probes. */
    list: number;
    /** Attempts, retries included. */
    attempts: number;
    /** The most requests this run could have sent (from `maxPages`). */
    budget: number;
  };
  /** The history's pages walked per page size, and whether `maxPages` stopped the walk. */
  walks: { limit: number; pages: number; interactions: number; complete: boolean }[];
  /** The contact's pages of Get a List of Interactions at its maximum page size (absent when left out). */
  listWalk?: { limit: number; pages: number; interactions: number; complete: boolean };
  rules: ContractRuleResult[];
  judgementCalls: JudgementCallResult[];
  setup?: ContractSetupProblem;
}

/** Options of `runContractChecks`: the connection options are the client's. */
export interface ContractOptions
  extends Pick<
    ClientOptions,
    | 'auth'
    | 'region'
    | 'baseUrl'
    | 'allowInsecureHttp'
    | 'fetch'
    | 'timeoutMs'
    | 'maxRetries'
    | 'logger'
    | 'logLevel'
    | 'tracing'
  > {
  tenantId: string;
  /** A contact whose history is read (read-only). More than the spec's maximum `limit` interactions exercise every rule. */
  contactId: string;
  /** Pages per walk at most (a contact with a huge history). Default 20. */
  maxPages?: number;
  /**
   * Leaves out the checks of Get a Specific Interaction (the `successor-…` rules and the record's
   * judgement calls), for a key without `INTERACTIONS_API_READ_ALL`. Without it, a 403 there is the
   * setup problem `successor-permission`. Default false.
   */
  skipSuccessor?: boolean;
  /**
   * Leaves out the checks of Get a List of Interactions (the `list-…` rules and judgement calls), for a
   * key without `INTERACTIONS_API_READ_ALL`. Without it, a 403 there is the setup problem
   * `list-permission`. Default false.
   */
  skipList?: boolean;
  /**
   * Extra verdicts on each answer, e.g. from a validating proxy in front of the API: on a 2xx answer each
   * becomes a finding under `response-schema`, `successor-schema` or `list-schema` (by route); on an error answer they
   * count as evidence of the judgement call `error-body-shapes` (error bodies have no documented schema).
   */
  inspect?: (answer: { status: number; headers: Headers }) => readonly { pointer: string; message: string }[];
  /** Stops the checks: the request in flight is aborted and the run rejects with `AbortedError` (no report). */
  signal?: AbortSignal;
}
