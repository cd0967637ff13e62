/**
 * The judgement calls on how the API refuses what the vendor's documentation says nothing about: a
 * `limit` or `page` below its minimum, of the wrong type or repeated, ids that are not uuids, a contact
 * that does not exist. The vendor lists its statuses (400 for invalid syntax or a missing parameter,
 * 404, …) but not which one each of these requests gets, nor that the API refuses them at all rather
 * than taking a default, the last value or an empty history; and the SDK refuses such input before
 * sending it, so it relies on none of it. A server that answers a malformed id with 404, or takes the
 * last of a repeated parameter, is not wrong by any vendor document: the probes' answers are held
 * against the spec's guesses and reported confirmed or refuted, never failed.
 */
import { spec } from '../../generated/spec.js';
import type { Observations } from './observations.js';
import { confirmed, type JudgementCall, notObserved, refuted } from './verdicts.js';

const { limit, page } = spec.operations.listContactInteractions.parameters;

/** The spec's guess for each kind of request the probes send, and where the spec makes it. */
const guesses = {
  'rejects-below-minimum': {
    claim: `\`limit\` below ${limit.schema.minimum} and \`page\` below ${page.schema.minimum} are refused with 400 (the vendor documents no minimum)`,
    where: 'listContactInteractions 400; limit and page minimum',
  },
  'rejects-wrong-type': {
    claim: 'non-integer, fractional, empty and boolean `limit` and `page` values are refused with 400',
    where: 'listContactInteractions 400; limit and page type integer',
  },
  'rejects-repeated-parameter': {
    claim: 'a repeated `limit` or `page` is refused with 400 (rather than one of its values taken)',
    where: 'listContactInteractions 400',
  },
  'rejects-malformed-ids': {
    claim: 'tenant and contact ids that are not uuids are refused with 400 (rather than 404)',
    where: 'listContactInteractions 400; tenantId and contactId format uuid',
  },
  'unknown-contact': {
    claim: 'a contact that does not exist is answered 404 (rather than an empty history)',
    where: 'listContactInteractions 404',
  },
  'successor-rejects-malformed-ids': {
    claim: 'tenant and interaction ids that are not uuids are refused with 400 (rather than 404)',
    where: 'getInteraction 400; tenantId and interactionId format uuid',
  },
} as const satisfies Record<string, { claim: string; where: string }>;

export type RefusalCallId = keyof typeof guesses;

function judgeRefusals(id: RefusalCallId, { refusals }: Observations) {
  const probes = refusals.filter((r) => r.call === id);
  if (probes.length === 0) return notObserved('not probed in this run');
  const answered = probes.filter((r) => r.status !== null);
  if (answered.length === 0) return notObserved(`no answer to ${probes.length} probe(s)`);
  const expect = answered[0]!.expect;
  const other = answered.filter((r) => r.status !== r.expect);
  if (other.length === 0) return confirmed(`${answered.length} probe(s), all answered ${expect}`);
  const seen = other.map((r) => `${r.what} → ${r.status}${r.echo ? ` (${r.echo})` : ''}`).join('; ');
  return refuted(`${seen} (${answered.length - other.length} of ${answered.length} answered ${expect})`);
}

/** The calls, in the order reports list them. */
export const refusalCalls: readonly JudgementCall[] = Object.entries(guesses).map(([id, { claim, where }]) => ({
  id,
  claim,
  where,
  judge: (observed: Observations) => judgeRefusals(id as RefusalCallId, observed),
}));
