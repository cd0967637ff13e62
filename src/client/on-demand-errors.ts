/**
 * The error classes defined in modules a client loads on demand (beside the code that throws them: a
 * failed request, a validating client, a walk), made exports of the package root here, so that an app
 * whose requests succeed does not download them up front. A bundler (esbuild, the bench's) puts a module
 * in the chunk of every app whose entry point re-exports one of its symbols, even one the app never uses:
 * were the root to re-export these classes (`export { ApiError } from …`), every app would load them before
 * it runs. Each `export import` here is a TypeScript alias (one class, its value and its type: `instanceof`
 * and the API report are those of the class itself), compiled to a binding of this module's own, so the
 * bundle keeps this module, and the classes with it, only for an app that imports one of them.
 * `test/bundle.test.ts` holds an app that imports none to not downloading them up front.
 */
import * as credentials from '../auth/credentials-error.js';
import * as failures from '../http/failures.js';
import * as pagination from '../paging/pagination-error.js';
import * as validation from '../validation/response.js';

export type { ApiErrorDetails, ApiErrorKind } from '../http/failures.js';
export type { PaginationErrorCode, PaginationErrorDetails } from '../paging/pagination-error.js';
export type { ValidationIssue } from '../validation/response.js';

export import ApiError = failures.ApiError;
export import AuthenticationError = failures.AuthenticationError;
export import BadRequestError = failures.BadRequestError;
export import ConnectionError = failures.ConnectionError;
export import CredentialsError = credentials.CredentialsError;
export import InvalidResponseError = failures.InvalidResponseError;
export import NotFoundError = failures.NotFoundError;
export import PaginationError = pagination.PaginationError;
export import PermissionDeniedError = failures.PermissionDeniedError;
export import RateLimitError = failures.RateLimitError;
export import ResponseValidationError = validation.ResponseValidationError;
export import ServerError = failures.ServerError;
