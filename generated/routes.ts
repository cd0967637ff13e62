// Generated from openapi/ by `npm run generate`. Do not edit.
/** Every operation's method and path template alone: what tells a request's route (spans, logs). */
export const routes = [
  {
    "method": "get",
    "path": "/tenants/{tenantId}/contacts/{contactId}/interactions"
  },
  {
    "method": "get",
    "path": "/tenants/{tenantId}/interactions"
  },
  {
    "method": "get",
    "path": "/tenants/{tenantId}/interactions/{interactionId}"
  },
  {
    "method": "post",
    "path": "/tokens"
  }
] as const;
