/**
 * From a non-2xx answer to its typed error: the vendor's error bodies, in any of their three shapes,
 * normalised to a code, a message and per-field messages; the request id found in the headers; the
 * {@link ApiError} subclass picked from the status table. And the error of a 2xx whose body is not
 * JSON or is nested too deep ({@link invalidBodyOf}), and the exact reading of one that holds an integer
 * beyond 2^53 − 1 (`exactly`). A client loads this module (a dynamic import)
 * on its first non-2xx answer, so a bundle whose calls succeed never downloads it, and reads the answer's
 * body only here ({@link apiErrorOf}).
 */

import type { Redactor } from '../auth/redact.js';
import { parseJson } from '../common/exact-json.js';
import { snippet } from '../common/snippet.js';
import { type ApiError, type ApiErrorDetails, InvalidResponseError, statusEntry } from './failures.js';
import { MAX_JSON_DEPTH } from './up-front.js';

/**
 * The exact re-reading of a 2xx body that holds an integer beyond 2^53 − 1 (`common/exact-json.ts`, the
 * reader of this module's error bodies too). The client loads it through here, on the first such body,
 * so that it reaches the code loaded up front through `up-front.ts`, as every module loaded on demand does.
 */
export { exactly } from '../common/exact-json.js';

/** Normalised `{code, message, fieldErrors}` from any of the vendor's three `error` body shapes. */
export function normaliseErrorBody(body: unknown): {
  code?: string | number;
  message?: string;
  fieldErrors: Record<string, string[]>;
} {
  // Keys come from the server: a null prototype keeps `__proto__`, `constructor`… as ordinary fields.
  const fieldErrors: Record<string, string[]> = Object.create(null);
  if (!isRecord(body)) return { fieldErrors };
  const error = body['error'];
  if (typeof error === 'string') return { message: error, fieldErrors };
  if (Array.isArray(error)) {
    const messages = error.filter((e): e is string => typeof e === 'string');
    return messages.length ? { message: messages.join('; '), fieldErrors } : { fieldErrors };
  }
  if (isRecord(error)) {
    const attribute = error['attribute'];
    if (isRecord(attribute)) {
      for (const [field, value] of Object.entries(attribute)) {
        const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
        if (list.length) fieldErrors[field] = list;
      }
    }
    const code = error['code'];
    const fields = Object.entries(fieldErrors)
      .map(([field, list]) => `${field}: ${list.join(', ')}`)
      .join('; ');
    const message = typeof error['message'] === 'string' ? error['message'] : fields || undefined;
    return {
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      ...(message !== undefined ? { message } : {}),
      fieldErrors,
    };
  }
  // Not one of the vendor's shapes (e.g. a gateway's problem+json): take any human-readable field.
  for (const key of ['message', 'detail', 'title']) {
    if (typeof body[key] === 'string') return { message: body[key], fieldErrors };
  }
  return { fieldErrors };
}

/**
 * An error body as the error keeps it: parsed JSON (by the SDK's reader: bounded depth, exact integers),
 * or the text when it is not JSON or is nested too deep to hand anyone (a snippet of it, then).
 */
export function errorBodyOf(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-amzn-requestid', 'x-amz-request-id', 'x-correlation-id'];

/**
 * Builds the right {@link ApiError} subclass. `body` is parsed JSON, or the text when it was not JSON.
 * `context` starts the message when the call is not the obvious one (e.g. the token exchange).
 */
export function createApiError(
  status: number,
  statusText: string,
  body: unknown,
  headers: Record<string, string>,
  context = '',
): ApiError {
  const { message, ...normalised } = normaliseErrorBody(body);
  const requestId = REQUEST_ID_HEADERS.map((h) => headers[h]).find((v) => v !== undefined);
  const details: ApiErrorDetails = {
    ...normalised,
    body: typeof body === 'string' ? snippet(body) : body,
    headers,
    ...(requestId !== undefined ? { requestId } : {}),
  };
  const entry = statusEntry(status);
  // The message quotes the body's text cut short; the whole body stays in `body`.
  const text = message === undefined ? statusText || entry.text : snippet(message);
  return new entry.Class(status, `${context}HTTP ${status}: ${text}`, details);
}

/**
 * The typed error of a non-2xx answer (its body parsed as JSON where it is JSON, else its text), built
 * from redacted values only: the status text, the body, the response headers (`set-cookie` left out).
 */
export async function apiErrorOf(response: Response, redact: Redactor, context = ''): Promise<ApiError> {
  const body = errorBodyOf(await response.text());
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'set-cookie'));
  return createApiError(response.status, redact(response.statusText), redact(body), redact(headers), context);
}

const EMPTY = 'the body is empty';

/** Why a 2xx body could not be used: declared as something else, not valid JSON, or nested too deep. */
export type BodyProblem = 'type' | 'syntax' | 'depth';

/**
 * The error of a 2xx body that is not JSON, and what is wrong with it: it is empty, declared as something
 * else, malformed or truncated, or nested deeper than {@link MAX_JSON_DEPTH}. It quotes the body's start,
 * redacted.
 */
export function invalidBodyOf(
  response: Response,
  text: string,
  redact: Redactor,
  problem: BodyProblem,
): InvalidResponseError {
  const what = !text.trim()
    ? EMPTY
    : problem === 'depth'
      ? `the body is nested more than ${MAX_JSON_DEPTH} levels deep (the SDK's bound, MAX_JSON_DEPTH)`
      : problem === 'syntax'
        ? 'the body is not valid JSON (malformed or truncated)'
        : `the content-type is ${JSON.stringify(response.headers.get('content-type'))}, not JSON`;
  return new InvalidResponseError(response.status, what, what === EMPTY ? '' : snippet(redact(text), 120));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
