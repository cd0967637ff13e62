/**
 * The rules of the live contract checks: one documented behaviour each, of the history route or of its
 * successor Get a Specific Interaction (`successor-…`), with the sentence a report shows for it. Bounds,
 * defaults, statuses and schema names are read from the spec's facts, so a spec change changes the text.
 */
import { spec } from '../../generated/spec.js';
import type { ContractRuleId } from './types.js';

const operation = spec.operations.listContactInteractions;
const successor = spec.operations.getInteraction;
const { limit, page } = operation.parameters;

/** Every rule, in the order reports list them, with what the spec promises. */
export const contractRules: Readonly<Record<ContractRuleId, string>> = {
  status: `A valid request is answered ${operation.successStatus}.`,
  'content-type': `A ${operation.successStatus} answer is JSON (application/json).`,
  'response-schema': `A ${operation.successStatus} body matches the spec's ${operation.successSchema} schema.`,
  'limit-echo': `\`limit\` echoes the requested limit, or the default ${limit.schema.default} when none is sent.`,
  'limit-honoured': 'Every page holds exactly `limit` interactions, except the last one by `total`.',
  'page-echo': '`page` echoes the requested page, and is `null` when none is sent.',
  offset: '`offset` is `page × limit` (0 when no page is sent).',
  total:
    '`total` is the same on every page at every page size, and the pages hold exactly `total` interactions (none past the end).',
  'unique-ids': 'No `interactionId` appears twice in a walk.',
  order: 'Interactions come most recent first by `startTimestamp`, within and across pages.',
  'page-sizes-agree': `Walks at page sizes 1, ${limit.schema.default} and ${limit.schema.maximum} list the same ids in the same order.`,
  'rejects-out-of-range': `\`limit\` outside ${limit.schema.minimum}..${limit.schema.maximum} and \`page\` below ${page.schema.minimum} are refused with 400.`,
  'rejects-wrong-type': 'Non-integer, fractional, empty and repeated `limit` and `page` values are refused with 400.',
  'rejects-malformed-ids': 'Tenant and contact ids that are not uuids are refused with 400.',
  'error-body':
    'Every error answer, of either route, is JSON with a top-level `error` in one of the vendor’s three shapes (ErrorBody).',
  unauthenticated: 'A request without credentials, or with unknown ones, is answered 401, on either route.',
  'unknown-contact': 'A contact that does not exist is answered 404.',
  'successor-status': `An interaction of the history, read by its id through Get a Specific Interaction, is answered ${successor.successStatus}.`,
  'successor-content-type': `The successor's ${successor.successStatus} answer is JSON (application/json).`,
  'successor-schema': `The successor's ${successor.successStatus} body matches the spec's ${successor.successSchema} schema.`,
  'successor-unwrapped': 'The record is the whole body, not wrapped in `{result: …}` or another envelope.',
  'successor-matches-history':
    'The record is the history’s interaction: the same `interactionId`, and `startTimestamp` and `endTimestamp` at the same instants (one open in the history may have ended since).',
  'successor-rejects-malformed-ids': 'Tenant and interaction ids that are not uuids are refused with 400.',
  'successor-unknown-interaction': 'An interaction id that does not exist is answered 404.',
};

export const contractRuleIds = Object.keys(contractRules) as ContractRuleId[];
