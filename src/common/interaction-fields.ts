/**
 * What the spec says of an interaction's fields beyond their types, in one place for every part of the
 * package that needs it: the documented fields of the history's item and of the full record (the schemas
 * also admit undocumented ones), and the
 * display labels the spec's descriptions give for the `channelType` and `directionType` enums. The CLI
 * prints the fields as columns, the contract checks judge a live API's labels against these, and the
 * testing kit generates them. Both tables are keyed by the generated types, so a field or enum value
 * added to the spec fails type-checking here until it is given its place.
 */
import type { Interaction, InteractionRecord } from '../types.js';

/** Interaction's documented fields (its index signature left out). */
export type DocumentedField = keyof { [K in keyof Interaction as string extends K ? never : K]: true };

/** Every documented field, in the spec's order (exhaustive by type). */
export const documentedFields = {
  interactionId: true,
  startTimestamp: true,
  endTimestamp: true,
  channelType: true,
  channelName: true,
  directionType: true,
  directionName: true,
  customer: true,
  note: true,
  csat: true,
  recording: true,
  transcript: true,
  lastAgentId: true,
  lastAgentName: true,
  lastQueueId: true,
  lastQueueName: true,
  lastDispositionId: true,
  lastDispositionName: true,
} as const satisfies Record<DocumentedField, true>;

/** InteractionRecord's documented keys (its index signature left out). */
export type RecordField = keyof { [K in keyof InteractionRecord as string extends K ? never : K]: true };

/** Every documented key of the full record (Get a Specific Interaction, Get a List of Interactions), in the spec's order (exhaustive by type). */
export const recordFields = {
  tenantId: true,
  interactionId: true,
  flowId: true,
  flowName: true,
  startTimestamp: true,
  endTimestamp: true,
  interactionTime: true,
  customerAbandonTime: true,
  ivrTime: true,
  ivrAbandoned: true,
  contactPoint: true,
  customer: true,
  customerHolds: true,
  customerHoldTime: true,
  customerTransfers: true,
  customerConversationTime: true,
  customerTalkTime: true,
  customerResponseTimes: true,
  customerSatisfactionScore: true,
  thirdPartyTime: true,
  campaignId: true,
  leadId: true,
  flagged: true,
  monitors: true,
  hooks: true,
  segments: true,
  queues: true,
  details: true,
} as const satisfies Record<RecordField, true>;

/** The labels the spec's `channelName` description gives, per `channelType`. */
export const channelLabels: Readonly<Record<Interaction['channelType'], string>> = {
  voice: 'Voice',
  sms: 'Sms',
  email: 'Email',
  messaging: 'Messaging',
  'work-item': 'Work Item',
};

/** The labels the spec's `directionName` description gives, per `directionType`. */
export const directionLabels: Readonly<Record<Interaction['directionType'], string>> = {
  inbound: 'Inbound',
  outbound: 'Outbound',
  'agent-initiated': 'Agent Initiated',
};
