/**
 * The check of a page of a contact's history: the spec's `InteractionPage` schema (its compiled
 * validator, loaded with this module), plus the invariants a schema cannot express (exact integers, no
 * more results than the limit). The client loads it on its first page call that validates.
 */
import { validateInteractionPage } from '../../generated/validate-interaction-page.js';
import type { CompiledValidator, ValidationIssue } from '../../generated/validators.js';
import type { Logger, ValidationMode } from '../http/types.js';
import type { InteractionPage } from '../types.js';
import { judged, ResponseValidationError, schemaFailure } from './response.js';

/**
 * Checks a 2xx page per `mode` (see `judged`): schema failures, and more results than the limit.
 * `off` returns it unchecked: the iterators check what they rely on themselves.
 */
export function checkPage(
  body: unknown,
  mode: ValidationMode,
  logger: Logger,
  requestedLimit?: number,
): InteractionPage {
  return judged(
    body,
    mode,
    logger,
    mode === 'off' ? undefined : pageFailure(body, requestedLimit, validateInteractionPage),
  );
}

/**
 * The first failure of a page of either route (`validator`: its compiled schema; the List's check,
 * `record-page.ts`, passes its own): the schema, then the invariants a schema cannot express.
 */
export function pageFailure(
  body: unknown,
  requestedLimit: number | undefined,
  validator: CompiledValidator<unknown>,
): ResponseValidationError | undefined {
  const failure = schemaFailure(validator, body);
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
