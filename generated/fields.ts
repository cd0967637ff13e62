// Generated from openapi/ by `npm run generate`. Do not edit.
/** The JSON types (`[]`: any value) and formats of each key of the interaction's schemas, read from the spec. */
export const fields = {
  "Interaction": {
    "interactionId": {
      "types": [
        "string"
      ],
      "format": "uuid"
    },
    "startTimestamp": {
      "types": [
        "string"
      ],
      "format": "date-time"
    },
    "endTimestamp": {
      "types": [
        "string",
        "null"
      ],
      "format": "date-time"
    },
    "channelType": {
      "types": [
        "string"
      ]
    },
    "channelName": {
      "types": [
        "string"
      ]
    },
    "directionType": {
      "types": [
        "string"
      ]
    },
    "directionName": {
      "types": [
        "string"
      ]
    },
    "customer": {
      "types": [
        "string"
      ]
    },
    "note": {
      "types": [
        "integer"
      ]
    },
    "csat": {
      "types": [
        "number",
        "null"
      ]
    },
    "recording": {
      "types": []
    },
    "transcript": {
      "types": []
    },
    "lastAgentId": {
      "types": [
        "string",
        "null"
      ],
      "format": "uuid"
    },
    "lastAgentName": {
      "types": [
        "string",
        "null"
      ]
    },
    "lastQueueId": {
      "types": [
        "string",
        "null"
      ],
      "format": "uuid"
    },
    "lastQueueName": {
      "types": [
        "string",
        "null"
      ]
    },
    "lastDispositionId": {
      "types": [
        "string",
        "null"
      ],
      "format": "uuid"
    },
    "lastDispositionName": {
      "types": [
        "string",
        "null"
      ]
    }
  },
  "InteractionRecord": {
    "tenantId": {
      "types": [
        "string"
      ],
      "format": "uuid"
    },
    "interactionId": {
      "types": [
        "string"
      ],
      "format": "uuid"
    },
    "flowId": {
      "types": [
        "string",
        "null"
      ],
      "format": "uuid"
    },
    "flowName": {
      "types": [
        "string",
        "null"
      ]
    },
    "startTimestamp": {
      "types": [
        "string",
        "null"
      ],
      "format": "date-time"
    },
    "endTimestamp": {
      "types": [
        "string",
        "null"
      ],
      "format": "date-time"
    },
    "interactionTime": {
      "types": [
        "number",
        "null"
      ]
    },
    "customerAbandonTime": {
      "types": [
        "number",
        "null"
      ]
    },
    "ivrTime": {
      "types": [
        "number",
        "null"
      ]
    },
    "ivrAbandoned": {
      "types": []
    },
    "contactPoint": {
      "types": [
        "string",
        "null"
      ]
    },
    "customer": {
      "types": [
        "string",
        "null"
      ]
    },
    "customerHolds": {
      "types": [
        "number",
        "null"
      ]
    },
    "customerHoldTime": {
      "types": []
    },
    "customerTransfers": {
      "types": []
    },
    "customerConversationTime": {
      "types": [
        "number",
        "null"
      ]
    },
    "customerTalkTime": {
      "types": [
        "number",
        "null"
      ]
    },
    "customerResponseTimes": {
      "types": [
        "array"
      ]
    },
    "customerSatisfactionScore": {
      "types": [
        "number",
        "null"
      ]
    },
    "thirdPartyTime": {
      "types": []
    },
    "campaignId": {
      "types": []
    },
    "leadId": {
      "types": []
    },
    "flagged": {
      "types": []
    },
    "monitors": {
      "types": [
        "array"
      ]
    },
    "hooks": {
      "types": [
        "array"
      ]
    },
    "segments": {
      "types": [
        "array"
      ]
    },
    "queues": {
      "types": [
        "array"
      ]
    },
    "details": {
      "types": []
    }
  },
  "InteractionRecordDetails": {
    "endTimestamp": {
      "types": [
        "string",
        "null"
      ],
      "format": "date-time"
    },
    "interactionId": {
      "types": [
        "string",
        "null"
      ],
      "format": "uuid"
    },
    "contactPoint": {
      "types": [
        "string",
        "null"
      ]
    },
    "customer": {
      "types": [
        "string",
        "null"
      ]
    },
    "csat": {
      "types": []
    },
    "startTimestamp": {
      "types": [
        "string",
        "null"
      ],
      "format": "date-time"
    },
    "agents": {
      "types": [
        "array"
      ]
    },
    "direction": {
      "types": [
        "string",
        "null"
      ]
    },
    "contactId": {
      "types": []
    },
    "channelType": {
      "types": [
        "string",
        "null"
      ]
    }
  }
} as const;
