/**
 * `cxengage-interactions`: a typed client for CxEngage's
 * `GET /v1/tenants/{tenantId}/contacts/{contactId}/interactions` and its successor,
 * `GET /v1/tenants/{tenantId}/interactions/{interactionId}`.
 * @packageDocumentation
 */
export { createInteractionsClient } from './client.js';
export { withDetails } from './details.js';
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
  CredentialsError,
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
  BasicAuth,
  ClientOptions,
  DerivedClientOptions,
  DetailsOptions,
  ErrorBody,
  GetInteractionParams,
  Interaction,
  InteractionPage,
  InteractionRecord,
  InteractionsClient,
  InteractionWithDetails,
  IterateParams,
  ListParams,
  Logger,
  Region,
  RequestOptions,
  TokenAuth,
  TokenExchangeAuth,
  ValidationMode,
} from './types.js';
