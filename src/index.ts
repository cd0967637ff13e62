/**
 * `cxengage-interactions`: a typed client for CxEngage's
 * `GET /v1/tenants/{tenantId}/contacts/{contactId}/interactions`.
 * @packageDocumentation
 */
export { createInteractionsClient } from './client.js';
export type {
  ApiErrorDetails,
  ApiErrorKind,
  CheckpointErrorCode,
  PaginationErrorReason,
  ValidationIssue,
} from './errors.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CheckpointError,
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
export { DEFAULT_EXPORT_CONCURRENCY, DEFAULT_EXPORT_RATE, exportInteractions, shardOf } from './export.js';
export { defaultRegion, regions } from './options.js';
export { limitRate } from './rate-limit.js';
export { DEFAULT_OPEN_WINDOW_MS, DEFAULT_SETTLE_WINDOW_MS, syncInteractions } from './sync.js';
export type {
  Auth,
  ClientOptions,
  ErrorBody,
  ExportContactState,
  ExportEvent,
  ExportParams,
  ExportRun,
  ExportStateStore,
  ExportSummary,
  Interaction,
  InteractionPage,
  InteractionsClient,
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
  ValidationMode,
  WatchedInteraction,
} from './types.js';
