// The contract suite's oracle for error answers, stated once: the SDK error class each status must end
// in, and the message a vendor error body carries in any of its three shapes.
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  ServerError,
} from '../../src/index.ts';

/** The class an SDK call must reject with for an answer of `status`. */
export const errorClass = (status: number) =>
  ({ 400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError })[status] ??
  (status >= 500 ? ServerError : ApiError);

/** The message a vendor error body carries, in any of its three shapes. */
export function vendorMessage(body: unknown): string {
  const error = (body as { error: unknown }).error;
  if (typeof error === 'string') return error;
  if (Array.isArray(error)) return error.join('; ');
  return String((error as { message?: string }).message);
}
