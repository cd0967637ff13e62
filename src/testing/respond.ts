/**
 * How the reference API answers: JSON with a length, and errors in the vendor's three `error` shapes
 * (string, array of strings, object), each status in the shape the API is seen to use for it. An answer
 * is composed (`Answer`: status, headers, body) and handed to whoever serves it, the loopback server or
 * the MSW handlers, so a test's `interceptAnswer` hook can damage what goes on the wire without the
 * routes knowing. No `node:` import: the MSW handlers run in browsers too.
 */
import { type ErrorShape, REQUIRED_PERMISSION } from './store.js';

const defaultShape: Record<number, ErrorShape> = {
  400: 'object',
  401: 'string',
  403: 'object',
  404: 'string',
  500: 'array',
  502: 'string',
  503: 'array',
  504: 'object',
};
const statusText: Record<number, string> = {
  400: 'Bad request.',
  401: 'Unauthorized',
  403: `Missing permission: ${REQUIRED_PERMISSION}`,
  404: 'Not found.',
  429: 'Too many requests.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

/** An error answer: the status, and optionally its message, body shape, per-field messages and headers. */
export interface ErrorAnswer {
  status: number;
  message?: string;
  shape?: ErrorShape;
  attribute?: Record<string, string>;
  headers?: Record<string, string>;
}

/** The vendor-shaped error body. */
export function errorBody(e: ErrorAnswer): { error: unknown } {
  const message = e.message ?? statusText[e.status] ?? 'Error.';
  const shape = e.shape ?? defaultShape[e.status] ?? 'string';
  if (shape === 'string') return { error: message };
  if (shape === 'array') return { error: e.attribute ? Object.values(e.attribute) : [message] };
  return { error: { code: e.status, message, ...(e.attribute ? { attribute: e.attribute } : {}) } };
}

/** The path ids are uuids (the spec's `format: uuid`, by shape): anything else is a 400. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value);
}

/**
 * An answer as it goes on the wire: the status, every header (`content-type` and `content-length`
 * included) and the body's text. See `interceptAnswer` in {@link ReferenceApiOptions}.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A JSON answer, with its length. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  const text = JSON.stringify(body);
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(new TextEncoder().encode(text).byteLength),
      ...headers,
    },
    body: text,
  };
}

/** A vendor-shaped error answer. */
export function errorAnswer(e: ErrorAnswer): Answer {
  return jsonAnswer(e.status, errorBody(e), e.headers);
}
