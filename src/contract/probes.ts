/**
 * The probes: one read-only request per thing the spec forbids or answers with an error, each with
 * the status the spec documents for it. The forbidden values are derived from the spec's parameter
 * schemas (a bound crossed by one, a value of the wrong type, a malformed uuid), so the probes follow
 * the spec when it changes. A server that answers a forbidden value with 200 has drifted: clients
 * that trust the spec's bounds would never learn that theirs are not enforced.
 */
import { spec } from '../../generated/spec.js';
import type { ContractRuleId } from '../types.js';
import { checkErrorBody, findingAt } from './answers.js';
import type { Ledger } from './ledger.js';
import type { Observations } from './observations.js';
import type { ProbeRequest, Transport } from './transport.js';

const operation = spec.operations.listContactInteractions;

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

/** The probes for one tenant and contact, in the order they are sent. */
export function probePlan(tenantId: string, contactId: string): Probe[] {
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
  for (const [name, parameter] of Object.entries(operation.parameters)) {
    if (parameter.in !== 'path' || !('format' in parameter.schema) || parameter.schema.format !== 'uuid') continue;
    const own = ids[name as keyof typeof ids];
    for (const malformed of ['not-a-uuid', own.slice(0, -1)]) {
      plan.push({
        rule: 'rejects-malformed-ids',
        what: `${name} ${malformed}`,
        request: { ...ids, [name]: malformed },
        expect: INVALID,
      });
    }
  }
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
  return plan;
}

/** Sends each probe in turn and checks its status, and its error body when it is an error. */
export async function runProbes(plan: readonly Probe[], transport: Transport, ledger: Ledger, observed: Observations) {
  for (const probe of plan) {
    const answer = await transport.send(probe.request);
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
}
