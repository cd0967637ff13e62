/**
 * `GET /tenants/{tenantId}/contacts/{contactId}/interactions`, as documented: most recent first;
 * `limit` default and maximum from the spec; `page` default 0, echoed as `null` when omitted;
 * `offset = page × limit`; `total`; empty pages past the end; 400 for invalid parameters (vendor shape),
 * 404 for an unknown tenant or contact. With the `historyDeprecation` option, every answer carries the
 * `Deprecation`/`Sunset` headers the vendor would send once it deprecates the route.
 */
import { spec } from '../../../generated/spec.js';
import type { InteractionPage } from '../../types.js';
import type { ReferenceOptions } from '../options.js';
import { parseQuery } from '../query.js';
import { errorAnswer, isUuid, jsonAnswer } from '../respond.js';
import type { Route } from '../route.js';

const { parameters, permission } = spec.operations.listContactInteractions;
const limitSchema = parameters.limit.schema;
const pageSchema = parameters.page.schema;

function deprecationHeaders(signal: ReferenceOptions['historyDeprecation']): Record<string, string> {
  if (!signal) return {};
  return {
    ...(signal.deprecation !== undefined ? { deprecation: signal.deprecation } : {}),
    ...(signal.sunset !== undefined ? { sunset: signal.sunset } : {}),
    ...(signal.link !== undefined ? { link: `<${signal.link}>; rel="deprecation"; type="text/html"` } : {}),
  };
}

export const contactInteractions: Route = {
  operationId: 'listContactInteractions',
  permission,
  handle({ url, pathParams: [tenantId = '', contactId = ''], store, options }) {
    const headers = deprecationHeaders(options.historyDeprecation);
    const { values, attribute: invalid } = parseQuery(url.searchParams, parameters);
    const attribute: Record<string, string> = {};
    if (!isUuid(tenantId)) attribute['tenantId'] = 'must be a UUID';
    if (!isUuid(contactId)) attribute['contactId'] = 'must be a UUID';
    Object.assign(attribute, invalid);
    if (Object.keys(attribute).length > 0) {
      return errorAnswer({ status: 400, message: 'Invalid request parameters.', attribute, headers });
    }
    const limit = values['limit'] as number | undefined;
    const page = values['page'] as number | undefined;
    if (!store.hasTenant(tenantId)) return errorAnswer({ status: 404, message: 'Tenant not found.', headers });
    const history = store.history(tenantId, contactId);
    if (!history) return errorAnswer({ status: 404, message: 'Contact not found.', headers });

    const size = limit ?? limitSchema.default;
    const index = page ?? pageSchema.default;
    const start = index * size;
    const body: InteractionPage = {
      page: page ?? null,
      limit: size,
      offset: start,
      total: history.length,
      results: history.slice(start, start + size),
    };
    const sent = options.transformPage
      ? options.transformPage(body, {
          tenantId,
          contactId,
          limit: size,
          page: index,
          pageSent: page !== undefined,
          history,
        })
      : body;
    return jsonAnswer(200, sent, headers);
  },
};
