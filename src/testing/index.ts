/**
 * `cxengage-interactions/testing`: an in-memory reference implementation of CxEngage's
 * "Get Last N Interactions for a Contact" endpoint, "Get a List of Interactions", its successor "Get a
 * Specific Interaction" and the token exchange (`POST /v1/tokens`), for your own tests.
 *
 * It implements the documented semantics: most recent first; `limit` default and maximum from the
 * spec; `page` defaulting to 0 and echoed as `null` when omitted; `offset = page * limit`; `total`;
 * empty pages past the end; HTTP Basic (API key + secret) and `Authorization: Token <t>`, with tokens
 * issued for a key and secret that expire after `tokenLifetimeMs` (by a clock you can move); 401 for
 * missing, wrong or expired credentials, 403 without the route's permission, 404 for an unknown tenant,
 * contact or interaction, 400 for invalid parameters; error bodies in the vendor's three shapes. An
 * interaction's full record is derived from its history entry, so the routes agree; the List lists a
 * tenant's records most recent first, with its filters (contact, time range, linked records) and `green`,
 * reading only what a page needs however many contacts the tenant has. Three hooks
 * let your tests make it misbehave on purpose (`intercept` before the reference semantics, `transformPage`
 * on a page, `interceptAnswer` on the wire), and `historyDeprecation` makes the history route announce
 * its deprecation. `operationPath` and `pathPattern` give the spec's paths, for raw requests.
 * For sync and export tests: many contacts (`store.addContacts`), a rate limit answering 429 with
 * `Retry-After` (`rateLimit`), and live interactions that start open and end as you drive the store's
 * clock (`store.beginInteractions`, `store.advance`). The same reference API comes as MSW request handlers
 * from `cxengage-interactions/testing/msw`.
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
export { generateInteractions, interactionAt, interactionHooks, interactionRecord } from './interactions.js';
export type {
  AnswerContext,
  DataSet,
  OperationId,
  PageContext,
  ReferenceApiOptions,
  ReferenceOptions,
} from './options.js';
export { apiBasePath, operationPath, pathPattern } from './paths.js';
export type { Answer } from './respond.js';
export type { ReferenceApi } from './server.js';
export { startReferenceApi } from './server.js';
export type {
  CredentialOptions,
  ErrorShape,
  QueuedFailure,
  StoreOptions,
  TenantOptions,
  TokenOptions,
} from './store.js';
export { ALL_PERMISSIONS, CSAT_DELAY_MS, REQUIRED_PERMISSION, ReferenceStore } from './store.js';
export type { ReferenceRateLimit } from './throttle.js';
