/**
 * The caller's side of validation: every parameter is checked before anything is sent (bounds, formats
 * and unknown keys, read from the spec's facts in `generated/spec.ts`), and a failure is an
 * {@link InvalidInputError} naming the parameter. The facts are interpreted rather than compiled (ajv's
 * code for them cost every browser bundle 5 kB); the wording is ajv's, as for response bodies, and the
 * generator refuses a parameter schema this interpreter cannot check. The numbers a caller sets beyond
 * the spec's parameters (the iterators' here, the options' in `http/options.ts`) are checked by one kind
 * of rule ({@link Rule}, {@link checked}). The other side, 2xx bodies, is `response.ts`, which only
 * clients that validate ever load.
 */
import {
  getInteraction as detail,
  listContactInteractions as history,
  type ParamFacts,
  paramFormats,
} from '../../generated/spec.js';
import type { GetInteractionParams, IterateParams } from '../client/types.js';
import { normalId } from '../common/ids.js';
import { InvalidInputError } from '../errors.js';
import type { Walk } from '../paging/paginate.js';

const { limit: limitParam } = history.parameters;

/**
 * The first of `params` that breaks the operation's parameter facts, and why, in ajv's order (a missing
 * required one, then an unknown key, then each in the spec's order) and wording; `undefined` when all hold.
 * @internal
 */
export function paramProblem(
  parameters: Readonly<Record<string, ParamFacts>>,
  params: Record<string, unknown>,
): [param: string, problem: string] | undefined {
  for (const name in parameters) {
    if (parameters[name]!.required && params[name] === undefined)
      return [name, `must have required property '${name}'`];
  }
  for (const name in params) if (!Object.hasOwn(parameters, name)) return [name, 'must NOT have additional properties'];
  for (const name in parameters) {
    const v = params[name];
    const problem = v === undefined ? undefined : schemaProblem(parameters[name]!.schema, v);
    if (problem) return [name, problem];
  }
  return undefined;
}

/** Compiled once each: a parameter's `pattern` is checked on every call. */
const patterns = new Map<string, RegExp>();
const compiled = (pattern: string): RegExp =>
  patterns.get(pattern) ?? patterns.set(pattern, new RegExp(pattern, 'u')).get(pattern)!;

/** The first keyword of `schema` that `v` breaks, in ajv's order and wording. */
function schemaProblem(schema: ParamFacts['schema'], v: unknown): string | undefined {
  const { type, format, minimum, maximum, pattern, enum: allowed } = schema;
  const typed = type === 'integer' ? Number.isInteger(v) : type === 'number' ? Number.isFinite(v) : typeof v === type;
  if (!typed) return `must be ${type}`;
  if (format !== undefined && !paramFormats[format]!.test(v as string)) return `must match format "${format}"`;
  if (minimum !== undefined && (v as number) < minimum) return `must be >= ${minimum}`;
  if (maximum !== undefined && (v as number) > maximum) return `must be <= ${maximum}`;
  if (pattern !== undefined && !compiled(pattern).test(v as string)) return `must match pattern "${pattern}"`;
  if (allowed !== undefined && !allowed.includes(v)) return 'must be equal to one of the allowed values';
  return undefined;
}

/** Path and query parameters of one page call, already checked. */
export interface CheckedParams {
  tenantId: string;
  contactId: string;
  limit?: number;
  page?: number;
}

/**
 * Checks an operation's parameters against the spec's facts (formats, bounds, no unknown keys), plus a
 * safe-integer guard on its integers that the schema cannot express. Throws {@link InvalidInputError}
 * naming the parameter (renamed through `names`, e.g. `limit` → `pageSize`). What one more operation
 * needs here is its facts.
 */
function checkOperation(
  parameters: Readonly<Record<string, ParamFacts>>,
  params: unknown,
  names: Partial<Record<string, string>> = {},
): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new InvalidInputError('params', params, 'must be an object');
  }
  const defined = definedOnly(params);
  const rename = (p: string) => (Object.hasOwn(names, p) ? names[p]! : p);
  for (const key in parameters) {
    const v = defined[key];
    if (parameters[key]!.schema.type === 'integer' && typeof v === 'number' && !Number.isSafeInteger(v))
      throw new InvalidInputError(rename(key), v, 'must be a safe integer');
  }
  const failed = paramProblem(parameters, defined);
  if (failed) throw new InvalidInputError(rename(failed[0]), defined[failed[0]], failed[1]);
  // Ids in their normal form (lower-case: the spec's `uuid` format takes either case), so that every later
  // step (the request, the answer check, a checkpoint) sees one spelling.
  for (const key in defined)
    if (parameters[key]!.schema.format === 'uuid') defined[key] = normalId(defined[key] as string);
  return defined;
}

/** Checks one page call's parameters (uuids, `limit` bounds, `page` ≥ 0, no unknown keys): see `checkOperation`. */
export const checkParams = (params: unknown, names?: Partial<Record<string, string>>): CheckedParams =>
  checkOperation(history.parameters, params, names) as unknown as CheckedParams;

/** The most pages a walk reads unless `maxPages` says otherwise: 10 million interactions at the spec's maximum page size. */
export const DEFAULT_MAX_PAGES = 100_000;
/** The iterators' parameters: the ids and the walk's own options. */
export const ITERATE_KEYS: ReadonlySet<string> = new Set(
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
  // `last` and `deadlineMs` may be Infinity, as their defaults are.
  const bounded = (key: string) => (p[key] === Infinity ? undefined : (p[key] as number | undefined));
  return {
    tenantId,
    contactId,
    pageSize: limit!,
    last: checked('last', bounded('last'), count(0), Infinity),
    concurrency: checked('concurrency', p['concurrency'] as number | undefined, count(1), 1),
    maxPages: checked('maxPages', p['maxPages'] as number | undefined, count(1), DEFAULT_MAX_PAGES),
    deadlineMs: checked('deadlineMs', bounded('deadlineMs'), TIMER, Infinity),
    signal: checkSignal(p['signal']),
  };
}

/**
 * Checks `getInteraction`'s parameters against the spec's facts (both ids uuids, no unknown keys).
 * Throws {@link InvalidInputError} naming the parameter.
 */
export const checkInteractionParams = (params: unknown): GetInteractionParams =>
  checkOperation(detail.parameters, params) as unknown as GetInteractionParams;

/** A rule for a value the caller sets: whether a value passes, and what the error says when it does not. */
// biome-ignore lint/suspicious/noExplicitAny: a rule tests a value of any type
export type Rule = readonly [passes: (value: any) => boolean, problem: string];

/** An integer of at least `min` (`unit` ends the message, e.g. ` (bytes)`). */
export const count = (min: number, unit = ''): Rule => [
  (v) => Number.isSafeInteger(v) && v >= min,
  `must be an integer ≥ ${min}${unit}`,
];

/** One of `values`. */
export const oneOf = (values: readonly unknown[]): Rule => [
  (v) => values.includes(v),
  `must be one of ${values.join(', ')}`,
];

/** A number of ms a timer can wait: setTimeout's largest delay is 2^31 − 1, a longer one would fire at once. */
export const TIMER: Rule = [
  (v) => typeof v === 'number' && v > 0 && v <= 2 ** 31 - 1,
  'must be a number in (0, 2147483647]',
];

/**
 * `value`, which must pass `rule` (else an {@link InvalidInputError} naming `param`), or `fallback` when it
 * is undefined (as for an optional property, `undefined` means not set).
 */
export function checked<T>(param: string, value: T | undefined, [passes, problem]: Rule, fallback?: T): T {
  if (value === undefined) return fallback as T;
  if (!passes(value)) throw new InvalidInputError(param, value, problem);
  return value;
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
export function definedOnly(params: object): Record<string, unknown> {
  // A null prototype: a key named `__proto__` is an own property here too, and is refused as unknown.
  const defined: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(params)) {
    const value = (params as Record<string, unknown>)[key];
    if (value !== undefined) defined[key] = value;
  }
  return defined;
}
