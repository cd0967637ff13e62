/**
 * The one interaction generator of the testing kit: deterministic, schema-valid interactions addressed
 * by index, so a server can produce any page of any history (even the millionth item) without holding
 * the list. Index 0 is the most recent; a larger index is older; negative indices are newer than index 0
 * (new activity arriving at the front). Enum tables are keyed by the generated types, so they cannot
 * drift from the spec. An interaction's full record (Get a Specific Interaction) is derived from it here
 * too, so the two routes always agree.
 */
import { channelLabels, directionLabels } from '../common/interaction-fields.js';
import type { Interaction, InteractionRecord } from '../types.js';
import { intBetween, pick, type Random, seededRandom, uuid } from './random.js';

// Keyed by the spec's enums (see interaction-fields.ts): every channel and direction, and no other.
const channelTypes = Object.keys(channelLabels) as Interaction['channelType'][];
const directionTypes = Object.keys(directionLabels) as Interaction['directionType'][];

const agents = [
  { id: '7a8c3cd0-82b2-41e7-b08f-6e56a766befb', name: 'Don Smith' },
  { id: 'b1e2c3d4-5f60-4172-8394-a5b6c7d8e9f0', name: 'Ana Ruiz' },
  { id: 'd2a0c6e1-4b7f-4c3a-9e21-5f8b7a6c4d30', name: 'Kenji Mori' },
];
const queues = [
  { id: '3703e470-834a-41e7-b08f-6e56a766befb', name: 'Support' },
  { id: 'c4d5e6f7-0819-4a2b-9c3d-4e5f60718293', name: 'Billing' },
];
const dispositions = [
  { id: '9a8b7c6d-5e4f-4321-8fed-cba987654321', name: 'Resolved' },
  { id: '1f2e3d4c-5b6a-4978-8877-665544332211', name: 'Callback requested' },
];

/** When index 0 starts: a fixed instant, never the clock. */
export const NEWEST_START = Date.UTC(2024, 5, 1, 12, 0, 0, 0);
/**
 * Each index owns one slot of time and starts inside it (at least 1 s before the slot's end), so start
 * times strictly decrease with the index, whatever the seed: most recent first by construction.
 */
export const SLOT_MS = 10 * 60 * 1000;

function customerFor(random: Random, channel: Interaction['channelType']): string {
  if (channel === 'voice' || channel === 'sms')
    return `+1506${String(intBetween(random, 0, 9_999_999)).padStart(7, '0')}`;
  if (channel === 'messaging') return `@customer.${intBetween(random, 1, 9999)}`;
  return `customer${intBetween(random, 1, 9999)}@example.com`;
}

function maybe<T>(random: Random, probability: number, value: () => T): T | null {
  return random() < probability ? value() : null;
}

/** The interaction at `index` of the history generated from `seed`. Pure: the same arguments, the same interaction. */
export function interactionAt(seed: string | number, index: number): Interaction {
  if (!Number.isSafeInteger(index)) throw new RangeError(`index must be a safe integer, got ${index}`);
  const random = seededRandom(`${seed}#${index}`);
  const startMs = NEWEST_START - index * SLOT_MS - intBetween(random, 1_000, SLOT_MS - 1);
  const channelType = pick(random, channelTypes);
  const directionType = pick(random, directionTypes);
  const agent = maybe(random, 0.9, () => pick(random, agents));
  const queue = maybe(random, 0.95, () => pick(random, queues));
  const disposition = maybe(random, 0.5, () => pick(random, dispositions));
  const durationMs = intBetween(random, 5_000, 2 * 60 * 60 * 1000);
  return {
    interactionId: uuid(random),
    startTimestamp: new Date(startMs).toISOString(),
    endTimestamp: maybe(random, 0.95, () => new Date(startMs + durationMs).toISOString()),
    channelType,
    channelName: channelLabels[channelType],
    directionType,
    directionName: directionLabels[directionType],
    customer: customerFor(random, channelType),
    note: random() < 0.3 ? 1 : 0,
    csat: maybe(random, 0.3, () => intBetween(random, 1, 20) / 2),
    recording: null,
    transcript: null,
    lastAgentId: agent?.id ?? null,
    lastAgentName: agent?.name ?? null,
    lastQueueId: queue?.id ?? null,
    lastQueueName: queue?.name ?? null,
    lastDispositionId: disposition?.id ?? null,
    lastDispositionName: disposition?.name ?? null,
  };
}

/**
 * `count` interactions of the history generated from `seed`, most recent first, from index `from`
 * (default 0): `generateInteractions(n, seed)[i]` is `interactionAt(seed, i)`.
 */
export function generateInteractions(count: number, seed: string | number, from = 0): Interaction[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  return Array.from({ length: count }, (_, i) => interactionAt(seed, from + i));
}

/** Where the customer reached the tenant, per channel (the record's `contactPoint`). */
const contactPoints: Record<Interaction['channelType'], string> = {
  voice: '+15065550100',
  sms: '+15065550100',
  email: 'support@example.com',
  messaging: '@example-support',
  'work-item': 'work-items',
};

/**
 * The interaction in full, as Get a Specific Interaction answers for it: the same id, timestamps, customer,
 * channel, direction, agent and queue as the history's `interaction`, and for what the history does not
 * carry deterministic values seeded by the interaction id, shaped as in the spec's example (times in ms,
 * arrays of small objects). Pure: the same arguments, the same record.
 */
export function interactionRecord(interaction: Interaction, tenantId: string, contactId: string): InteractionRecord {
  const random = seededRandom(`record#${interaction.interactionId}`);
  const { startTimestamp, endTimestamp, channelType, directionType } = interaction;
  const voice = channelType === 'voice';
  return {
    tenantId,
    interactionId: interaction.interactionId,
    flowId: uuid(random),
    flowName: `${interaction.channelName} ${interaction.directionName.toLowerCase()}`,
    startTimestamp,
    endTimestamp,
    interactionTime: endTimestamp === null ? null : Date.parse(endTimestamp) - Date.parse(startTimestamp),
    customerAbandonTime: null,
    ivrTime: voice ? intBetween(random, 0, 30_000) : null,
    contactPoint: contactPoints[channelType],
    customer: interaction.customer,
    customerHolds: voice ? intBetween(random, 0, 2) : 0,
    segments: [{ startTimestamp, endTimestamp }],
    queues:
      interaction.lastQueueId === null
        ? []
        : [{ queueId: interaction.lastQueueId, queueName: interaction.lastQueueName }],
    details: {
      agents:
        interaction.lastAgentId === null
          ? []
          : [{ agentId: interaction.lastAgentId, agentName: interaction.lastAgentName }],
      direction: directionType,
      contactId,
      channelType,
    },
  };
}
