/**
 * `cxengage-interactions`: a typed client for CxEngage's
 * `GET /v1/tenants/{tenantId}/contacts/{contactId}/interactions`, its successor
 * `GET /v1/tenants/{tenantId}/interactions/{interactionId}`, and Get a List of Interactions,
 * `GET /v1/tenants/{tenantId}/interactions`.
 * @packageDocumentation
 */

export type { Auth, BasicAuth, TokenAuth, TokenExchangeAuth } from './auth/types.js';
export { createInteractionsClient } from './client/client.js';
export { limitRate } from './client/limit-rate.js';
// The errors defined in modules a client loads on demand, aliased there so that an app that does not
// import them does not download them up front (see there).
export type {
  ApiErrorDetails,
  ApiErrorKind,
  PaginationErrorCode,
  PaginationErrorDetails,
  ValidationIssue,
} from './client/on-demand-errors.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  CredentialsError,
  InvalidResponseError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
} from './client/on-demand-errors.js';
export {
  iterateTenantInteractions,
  iterateTenantPages,
  listTenantInteractions,
  listTenantInteractionsWithResponse,
} from './client/tenant-list.js';
export type {
  GetInteractionParams,
  InteractionsClient,
  IterateParams,
  IterateTenantParams,
  ListParams,
  ListTenantParams,
  TenantFilters,
  WalkOptions,
} from './client/types.js';
export { MAX_JSON_DEPTH } from './common/json-depth.js';
export type { ResponseMismatchCode } from './errors.js';
export {
  AbortedError,
  CxEngageError,
  InvalidInputError,
  ResponseMismatchError,
  ResponseTooLargeError,
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
export { CheckpointError, type CheckpointErrorCode } from './jobs/checkpoint-error.js';
export { withDetails } from './jobs/details.js';
export { DEFAULT_EXPORT_CONCURRENCY, DEFAULT_EXPORT_RATE, exportInteractions, shardOf } from './jobs/export.js';
export { DEFAULT_OPEN_WINDOW_MS, DEFAULT_SETTLE_WINDOW_MS, syncInteractions } from './jobs/sync.js';
export type { TenantCheckpoint, TenantSyncPage, TenantSyncParams, TenantWindow } from './jobs/tenant-sync.js';
export {
  checkTenantCheckpoint,
  DEFAULT_OVERLAP_MS,
  DEFAULT_SKEW_MS,
  TENANT_PAGE_SIZE,
  tenantSync,
} from './jobs/tenant-sync.js';
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
export type { ErrorBody, Interaction, InteractionPage, InteractionRecord, InteractionRecordPage } from './types.js';
