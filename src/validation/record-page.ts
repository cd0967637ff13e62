/**
 * The check of a page of Get a List of Interactions, per the validation mode as `page.ts` checks a page of
 * the history: the spec's `InteractionRecordPage` schema (its compiled validator, loaded with this
 * module), its counts exact, no more results than the limit (`page.ts`'s `pageFailure`, handed in: `page.ts` is loaded on
 * demand beside this module, never imported by it, so that a history bundle keeps it one chunk of its own); and, when a time
 * range was asked for, every record started within it. Which bound is inclusive is the spec's judgement
 * call (`list-time-range-bounds`: the end is exclusive), so a record starting exactly at the end is
 * taken: only a record no reading of the range selects is refused. The List's functions load it on their
 * first page that validates, so no history bundle carries it.
 */
import { validateInteractionRecordPage } from '../../generated/validate-interaction-record-page.js';
import type { Logger, ValidationMode } from '../http/types.js';
import type { InteractionRecordPage } from '../types.js';
import type { ListRequest } from './list-params.js';
import type { pageFailure } from './page.js';
import { judged, ResponseValidationError } from './response.js';

/** Checks a 2xx body of the List per `mode` (see `judged`), as `checkPage` does a page of the history. */
export function checkRecordPage(
  body: unknown,
  mode: ValidationMode,
  logger: Logger,
  request: ListRequest,
  pageChecks: { pageFailure: typeof pageFailure },
): InteractionRecordPage {
  if (mode === 'off') return body as InteractionRecordPage;
  const limit = request.query['limit'] as number | undefined;
  const failure = pageChecks.pageFailure(body, limit, validateInteractionRecordPage) ?? windowFailure(body, request);
  return judged(body, mode, logger, failure);
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
