/**
 * `cxengage-interactions`: a typed client for CxEngage's
 * `GET /v1/tenants/{tenantId}/contacts/{contactId}/interactions` and its successor,
 * `GET /v1/tenants/{tenantId}/interactions/{interactionId}`.
 * @packageDocumentation
 */
export { createInteractionsClient } from './client/client.js';
export type {
  ApiErrorDetails,
  ApiErrorKind,
  CheckpointErrorCode,
  PaginationErrorCode,
  PaginationErrorDetails,
  ValidationIssue,
} from './errors.js';
export {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CheckpointError,
  ConnectionError,
  CredentialsError,
  CxEngageError,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from './errors.js';
export { defaultRegion, regions } from './http/options.js';
export { limitRate } from './http/rate-limit.js';
export { withDetails } from './jobs/details.js';
export { DEFAULT_EXPORT_CONCURRENCY, DEFAULT_EXPORT_RATE, exportInteractions, shardOf } from './jobs/export.js';
export { DEFAULT_OPEN_WINDOW_MS, DEFAULT_SETTLE_WINDOW_MS, syncInteractions } from './jobs/sync.js';
export type {
  Auth,
  BasicAuth,
  ClientOptions,
  DerivedClientOptions,
  DetailsOptions,
  ErrorBody,
  ExportContactState,
  ExportEvent,
  ExportParams,
  ExportRun,
  ExportStateStore,
  ExportSummary,
  GetInteractionParams,
  Interaction,
  InteractionPage,
  InteractionRecord,
  InteractionsClient,
  InteractionWithDetails,
  IterateParams,
  ListParams,
  Logger,
  RateLimitOptions,
  Region,
  RequestOptions,
  SyncBoundary,
  SyncChange,
  SyncCheckpoint,
  SyncParams,
  SyncProgress,
  SyncRecord,
  SyncRun,
  TokenAuth,
  TokenExchangeAuth,
  ValidationMode,
  WatchedInteraction,
} from './types.js';
