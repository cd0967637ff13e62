/**
 * The probes: one read-only request per thing the spec forbids or answers with an error, each with
 * the status the spec presumes for it. The forbidden values are derived from the spec's parameter
 * schemas (a bound crossed by one, a value of the wrong type, a repeated parameter, a malformed uuid),
 * so the probes follow the spec when it changes. A probe is held to a rule only where the vendor
 * documents the answer or the SDK relies on it: a `limit` above the documented maximum must be refused
 * (a server that takes it has drifted from the vendor's page), unknown credentials must get 401, an
 * interaction that does not exist 404. The rest are the spec's guesses about how the API refuses a
 * request the vendor says nothing about (`refusal-calls.ts`): their answers are judgement calls.
 */
import { spec } from '../../generated/spec.js';
import { findingAt, observeErrorBody, parse } from './answers.js';
import { shown } from './display.js';
import type { Ledger } from './ledger.js';
import { isRecord, type Observations } from './observations.js';
import type { RefusalCallId } from './refusal-calls.js';
import type { Answer, ProbeRequest, Transport } from './transport.js';
import type { ContractRuleId } from './types.js';

const operation = spec.operations.listContactInteractions;
const successor = spec.operations.getInteraction;

/** The spec's status for invalid parameters (the vendor's "invalid syntax or missing parameter"). */
const INVALID = 400;
const UNAUTHENTICATED = 401;
const NOT_FOUND = 404;

export interface Probe {
  /** The rule its answer is held to, or the judgement call its answer informs. */
  checks: { rule: ContractRuleId } | { call: RefusalCallId };
  /** What is sent, e.g. `limit=0`. */
  what: string;
  request: ProbeRequest;
  expect: number;
}

/** The rule or call a probe checks, by id. */
export const checkedBy = (probe: Probe): ContractRuleId | RefusalCallId =>
  'rule' in probe.checks ? probe.checks.rule : probe.checks.call;

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
  call: RefusalCallId,
): Probe[] {
  const plan: Probe[] = [];
  for (const [name, parameter] of Object.entries(parameters)) {
    if (parameter.in !== 'path' || !('format' in parameter.schema) || parameter.schema.format !== 'uuid') continue;
    const own = (ids as Record<string, string>)[name] ?? '';
    for (const malformed of ['not-a-uuid', own.slice(0, -1)]) {
      plan.push({
        checks: { call },
        what: `${name} ${malformed}`,
        request: { ...ids, [name]: malformed },
        expect: INVALID,
      });
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
  const withQuery = (checks: Probe['checks'], query: [string, string][]): Probe => ({
    checks,
    what: query.map(([n, v]) => `${n}=${v}`).join('&'),
    request: { ...ids, query },
    expect: INVALID,
  });
  for (const [name, parameter] of Object.entries(operation.parameters)) {
    if (parameter.in !== 'query' || parameter.schema.type !== 'integer') continue;
    const schema = parameter.schema as IntegerSchema;
    plan.push(withQuery({ call: 'rejects-below-minimum' }, [[name, String(schema.minimum - 1)]]));
    // The one bound the vendor documents as a refusal: `limit`'s "The maximum permitted is 100." (A
    // maximum the spec gave another parameter would be its own guess, not a rule.)
    if (name === 'limit' && schema.maximum !== undefined)
      plan.push(withQuery({ rule: 'rejects-out-of-range' }, [[name, String(schema.maximum + 1)]]));
    for (const wrong of ['abc', `${schema.minimum}.5`, '', 'true'])
      plan.push(withQuery({ call: 'rejects-wrong-type' }, [[name, wrong]]));
    // Two valid values, so that a page taken from either tells which one the server used.
    plan.push(
      withQuery({ call: 'rejects-repeated-parameter' }, [
        [name, String(schema.minimum + 1)],
        [name, String(schema.minimum + 2)],
      ]),
    );
  }
  plan.push(...malformedIds(operation.parameters, ids, 'rejects-malformed-ids'));
  plan.push({
    checks: { rule: 'unauthenticated' },
    what: 'no credentials',
    request: { ...ids, credentials: 'none' },
    expect: UNAUTHENTICATED,
  });
  plan.push({
    checks: { rule: 'unauthenticated' },
    what: 'an unknown API key',
    request: { ...ids, credentials: 'unknown' },
    expect: UNAUTHENTICATED,
  });
  plan.push({
    checks: { call: 'unknown-contact' },
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
      checks: { rule: 'successor-unknown-interaction' },
      what: 'a random interaction id',
      request: { tenantId, interactionId: globalThis.crypto.randomUUID() },
      expect: NOT_FOUND,
    },
    ...malformedIds(successor.parameters, record, 'successor-rejects-malformed-ids'),
    {
      checks: { rule: 'unauthenticated' },
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

/**
 * Holds a probe's answer to its rule, or notes it for its judgement call; an error's body is noted for
 * the calls on error bodies either way.
 */
export function checkProbe(probe: Probe, answer: Answer, ledger: Ledger, observed: Observations): void {
  const { status } = answer;
  if ('rule' in probe.checks) {
    ledger.check(probe.checks.rule, status === probe.expect, () => {
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
          ? `accepted what the vendor does not permit: ${probe.what} was answered ${status}, expected ${probe.expect}`
          : `${probe.what}: expected ${probe.expect}, got ${status}`,
      );
    });
  } else {
    const echo = status !== null && status < 300 ? echoOf(answer, probe) : undefined;
    observed.refusals.push({
      call: probe.checks.call,
      what: probe.what,
      expect: probe.expect,
      status,
      ...(echo ? { echo } : {}),
    });
  }
  if (status !== null && status >= 400) observeErrorBody(answer, observed);
}

/** What a page taken instead of refused made of the probe: the parameters it echoes, or its `total`. */
function echoOf(answer: Answer, probe: Probe): string | undefined {
  const parsed = parse(answer.text);
  if (!parsed.ok || !isRecord(parsed.value)) return undefined;
  const body = parsed.value;
  const names = [...new Set((probe.request.query ?? []).map(([name]) => name))];
  const shownKeys = names.length > 0 ? names : ['total'];
  const echoed = shownKeys.filter((key) => Object.hasOwn(body, key)).map((key) => `${key} ${shown(body[key], 20)}`);
  return echoed.length > 0 ? echoed.join(', ') : undefined;
}
