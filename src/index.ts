/**
 * `cxengage-interactions`: a typed client for CxEngage's
 * `GET /v1/tenants/{tenantId}/contacts/{contactId}/interactions`.
 * @packageDocumentation
 */
export { createInteractionsClient } from './client.js';
export type {
  ApiErrorDetails,
  ApiErrorKind,
  PaginationErrorCode,
  PaginationErrorDetails,
  ValidationIssue,
} from './errors.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  CxEngageError,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from './errors.js';
export { defaultRegion, regions } from './options.js';
export type {
  Auth,
  ClientOptions,
  ErrorBody,
  Interaction,
  InteractionPage,
  InteractionsClient,
  IterateParams,
  ListParams,
  Logger,
  Region,
  RequestOptions,
  ValidationMode,
} from './types.js';
