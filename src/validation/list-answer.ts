/**
 * Whether a page of Get a List of Interactions is for the request that got it, whatever the validation
 * mode (the rule of `answer.ts`, on the List's places): the envelope's `tenantId` and each record's are
 * the tenant asked for; and, when a contact was asked for, each record's `details.contactId` that states
 * one is that contact. A tenant that ignored the contact filter (the spec's judgement call
 * `list-contact-spelling`: the vendor's example spells it `contactID`) would otherwise hand over other
 * contacts' interactions as this one's.
 */
import { checkClaims, checkPageClaims } from './answer.js';
import type { ListRequest } from './list-params.js';

/** Throws `ResponseMismatchError` when the page, or one of its records, states another tenant or contact. */
export function checkListClaims(page: unknown, { tenantId, contactId }: ListRequest): void {
  checkPageClaims(page, { tenantId });
  if (contactId === undefined) return;
  const results = (page as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return;
  for (let i = 0; i < results.length; i++) {
    const details = (results[i] as { details?: unknown } | null)?.details;
    checkClaims(details, { tenantId, contactId }, `/results/${i}/details`);
  }
}
