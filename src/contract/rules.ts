/**
 * The rules of the live contract checks: one documented behaviour each, with the sentence a report
 * shows for it. Bounds and defaults are read from the spec's facts, so a spec change changes the text.
 */
import { spec } from '../../generated/spec.js';
import type { ContractRuleId } from '../types.js';

const operation = spec.operations.listContactInteractions;
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
  'error-body': 'Every error answer is JSON with a top-level `error` in one of the vendor’s three shapes (ErrorBody).',
  unauthenticated: 'A request without credentials, or with unknown ones, is answered 401.',
  'unknown-contact': 'A contact that does not exist is answered 404.',
};

export const contractRuleIds = Object.keys(contractRules) as ContractRuleId[];
