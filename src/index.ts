/**
 * `cxengage-interactions`: a typed client for CxEngage's
 * `GET /v1/tenants/{tenantId}/contacts/{contactId}/interactions` and its successor,
 * `GET /v1/tenants/{tenantId}/interactions/{interactionId}`.
 * @packageDocumentation
 */

export type { Auth, BasicAuth, TokenAuth, TokenExchangeAuth } from './auth/types.js';
export { createInteractionsClient } from './client/client.js';
export { limitRate } from './client/limit-rate.js';
export type { GetInteractionParams, InteractionsClient, IterateParams, ListParams } from './client/types.js';
export { MAX_JSON_DEPTH } from './common/json-depth.js';
export type {
  ApiErrorDetails,
  ApiErrorKind,
  CheckpointErrorCode,
  PaginationErrorCode,
  PaginationErrorDetails,
  ResponseMismatchCode,
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
  ResponseMismatchError,
  ResponseTooLargeError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from './errors.js';
export { defaultRegion, regions } from './http/options.js';
export type {
  ClientOptions,
  DerivedClientOptions,
  Logger,
  LogLevel,
  RateLimitOptions,
  Region,
  RequestOptions,
  TracerProviderLike,
  TracingOptions,
  ValidationMode,
} from './http/types.js';
export { withDetails } from './jobs/details.js';
export { DEFAULT_EXPORT_CONCURRENCY, DEFAULT_EXPORT_RATE, exportInteractions, shardOf } from './jobs/export.js';
export { DEFAULT_OPEN_WINDOW_MS, DEFAULT_SETTLE_WINDOW_MS, syncInteractions } from './jobs/sync.js';
export type {
  DetailsOptions,
  ExportContactState,
  ExportEvent,
  ExportParams,
  ExportRun,
  ExportStateStore,
  ExportSummary,
  InteractionWithDetails,
  SyncBoundary,
  SyncChange,
  SyncCheckpoint,
  SyncParams,
  SyncProgress,
  SyncRecord,
  SyncRun,
  WatchedInteraction,
} from './jobs/types.js';
export type { ErrorBody, Interaction, InteractionPage, InteractionRecord } from './types.js';
