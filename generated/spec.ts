// Generated from openapi/ by `npm run generate`. Do not edit.
/** The regional servers: region → base URL. */
export const regions = {
  "us-east-1": "https://api.cxengage.net/v1",
  "eu-west-1": "https://eu-west-1-prod-api.cxengage.net/v1"
} as const;

/** The region used when none is given: the spec's first server. */
export const defaultRegion = "us-east-1";

/** What sending `listContactInteractions` needs: its method, path and parameters. */
export const listContactInteractions = {
  "method": "get",
  "path": "/tenants/{tenantId}/contacts/{contactId}/interactions",
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
  }
} as const;

/** What sending `listTenantInteractions` needs: its method, path and parameters. */
export const listTenantInteractions = {
  "method": "get",
  "path": "/tenants/{tenantId}/interactions",
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
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "format": "uuid"
      }
    },
    "startTimeRange": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$"
      }
    },
    "endTimeRange": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$"
      }
    },
    "attribute-value": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "pattern": "\\S"
      }
    },
    "hook-name": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "pattern": "\\S"
      }
    },
    "hookType": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "pattern": "\\S"
      }
    },
    "hookSubType": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "pattern": "\\S"
      }
    },
    "hookId": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "string",
        "pattern": "\\S"
      }
    },
    "green": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "boolean",
        "default": true
      }
    },
    "limit": {
      "in": "query",
      "required": false,
      "schema": {
        "type": "integer",
        "minimum": 1,
        "maximum": 1000,
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
  }
} as const;

/** What sending `getInteraction` needs: its method, path and parameters. */
export const getInteraction = {
  "method": "get",
  "path": "/tenants/{tenantId}/interactions/{interactionId}",
  "parameters": {
    "tenantId": {
      "in": "path",
      "required": true,
      "schema": {
        "type": "string",
        "format": "uuid"
      }
    },
    "interactionId": {
      "in": "path",
      "required": true,
      "schema": {
        "type": "string",
        "format": "uuid"
      }
    }
  }
} as const;

/** What sending `createToken` needs: its method, path and parameters. */
export const createToken = {
  "method": "post",
  "path": "/tokens",
  "parameters": {}
} as const;

/** Each operation's, by operationId. */
export const requests = { listContactInteractions, listTenantInteractions, getInteraction, createToken } as const;

/** Facts read from the spec at generate time, so src/ never retypes them. */
export const spec = {
  "specVersion": "1.2.0",
  "regions": regions,
  "defaultRegion": defaultRegion,
  "operations": {
    "listContactInteractions": {
      "method": "get",
      "path": "/tenants/{tenantId}/contacts/{contactId}/interactions",
      "permission": "CONTACTS_INTERACTION_HISTORY_READ",
      "authenticated": true,
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
      "successStatus": 200,
      "successSchema": "InteractionPage",
      "errorStatuses": [
        400,
        401,
        403,
        404,
        500,
        502,
        503,
        504
      ]
    },
    "listTenantInteractions": {
      "method": "get",
      "path": "/tenants/{tenantId}/interactions",
      "permission": "INTERACTIONS_API_READ_ALL",
      "authenticated": true,
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
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "format": "uuid"
          }
        },
        "startTimeRange": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$"
          }
        },
        "endTimeRange": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$"
          }
        },
        "attribute-value": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "\\S"
          }
        },
        "hook-name": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "\\S"
          }
        },
        "hookType": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "\\S"
          }
        },
        "hookSubType": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "\\S"
          }
        },
        "hookId": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "\\S"
          }
        },
        "green": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "boolean",
            "default": true
          }
        },
        "limit": {
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000,
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
      "successStatus": 200,
      "successSchema": "InteractionRecordPage",
      "errorStatuses": [
        400,
        401,
        403,
        404,
        500,
        502,
        503,
        504
      ]
    },
    "getInteraction": {
      "method": "get",
      "path": "/tenants/{tenantId}/interactions/{interactionId}",
      "permission": "INTERACTIONS_API_READ_ALL",
      "authenticated": true,
      "parameters": {
        "tenantId": {
          "in": "path",
          "required": true,
          "schema": {
            "type": "string",
            "format": "uuid"
          }
        },
        "interactionId": {
          "in": "path",
          "required": true,
          "schema": {
            "type": "string",
            "format": "uuid"
          }
        }
      },
      "successStatus": 200,
      "successSchema": "InteractionRecord",
      "errorStatuses": [
        400,
        401,
        403,
        404,
        500,
        502,
        503,
        504
      ]
    },
    "createToken": {
      "method": "post",
      "path": "/tokens",
      "authenticated": false,
      "parameters": {},
      "successStatus": 200,
      "successSchema": "TokenResponse",
      "errorStatuses": [
        400,
        401,
        500,
        502,
        503,
        504
      ]
    }
  }
} as const;

/** One parameter's facts, as this file holds them: the generator refuses any other keyword. */
export interface ParamFacts {
  readonly in: string;
  readonly required: boolean;
  readonly schema: {
    readonly type: string;
    readonly format?: string;
    readonly minimum?: number;
    readonly maximum?: number;
    readonly pattern?: string;
    readonly enum?: readonly unknown[];
    readonly default?: unknown;
  };
}

/** How the parameters' `format`s are checked (the same patterns as the response validators'). */
export const paramFormats: Readonly<Record<string, RegExp>> = {
  "uuid": /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
};
