/**
 * The one interaction generator of the testing kit: deterministic, schema-valid interactions addressed
 * by index, so a server can produce any page of any history (even the millionth item) without holding
 * the list. Index 0 is the most recent; a larger index is older; negative indices are newer than index 0
 * (new activity arriving at the front). Enum tables are keyed by the generated types, so they cannot
 * drift from the spec. An interaction's full record (Get a Specific Interaction, and each result of Get a
 * List of Interactions) is derived from it here too, shaped as the vendor's samples, so the routes always
 * agree.
 */
import { channelLabels, directionLabels } from '../common/interaction-fields.js';
import type { Interaction, InteractionRecord } from '../types.js';
import { absorb, firstDraw, type HashState, intBetween, pick, type Random, seededRandom, uuid } from './random.js';

// Keyed by the spec's enums (see interaction-fields.ts): every channel and direction, and no other.
const channelTypes = Object.keys(channelLabels) as Interaction['channelType'][];
const directionTypes = Object.keys(directionLabels) as Interaction['directionType'][];

const agents = [
  { id: '7a8c3cd0-82b2-41e7-b08f-6e56a766befb', name: 'Don Smith' },
  { id: 'b1e2c3d4-5f60-4172-8394-a5b6c7d8e9f0', name: 'Ana Ruiz' },
  { id: 'd2a0c6e1-4b7f-4c3a-9e21-5f8b7a6c4d30', name: 'Kenji Mori' },
];
const queues = [
  { id: '3703e470-834a-41e7-b08f-6e56a766befb', name: 'Support', platformId: 743 },
  { id: 'c4d5e6f7-0819-4a2b-9c3d-4e5f60718293', name: 'Billing', platformId: 744 },
];
/** The record's `platformQueueId` (a number, as in the vendor's sample) of the kit's queues. */
const platformQueueIds = new Map(queues.map((q) => [q.id, q.platformId]));
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

/** The slot of time an instant (ms) falls in: index `i` starts in (NEWEST_START − (i + 1)·SLOT, NEWEST_START − i·SLOT]. */
export function slotOf(ms: number): number {
  return Math.floor((NEWEST_START - ms) / SLOT_MS);
}

/** The start (ms) of index `index`, drawn first from its stream, so it can be had without the rest. */
function drawStart(random: Random, index: number): number {
  return NEWEST_START - index * SLOT_MS - intBetween(random, 1_000, SLOT_MS - 1);
}

/**
 * When `interactionAt(seed, index)` starts, in ms, for a fraction of the cost of the interaction: what a
 * tenant-wide listing orders thousands of histories by, without generating them.
 */
export function startMsAt(seed: string | number, index: number): number {
  return startMsFrom(streamPrefix(seed), index);
}

/** What `startMsFrom` needs of a history's seed: its streams' common prefix, hashed once. */
export function streamPrefix(seed: string | number): HashState {
  return absorb(`${seed}#`);
}

/** `startMsAt(seed, index)`, given `streamPrefix(seed)`: a million histories' starts without a million hashes of their seeds. */
export function startMsFrom(prefix: HashState, index: number): number {
  return NEWEST_START - index * SLOT_MS - intBetween(() => firstDraw(prefix, String(index)), 1_000, SLOT_MS - 1);
}

/** The interaction at `index` of the history generated from `seed`. Pure: the same arguments, the same interaction. */
export function interactionAt(seed: string | number, index: number): Interaction {
  if (!Number.isSafeInteger(index)) throw new RangeError(`index must be a safe integer, got ${index}`);
  const random = seededRandom(`${seed}#${index}`);
  const startMs = drawStart(random, index);
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

/** The values the kit's custom reporting attributes take (the vendor's examples search `custAccountNumber`). */
export const ATTRIBUTE_VALUES = ['custAccountNumber', 'valueOne', 'valueTwo'] as const;

/**
 * The third-party records and custom reporting attributes linked to an interaction (the record's `hooks`,
 * what the List's hook filters search), shaped as the vendor's samples: about one interaction in five has
 * a Zendesk ticket (and then often its user), one in four a custom reporting attribute. Seeded by the
 * interaction's id alone, so a filter can test an interaction without building its whole record.
 */
export function interactionHooks(interaction: Interaction): NonNullable<InteractionRecord['hooks']> {
  const random = seededRandom(`hooks#${interaction.interactionId}`);
  const hooks: NonNullable<InteractionRecord['hooks']> = [];
  const at = (seconds: number) => new Date(Date.parse(interaction.startTimestamp) + seconds * 1000).toISOString();
  const agentId = interaction.lastAgentId;
  if (random() < 0.2) {
    const hookedBy = String(intBetween(random, 10_000_000_000, 99_999_999_999));
    const linked = (hookSubType: string, hookId: string, extra: { hookName?: string }) => ({
      interactionHookId: uuid(random),
      hookType: 'zendesk',
      hookSubType,
      hookId,
      ...extra,
      hookedBy,
      ...(agentId ? { agentId } : {}),
      timestamp: at(intBetween(random, 1, 60)),
    });
    hooks.push(linked('ticket', String(intBetween(random, 1, 99_999)), {}));
    if (random() < 0.5) {
      const id = String(intBetween(random, 10_000_000_000, 99_999_999_999));
      hooks.push(linked('user', id, { hookName: `Customer ${intBetween(random, 1, 9999)}` }));
    }
  }
  if (random() < 0.25) {
    hooks.push({
      interactionHookId: uuid(random),
      hookType: 'unattachedAttr',
      hookSubType: 'interaction-attribute',
      hookId: uuid(random),
      hookName: pick(random, ATTRIBUTE_VALUES),
      timestamp: at(intBetween(random, 0, 5)),
    });
  }
  return hooks;
}

/** Seconds between two ISO instants, to the millisecond, as the vendor's samples give durations. */
const secondsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

/**
 * The interaction in full, as Get a Specific Interaction answers for it and Get a List of Interactions
 * lists it: the same id, timestamps, customer, channel, direction, csat, agent and queue as the history's
 * `interaction`, and for what the history does not carry deterministic values seeded by the interaction
 * id, shaped as the vendor's samples (times in seconds with milliseconds; one segment, which the
 * customer ends when no agent took the interaction). Keys without a value are left out, as the API does
 * by default, except in `details`, which keeps its nulls; `{ nulls: true }` gives every key, `null` where
 * there is no value, as `green=false` does. Pure: the same arguments, the same record.
 */
export function interactionRecord(
  interaction: Interaction,
  tenantId: string,
  contactId: string,
  options: { nulls?: boolean } = {},
): InteractionRecord {
  const random = seededRandom(`record#${interaction.interactionId}`);
  const { startTimestamp, endTimestamp, channelType, directionType, customer } = interaction;
  const voice = channelType === 'voice';
  const ended = endTimestamp !== null;
  const duration = ended ? secondsBetween(startTimestamp, endTimestamp) : null;
  const agent = interaction.lastAgentId;
  const abandoned = ended && agent === null;
  const segmentId = uuid(random);
  const allocationId = uuid(random);
  const ivrTime = voice ? intBetween(random, 0, 30_000) / 1000 : null;
  const talk = ended && agent !== null ? Math.max(0, duration! - intBetween(random, 0, 30_000) / 1000) : null;
  const record = {
    tenantId,
    interactionId: interaction.interactionId,
    flowId: uuid(random),
    flowName: `${interaction.channelName} ${interaction.directionName.toLowerCase()}`,
    startTimestamp,
    endTimestamp,
    interactionTime: duration,
    customerAbandonTime: abandoned ? duration : null,
    ivrTime,
    ivrAbandoned: null,
    contactPoint: contactPoints[channelType],
    customer,
    customerHolds: voice ? intBetween(random, 0, 2) : 0,
    customerHoldTime: null,
    customerTransfers: null,
    customerConversationTime: talk,
    customerTalkTime: talk,
    customerResponseTimes: [],
    customerSatisfactionScore: interaction.csat,
    thirdPartyTime: null,
    campaignId: null,
    leadId: null,
    flagged: null,
    monitors: [],
    hooks: interactionHooks(interaction),
    segments: [
      {
        segmentConsultTime: null,
        segmentNumber: 0,
        segmentCancelled: ended ? abandoned : null,
        interactionSegmentId: segmentId,
        agentId: null,
        interactionAgentId: agent === null ? null : allocationId,
        transfer: null,
        segmentStartType: 'interaction',
        addParticipantTime: null,
        addParticipant: null,
        segmentToAgentId: agent,
        startTimestamp,
        endTimestamp,
        segmentEndType: ended ? (abandoned ? 'customer-disconnect' : 'success') : null,
        transferTime: null,
        segmentExtensionValue: null,
        segmentCancelTime: abandoned ? duration : null,
        segmentExtensionType: null,
        addParticipantHandedOff: null,
        segmentTime: duration,
        segmentThirdParty: null,
      },
    ],
    queues:
      interaction.lastQueueId === null
        ? []
        : [
            {
              interactionQueueId: uuid(random),
              interactionSegmentId: segmentId,
              queueEntryLength: 1,
              queueAbandonTime: abandoned && ivrTime !== null ? Math.max(0, duration! - ivrTime) : null,
              platformQueueId: platformQueueIds.get(interaction.lastQueueId) ?? null,
              queueId: interaction.lastQueueId,
              queueName: interaction.lastQueueName,
            },
          ],
    details: {
      endTimestamp,
      interactionId: interaction.interactionId,
      contactPoint: contactPoints[channelType],
      customer,
      csat: interaction.csat,
      startTimestamp,
      agents:
        agent === null
          ? []
          : [{ interactionAgentId: allocationId, agentId: agent, agentName: interaction.lastAgentName }],
      direction: directionType,
      contactId,
      channelType,
    },
  };
  return (options.nulls ? record : withoutEmpty(record)) as InteractionRecord;
}

/**
 * The record as the API answers by default: every key whose value is `null` or an empty array left out,
 * at every level but `details`, which keeps its keys (the vendor's samples: judgement call `list-null-scope`).
 */
export function withoutEmpty<T extends object>(record: T): T {
  const strip = (value: unknown, top: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => strip(item, false));
    if (value === null || typeof value !== 'object') return value;
    const kept: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === null || (Array.isArray(inner) && inner.length === 0)) continue;
      kept[key] = top && key === 'details' ? inner : strip(inner, false);
    }
    return kept;
  };
  return strip(record, true) as T;
}
