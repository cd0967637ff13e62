/**
 * The server's side of validation: a 2xx body is checked per the client's {@link ValidationMode}
 * (`strict` throws, `warn` logs and returns, `off` never gets here) by the validators compiled from the
 * spec, plus the invariants a schema cannot express (exact integers, no more results than the limit).
 * A failure is a {@link ResponseValidationError} with the JSON pointer of the first problem. The client
 * loads this module (and the validators with it) by a dynamic import on its first call that validates,
 * so a bundle on `validate: 'off'` never downloads them.
 */
import {
  type CompiledValidator,
  type ValidationIssue,
  validateInteractionPage,
  validateInteractionRecord,
} from '../../generated/validators.js';
import type { Logger, ValidationMode } from '../http/types.js';
import { ResponseValidationError } from '../http/up-front.js';
import type { InteractionPage, InteractionRecord } from '../types.js';

/**
 * Checks a 2xx body per `mode`. `strict` throws {@link ResponseValidationError} (schema failures, and
 * more results than the limit); `warn` logs the same and returns the body; `off` returns it unchecked,
 * whatever it is (`null` included): the iterators check what they rely on themselves.
 */
export function checkPage(
  body: unknown,
  mode: ValidationMode,
  logger: Logger,
  requestedLimit?: number,
): InteractionPage {
  if (mode === 'off') return body as InteractionPage;
  const failure = pageFailure(body, requestedLimit);
  if (!failure) return body as InteractionPage;
  if (mode === 'strict') throw failure;
  logger.warn(`cxengage: ${failure.message}`, { pointer: failure.pointer, issues: failure.issues });
  return body as InteractionPage;
}

/** Checks a `getInteraction` 2xx body per `mode`, as {@link checkPage} does a page. */
export function checkRecord(body: unknown, mode: ValidationMode, logger: Logger): InteractionRecord {
  if (mode === 'off') return body as InteractionRecord;
  const failure = schemaFailure(validateInteractionRecord, body);
  if (!failure) return body as InteractionRecord;
  if (mode === 'strict') throw failure;
  logger.warn(`cxengage: ${failure.message}`, { pointer: failure.pointer, issues: failure.issues });
  return body as InteractionRecord;
}

/** The first failure of a compiled validator on `body`, as a typed error with its JSON pointer. */
export function schemaFailure<T>(validator: CompiledValidator<T>, body: unknown): ResponseValidationError | undefined {
  if (validator(body)) return undefined;
  const issues = validator.errors ?? [];
  const first = issues[0];
  const child = first?.params['missingProperty'] ?? first?.params['additionalProperty'];
  const pointer = (first?.instancePath ?? '') + (typeof child === 'string' ? `/${escapePointer(child)}` : '');
  return new ResponseValidationError(pointer, issues, first?.message ?? 'does not match the spec');
}

function pageFailure(body: unknown, requestedLimit: number | undefined): ResponseValidationError | undefined {
  const failure = schemaFailure(validateInteractionPage, body);
  if (failure) return failure;
  const page = body as InteractionPage;
  // The schema's integers, as JSON.parse read them: beyond 2^53 they are no longer exact counts.
  for (const key of ['total', 'limit', 'offset', 'page'] as const) {
    const value = page[key];
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      const message = 'must be a safe integer (at most 2^53 - 1): larger counts cannot be exact';
      const issue: ValidationIssue = {
        instancePath: `/${key}`,
        schemaPath: '#/invariant/safeInteger',
        keyword: 'type',
        params: {},
        message,
      };
      return new ResponseValidationError(`/${key}`, [issue], message);
    }
  }
  const max = Math.min(page.limit, requestedLimit ?? Infinity);
  if (page.results.length > max) {
    const issue: ValidationIssue = {
      instancePath: '/results',
      schemaPath: '#/invariant/limit',
      keyword: 'maxItems',
      params: { limit: max },
      message: `must NOT have more than ${max} items (the page limit)`,
    };
    return new ResponseValidationError(
      '/results',
      [issue],
      `${page.results.length} results exceed the page limit of ${max}`,
    );
  }
  return undefined;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
