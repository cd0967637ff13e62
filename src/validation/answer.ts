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

/**
 * Throws {@link ResponseMismatchError} when an answer states an id other than the request's: the body
 * itself (a page's envelope, a record) or any of its items (a list under `results`). A record states its
 * interaction (and tenant): one that states none is a question of shape, left to the validation mode.
 */
export function checkClaims(body: unknown, request: RequestIds): void {
  claims(body, request, '');
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return;
  for (let i = 0; i < results.length; i++) claims(results[i], request, `/results/${i}`);
}

/** What `value` (an object) states against the request: throws on the first id that differs. */
export function claims(value: unknown, request: RequestIds, pointer: string): void {
  if (typeof value !== 'object' || value === null) return;
  for (const key in request) {
    const stated = (value as Record<string, unknown>)[key];
    const expected = request[key as keyof RequestIds]!;
    if (typeof stated === 'string' && stated !== expected && normalId(stated) !== expected) {
      const code = `other_${key.slice(0, -2)}` as ResponseMismatchCode; // tenantId → other_tenant
      throw new ResponseMismatchError(code, `${pointer}/${key}`, expected, stated);
    }
  }
}
