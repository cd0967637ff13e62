/**
 * Every public type of the SDK, in one place. Shapes of API data come from the spec through
 * `generated/schema.d.ts`; regions from the spec's servers. This module imports nothing from `src/`, so
 * any module may import its types without creating a cycle.
 */
import type { components } from '../generated/schema.js';
import type { spec } from '../generated/spec.js';

/** One interaction of the contact. Extra (undocumented) properties are kept. */
export type Interaction = components['schemas']['Interaction'];
/** One page of a contact's interactions. */
export type InteractionPage = components['schemas']['InteractionPage'];
/** An error body in any of the vendor's three shapes. */
export type ErrorBody = components['schemas']['ErrorBody'];
/** A CxEngage region with a public base URL. */
export type Region = keyof typeof spec.regions;
/** HTTP Basic with an API key and its secret, or `Authorization: Token <token>`. */
export type Auth = { username: string; password: string } | { token: string };

/** How 2xx bodies are checked against the spec: throw, log and return, or skip (zero cost). */
export type ValidationMode = 'off' | 'warn' | 'strict';

/**
 * Where the SDK reports what is not an error: retry notices (`debug`, optional) and validation or
 * protocol warnings (`warn`). Messages and `meta` are redacted before they reach it.
 */
export interface Logger {
  debug?(msg: string, meta?: Record<string, unknown>): void;
  warn(msg: string, meta?: Record<string, unknown>): void;
}

/** Options of `createInteractionsClient`. */
export interface ClientOptions {
  /** API key and secret (Basic), or a token from `POST /v1/tokens`. */
  auth: Auth;
  /** Default: the spec's first server (`us-east-1`). Ignored when `baseUrl` is given. */
  region?: Region;
  /** Overrides `region`, e.g. `'http://127.0.0.1:4010/v1'`. A trailing slash is dropped. */
  baseUrl?: string;
  /** `http://` is refused unless the host is loopback (127.0.0.0/8, ::1, localhost) or this is true. */
  allowInsecureHttp?: boolean;
  /**
   * Default `globalThis.fetch`. Called once per attempt as `fetch(request, { signal, redirect: 'manual' })`:
   * honour both. Redirects are never followed, so one cannot lead to another host or to `http://`: a 3xx
   * answer is an `ApiError` with `kind: 'unexpected_status'` (its `Location` in `headers`), not retried.
   */
  fetch?: typeof fetch;
  /** Per attempt, in ms. Default 30 000. */
  timeoutMs?: number;
  /** For all attempts of one call together, in ms. Default 120 000. */
  deadlineMs?: number;
  /** Retries after the first attempt, on network errors, 408, 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error is thrown. Default 60 000. */
  maxRetryAfterMs?: number;
  /**
   * Response validation. Default `'strict'`. With `'off'` (or `'warn'`), `listInteractions` returns a 2xx
   * JSON body as it came, unchecked (even `null` or `{}`); the iterators still check the fields they walk
   * by (`total`, `results`, each `interactionId`) and throw `ResponseValidationError` otherwise.
   */
  validate?: ValidationMode;
  /** Receives retry notices (`debug`) and warnings (`warn`). Default: `console.warn` for warnings only. */
  logger?: Logger;
}

/** Parameters of one page call. */
export interface ListParams {
  tenantId: string;
  contactId: string;
  /** 1 to 100, default 10 (server side). */
  limit?: number;
  /** 0-based. When omitted, the server answers `page: null`. */
  page?: number;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborting rejects with the signal's `reason` (an `AbortError` DOMException by default); never retried. */
  signal?: AbortSignal;
}

/** Parameters of the iterators. */
export interface IterateParams {
  tenantId: string;
  contactId: string;
  /** Items per request. Default: the spec's maximum `limit` (100). The iterators take no `limit`. */
  pageSize?: number;
  /** Stop after this many items (the endpoint is "last N"): costs `ceil(last / pageSize)` requests. */
  last?: number;
  /** Pages in flight at once after page 0. Default 1. */
  concurrency?: number;
  /**
   * The most pages the walk may read (page numbers 0 to maxPages − 1). A walk whose `total` needs more
   * throws `PaginationError` `max_pages_exceeded` as soon as that is known. Default 100 000.
   */
  maxPages?: number;
  /**
   * For the whole walk, in ms (each request keeps the client's own limits): then `TimeoutError` with
   * scope `'walk'`. Default: none.
   */
  deadlineMs?: number;
  /** Aborts the walk and any request in flight. */
  signal?: AbortSignal;
}

/** The client. */
export interface InteractionsClient {
  /** One page of the contact's interactions, most recent first. */
  listInteractions(params: ListParams, options?: RequestOptions): Promise<InteractionPage>;
  /** {@link InteractionsClient.listInteractions} plus the raw Response (status, headers; body already read). */
  listInteractionsWithResponse(
    params: ListParams,
    options?: RequestOptions,
  ): Promise<{ data: InteractionPage; response: Response }>;
  /** Every interaction (or the `last` N), in order, never the same `interactionId` twice. Bad params throw synchronously. */
  iterateInteractions(params: IterateParams): AsyncIterableIterator<Interaction>;
  /** Pages in order, each holding only results not yielded before. Bad params throw synchronously. */
  iteratePages(params: IterateParams): AsyncIterableIterator<InteractionPage>;
}

/**
 * A checked walk over one contact's pages, as `checkIterateParams` returns it and `walkPages` takes it:
 * every default applied; `last` and `deadlineMs` are `Infinity` when not given.
 * @internal
 */
export interface Walk {
  tenantId: string;
  contactId: string;
  pageSize: number;
  last: number;
  concurrency: number;
  /** The most pages the walk may read. */
  maxPages: number;
  /** For the whole walk, in ms. */
  deadlineMs: number;
  signal: AbortSignal | undefined;
}

/**
 * A rule of the live contract checks (`runContractChecks`, `cxengage-interactions contract`): one
 * documented behaviour of the history route that a server either keeps or has drifted from.
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
  | 'rejects-wrong-type'
  | 'rejects-malformed-ids'
  | 'error-body'
  | 'unauthenticated'
  | 'unknown-contact';

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

/** Why the checks could not run: something to fix on the caller's side, not drift. */
export interface ContractSetupProblem {
  kind: 'credentials' | 'permission' | 'connection' | 'timeout' | 'base-url' | 'not-found' | 'redirect';
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
    /** Of which the probes of what the spec forbids or declares as errors. */
    probes: number;
    /** Attempts, retries included. */
    attempts: number;
    /** The most requests this run could have sent (from `maxPages`). */
    budget: number;
  };
  /** Pages walked per page size, and whether `maxPages` stopped the walk. */
  walks: { limit: number; pages: number; interactions: number; complete: boolean }[];
  rules: ContractRuleResult[];
  judgementCalls: JudgementCallResult[];
  setup?: ContractSetupProblem;
}

/** Options of `runContractChecks`. */
export interface ContractOptions {
  /** Credentials, as for the client. */
  auth: Auth;
  tenantId: string;
  /** A contact whose history is read (read-only). More than the spec's maximum `limit` interactions exercise every rule. */
  contactId: string;
  region?: Region;
  baseUrl?: string;
  allowInsecureHttp?: boolean;
  fetch?: typeof fetch;
  /** Per attempt, in ms. Default 30 000. */
  timeoutMs?: number;
  /** Retries on network errors, 408, 429 and 5xx, with the client's backoff. Default 3. */
  maxRetries?: number;
  /** Pages per walk at most (a contact with a huge history). Default 20. */
  maxPages?: number;
  /**
   * Extra verdicts on each answer, e.g. from a validating proxy in front of the API: each becomes a
   * finding under `response-schema` (2xx) or `error-body` (other statuses).
   */
  inspect?: (answer: { status: number; headers: Headers }) => readonly { pointer: string; message: string }[];
  /** Receives retry notices (`debug`) and warnings, redacted. */
  logger?: Logger;
}
