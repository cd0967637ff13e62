/**
 * The server's side of Get a List of Interactions, checked per the validation mode as the history's pages
 * are (`response.ts`): the envelope against the spec's schema, its counts exact, no more results than the
 * limit; and, when a time range was asked for, every record started within it. Which bound is inclusive
 * is the spec's judgement call (`list-time-range-bounds`: the end is exclusive), so a record starting
 * exactly at the end is taken: only a record no reading of the range selects is refused. Loaded with the
 * validators, by clients that validate, on their first page of the List.
 */
import { validateInteractionRecordPage } from '../../generated/validators.js';
import { asJsonNumbers } from '../common/json-depth.js';
import { ResponseValidationError } from '../errors.js';
import type { Logger, ValidationMode } from '../http/types.js';
import type { InteractionRecordPage } from '../types.js';
import type { ListRequest } from './list-params.js';
import { pageFailure, settle } from './response.js';

/** Checks a 2xx body of the List per `mode`, as `checkPage` does a page of the history. */
export function checkRecordPage(
  body: unknown,
  mode: ValidationMode,
  logger: Logger,
  request: ListRequest,
): InteractionRecordPage {
  if (mode === 'off') return body as InteractionRecordPage;
  const limit = request.query['limit'] as number | undefined;
  settle(
    pageFailure(validateInteractionRecordPage, asJsonNumbers(body), limit) ?? windowFailure(body, request),
    mode,
    logger,
  );
  return body as InteractionRecordPage;
}

/** The first record that did not start within the requested range, as a typed error. */
function windowFailure(body: unknown, { window, query }: ListRequest): ResponseValidationError | undefined {
  if (!window) return undefined;
  const { results } = body as InteractionRecordPage;
  for (const [i, record] of results.entries()) {
    const start = record.startTimestamp;
    const at = typeof start === 'string' ? Date.parse(start) : Number.NaN;
    if (at >= window.from && at <= window.to) continue;
    const pointer = `/results/${i}/startTimestamp`;
    const range = `[${query['startTimeRange'] ?? '…'}, ${query['endTimeRange'] ?? '…'})`;
    const message = Number.isNaN(at)
      ? `must be a date-time: a time range of ${range} was asked for, so every record must say when it started`
      : `must be within the requested time range ${range}`;
    const issue = {
      instancePath: pointer,
      schemaPath: '#/invariant/timeRange',
      keyword: 'timeRange',
      params: {},
      message,
    };
    return new ResponseValidationError(pointer, [issue], message);
  }
  return undefined;
}
