/**
 * The rules of the live contract checks: one behaviour each, of the history route or of its successor
 * Get a Specific Interaction (`successor-…`), with the sentence a report shows for it and its source.
 * A rule fails a tenant only for what the vendor documents (its page for the route, or a fact of its
 * docs known with high confidence) or what the SDK relies on; the spec's own guesses are judgement calls
 * (`judgement-calls.ts`), reported and never failed. Bounds, defaults, statuses and schema names are
 * read from the spec's facts, so a spec change changes the text.
 */
import { spec } from '../../generated/spec.js';
import type { ContractRuleId, ContractRuleResult, ContractRuleSource } from './types.js';

const operation = spec.operations.listContactInteractions;
const successor = spec.operations.getInteraction;
const { limit } = operation.parameters;

/** A rule: what the spec promises, in one sentence, and why a tenant that breaks it has drifted. */
type ContractRule = Pick<ContractRuleResult, 'summary' | 'source'>;

/** The walk's page audit (`PageAudit`), named in the sources by the `PaginationError` code it throws. */
const audit = (codes: string) => `the walk's page audit throws PaginationError (${codes})`;
const strict = (schema: string) =>
  `with validate: 'strict' (the default) the client refuses an answer that does not match ${schema} (ResponseValidationError)`;

/** Every rule, in the order reports list them. */
export const contractRules: Readonly<Record<ContractRuleId, ContractRule>> = {
  status: {
    summary: `A valid request is answered ${operation.successStatus}, the page just past the end too.`,
    source: {
      vendor: `Errors and Responses: ${operation.successStatus} for a request that succeeds; the route's page answers its sample request with a page`,
      sdk: 'any other status ends the call or the walk with a typed error; a walk whose last page is full reads the page past the end to confirm the end',
    },
  },
  'content-type': {
    summary: `A ${operation.successStatus} answer is JSON: a body that parses, with a JSON content-type when it names one.`,
    source: {
      vendor: 'the route\'s page: "The request returns JSON"',
      sdk: 'the client parses every answer as JSON and refuses a body that does not parse, or a content-type that is not JSON (InvalidResponseError)',
    },
  },
  'response-schema': {
    summary: `A ${operation.successStatus} body matches the spec's ${operation.successSchema} schema.`,
    source: {
      vendor: "the route's page: its response parameters and sample response",
      sdk: strict(operation.successSchema),
    },
  },
  'limit-echo': {
    summary: `\`limit\` echoes the requested limit, or the default ${limit.schema.default} when none is sent.`,
    source: {
      vendor: `the route's page: limit "By default, this is ${limit.schema.default}. If you requested a different number …, that number is returned."`,
      sdk: `${audit('page_size_mismatch')}; a smaller limit on page 0 re-plans the walk at that size`,
    },
  },
  'limit-honoured': {
    summary: 'Every page holds exactly `limit` interactions, except the last one by `total`.',
    source: {
      vendor:
        'the route\'s page: limit is "The maximum number of results to return per page", total "The total number of results"',
      sdk: audit('short_page, ids_missing, oversized_page, total_mismatch'),
    },
  },
  'page-echo': {
    summary:
      '`page` is never another page than the one requested: it is the requested page (0 when none is sent) or `null`.',
    source: {
      vendor: 'the route\'s page: page is "The page returned", and its sample answers `null` when no page is sent',
      sdk: `${audit('page_mismatch')} for a page number other than the one requested (null is accepted)`,
    },
  },
  offset: {
    summary: '`offset` is `page × limit` (0 when no page is sent).',
    source: {
      vendor: 'the route\'s page: offset is "Which interaction the request started returning results from"',
      sdk: audit('offset_mismatch'),
    },
  },
  total: {
    summary:
      '`total` is the same on every page at every page size, and the pages hold exactly `total` interactions (none past the end).',
    source: {
      vendor: 'the route\'s page: total is "The total number of results"',
      sdk: `the walk ends once it handed out one id per interaction of the first total; else ${audit('ids_missing, total_mismatch, total_shrank')}`,
    },
  },
  'unique-ids': {
    summary: 'No `interactionId` appears twice in a walk.',
    source: { sdk: `the walk hands out every interaction once: ${audit('duplicate_ids')}` },
  },
  order: {
    summary: 'Interactions come most recent first by `startTimestamp`, within and across pages.',
    source: {
      vendor: 'the route\'s page: "The interactions are returned in order, beginning with the most recent."',
      sdk: `with validate: 'strict' (the default) ${audit('out_of_order')}; the sync's cursor is a start time`,
    },
  },
  'page-sizes-agree': {
    summary: `Walks at page sizes 1, ${limit.schema.default} and ${limit.schema.maximum} list the same ids in the same order.`,
    source: {
      vendor:
        'the route\'s page: offset is "Which interaction the request started returning results from" in one list, "beginning with the most recent"',
      sdk: "a walk re-planned on page 0 to the server's smaller page size goes on from where that page ended",
    },
  },
  'rejects-out-of-range': {
    summary: `\`limit\` above the maximum of ${limit.schema.maximum} is refused with 400.`,
    source: {
      vendor: `the route's page: limit "The maximum permitted is ${limit.schema.maximum}."; Errors and Responses: 400 for a request the API cannot take`,
    },
  },
  unauthenticated: {
    summary: 'A request without credentials, or with unknown ones, is answered 401, on either route.',
    source: {
      vendor: 'Errors and Responses lists 401; a missing permission is answered 403',
      sdk: 'an exchanged token is renewed only on 401; an export ends on 401 (bad credentials) but goes on past one contact’s 403 or 404',
    },
  },
  'successor-status': {
    summary: `An interaction of the history, read by its id through Get a Specific Interaction, is answered ${successor.successStatus}.`,
    source: {
      vendor: "the route's page recommends Get a Specific Interaction in place of the history",
      sdk: 'withDetails reads each interaction of a walk by its id; any answer but 200 or 404 ends it',
    },
  },
  'successor-content-type': {
    summary: `The successor's ${successor.successStatus} answer is JSON: a body that parses, with a JSON content-type when it names one.`,
    source: {
      sdk: 'getInteraction parses the answer as JSON and refuses a body that does not parse, or a content-type that is not JSON (InvalidResponseError)',
    },
  },
  'successor-schema': {
    summary: `The successor's ${successor.successStatus} body matches the spec's ${successor.successSchema} schema.`,
    source: { sdk: strict(successor.successSchema) },
  },
  'successor-unwrapped': {
    summary: 'The record is the whole body, not wrapped in `{result: …}` or another envelope.',
    source: {
      sdk: 'getInteraction returns the body as the record (strict validation needs `interactionId` at its top)',
    },
  },
  'successor-matches-history': {
    summary: 'The record is the interaction asked for: its `interactionId` is the id of the history’s item.',
    source: {
      sdk: 'withDetails pairs each interaction of a walk with the record read by its id; `get` prints the record as the interaction asked for',
    },
  },
  'successor-unknown-interaction': {
    summary: 'An interaction id that does not exist is answered 404.',
    source: {
      sdk: 'withDetails reports an interaction whose read is answered 404 (details null) and goes on; any other error ends it',
    },
  },
};

export const contractRuleIds = Object.keys(contractRules) as ContractRuleId[];

/** A rule's source in one line: `vendor: …; SDK: …`. */
export function sourceText(source: ContractRuleSource): string {
  return [source.vendor && `vendor: ${source.vendor}`, source.sdk && `SDK: ${source.sdk}`].filter(Boolean).join('; ');
}
