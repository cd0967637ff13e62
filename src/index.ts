/**
 * `cxengage-interactions`: a typed client for CxEngage's
 * `GET /v1/tenants/{tenantId}/contacts/{contactId}/interactions`.
 * @packageDocumentation
 */
export { createInteractionsClient, defaultRegion, regions } from './client.js';
export type {
  ClientOptions, InteractionsClient, ListParams, IterateParams, RequestOptions, Auth, Region, Interaction, ErrorBody,
} from './client.js';
export type { Logger } from './retry.js';
export type { ValidationMode, InteractionPage } from './validate.js';
export {
  CxEngageError, InvalidInputError, ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError,
  RateLimitError, ServerError, ConnectionError, TimeoutError, InvalidResponseError, ResponseValidationError, PaginationError,
} from './errors.js';
export type { ApiErrorKind, ApiErrorDetails, PaginationErrorCode, PaginationErrorDetails, ValidationIssue } from './errors.js';
