/**
 * `runContractChecks`: the live contract checks against any CxEngage-compatible server. One valid
 * request first (a setup problem stops the run there, with what to fix), one read of its first
 * interaction through Get a Specific Interaction and the contact's first page of Get a List of
 * Interactions (a 403 on either is a setup problem too: the key lacks that route's permission); then
 * walks at the default page size, at page size 1 (the first few pages) and at the spec's maximum, held
 * against each other; one page past the end; a few more interactions read through the successor; the
 * List's walk of the contact and its probes (`list.ts`); and the probes of what the spec forbids on the
 * history and its successor. Everything is read-only, sequential and bounded: at most
 * `2 × maxPages + ⌈maxPages / 10⌉ + 50` requests (14 + ⌈maxPages / 10⌉ fewer without the List, 11 fewer
 * without the successor), fixed before the first one is sent.
 */
import { spec } from '../../generated/spec.js';
import { InvalidInputError } from '../errors.js';
import { resolveOptions } from '../http/options.js';
import { checkParams, checkSignal } from '../validation/params.js';
import { checkPageAnswer, defaultLimit } from './answers.js';
import { judge } from './judgement-calls.js';
import { Ledger } from './ledger.js';
import { checkList, firstListPage, listRequests } from './list.js';
import { newObservations } from './observations.js';
import { checkedBy, checkProbe, probePlan, runProbes } from './probes.js';
import { contractRuleIds } from './rules.js';
import { setupProblem, successorSetupProblem } from './setup.js';
import { checkRecord, chooseSample, readable, recordRequest, SUCCESSOR_READS } from './successor.js';
import { createTransport } from './transport.js';
import type { ContractOptions, ContractReport, ContractSetupProblem } from './types.js';
import { compareWalks, pastTheEnd, type Walk, type WalkContext, walk } from './walks.js';

const walkSummary = (w: Walk) => ({ limit: w.limit, pages: w.pages, interactions: w.ids.length, complete: w.complete });

/** The rules of Get a Specific Interaction, and those of them only a read of a listed interaction checks. */
const successorRules = contractRuleIds.filter((id) => id.startsWith('successor-'));
/** The rules of Get a List of Interactions. */
const listRules = contractRuleIds.filter((id) => id.startsWith('list-'));
const successorReadRules = successorRules.filter((id) => id !== 'successor-unknown-interaction');

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
  const signal = checkSignal(options.signal);
  const resolved = resolveOptions({
    auth: options.auth,
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.allowInsecureHttp !== undefined ? { allowInsecureHttp: options.allowInsecureHttp } : {}),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    ...(options.logLevel !== undefined ? { logLevel: options.logLevel } : {}),
    ...(options.tracing !== undefined ? { tracing: options.tracing } : {}),
  });
  const withSuccessor = options.skipSuccessor !== true;
  const withList = options.skipList !== true;
  const probes = probePlan(tenantId, contactId, { successor: withSuccessor });
  const singlePages = Math.min(SINGLE_ITEM_PAGES, maxPages);
  const successorReads = withSuccessor ? SUCCESSOR_READS : 0;
  const listBudget = withList ? listRequests(maxPages) : 0;
  const budget = 1 + maxPages + singlePages + maxPages + 1 + successorReads + probes.length + listBudget;
  const transport = createTransport(resolved, budget, options.inspect, signal);
  const redact = await resolved.redaction.redactor(); // the report names the target, redacted
  const ledger = new Ledger();
  const observed = newObservations();
  const context: WalkContext = { transport, ledger, observed, tenantId, contactId };
  const walks: Walk[] = [];
  let probeRequests = 0;
  let successorRequests = 0;
  let listRequestsSent = 0;
  let listWalk: Walk | undefined;
  /** Runs a step of the List's checks, counting its requests as the List's. */
  const onList = async <T>(step: () => Promise<T>): Promise<T> => {
    const before = transport.counts().requests;
    try {
      return await step();
    } finally {
      listRequestsSent += transport.counts().requests - before;
    }
  };

  const finish = (setup?: ContractReport['setup']): ContractReport => {
    const { requests, attempts } = transport.counts();
    const rules = ledger.results();
    return {
      outcome: setup ? 'setup' : rules.some((r) => r.status === 'failed') ? 'drift' : 'pass',
      specVersion: spec.specVersion,
      target: { baseUrl: redact(resolved.baseUrl), tenantId, contactId },
      startedAt: new Date(startedAt).toISOString(),
      durationMs: Date.now() - startedAt,
      requests: {
        total: requests,
        walks: requests - successorRequests - probeRequests - listRequestsSent,
        successor: successorRequests,
        probes: probeRequests,
        list: listRequestsSent,
        attempts,
        budget,
      },
      walks: walks.map(walkSummary),
      ...(listWalk ? { listWalk: walkSummary(listWalk) } : {}),
      rules,
      judgementCalls: judge(observed),
      ...(setup ? { setup } : {}),
    };
  };

  // 1. The first page with nothing sent: the setup check, and the defaults.
  const first = await transport.send({ tenantId, contactId });
  const setup = setupProblem(first, resolved.baseUrl);
  const stop = (problem: ContractSetupProblem) => {
    for (const rule of contractRuleIds) ledger.note(rule, 'not checked: setup problem');
    return finish(problem);
  };
  if (setup) return stop(setup);
  const firstPage = checkPageAnswer(first, {}, ledger, observed);
  if (!firstPage) {
    // The server cannot answer a plain valid request: more requests would only add load to it.
    for (const rule of contractRuleIds)
      if (!ledger.broken(rule)) ledger.note(rule, 'not checked: the first request failed');
    return finish();
  }

  // 2. The successor's first answer: whether the key may read it at all. An interaction of the first
  // page if there is one, else the probe for an interaction that does not exist.
  const read: Record<string, unknown>[] = [];
  if (!withSuccessor) {
    for (const rule of successorRules) ledger.note(rule, 'not checked: left out (skipSuccessor, --skip-successor)');
    observed.noRecords = "the successor's checks were left out (skipSuccessor, --skip-successor)";
  } else {
    const item = firstPage.items.find((i) => readable(tenantId, i));
    if (item) {
      successorRequests += 1;
      const answer = await transport.send(recordRequest(tenantId, item));
      const refused = successorSetupProblem(answer);
      if (refused) return stop(refused);
      read.push(item);
      checkRecord(answer, item, context);
    } else {
      // Nothing to read: the probe for an interaction that does not exist asks first.
      const [probe] = probes.splice(
        probes.findIndex((p) => checkedBy(p) === 'successor-unknown-interaction'),
        1,
      );
      probeRequests += 1;
      const answer = await transport.send(probe!.request);
      const refused = successorSetupProblem(answer);
      if (refused) return stop(refused);
      checkProbe(probe!, answer, ledger, observed);
    }
  }

  // 2b. The List's first page of the contact: whether the key may read that route (the same permission).
  if (!withList) {
    for (const rule of listRules) ledger.note(rule, 'not checked: left out (skipList, --skip-list)');
    observed.list.skipped = "the List's checks were left out (skipList, --skip-list)";
  } else {
    const refused = await onList(() => firstListPage(context));
    if (refused) return stop(refused);
  }

  // 3. Walks at the default page size, at 1 (a few pages) and at the maximum; then past the end.
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

  // 4. More interactions of the history through the successor, chosen to vary channel, direction and state.
  if (withSuccessor) {
    for (const item of chooseSample(tenantId, observed.items, read, SUCCESSOR_READS - read.length)) {
      successorRequests += 1;
      read.push(item);
      checkRecord(await transport.send(recordRequest(tenantId, item)), item, context);
    }
    if (read.length === 0) {
      const why = 'no interaction of the history has a uuid interactionId to read';
      for (const rule of successorReadRules) ledger.note(rule, `not checked: ${why}`);
      observed.noRecords = why;
    }
  }

  // 4b. Get a List of Interactions: the contact's walk at its maximum page size, held against the
  // history's, and the probes of what its pages leave open.
  if (withList) listWalk = await onList(() => checkList(context, widest, maxPages));

  // 5. What the spec forbids, and its documented error statuses, on both routes.
  probeRequests += probes.length;
  await runProbes(probes, transport, ledger, observed);
  return finish();
}
