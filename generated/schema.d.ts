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
    "/tenants/{tenantId}/interactions/{interactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a specific interaction
         * @description Returns one interaction in full, by its id: the vendor's **Get a Specific Interaction**, the
         *     route it recommends in place of the contact history route.
         *
         *     Requires the `INTERACTIONS_API_READ_ALL` permission; without it the API answers 403. This is
         *     not the history route's permission: a key that can read a contact's history may lack it.
         *
         *     **What is known** (medium confidence: the route is less documented than the history route):
         *     the path, the permission, and the names of the top-level keys of the response: `tenantId`,
         *     `interactionId`, `flowId`, `flowName`, `startTimestamp`, `endTimestamp`, `interactionTime`,
         *     `customerAbandonTime`, `ivrTime`, `contactPoint`, `customer`, `customerHolds`, `segments`,
         *     `queues` and `details` (with `agents`, `direction`, `contactId` and `channelType` among its
         *     keys).
         *
         *     **What is not:** the types of most of those keys, which are always present, and what the
         *     arrays hold. The response schema types only what the evidence shows (the two ids, the
         *     arrays, `details` as an object), requires only `interactionId`, and accepts everything else,
         *     including properties this page does not describe. The error statuses are the vendor's general
         *     list, as for the history route.
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
         * InteractionRecord
         * @description One interaction in full, as "Get a Specific Interaction" returns it.
         *
         *     **What is known.** This route is known by its path, its permission and the names of its
         *     top-level keys, from the vendor's public docs and client code, with no sample response (medium
         *     confidence; the route is less documented than the history route). The keys are listed at the
         *     top level, so the record is taken to be the whole body, not wrapped in `{result: …}` (medium).
         *
         *     **What is not.** The types of most keys, which keys are always present, which can be `null`,
         *     and everything inside `segments`, `queues` and `details` beyond the names listed. So a key has
         *     a type here only where the evidence shows one: the two ids that are the route's path parameters
         *     (uuids), the three arrays, and `details` (an object). Every other key accepts any JSON value,
         *     the records and their items accept properties this page does not describe, and the
         *     descriptions say what each key presumably means (inferred from its name unless stated).
         *
         *     Only `interactionId` is required: it is the one key a record about the requested interaction
         *     cannot lack, and requiring it makes a body of another shape (such as a `{result: …}` wrapper)
         *     fail validation instead of passing as an empty record.
         */
        InteractionRecord: {
            /**
             * Format: uuid
             * @description The tenant's unique identifier, presumably the `tenantId` of the request path (a uuid, as that parameter is).
             */
            tenantId?: string;
            /**
             * Format: uuid
             * @description The interaction's unique identifier, presumably the `interactionId` of the request path (a
             *     uuid, as that parameter is, and as the history route's `interactionId` is). It is the same
             *     id the history route lists, so the two routes join on it.
             */
            interactionId: string;
            /**
             * @description The flow that handled the interaction. Its type is undocumented (other CxEngage ids are
             *     uuids, but none is shown for this key), so any JSON value is accepted.
             */
            flowId?: unknown;
            /** @description The name of the flow that handled the interaction. Type undocumented; any JSON value is accepted. */
            flowName?: unknown;
            /**
             * @description When the interaction started. The history route's key of this name is an ISO 8601 UTC
             *     date-time with milliseconds; this route's is undocumented (probably the same, medium-low
             *     confidence), so any JSON value is accepted.
             */
            startTimestamp?: unknown;
            /**
             * @description When the interaction ended. The history route's key of this name is an ISO 8601 UTC
             *     date-time with milliseconds, or `null` while the interaction is open; this route's is
             *     undocumented (probably the same, medium-low confidence), so any JSON value is accepted.
             */
            endTimestamp?: unknown;
            /**
             * @description Presumably the interaction's duration. Its unit and type are undocumented, so any JSON
             *     value is accepted.
             */
            interactionTime?: unknown;
            /**
             * @description Presumably how long the customer waited before abandoning the interaction. Its unit, its
             *     type, and its value when the customer did not abandon are undocumented, so any JSON value is
             *     accepted.
             */
            customerAbandonTime?: unknown;
            /**
             * @description Presumably the time the interaction spent in the IVR (the automated voice menu). Its unit and
             *     type, and its value on channels without an IVR, are undocumented, so any JSON value is
             *     accepted.
             */
            ivrTime?: unknown;
            /**
             * @description Presumably the address the customer reached, such as the number dialled or the address
             *     written to. Type undocumented; any JSON value is accepted.
             */
            contactPoint?: unknown;
            /**
             * @description Presumably the customer's address on the channel. The history route's `customer` is a string
             *     (E.164 for voice, possibly an email address or a handle elsewhere); this route's type is
             *     undocumented, so any JSON value is accepted.
             */
            customer?: unknown;
            /**
             * @description Presumably the times the customer was put on hold: a count or a list, undocumented. Any JSON
             *     value is accepted.
             */
            customerHolds?: unknown;
            /**
             * @description The interaction's segments (presumably its legs through flows, queues and agents). An array,
             *     as the evidence names it; its items are undocumented, so any items are accepted.
             */
            segments?: unknown[];
            /**
             * @description The queues the interaction went through. An array, as the evidence names it; its items are
             *     undocumented, so any items are accepted.
             */
            queues?: unknown[];
            /**
             * InteractionRecordDetails
             * @description More about the interaction. An object, as the evidence names it; of its keys only `agents`,
             *     `direction`, `contactId` and `channelType` are known by name (the evidence writes the rest
             *     as "…"), so it accepts properties this page does not describe, and none is required.
             */
            details?: {
                /**
                 * @description The agents who handled the interaction. An array, as the evidence names it; its items are
                 *     undocumented, so any items are accepted.
                 */
                agents?: unknown[];
                /**
                 * @description Presumably the interaction's direction, which the history route gives as `directionType`
                 *     (`inbound`, `outbound`, `agent-initiated`). This key's type and values are undocumented,
                 *     so any JSON value is accepted.
                 */
                direction?: unknown;
                /**
                 * @description Presumably the contact the interaction belongs to: the id the history route takes as its
                 *     `contactId` path parameter (a uuid there). This key's type, and its value when no contact
                 *     is linked, are undocumented, so any JSON value is accepted.
                 */
                contactId?: unknown;
                /**
                 * @description Presumably the channel, which the history route gives as `channelType` (`voice`, `sms`,
                 *     `email`, `messaging`, `work-item`). This key's type and values are undocumented, so any
                 *     JSON value is accepted.
                 */
                channelType?: unknown;
            } & {
                [key: string]: unknown;
            };
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
            /** @description The interaction. Only `interactionId` is sure to be there; see the schema for what each key is known to hold. */
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
