// Deterministic, schema-valid interactions addressed by index, so servers can generate any page
// (even the millionth) on demand without holding the list. Index 0 is the most recent; a larger
// index is older; negative indices are "newer than the walk" (inserted at the front).
// Enums are read from the bundled spec, never retyped.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { components } from '../../generated/schema.d.ts';
import { bundledSpec } from '../../scripts/lib/tools.ts';

export type Interaction = components['schemas']['Interaction'];
export type InteractionPage = components['schemas']['InteractionPage'];

interface PropertySchema {
  enum?: unknown[];
}
const interactionSchema = (
  parse(readFileSync(bundledSpec, 'utf8')) as {
    components: { schemas: { Interaction: { properties: Record<string, PropertySchema> } } };
  }
).components.schemas.Interaction;

function enumOf<T>(field: keyof Interaction & string): readonly T[] {
  const values = interactionSchema.properties[field]?.enum;
  if (!values?.length) throw new Error(`the spec declares no enum for Interaction.${field}`);
  return values as T[];
}

const channelTypes = enumOf<Interaction['channelType']>('channelType');
const directionTypes = enumOf<Interaction['directionType']>('directionType');
const notes = enumOf<Interaction['note']>('note');

/** "work-item" → "Work Item", the vendor's label style. */
const label = (value: string) =>
  value
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/**
 * mulberry32, not src/testing's sfc32: this generator seeds one PRNG per index (so the 1,000,000-item
 * bench server never holds the list), and mulberry32's one-word seeding is what makes that cheap.
 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A random v4 uuid; with `unique`, the last word is a bijection of it, so no two indices collide. */
function uuid(rand: () => number, unique?: number): string {
  const word = () => Math.floor(rand() * 0x1_0000_0000);
  const a = word();
  const b = word();
  const c = word();
  const d = unique === undefined ? word() : Math.imul(unique, 0x9e3779b1) >>> 0;
  // Version 4, RFC 4122 variant.
  const b2 = ((b & 0xffff0fff) | 0x00004000) >>> 0;
  const c2 = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  const s = hex(a, 8) + hex(b2, 8) + hex(c2, 8) + hex(d, 8);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const newest = Date.UTC(2024, 5, 1, 12, 0, 0, 0);
const slotMs = 600_000;

function pick<T>(rand: () => number, values: readonly T[]): T {
  return values[Math.floor(rand() * values.length)]!;
}

/** The interaction at `index` in a history generated from `seed`; pure, so pages can be regenerated. */
export function interactionAt(seed: number, index: number): Interaction {
  const rand = prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index, 0xc2b2ae35));
  // Each interaction starts inside its own 10-minute slot, so indices stay strictly most recent first.
  const start = newest - index * slotMs - Math.floor(rand() * (slotMs - 1_000));
  const open = rand() < 0.1;
  const channelType = pick(rand, channelTypes);
  const directionType = pick(rand, directionTypes);
  const agent = rand() < 0.85;
  const disposition = agent && rand() < 0.7;
  return {
    interactionId: uuid(rand, index),
    startTimestamp: new Date(start).toISOString(),
    endTimestamp: open ? null : new Date(start + 1_000 + Math.floor(rand() * 1_800_000)).toISOString(),
    channelType,
    channelName: label(channelType),
    directionType,
    directionName: label(directionType),
    customer:
      channelType === 'voice' || channelType === 'sms'
        ? `+1555${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`
        : `customer${index}@example.com`,
    note: pick(rand, notes),
    csat: rand() < 0.3 ? Math.floor(rand() * 11) : null,
    recording: null,
    transcript: null,
    lastAgentId: agent ? uuid(rand) : null,
    lastAgentName: agent ? `Agent ${Math.floor(rand() * 50)}` : null,
    lastQueueId: agent ? uuid(rand) : null,
    lastQueueName: agent ? pick(rand, ['Support', 'Sales', 'Billing']) : null,
    lastDispositionId: disposition ? uuid(rand) : null,
    lastDispositionName: disposition ? pick(rand, ['Resolved', 'Follow-up', 'Escalated']) : null,
  };
}

/** A fixed tenant/contact pair derived from the seed. */
export function idsFor(seed: number): { tenantId: string; contactId: string } {
  const rand = prng(seed ^ 0x5bd1e995);
  return { tenantId: uuid(rand), contactId: uuid(rand) };
}
