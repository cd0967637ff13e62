/**
 * `GET /tenants/{tenantId}/interactions/{interactionId}` (Get a Specific Interaction): the interaction's
 * full record, derived from the history's interaction of that id (`interactionRecord`), so the two routes
 * agree on ids, timestamps, channel and direction. 400 for an id that is not a uuid (vendor shape), 404 for
 * an unknown tenant or an interaction no contact of the tenant has.
 */
import { spec } from '../../../generated/spec.js';
import { interactionRecord } from '../interactions.js';
import { errorAnswer, isUuid, jsonAnswer } from '../respond.js';
import type { Route } from '../route.js';

const { permission, successStatus } = spec.operations.getInteraction;

export const interaction: Route = {
  operationId: 'getInteraction',
  permission,
  handle({ pathParams: [tenantId = '', interactionId = ''], store }) {
    const attribute: Record<string, string> = {};
    if (!isUuid(tenantId)) attribute['tenantId'] = 'must be a UUID';
    if (!isUuid(interactionId)) attribute['interactionId'] = 'must be a UUID';
    if (Object.keys(attribute).length > 0) {
      return errorAnswer({ status: 400, message: 'Invalid request parameters.', attribute });
    }
    if (!store.hasTenant(tenantId)) return errorAnswer({ status: 404, message: 'Tenant not found.' });
    const found = store.findInteraction(tenantId, interactionId);
    if (!found) return errorAnswer({ status: 404, message: 'Interaction not found.' });
    return jsonAnswer(successStatus, interactionRecord(found.interaction, tenantId, found.contactId));
  },
};
