/**
 * The check of one interaction read by its id (Get a Specific Interaction): the spec's
 * `InteractionRecord` schema, its compiled validator loaded with this module, which the client loads on
 * its first `getInteraction` that validates.
 */
import { validateInteractionRecord } from '../../generated/validate-interaction-record.js';
import type { Logger, ValidationMode } from '../http/types.js';
import type { InteractionRecord } from '../types.js';
import { judged, schemaFailure } from './response.js';

/** Checks a `getInteraction` 2xx body per `mode`, as `page.ts` checks a page. */
export function checkRecord(body: unknown, mode: ValidationMode, logger: Logger): InteractionRecord {
  return judged(body, mode, logger, mode === 'off' ? undefined : schemaFailure(validateInteractionRecord, body));
}
