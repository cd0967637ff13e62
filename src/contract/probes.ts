/**
 * The probes: one read-only request per thing the spec forbids or answers with an error, each with
 * the status the spec documents for it. The forbidden values are derived from the spec's parameter
 * schemas (a bound crossed by one, a value of the wrong type, a malformed uuid), so the probes follow
 * the spec when it changes. A server that answers a forbidden value with 200 has drifted: clients
 * that trust the spec's bounds would never learn that theirs are not enforced. Get a Specific
 * Interaction gets the same treatment for what it takes: malformed ids, no credentials, an unknown id.
 */
import { spec } from '../../generated/spec.js';
import { checkErrorBody, findingAt } from './answers.js';
import type { Ledger } from './ledger.js';
import type { Observations } from './observations.js';
import type { Answer, ProbeRequest, Transport } from './transport.js';
import type { ContractRuleId } from './types.js';

const operation = spec.operations.listContactInteractions;
const successor = spec.operations.getInteraction;

/** The spec's status for invalid parameters (the vendor's "invalid syntax or missing parameter"). */
const INVALID = 400;
const UNAUTHENTICATED = 401;
const NOT_FOUND = 404;

export interface Probe {
  rule: ContractRuleId;
  /** What is sent, e.g. `limit=0`. */
  what: string;
  request: ProbeRequest;
  expect: number;
}

interface IntegerSchema {
  type: 'integer';
  minimum: number;
  maximum?: number;
}

type PathIds = { tenantId: string; contactId: string } | { tenantId: string; interactionId: string };

/** Two malformed values (not a uuid; the valid id one character short) of each uuid path parameter. */
function malformedIds(
  parameters: Readonly<Record<string, { in: string; schema: object }>>,
  ids: PathIds,
  rule: ContractRuleId,
): Probe[] {
  const plan: Probe[] = [];
  for (const [name, parameter] of Object.entries(parameters)) {
    if (parameter.in !== 'path' || !('format' in parameter.schema) || parameter.schema.format !== 'uuid') continue;
    const own = (ids as Record<string, string>)[name] ?? '';
    for (const malformed of ['not-a-uuid', own.slice(0, -1)]) {
      plan.push({ rule, what: `${name} ${malformed}`, request: { ...ids, [name]: malformed }, expect: INVALID });
    }
  }
  return plan;
}

/**
 * The probes for one tenant and contact, in the order they are sent; with `successor`, then those of
 * Get a Specific Interaction (over random interaction ids: none of them is read).
 */
export function probePlan(tenantId: string, contactId: string, { successor: withSuccessor = true } = {}): Probe[] {
  const plan: Probe[] = [];
  const ids = { tenantId, contactId };
  const withQuery = (rule: ContractRuleId, query: [string, string][]): Probe => ({
    rule,
    what: query.map(([n, v]) => `${n}=${v}`).join('&'),
    request: { ...ids, query },
    expect: INVALID,
  });
  for (const [name, parameter] of Object.entries(operation.parameters)) {
    if (parameter.in !== 'query' || parameter.schema.type !== 'integer') continue;
    const schema = parameter.schema as IntegerSchema;
    plan.push(withQuery('rejects-out-of-range', [[name, String(schema.minimum - 1)]]));
    if (schema.maximum !== undefined)
      plan.push(withQuery('rejects-out-of-range', [[name, String(schema.maximum + 1)]]));
    for (const wrong of ['abc', `${schema.minimum}.5`, '', 'true'])
      plan.push(withQuery('rejects-wrong-type', [[name, wrong]]));
    const valid = String(schema.minimum + 1);
    plan.push(
      withQuery('rejects-wrong-type', [
        [name, valid],
        [name, valid],
      ]),
    );
  }
  plan.push(...malformedIds(operation.parameters, ids, 'rejects-malformed-ids'));
  plan.push({
    rule: 'unauthenticated',
    what: 'no credentials',
    request: { ...ids, credentials: 'none' },
    expect: UNAUTHENTICATED,
  });
  plan.push({
    rule: 'unauthenticated',
    what: 'an unknown API key',
    request: { ...ids, credentials: 'unknown' },
    expect: UNAUTHENTICATED,
  });
  plan.push({
    rule: 'unknown-contact',
    what: 'a random contact id',
    request: { tenantId, contactId: globalThis.crypto.randomUUID() },
    expect: NOT_FOUND,
  });
  if (withSuccessor) plan.push(...successorProbes(tenantId));
  return plan;
}

/** The probes of Get a Specific Interaction. The first asks for an interaction that does not exist. */
export function successorProbes(tenantId: string): Probe[] {
  const record = { tenantId, interactionId: globalThis.crypto.randomUUID() };
  return [
    {
      rule: 'successor-unknown-interaction',
      what: 'a random interaction id',
      request: { tenantId, interactionId: globalThis.crypto.randomUUID() },
      expect: NOT_FOUND,
    },
    ...malformedIds(successor.parameters, record, 'successor-rejects-malformed-ids'),
    {
      rule: 'unauthenticated',
      what: 'no credentials (Get a Specific Interaction)',
      request: { ...record, credentials: 'none' },
      expect: UNAUTHENTICATED,
    },
  ];
}

/** Sends each probe in turn and checks its answer. */
export async function runProbes(plan: readonly Probe[], transport: Transport, ledger: Ledger, observed: Observations) {
  for (const probe of plan) checkProbe(probe, await transport.send(probe.request), ledger, observed);
}

/** Checks a probe's status, and its error body when it is an error. */
export function checkProbe(probe: Probe, answer: Answer, ledger: Ledger, observed: Observations): void {
  const { status } = answer;
  ledger.check(probe.rule, status === probe.expect, () => {
    if (status === null)
      return findingAt(
        answer,
        '',
        `${probe.what}: no answer (${answer.failure?.message ?? ''}), expected ${probe.expect}`,
      );
    const accepted = status < 300 && probe.expect === INVALID;
    return findingAt(
      answer,
      '',
      accepted
        ? `accepted what the spec forbids: ${probe.what} was answered ${status}, expected ${probe.expect}`
        : `${probe.what}: expected ${probe.expect}, got ${status}`,
    );
  });
  if (status !== null && status >= 400) checkErrorBody(answer, ledger, observed);
}
