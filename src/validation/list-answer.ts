/**
 * Whether a page of Get a List of Interactions is for the contact asked for, whatever the validation mode
 * (the rule of `answer.ts`, at the List's own place for it): the envelope's and each record's `tenantId`
 * are held to the request by `checkClaims`, as on every route; and, when a contact was asked for, each
 * record's `details` that states a `contactId` (or a `tenantId`) must state the request's. A tenant that
 * ignored the contact filter (the spec's judgement call `list-contact-spelling`: the vendor's example
 * spells it `contactID`) would otherwise hand over other contacts' interactions as this one's.
 */
import { claims } from './answer.js';
import type { ListRequest } from './list-params.js';

/** Throws `ResponseMismatchError` when a record's details state another contact (or tenant) than the request's. */
export function checkListContact(page: unknown, { tenantId, contactId }: ListRequest): void {
  if (contactId === undefined) return;
  const results = (page as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return;
  for (let i = 0; i < results.length; i++) {
    const details = (results[i] as { details?: unknown } | null)?.details;
    claims(details, { tenantId, contactId }, `/results/${i}/details`);
  }
}
