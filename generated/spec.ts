// Generated from openapi/ by `npm run generate`. Do not edit.
/** Facts read from the spec at generate time, so src/ never retypes them. */
export const spec = {
  "operationId": "listContactInteractions",
  "path": "/tenants/{tenantId}/contacts/{contactId}/interactions",
  "permission": "CONTACTS_INTERACTION_HISTORY_READ",
  "parameters": {
    "tenantId": {
      "in": "path",
      "required": true,
      "schema": {
        "type": "string",
        "format": "uuid"
      }
    },
    "contactId": {
      "in": "path",
      "required": true,
      "schema": {
        "type": "string",
        "format": "uuid"
      }
    },
    "limit": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
        "default": 10
      }
    },
    "page": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "integer",
        "minimum": 0,
        "default": 0
      }
    }
  },
  "regions": {
    "us-east-1": "https://api.cxengage.net/v1",
    "eu-west-1": "https://eu-west-1-prod-api.cxengage.net/v1"
  },
  "defaultRegion": "us-east-1",
  "errorStatuses": [
    400,
    401,
    403,
    404,
    500,
    502,
    503,
    504
  ],
  "specVersion": "1.1.0"
} as const;
