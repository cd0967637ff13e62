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
         *     (`GET /v1/tenants/{tenantId}/interactions/{interactionId}`). It is not deprecated today.
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
}
