/**
 * `runContractChecks`: the live contract checks against any CxEngage-compatible server. One valid
 * request first (a setup problem stops the run there, with what to fix); then walks at the default
 * page size, at page size 1 (the first few pages) and at the spec's maximum, held against each other;
 * one page past the end; and the probes of what the spec forbids. Everything is read-only, sequential
 * and bounded: at most `2 × maxPages + 24` requests or so, fixed before the first one is sent.
 */
import { spec } from '../../generated/spec.js';
import { InvalidInputError } from '../errors.js';
import { resolveOptions } from '../options.js';
import type { ContractOptions, ContractReport } from '../types.js';
import { checkParams } from '../validate.js';
import { checkPageAnswer, defaultLimit } from './answers.js';
import { judge } from './judgement-calls.js';
import { Ledger } from './ledger.js';
import { newObservations } from './observations.js';
import { probePlan, runProbes } from './probes.js';
import { contractRuleIds } from './rules.js';
import { setupProblem } from './setup.js';
import { createTransport } from './transport.js';
import { compareWalks, pastTheEnd, type Walk, type WalkContext, walk } from './walks.js';

/** Default cap on the pages of one walk. */
export const DEFAULT_MAX_PAGES = 20;
/** Pages read at page size 1: enough to see paging work item by item, cheap on any history. */
const SINGLE_ITEM_PAGES = 3;
const maxLimit: number = spec.operations.listContactInteractions.parameters.limit.schema.maximum;

/**
 * Runs the live contract checks. Throws `InvalidInputError` for bad options (nothing is sent);
 * otherwise resolves with the report, whatever the server did.
 *
 * @example
 * const report = await runContractChecks({ auth: { username: key, password: secret }, tenantId, contactId });
 * if (report.outcome !== 'pass') console.log(report.rules.filter((r) => r.status === 'failed'));
 */
export async function runContractChecks(options: ContractOptions): Promise<ContractReport> {
  const startedAt = Date.now();
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) {
    throw new InvalidInputError('maxPages', maxPages, 'must be an integer ≥ 1');
  }
  const { tenantId, contactId } = checkParams({ tenantId: options.tenantId, contactId: options.contactId });
  const resolved = resolveOptions({
    auth: options.auth,
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.allowInsecureHttp !== undefined ? { allowInsecureHttp: options.allowInsecureHttp } : {}),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  const probes = probePlan(tenantId, contactId);
  const singlePages = Math.min(SINGLE_ITEM_PAGES, maxPages);
  const budget = 1 + maxPages + singlePages + maxPages + 1 + probes.length;
  const transport = createTransport(resolved, budget, options.inspect);
  const ledger = new Ledger();
  const observed = newObservations();
  const context: WalkContext = { transport, ledger, observed, tenantId, contactId };
  const walks: Walk[] = [];
  let walkRequests = 0;

  const finish = (setup?: ContractReport['setup']): ContractReport => {
    const { requests, attempts } = transport.counts();
    const rules = ledger.results();
    return {
      outcome: setup ? 'setup' : rules.some((r) => r.status === 'failed') ? 'drift' : 'pass',
      specVersion: spec.specVersion,
      target: { baseUrl: resolved.redact(resolved.baseUrl), tenantId, contactId },
      startedAt: new Date(startedAt).toISOString(),
      durationMs: Date.now() - startedAt,
      requests: { total: requests, walks: walkRequests, probes: requests - walkRequests, attempts, budget },
      walks: walks.map((w) => ({ limit: w.limit, pages: w.pages, interactions: w.ids.length, complete: w.complete })),
      rules,
      judgementCalls: judge(observed),
      ...(setup ? { setup } : {}),
    };
  };

  // 1. The first page with nothing sent: the setup check, and the defaults.
  const first = await transport.send({ tenantId, contactId });
  const setup = setupProblem(first, resolved.baseUrl);
  if (setup) {
    walkRequests = 1;
    for (const rule of contractRuleIds) ledger.note(rule, 'not checked: setup problem');
    return finish(setup);
  }
  const firstPage = checkPageAnswer(first, {}, ledger, observed);
  if (!firstPage) {
    // The server cannot answer a plain valid request: more requests would only add load to it.
    walkRequests = 1;
    for (const rule of contractRuleIds)
      if (!ledger.broken(rule)) ledger.note(rule, 'not checked: the first request failed');
    return finish();
  }

  // 2. Walks at the default page size, at 1 (a few pages) and at the maximum; then past the end.
  const sizes = [...new Set([defaultLimit, 1, maxLimit])];
  for (const limit of sizes) walks.push(await walk(context, limit, limit === 1 ? singlePages : maxPages));
  for (const w of walks) {
    if (!w.complete && w.limit !== 1 && w.total !== undefined && w.pages >= maxPages) {
      ledger.note(
        'total',
        `maxPages (${maxPages}) stopped the walk at limit ${w.limit}: the count against total was not checked there`,
      );
    }
  }
  for (let i = 0; i < walks.length; i++)
    for (let j = i + 1; j < walks.length; j++) compareWalks(walks[i]!, walks[j]!, ledger);
  const widest = walks.find((w) => w.limit === maxLimit);
  if (widest?.total !== undefined) await pastTheEnd(context, maxLimit, widest.total);
  if (observed.resultsRead < 2) {
    for (const rule of ['order', 'unique-ids', 'page-sizes-agree'] as const)
      ledger.note(
        rule,
        `the contact has ${observed.resultsRead} interaction(s): choose one with more than ${maxLimit}`,
      );
  } else if (observed.items.length < 2) {
    for (const rule of ['unique-ids', 'page-sizes-agree'] as const)
      ledger.note(rule, 'the interactions read carry no usable interactionId (see response-schema)');
  }
  walkRequests = transport.counts().requests;

  // 3. What the spec forbids, and its documented error statuses.
  await runProbes(probes, transport, ledger, observed);
  return finish();
}
