/**
 * `cxengage-interactions/testing`: an in-memory reference implementation of CxEngage's
 * "Get Last N Interactions for a Contact" endpoint, for your own tests.
 *
 * It implements the documented semantics: most recent first; `limit` default and maximum from the
 * spec; `page` defaulting to 0 and echoed as `null` when omitted; `offset = page * limit`; `total`;
 * empty pages past the end; HTTP Basic (API key + secret) and `Authorization: Token <t>`; 401 for
 * missing or wrong credentials, 403 without `CONTACTS_INTERACTION_HISTORY_READ`, 404 for an
 * unknown tenant or contact, 400 for invalid parameters; error bodies in the vendor's three shapes.
 * Two hooks (`intercept`, `transformPage`) let your tests make it misbehave on purpose. For sync and
 * export tests: many contacts (`store.addContacts`), a rate limit answering 429 with `Retry-After`
 * (`rateLimit`), and live interactions that start open and end as you drive the store's clock
 * (`store.beginInteractions`, `store.advance`).
 *
 * @example
 * ```ts
 * import { startReferenceApi } from 'cxengage-interactions/testing';
 * const api = await startReferenceApi({
 *   seed: 1,
 *   dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 25 }],
 *   credentials: { apiKeys: [{ key: 'k', secret: 's' }], tokens: [{ token: 't' }] },
 * });
 * api.store.insertInteractions(TENANT, CONTACT, 3); // new activity arrives at the front
 * await api.close();
 * ```
 * @packageDocumentation
 */

export type { Interaction, InteractionPage } from '../types.js';
export type { ContactHistory } from './history.js';
export { generateInteractions, interactionAt } from './interactions.js';
export type { DataSet, PageContext, ReferenceApi, ReferenceApiOptions } from './server.js';
export { startReferenceApi } from './server.js';
export type { CredentialOptions, ErrorShape, QueuedFailure, StoreOptions } from './store.js';
export { CSAT_DELAY_MS, REQUIRED_PERMISSION, ReferenceStore } from './store.js';
export type { ReferenceRateLimit } from './throttle.js';
