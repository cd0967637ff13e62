// Generated from openapi/ by `npm run generate`. Do not edit.
export interface paths {
    "/tenants/{tenantId}/contacts/{contactId}/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the last N interactions for a contact
         * @description Returns one page of a contact's interactions, **most recent first**. By default the first
         *     page (page 0) of 10 interactions; ask for up to 100 a page with `limit`.
         *
         *     Requires the `CONTACTS_INTERACTION_HISTORY_READ` permission; without it the API answers 403.
         *
         *     **Deprecation plan.** The vendor says that in the future this route will be deprecated, and
         *     recommends the "Get a Specific Interaction" endpoint
         *     (`GET /v1/tenants/{tenantId}/interactions/{interactionId}`, described on this page; it needs
         *     the `INTERACTIONS_API_READ_ALL` permission). This route is **not** deprecated today, and no
         *     date is announced.
         *
         *     The response may include statistics that this reference does not describe: interaction
         *     objects accept extra properties.
         */
        get: operations["listContactInteractions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenants/{tenantId}/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a list of interactions
         * @description Returns one page of a tenant's interactions, **most recent first**, each one in full (the record
         *     Get a Specific Interaction returns): the vendor's
         *     [Get a List of Interactions](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/GetListofInteractions.htm).
         *     By default the first page of 10; ask for up to 1000 a page with `limit`. Filters narrow the list
         *     ([Searching Interactions](https://api-docs.cxengage.net/Reporting/Content/ReportingAPI/Historical_API/Interactions/SearchInteractions.htm)):
         *     a contact, a time range, a custom reporting attribute, a third-party record; given together, an
         *     interaction must match all of them.
         *
         *     Requires the `INTERACTIONS_API_READ_ALL` permission; without it the API answers 403. This is not
         *     the history route's permission: a key that can read a contact's history may lack it.
         *
         *     **Nulls.** By default each record leaves out the keys that have no value; `green=false` puts them
         *     in, as `null` ([Example: Including Null Values in a Response](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/Examples/exampleNullValues.htm);
         *     compare the `listSample` and `nullValuesSample` examples).
         *
         *     The response may include statistics this reference does not describe: the records, their items
         *     and the envelope accept extra properties.
         *
         *     **Judgement calls.** Where the vendor's pages disagree or are silent, the spec decides as below
         *     (the sources are kept in `openapi/sources/`). The live contract check reports each one on a tenant
         *     as confirmed, refuted or not observed.
         *
         *     | call | the spec's choice | the evidence |
         *     |---|---|---|
         *     | `list-contact-spelling` | `contactId` | Searching Interactions' query-string column reads `?contactId=<contactId>`; its example URL sends `?contactID=93b34310-…`. The column, the history route's path parameter and the record's `details.contactId` all spell it `contactId`. |
         *     | `list-time-range-spelling` | `startTimeRange` and `endTimeRange` | The date-and-time example sends `?startTimeRange=2017-12-29T14:00:00.000Z&endTimeRange=2017-12-29T24:00:00.000Z` and describes both in its parameter table; Searching Interactions' table shows `?start=<startTimestamp>&<endTimestamp>` and sends `?start=…&end=…`, describing neither. `start` and `end` are not sent. |
         *     | `list-time-range-field` | the range selects by `startTimestamp`: an interaction is in it when it started in it | The example retrieves "all interactions that occurred on December 29, 2017 between 14:00 and 24:00 UTC"; the list is ordered by start. |
         *     | `list-time-range-bounds` | `[startTimeRange, endTimeRange)`: the start inclusive, the end exclusive; either may be left out | Silent. The example's end, `24:00:00.000`, is the end of the day: a half-open range takes the day whole, and consecutive ranges share a bound without listing an interaction twice. |
         *     | `list-time-range-form` | ISO 8601 in UTC with `Z`, to the second, milliseconds optional; hour `24` only as `24:00:00` | "The date and time, in UTC". The example's `2017-12-29T24:00:00.000Z` is ISO 8601's end of day, which the `date-time` format (RFC 3339) rejects, so the parameters carry a pattern instead. |
         *     | `list-time-range-order` | an `endTimeRange` before `startTimeRange` is refused (400); equal bounds select nothing | Silent. A reversed range is the caller's mistake: refused, it cannot pass for a quiet day. |
         *     | `list-hook-type-spelling` | `hookType` | Both tables say `hookType`; Searching Interactions' example URLs send `type=zendesk`, and the third-party example sends `hookType=zendesk` while its parameter table names `type`. The record's hooks carry `hookType`. |
         *     | `list-attribute-filters` | `attribute-value` and `hook-name` (hyphenated): each selects interactions with a hook whose `hookName` is the value; `attribute-value` only among custom reporting attributes (hooks of `hookSubType` `interaction-attribute`) | Searching Interactions: `?attribute-value=<attributeValue> or ?hook-name=<hookName>`, though an example sends `hookName=custAccountNumber`. The attributes example: attributes are "stored in the hook-name parameter"; its table names `attributeValue` (a "UUID"), its URL sends `attribute-value`, and its sample's attribute hooks have `hookSubType` `interaction-attribute` and the value in `hookName` (`valueOne`). |
         *     | `list-filters-combine` | every filter given must match; `hookType`, `hookSubType` and `hookId` must match one and the same hook | Documented for custom attributes ("only returns interactions that match both queries"); the tutorial narrows `hookType`, then `hookSubType`, then `hookId` to reach "interactions that are linked to a specific ticket". |
         *     | `list-paging` | `limit` (1 to 1000, default 10) and `page` (0-based, default 0), as the history route's; `page` is echoed, `null` when not sent; `offset` is `page × limit` | The pages name no paging parameter, but "you can request up to 1000 interactions per page", and every sample (none sends a page) answers `"page": null, "limit": 10, "offset": 0`. |
         *     | `list-order-key` | most recent first by `startTimestamp`, as the history route | "The most recent interaction listed first". |
         *     | `list-green` | `green` is a boolean, `true` by default: `true` leaves out the keys without a value, `false` includes them as `null` | The null-values example sends `?green=false`; no page names another value. |
         *     | `list-null-scope` | keys with no value are left out at every level of a record except `details`, which keeps its nulls; an empty array counts as no value | The default samples' records lack `monitors`, `hooks` and `customerResponseTimes`, which the null-values sample shows as `[]` in the same key order; Get a Specific Interaction's sample keeps `"csat": null` and `"contactId": null` in `details`. |
         *     | `list-unknown-contact` | a `contactId` no contact of the tenant has gives 200 and no results, not 404 | Silent: it is a search, not a path. |
         *     | `list-attribute-body` | every 200 is the envelope below, whatever the filter | The attributes example shows another body, `{tenantId, interactionAttributes: [hook…]}`, under the words "returns interactions for the specified contact" (copied from another example): the spec takes it for another route's sample. |
         *     | `list-record-as-get` | each result is the record Get a Specific Interaction returns for its id | Both pages' samples show records of the same keys; the pages do not say they are equal. |
         *
         *     The record's own calls (times in seconds, which keys may be `null`) are in the InteractionRecord
         *     schema.
         */
        get: operations["listTenantInteractions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenants/{tenantId}/interactions/{interactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a specific interaction
         * @description Returns one interaction in full, by its id: the vendor's
         *     [Get a Specific Interaction](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/GetInteraction.htm),
         *     the route it recommends in place of the contact history route.
         *
         *     Requires the `INTERACTIONS_API_READ_ALL` permission; without it the API answers 403. This is
         *     not the history route's permission: a key that can read a contact's history may lack it.
         *
         *     **What is known.** The vendor's page, with a sample (the `vendorRecordSample` example), and the
         *     samples of Get a List of Interactions, whose results are records of the same keys. The record
         *     is typed from those samples (see the InteractionRecord schema for each key, and its judgement
         *     calls: times in seconds, which keys may be `null`). "Responses for any interaction query
         *     include only parameters that have values" (Searching Interactions): keys without a value are
         *     left out, except in `details`, which the sample shows with `"csat": null` and `"contactId": null`.
         *
         *     **What is not.** Whether this route takes the List's `green=false` (no page says so; it is not
         *     declared here), and everything past the point where the stored copy of the vendor's page ends
         *     (inside the first `queues` item). The record accepts keys this page does not describe. The
         *     error statuses are the vendor's general list, as for the history route.
         */
        get: operations["getInteraction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an API key and secret for a token
         * @description Exchanges an API key and its secret for a token, to send on later calls as
         *     `Authorization: Token <token>` instead of HTTP Basic. The call itself needs no authentication:
         *     the key and secret travel in the JSON body.
         *
         *     **What is known** (high confidence: the vendor's docs and its public clients): the body is
         *     `{"username": KEY, "password": SECRET}`, no auth is needed, and the response carries `token`.
         *
         *     **What is not.**
         *     - *The success status.* It is undocumented. This page declares `200` because it is the only
         *       success status on the vendor's "Errors and Responses" page, which lists no `201` (medium
         *       confidence). Clients should accept any 2xx answer that carries `token`.
         *     - *The rest of the response.* Only `token` is known; other fields may appear and are kept.
         *     - *The token's lifetime.* Undocumented, and the response is not known to state it. The
         *       vendor's Python clients fetch a fresh token and retry once when a call answers 401; do the
         *       same rather than assume an expiry.
         *     - *The error statuses.* The vendor's general list applies. `401` for a key or secret the API
         *       refuses is an assumption (the vendor does not say how this call answers bad credentials; 401
         *       is the HTTP status for failed authentication); `400` is the vendor's answer to invalid syntax
         *       or a missing parameter.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * InteractionPage
         * @description One page of a contact's interactions. Not wrapped in `{result: …}`, unlike many other CxEngage
         *     endpoints.
         */
        InteractionPage: {
            /**
             * @description The page returned, echoed as a number when the request sent `page`, and `null` when it did
             *     not (every vendor sample without `page` shows `null`; vendor UI code relies on the echo).
             */
            page: number | null;
            /** @description The maximum number of results per page; the requested `limit`, or the default 10. */
            limit: number;
            /**
             * @description The index, in the whole list, of the first interaction on this page. Most likely
             *     `page × limit`; the vendor does not state the formula.
             */
            offset: number;
            /** @description The number of all the contact's interactions, on every page. */
            total: number;
            /** @description The interactions on this page, most recent first; at most `limit` of them. */
            results: components["schemas"]["Interaction"][];
        };
        /**
         * Interaction
         * @description One interaction (a call, SMS, email, messaging conversation or work item) of the contact.
         *
         *     Every field below appears in every vendor sample, with `null` (never omission) for a missing
         *     value, so all 18 are required. The response may also include statistics this reference does
         *     not describe, so extra properties are allowed and kept.
         */
        Interaction: {
            /**
             * Format: uuid
             * @description The interaction's unique identifier.
             */
            interactionId: string;
            /**
             * Format: date-time
             * @description When the interaction started, ISO 8601 in UTC with milliseconds.
             */
            startTimestamp: string;
            /**
             * Format: date-time
             * @description When the interaction ended, ISO 8601 in UTC with milliseconds. `null` while the interaction
             *     is still open (medium confidence: inferred from the vendor's data model, not from a sample).
             */
            endTimestamp: string | null;
            /**
             * @description The channel, as the vendor's SDK spells it.
             * @enum {string}
             */
            channelType: "voice" | "sms" | "email" | "messaging" | "work-item";
            /**
             * @description The channel's display label, such as "Voice", "Sms", "Email", "Messaging" or "Work Item".
             *     Labels are seen in vendor UIs but not documented as a closed list, so any string is accepted.
             */
            channelName: string;
            /**
             * @description The direction of the interaction.
             * @enum {string}
             */
            directionType: "inbound" | "outbound" | "agent-initiated";
            /**
             * @description The direction's display label, such as "Inbound", "Outbound" or "Agent Initiated". Not
             *     documented as a closed list, so any string is accepted.
             */
            directionName: string;
            /**
             * @description The customer's address on the channel: an E.164 phone number for voice, but possibly an
             *     email address or a handle on other channels, so no format is enforced.
             */
            customer: string;
            /**
             * @description A flag, not a count and not a boolean: 1 when the interaction has notes, 0 when it has none.
             * @enum {integer}
             */
            note: 0 | 1;
            /**
             * @description The customer-satisfaction score, or `null` when there is none. Only `null` appears in the
             *     vendor's samples; a related record shows a score of 10. The scale is undocumented, so any
             *     number is accepted.
             */
            csat: number | null;
            /**
             * @description The interaction's recording. Its type is **undocumented**: it is only ever `null` in public
             *     samples, so this schema accepts any JSON value rather than invent one.
             */
            recording: unknown;
            /**
             * @description The interaction's transcript. Its type is **undocumented**: it is only ever `null` in public
             *     samples, so this schema accepts any JSON value rather than invent one.
             */
            transcript: unknown;
            /**
             * Format: uuid
             * @description The last agent who handled the interaction, or `null` when no agent did.
             */
            lastAgentId: string | null;
            /** @description The last agent's display name, or `null`. */
            lastAgentName: string | null;
            /**
             * Format: uuid
             * @description The last queue the interaction was in, or `null`.
             */
            lastQueueId: string | null;
            /** @description The last queue's name, or `null`. */
            lastQueueName: string | null;
            /**
             * Format: uuid
             * @description The last disposition an agent set, or `null` when none was set.
             */
            lastDispositionId: string | null;
            /** @description The last disposition's name, or `null`. */
            lastDispositionName: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * InteractionRecordPage
         * @description One page of a tenant's interactions, most recent first, each in full: the envelope every sample of
         *     [Get a List of Interactions](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/GetListofInteractions.htm)
         *     shows, `{page, limit, offset, tenantId, total, tenantName, tenantTimezone, results}`, not wrapped in
         *     `{result: …}`. All eight keys appear in every sample, so all are required; `page` is `null` in every
         *     sample (none sends `page`), so unlike the records' keys the envelope's nulls are not left out. The
         *     third-party example's envelope also carries the filter it was asked for (`"hookSubType": "ticket"`),
         *     so the envelope accepts keys this page does not list.
         */
        InteractionRecordPage: {
            /**
             * @description The page returned, echoed as a number when the request sent `page`, and `null` when it did not
             *     (every sample; judgement call: as the history route does).
             */
            page: number | null;
            /** @description The maximum number of results per page; the requested `limit`, or the default 10 (every sample). */
            limit: number;
            /** @description The index, in the whole list, of the first interaction on this page (judgement call, as the history route's `page × limit`). */
            offset: number;
            /**
             * Format: uuid
             * @description The tenant's unique identifier, the `tenantId` of the request path.
             */
            tenantId: string;
            /** @description The number of all the interactions that match the request's filters, on every page (127 in the samples). */
            total: number;
            /** @description The tenant's name ("Your Tenant" in the samples). */
            tenantName: string;
            /** @description The tenant's time zone, as a time-zone database name ("US/Eastern" in the samples). Times in the records are UTC whatever it is. */
            tenantTimezone: string;
            /** @description The interactions on this page, most recent first; at most `limit` of them (up to 1000). */
            results: components["schemas"]["InteractionRecord"][];
        } & {
            [key: string]: unknown;
        };
        /**
         * InteractionRecord
         * @description One interaction in full: what [Get a Specific Interaction](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/GetInteraction.htm)
         *     returns, and each item of [Get a List of Interactions](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/GetListofInteractions.htm)'s
         *     `results` (both pages show records of the same keys).
         *
         *     **What is known.** The vendor's samples (kept in `openapi/sources/`): Get a Specific Interaction's,
         *     the List's, the date-range example's, the third-party example's, and the null-values example's
         *     (`?green=false`), which shows many more keys, most of them `null`. Every key those samples show is
         *     listed here, typed as the samples show it. The pages warn that "your response may include
         *     statistics that are not described in this reference", so the record accepts keys this page does
         *     not list.
         *
         *     **Judgement calls** (the samples show, the pages do not say; the live contract check reports the
         *     `record-…` ones on a tenant as confirmed, refuted or not observed):
         *     - **Nulls** (`record-null-scope`). By default the vendor leaves out every key whose value is null ("All data, except
         *       parameters that have a null value"); `?green=false` on the List includes them. So no key but
         *       `interactionId` is required, and every typed key (except `tenantId`, the arrays and `details`)
         *       also accepts `null`: with `green=false`, any key may come back `null`. The omission is taken to
         *       reach into `segments`, `queues` and `hooks` (the default samples' segments lack the null keys the
         *       null-values sample's segment has) but **not into `details`**, where Get a Specific Interaction's
         *       sample keeps `"csat": null` and `"contactId": null`. An empty array counts as no value: the default
         *       samples lack `monitors`, `hooks` and `customerResponseTimes`, which the null-values sample shows as
         *       `[]`.
         *     - **Times are seconds** (`record-interaction-time-seconds`), as numbers with milliseconds as decimals: `interactionTime` 94.244 is
         *       exactly the sample's `endTimestamp` (19:22:07.638) minus its `startTimestamp` (19:20:33.394);
         *       41.154 and 25.017 in the other samples likewise. The pages name no unit.
         *     - **Numbers** are typed `number`, not `integer`, even where every sample value is whole
         *       (`customerHolds` 0, `platformQueueId` 743): the pages give no type, and a JSON number is what the
         *       samples show.
         *     - **Keys the samples show only as `null`** (`ivrAbandoned`, `campaignId`, `flagged`, `leadId`, …)
         *       accept any JSON value: their type is nowhere shown (`record-key-types` reports the types a tenant
         *       sends).
         *     - The record is the whole body of Get a Specific Interaction, not wrapped in `{result: …}`: its
         *       sample starts with the record's keys.
         *
         *     Only `interactionId` is required: it is the one key a record about an interaction cannot lack, and
         *     requiring it makes a body of another shape (such as a `{result: …}` wrapper) fail validation instead
         *     of passing as an empty record.
         */
        InteractionRecord: {
            /**
             * Format: uuid
             * @description The tenant's unique identifier, the `tenantId` of the request path (in every sample, the record's tenant).
             */
            tenantId?: string;
            /**
             * Format: uuid
             * @description The interaction's unique identifier: the `interactionId` of Get a Specific Interaction's path,
             *     and the same id the history route lists, so the routes join on it.
             */
            interactionId: string;
            /**
             * Format: uuid
             * @description The flow that handled the interaction (a uuid in every sample: `28219e00-82b6-11e7-b08f-6e56a766befb`).
             */
            flowId?: string | null;
            /** @description The name of the flow that handled the interaction, such as "Basic Flow". */
            flowName?: string | null;
            /**
             * Format: date-time
             * @description When the interaction started, ISO 8601 in UTC with milliseconds (`2017-12-07T19:20:33.394Z`), as in the history route.
             */
            startTimestamp?: string | null;
            /**
             * Format: date-time
             * @description When the interaction ended, ISO 8601 in UTC with milliseconds. Absent (or `null` with
             *     `green=false`) while the interaction is open, as the history route's `null` (judgement call).
             */
            endTimestamp?: string | null;
            /**
             * @description How long the interaction lasted, in seconds with milliseconds as decimals: `endTimestamp −
             *     startTimestamp` (94.244 in Get a Specific Interaction's sample; judgement call: the unit is
             *     read from the samples' arithmetic, the pages name none).
             */
            interactionTime?: number | null;
            /**
             * @description How long the customer waited before abandoning, in seconds (94.166 in Get a Specific
             *     Interaction's sample, where the only segment ended `customer-disconnect` after 94.166 s).
             *     Left out when the customer did not abandon (`null` in the null-values sample).
             */
            customerAbandonTime?: number | null;
            /** @description Time spent in the IVR (the automated voice menu), in seconds (0.173 and 0.081 in the samples). */
            ivrTime?: number | null;
            /** @description Presumably whether the customer abandoned in the IVR. Only `null` in the samples, so its type is unknown and any JSON value is accepted. */
            ivrAbandoned?: unknown;
            /** @description The address the customer reached, such as the number dialled (`+15065551111`). */
            contactPoint?: string | null;
            /**
             * @description The customer's address on the channel (`+15065552222`); as the history route's `customer`, an
             *     E.164 number for voice, possibly an email address or a handle elsewhere, so no format is enforced.
             */
            customer?: string | null;
            /** @description How many times the customer was put on hold (0 in every sample). */
            customerHolds?: number | null;
            /** @description Presumably the customer's time on hold. Only `null` in the samples, so any JSON value is accepted. */
            customerHoldTime?: unknown;
            /** @description Presumably how many times the customer was transferred. Only `null` in the samples, so any JSON value is accepted. */
            customerTransfers?: unknown;
            /** @description The customer's time in conversation, in seconds (22.72 in the null-values sample, 102.243 in the third-party one). */
            customerConversationTime?: number | null;
            /** @description The customer's talk time, in seconds (equal to `customerConversationTime` in both samples that show it). */
            customerTalkTime?: number | null;
            /** @description Presumably the customer's response times on a messaging channel. An empty array in the null-values sample; its items are unknown. */
            customerResponseTimes?: unknown[];
            /** @description The customer-satisfaction score (10 in the null-values sample); the scale is undocumented. */
            customerSatisfactionScore?: number | null;
            /** @description Presumably time spent with a third party. Only `null` in the samples, so any JSON value is accepted. */
            thirdPartyTime?: unknown;
            /** @description Presumably the outbound campaign the interaction belongs to. Only `null` in the samples, so any JSON value is accepted. */
            campaignId?: unknown;
            /** @description Presumably the campaign lead the interaction belongs to. Only `null` in the samples, so any JSON value is accepted. */
            leadId?: unknown;
            /** @description Presumably whether the interaction was flagged. Only `null` in the samples, so any JSON value is accepted. */
            flagged?: unknown;
            /** @description Presumably the supervisors who monitored the interaction. An empty array in the null-values sample; its items are unknown. */
            monitors?: unknown[];
            /**
             * @description The third-party records (such as Zendesk tickets and users) and custom reporting attributes
             *     linked to the interaction: what the `hookType`, `hookSubType`, `hookId` and `hook-name` filters
             *     of the List search.
             */
            hooks?: components["schemas"]["InteractionHook"][];
            /**
             * @description The interaction's segments (call legs): segment 0 from the start of the interaction until its
             *     first agent is deallocated (or it is abandoned or cancelled), then one more for each transfer or
             *     added participant ([Response Structure](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/ResponseStructure.htm)).
             */
            segments?: components["schemas"]["InteractionSegment"][];
            /** @description One entry each time the customer entered a queue, until an agent was allocated (Response Structure); several when the interaction was transferred. */
            queues?: components["schemas"]["InteractionQueue"][];
            details?: components["schemas"]["InteractionRecordDetails"];
        } & {
            [key: string]: unknown;
        };
        /**
         * InteractionRecordDetails
         * @description A summary of the interaction, much like the history route's item: Get a Specific Interaction's
         *     sample shows `endTimestamp`, `interactionId`, `contactPoint`, `customer`, `csat`, `startTimestamp`,
         *     `agents`, `direction`, `contactId` and `channelType`. Unlike the rest of the record, it keeps its
         *     `null` values by default (`"csat": null`, `"contactId": null` in that sample; judgement call: nulls
         *     are left out everywhere else). It accepts keys this page does not list, and none is required.
         */
        InteractionRecordDetails: {
            /**
             * Format: date-time
             * @description When the interaction ended, ISO 8601 in UTC with milliseconds (the record's `endTimestamp`); `null` while open.
             */
            endTimestamp?: string | null;
            /**
             * Format: uuid
             * @description The interaction's unique identifier (the record's `interactionId`).
             */
            interactionId?: string | null;
            /** @description The address the customer reached (the record's `contactPoint`). */
            contactPoint?: string | null;
            /** @description The customer's address on the channel (the record's `customer`). */
            customer?: string | null;
            /**
             * @description Presumably the customer-satisfaction score, as the history route's `csat`. Only `null` in the
             *     sample, so its type is unknown and any JSON value is accepted.
             */
            csat?: unknown;
            /**
             * Format: date-time
             * @description When the interaction started, ISO 8601 in UTC with milliseconds (the record's `startTimestamp`).
             */
            startTimestamp?: string | null;
            /**
             * @description One entry each time an agent was allocated to the interaction, from allocation until
             *     deallocation ([Response Structure](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/ResponseStructure.htm));
             *     empty in Get a Specific Interaction's sample (an interaction abandoned in queue).
             */
            agents?: components["schemas"]["InteractionAgent"][];
            /**
             * @description The interaction's direction (`inbound` in the sample), presumably the history route's
             *     `directionType` (`inbound`, `outbound`, `agent-initiated`); not documented as a closed list, so
             *     any string is accepted.
             */
            direction?: string | null;
            /**
             * @description The contact the interaction belongs to, presumably the id the history route takes as its
             *     `contactId`. `null` in the sample (an interaction linked to no contact), so its type is not
             *     shown and any JSON value is accepted.
             */
            contactId?: unknown;
            /**
             * @description The channel (`voice` in the sample), presumably the history route's `channelType` (`voice`,
             *     `sms`, `email`, `messaging`, `work-item`); not documented as a closed list, so any string is
             *     accepted.
             */
            channelType?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * InteractionSegment
         * @description One segment (call leg) of the interaction. Segment 0 starts with the interaction and ends when its
         *     agent is deallocated, or when the interaction is abandoned or cancelled; segments 1, 2, … follow
         *     each transfer or added participant ([Response Structure](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/ResponseStructure.htm)).
         *     The keys are those of the samples' segments; the null-values sample shows many more than the
         *     default ones, most of them `null`. Any other key is accepted.
         */
        InteractionSegment: {
            /** @description The segment's number, 0 for the first. */
            segmentNumber?: number | null;
            /** @description Whether the segment was cancelled (`true` in the samples whose segment ended `customer-disconnect`). */
            segmentCancelled?: boolean | null;
            /**
             * Format: uuid
             * @description The segment's unique identifier.
             */
            interactionSegmentId?: string | null;
            /** @description What started the segment (`interaction` in every sample). */
            segmentStartType?: string | null;
            /** @description What ended the segment (`customer-disconnect` and `success` in the samples); not documented as a closed list. */
            segmentEndType?: string | null;
            /**
             * Format: date-time
             * @description When the segment started, ISO 8601 in UTC with milliseconds.
             */
            startTimestamp?: string | null;
            /**
             * Format: date-time
             * @description When the segment ended, ISO 8601 in UTC with milliseconds.
             */
            endTimestamp?: string | null;
            /** @description How long the segment lasted, in seconds (94.166 = its `endTimestamp` 19:22:07.560 − `startTimestamp` 19:20:33.394 in Get a Specific Interaction's sample). */
            segmentTime?: number | null;
            /** @description When the segment was cancelled, in seconds from its start (94.166 in the same sample). */
            segmentCancelTime?: number | null;
            /**
             * Format: uuid
             * @description The agent the segment was routed to.
             */
            segmentToAgentId?: string | null;
            /** @description Presumably the time spent consulting another agent. Only `null` in the samples, so any JSON value is accepted. */
            segmentConsultTime?: unknown;
            /** @description Presumably the agent of the segment. Only `null` in the samples, so any JSON value is accepted. */
            agentId?: unknown;
            /** @description Presumably the agent allocation (an `agents` entry's `interactionAgentId`) of the segment. Only `null` in the samples, so any JSON value is accepted. */
            interactionAgentId?: unknown;
            /** @description Presumably the transfer that ended the segment. Only `null` in the samples, so any JSON value is accepted. */
            transfer?: unknown;
            /** @description Presumably when the transfer happened. Only `null` in the samples, so any JSON value is accepted. */
            transferTime?: unknown;
            /** @description Presumably the participant added in the segment. Only `null` in the samples, so any JSON value is accepted. */
            addParticipant?: unknown;
            /** @description Presumably when a participant was added. Only `null` in the samples, so any JSON value is accepted. */
            addParticipantTime?: unknown;
            /** @description Presumably whether the interaction was handed off to the added participant. Only `null` in the samples, so any JSON value is accepted. */
            addParticipantHandedOff?: unknown;
            /** @description Presumably the kind of extension the segment reached. Only `null` in the samples, so any JSON value is accepted. */
            segmentExtensionType?: unknown;
            /** @description Presumably the extension the segment reached. Only `null` in the samples, so any JSON value is accepted. */
            segmentExtensionValue?: unknown;
            /** @description Presumably the third party of the segment. Only `null` in the samples, so any JSON value is accepted. */
            segmentThirdParty?: unknown;
        } & {
            [key: string]: unknown;
        };
        /**
         * InteractionQueue
         * @description One stay of the customer in a queue, from entering it until an agent is allocated
         *     ([Response Structure](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/ResponseStructure.htm)).
         *     The keys are those of Get a Specific Interaction's sample, as far as the stored copy of that page
         *     reads (it ends inside this item); any other key is accepted.
         */
        InteractionQueue: {
            /**
             * @description The queue entry's unique identifier ("for each queue entry in an interaction, a new
             *     interactionQueueId attribute is created"). Not in a sample, so its type is not shown and any
             *     JSON value is accepted.
             */
            interactionQueueId?: unknown;
            /** @description Presumably how many times the customer entered this queue (1 in the sample). */
            queueEntryLength?: number | null;
            /**
             * Format: uuid
             * @description The segment the queue entry belongs to (the sample's one segment's `interactionSegmentId`).
             */
            interactionSegmentId?: string | null;
            /** @description How long the customer waited in the queue before abandoning, in seconds (93.993 in the sample). */
            queueAbandonTime?: number | null;
            /** @description The queue's platform identifier, a number in the sample (743), not the queue's uuid. */
            platformQueueId?: number | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * InteractionAgent
         * @description One allocation of an agent to the interaction, from when the agent is allocated until deallocated
         *     ([Response Structure](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/ResponseStructure.htm)).
         *     No sample shows one (Get a Specific Interaction's `agents` is empty), so only the key that page
         *     names is listed, untyped, and any other key is accepted.
         */
        InteractionAgent: {
            /**
             * @description The allocation's unique identifier ("for each time that an agent is allocated, a unique
             *     interactionAgentId attribute is created"). Its type is not shown, so any JSON value is accepted.
             */
            interactionAgentId?: unknown;
        } & {
            [key: string]: unknown;
        };
        /**
         * InteractionHook
         * @description A third-party record (such as a Zendesk ticket or user) or a custom reporting attribute linked to
         *     the interaction. The keys are those of the third-party example's two hooks
         *     ([Example: Searching Interactions for Specific Third-party System](https://api-docs.cxengage.net/Reporting/Content/Historical_API/Interactions/Examples/exampleGet_ZendeskInteractions.htm));
         *     any other key is accepted. A custom reporting attribute "is stored in the hook-name parameter"
         *     ([Example: Searching Interactions by a Specific Custom Reporting Attribute](https://api-docs.cxengage.net/Reporting/Content/ReportingAPI/Historical_API/Interactions/Examples/exampleCustomAttributes.htm)).
         */
        InteractionHook: {
            /**
             * Format: uuid
             * @description The link's unique identifier.
             */
            interactionHookId?: string | null;
            /** @description The system the record belongs to (`zendesk` in the sample); what the `hookType` filter matches. */
            hookType?: string | null;
            /** @description The kind of record (`ticket`, `user` in the sample); what the `hookSubType` filter matches. */
            hookSubType?: string | null;
            /** @description The record's id in that system, a string (`"415"`, `"26359162568"` in the sample); what the `hookId` filter matches. */
            hookId?: string | null;
            /** @description The record's name (`Bob Jones` in the sample), or a custom reporting attribute's value; what the `hook-name` and `attribute-value` filters match. */
            hookName?: string | null;
            /** @description Who linked the record, in the third-party system's ids (`"26303434627"` in the sample). */
            hookedBy?: string | null;
            /**
             * Format: uuid
             * @description The agent the record was linked by.
             */
            agentId?: string | null;
            /**
             * Format: date-time
             * @description When the record was linked, ISO 8601 in UTC with milliseconds.
             */
            timestamp?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * TokenRequest
         * @description The credentials to exchange for a token: an API key and its secret, the same pair HTTP Basic
         *     takes (high confidence: the vendor's docs and its public clients send exactly these two fields).
         *     No other request fields are known; the vendor documents none, either way.
         */
        TokenRequest: {
            /**
             * @description The API key (created in the CxEngage admin UI; it carries the permissions of its role). The
             *     key's format is undocumented, so any string is accepted.
             */
            username: string;
            /**
             * Format: password
             * @description The API key's secret. A secret: sent only in this body, never shown in the docs or logged.
             *     Its format is undocumented, so any string is accepted.
             */
            password: string;
        };
        /**
         * TokenResponse
         * @description The answer to a token exchange. Known (high confidence, from the vendor's docs and public
         *     clients): it carries `token` at the top level. Unknown: everything else. The vendor documents no
         *     other field (not a lifetime, an expiry or a token type), so extra properties are allowed and kept,
         *     and nothing beyond `token` may be relied on.
         */
        TokenResponse: {
            /**
             * Format: password
             * @description The token, sent on later calls as `Authorization: Token <token>`. A secret: treat it like
             *     the API secret. Its format, length and lifetime are undocumented (refresh it when a call
             *     answers 401), so any string is accepted.
             */
            token: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * ErrorBody
         * @description The vendor documents no error schema. Its UI code reads a top-level `error` in one of three
         *     shapes (a string, an array of strings, or an object) and notes that not all APIs return the
         *     same structure, so this schema accepts all three and allows extra properties.
         */
        ErrorBody: {
            /** @description What went wrong, in one of the three shapes the vendor's own code handles. */
            error: string | string[] | {
                /** @description A code for the error; seen as the HTTP status, but its type is undocumented. */
                code?: string | number;
                /** @description A human-readable message. */
                message?: string;
                /** @description Per-field messages, keyed by the field (parameter) name. */
                attribute?: {
                    [key: string]: string | string[];
                };
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listContactInteractions: {
        parameters: {
            query?: {
                /**
                 * @description The maximum number of interactions to return per page. The default is 10; the maximum permitted is 100.
                 * @example 10
                 */
                limit?: number;
                /**
                 * @description The 0-based page to return. The first page is page 0, which is also the default. When you
                 *     omit it, the response's `page` is `null`.
                 * @example 0
                 */
                page?: number;
            };
            header?: never;
            path: {
                /**
                 * @description The tenant's unique identifier.
                 * @example 8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b
                 */
                tenantId: string;
                /**
                 * @description The contact's unique identifier.
                 * @example 2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c
                 */
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the contact's interactions, most recent first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InteractionPage"];
                };
            };
            /** @description Invalid syntax or a missing or out-of-range parameter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No credentials, or credentials the API does not accept. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The credentials lack the `CONTACTS_INTERACTION_HISTORY_READ` permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such tenant or contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An internal server error. Safe to retry (the request is a read). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Bad gateway. Safe to retry. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Service unavailable. Safe to retry. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Gateway timeout. Safe to retry. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTenantInteractions: {
        parameters: {
            query?: {
                /**
                 * @description Only the interactions of this contact (judgement call `list-contact-spelling`: the vendor's
                 *     example sends `contactID`). A contact the tenant does not have gives no results, not 404.
                 * @example 2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c
                 */
                contactId?: string;
                /**
                 * @description Only the interactions that started at or after this time: ISO 8601 in UTC, such as
                 *     `2017-12-29T14:00:00.000Z` (judgement calls `list-time-range-…`: Searching Interactions
                 *     spells it `start`; inclusive).
                 * @example 2017-12-29T14:00:00.000Z
                 */
                startTimeRange?: string;
                /**
                 * @description Only the interactions that started before this time: ISO 8601 in UTC, such as
                 *     `2017-12-29T24:00:00.000Z`, the end of that day (judgement calls `list-time-range-…`:
                 *     Searching Interactions spells it `end`; exclusive). Not before `startTimeRange`.
                 * @example 2017-12-29T24:00:00.000Z
                 */
                endTimeRange?: string;
                /**
                 * @description Only the interactions with this custom reporting attribute value: a hook of `hookSubType`
                 *     `interaction-attribute` whose `hookName` is the value, such as `custAccountNumber`
                 *     (judgement call `list-attribute-filters`).
                 * @example custAccountNumber
                 */
                "attribute-value"?: string;
                /**
                 * @description Only the interactions with a hook of this `hookName`, such as `custAccountNumber` (judgement
                 *     call `list-attribute-filters`; an example of the vendor's sends `hookName`).
                 * @example custAccountNumber
                 */
                "hook-name"?: string;
                /**
                 * @description Only the interactions linked to a record of this third-party system, such as `zendesk`
                 *     (judgement call `list-hook-type-spelling`: some vendor examples send `type`).
                 * @example zendesk
                 */
                hookType?: string;
                /**
                 * @description Only the interactions linked to a third-party record of this kind, such as `ticket`.
                 * @example ticket
                 */
                hookSubType?: string;
                /**
                 * @description Only the interactions linked to the third-party record of this id, such as `26359162568`.
                 * @example 26359162568
                 */
                hookId?: string;
                /**
                 * @description `false` puts the keys that have no value into each record, as `null`; by default (`true`)
                 *     they are left out (judgement call `list-green`: only `false` is documented).
                 * @example false
                 */
                green?: boolean;
                /**
                 * @description The maximum number of interactions to return per page. The default is 10; the maximum
                 *     permitted is 1000 (judgement call `list-paging`: the vendor documents the bound, not the name).
                 * @example 100
                 */
                limit?: number;
                /**
                 * @description The 0-based page to return. The first page is page 0, which is also the default. When you
                 *     omit it, the response's `page` is `null` (judgement call `list-paging`).
                 * @example 0
                 */
                page?: number;
            };
            header?: never;
            path: {
                /**
                 * @description The tenant's unique identifier.
                 * @example 8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b
                 */
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the tenant's interactions that match the filters, most recent first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InteractionRecordPage"];
                };
            };
            /**
             * @description Invalid syntax or a missing or malformed parameter: an id that is not a uuid, a `limit`
             *     outside 1..1000, a time that is not ISO 8601 in UTC, a range that ends before it starts.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No credentials, or credentials the API does not accept. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The credentials lack the `INTERACTIONS_API_READ_ALL` permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An internal server error. Safe to retry (the request is a read). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Bad gateway. Safe to retry. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Service unavailable. Safe to retry. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Gateway timeout. Safe to retry. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getInteraction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant's unique identifier.
                 * @example 8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b
                 */
                tenantId: string;
                /**
                 * @description The interaction's unique identifier, as the contact history route lists it.
                 * @example 5e003dd5-d261-42fb-8895-edcb7071b0bb
                 */
                interactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The interaction. Only `interactionId` is sure to be there (keys without a value are left out); see the schema for what each key is known to hold. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InteractionRecord"];
                };
            };
            /** @description Invalid syntax or a missing or malformed parameter, such as an id that is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No credentials, or credentials the API does not accept. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The credentials lack the `INTERACTIONS_API_READ_ALL` permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such tenant or interaction. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An internal server error. Safe to retry (the request is a read). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Bad gateway. Safe to retry. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Service unavailable. Safe to retry. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Gateway timeout. Safe to retry. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The API key and its secret. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /**
             * @description A token. The success status is undocumented: `200` is declared because it is the only
             *     success status the vendor lists; accept any 2xx that carries `token`. Only `token` is known;
             *     any other field is undocumented.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Invalid syntax or a missing field, such as a body without `password`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /**
             * @description The API key or secret is not accepted. (An assumption: the vendor does not document this
             *     call's answer to bad credentials; 401 is the HTTP status for failed authentication, and it
             *     is on the vendor's status list.)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /**
             * @description An internal server error. Retrying is reasonable: at worst a repeated exchange issues one
             *     more token (the vendor does not say whether tokens are limited in number).
             */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Bad gateway. Retrying is reasonable (see 500). */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Service unavailable. Retrying is reasonable (see 500). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Gateway timeout. Retrying is reasonable (see 500). */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
