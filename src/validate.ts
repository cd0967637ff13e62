/**
 * The caller's side of validation: every parameter is checked before anything is sent (bounds, formats
 * and unknown keys, by the validators compiled from the spec), and a failure is an
 * {@link InvalidInputError} naming the parameter. The other side, 2xx bodies, is `validate-response.ts`,
 * which only clients that validate ever load.
 */
import {
  validateGetInteractionParams,
  validateListContactInteractionsParams as validateParams,
} from '../generated/param-validators.js';
import { spec } from '../generated/spec.js';
import type { ValidationIssue } from '../generated/validators.js';
import { InvalidInputError } from './errors.js';
import type { GetInteractionParams, IterateParams, Walk } from './types.js';

const { limit: limitParam } = spec.operations.listContactInteractions.parameters;

/** Path and query parameters of one page call, already checked. */
export interface CheckedParams {
  tenantId: string;
  contactId: string;
  limit?: number;
  page?: number;
}

/**
 * Checks one page call's parameters with the validator compiled from the spec (uuids, `limit` bounds,
 * `page` ≥ 0, no unknown keys), plus a safe-integer guard the schema cannot express. Throws
 * {@link InvalidInputError} naming the parameter (renamed through `names`, e.g. `limit` → `pageSize`).
 */
export function checkParams(params: unknown, names: Partial<Record<string, string>> = {}): CheckedParams {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new InvalidInputError('params', params, 'must be an object');
  }
  const defined = definedOnly(params);
  const rename = (p: string) => (Object.hasOwn(names, p) ? names[p]! : p);
  for (const key of ['limit', 'page']) {
    const v = defined[key];
    if (typeof v === 'number' && !Number.isSafeInteger(v))
      throw new InvalidInputError(rename(key), v, 'must be a safe integer');
  }
  if (!validateParams(defined)) {
    const issue = validateParams.errors?.[0];
    const param = issue ? paramOf(issue) : 'params';
    throw new InvalidInputError(
      rename(param),
      param in defined ? defined[param] : undefined,
      issue?.message ?? 'is invalid',
    );
  }
  return defined as unknown as CheckedParams;
}

/** The most pages a walk reads unless `maxPages` says otherwise: 10 million interactions at the spec's maximum page size. */
export const DEFAULT_MAX_PAGES = 100_000;
/** setTimeout's largest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const ITERATE_KEYS: ReadonlySet<string> = new Set(
  Object.keys({
    tenantId: true,
    contactId: true,
    pageSize: true,
    last: true,
    concurrency: true,
    maxPages: true,
    deadlineMs: true,
    signal: true,
    // A single iteration's request options (checked by options.ts's resolveCall).
    timeoutMs: true,
    maxRetries: true,
    validate: true,
  } satisfies Record<keyof IterateParams, true>),
);

/**
 * Checks the iterators' parameters: ids and `pageSize` (default: the spec's maximum limit) as in
 * {@link checkParams}, `last` an integer ≥ 0, `concurrency` and `maxPages` (default
 * {@link DEFAULT_MAX_PAGES}) integers ≥ 1, `deadlineMs` a number of ms a timer can wait, no unknown
 * keys. As for an optional property, `undefined` means omitted; `null` is refused.
 */
export function checkIterateParams(params: unknown): Walk {
  if (typeof params !== 'object' || params === null) throw new InvalidInputError('params', params, 'must be an object');
  const p = params as Record<string, unknown>;
  const extra = Object.keys(p).find((key) => !ITERATE_KEYS.has(key));
  if (extra === 'limit' || extra === 'page') {
    // The page call's names, passed to an iterator: say what to use instead.
    const instead = extra === 'limit' ? 'use pageSize to set the page size' : 'iterators always start at page 0';
    throw new InvalidInputError(extra, p[extra], `is not an iterator parameter; ${instead}`);
  }
  if (extra !== undefined) throw new InvalidInputError(extra, p[extra], 'is not a known parameter');
  const { tenantId, contactId, limit } = checkParams(
    {
      tenantId: p['tenantId'],
      contactId: p['contactId'],
      limit: p['pageSize'] === undefined ? limitParam.schema.maximum : p['pageSize'],
    },
    { limit: 'pageSize' },
  );
  const { last = Infinity, concurrency = 1, maxPages = DEFAULT_MAX_PAGES, deadlineMs = Infinity } = p;
  if (last !== Infinity && (!Number.isSafeInteger(last) || (last as number) < 0)) {
    throw new InvalidInputError('last', last, 'must be an integer ≥ 0');
  }
  if (!Number.isSafeInteger(concurrency) || (concurrency as number) < 1) {
    throw new InvalidInputError('concurrency', concurrency, 'must be an integer ≥ 1');
  }
  if (!Number.isSafeInteger(maxPages) || (maxPages as number) < 1) {
    throw new InvalidInputError('maxPages', maxPages, 'must be an integer ≥ 1');
  }
  if (deadlineMs !== Infinity && (typeof deadlineMs !== 'number' || !(deadlineMs > 0 && deadlineMs <= MAX_TIMER_MS))) {
    throw new InvalidInputError('deadlineMs', deadlineMs, `must be a number in (0, ${MAX_TIMER_MS}]`);
  }
  return {
    tenantId,
    contactId,
    pageSize: limit!,
    last: last as number,
    concurrency: concurrency as number,
    maxPages: maxPages as number,
    deadlineMs: deadlineMs as number,
    signal: checkSignal(p['signal']),
  };
}

/**
 * Checks `getInteraction`'s parameters with the validator compiled from the spec (both ids uuids, no
 * unknown keys). Throws {@link InvalidInputError} naming the parameter.
 */
export function checkInteractionParams(params: unknown): GetInteractionParams {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new InvalidInputError('params', params, 'must be an object');
  }
  const defined = definedOnly(params);
  if (!validateGetInteractionParams(defined)) {
    const issue = validateGetInteractionParams.errors?.[0];
    const param = issue ? paramOf(issue) : 'params';
    throw new InvalidInputError(param, defined[param], issue?.message ?? 'is invalid');
  }
  return defined as unknown as GetInteractionParams;
}

/** `undefined` or an AbortSignal; anything else is an {@link InvalidInputError}. */
export function checkSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw new InvalidInputError('signal', typeof signal, 'must be an AbortSignal');
}

/**
 * A copy of the own enumerable properties that are not undefined: a key explicitly set to undefined means
 * "omitted", as in TypeScript's optional properties. (A copy, so what is checked is what is sent.)
 */
function definedOnly(params: object): Record<string, unknown> {
  // A null prototype: a key named `__proto__` is an own property here too, and is refused as unknown.
  const defined: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(params)) {
    const value = (params as Record<string, unknown>)[key];
    if (value !== undefined) defined[key] = value;
  }
  return defined;
}

function paramOf(issue: ValidationIssue): string {
  const p = issue.params;
  if (typeof p['missingProperty'] === 'string') return p['missingProperty'];
  if (typeof p['additionalProperty'] === 'string') return p['additionalProperty'];
  return issue.instancePath.split('/')[1] ?? 'params';
}
