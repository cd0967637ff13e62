/**
 * Whether an answer is for the request that got it: the ids a body states about itself must be the ids
 * the request named. A page of another contact, or a record of another interaction, is a server fault
 * that no schema can see (every field is well-formed), and handing it over would file one contact's
 * history under another. Checked whatever the validation mode, on every route, by one rule: where the
 * body (the envelope, or any of its items) carries `tenantId`, `contactId` or `interactionId` as a
 * string, it must equal the request's id of that name, compared in the ids' normal form. A body that
 * does not say is taken as it is (the history's items carry no tenant or contact; a record without an
 * `interactionId` is a matter of shape, which strict validation refuses).
 */
import { normalId } from '../common/ids.js';
import { type ResponseMismatchCode, ResponseMismatchError } from '../errors.js';

/** The ids a request named, in normal form; a route names those it has. */
export interface RequestIds {
  tenantId: string;
  contactId?: string;
  interactionId?: string;
}

const CODES: Record<keyof RequestIds, ResponseMismatchCode> = {
  tenantId: 'other_tenant',
  contactId: 'other_contact',
  interactionId: 'other_interaction',
};

/** Throws {@link ResponseMismatchError} when `value` (an object) states an id other than the request's. */
export function checkClaims(value: unknown, request: RequestIds, pointer: string): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  // Unrolled: this runs on every item of every page.
  claim(record['tenantId'], request.tenantId, 'tenantId', pointer);
  if (request.contactId !== undefined) claim(record['contactId'], request.contactId, 'contactId', pointer);
  if (request.interactionId !== undefined)
    claim(record['interactionId'], request.interactionId, 'interactionId', pointer);
}

function claim(stated: unknown, expected: string, key: keyof RequestIds, pointer: string): void {
  if (typeof stated === 'string' && stated !== expected && normalId(stated) !== expected) {
    throw new ResponseMismatchError(CODES[key], `${pointer}/${key}`, expected, stated);
  }
}

/** Checks a page's envelope and each of its items (any list under `results`) against the request. */
export function checkPageClaims(page: unknown, request: RequestIds): void {
  checkClaims(page, request, '');
  const results = (page as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return;
  for (let i = 0; i < results.length; i++) checkClaims(results[i], request, `/results/${i}`);
}

/**
 * Checks a record of Get a Specific Interaction: the interaction (and tenant) it states must be the one
 * requested. One that states none is a question of shape, left to the validation mode (strict refuses it).
 */
export function checkRecordClaims(record: unknown, request: Required<Pick<RequestIds, 'interactionId'>> & RequestIds) {
  checkClaims(record, request, '');
}
