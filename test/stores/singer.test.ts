// The Singer store, checked against the Singer specification: every line one message of its types
// (RECORD, SCHEMA, STATE; validated with ajv), SCHEMA first with key properties of its own schema, every
// record valid against that schema, and each STATE written only after every record it accounts for. The
// runner's state resumes a run (a first run stopped part-way, the next given its last STATE) with every
// interaction sent, and a later run sends only what changed; a state of another tenant or mode is refused.
import { PassThrough } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionsClient, limitRate } from '../../src/index.js';
import { SINGER_KEY, SINGER_STREAM, StoreError, singerStore, syncToStore } from '../../src/stores/index.js';
import { CSAT_DELAY_MS, type ReferenceApi, ReferenceStore, startReferenceApi } from '../../src/testing/index.js';
import { seeded, uuid } from '../helpers.js';
import { singerMessageSchema } from './singer-messages.ts';

const tenantId = '7b3e5d1f-4a6c-4e8b-9d0f-1a2b3c4d5e6f';
const reference = new ReferenceStore({ seed: 'singer', clock: Date.UTC(2025, 8, 1) });
const random = seeded('singer');
const contacts = reference.addContacts(tenantId, 10, () => Math.floor(random() * 220));
const now = () => reference.now();
let api: ReferenceApi;
beforeAll(async () => {
  api = await startReferenceApi({ store: reference, credentials: { tokens: [{ token: 'singer-token' }] } });
});
afterAll(() => api?.close());

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const isMessage = ajv.compile(singerMessageSchema);

interface Message {
  type: 'RECORD' | 'SCHEMA' | 'STATE';
  stream?: string;
  record?: Record<string, unknown>;
  schema?: Record<string, unknown>;
  key_properties?: string[];
  value?: { bookmarks: Record<string, { tenantId: string; entries: Record<string, { state: { done?: unknown } }> }> };
}

/** Runs a sync into a Singer store; `stopAfter` ends its consumer after that many events (a run stopped part-way). */
async function sing(state?: unknown, stopAfter = Infinity, tenant = tenantId) {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const client = createInteractionsClient({ baseUrl: api.baseUrl, auth: { token: 'singer-token' }, maxRetries: 0 });
  limitRate(client, { requestsPerSecond: 5_000 });
  const store = singerStore({ output, state, stateIntervalMs: 0 });
  const run = syncToStore(client, { store, tenantId: tenant, contacts, concurrency: 3, now });
  let events = 0;
  for await (const _ of run) if (++events >= stopAfter) break;
  const lines = text.split('\n');
  expect(lines.pop()).toBe(''); // every message ends its line
  return { messages: lines.map((line) => JSON.parse(line) as Message), lines, summary: run.summary() };
}

/**
 * Checks the messages against the spec; returns the interaction ids the records carry, in order.
 * `earlier`: what earlier runs sent, which the runner's state carried over.
 */
function checkMessages(messages: Message[], earlier: ReadonlySet<string> = new Set()): string[] {
  for (const message of messages) expect(isMessage(message), JSON.stringify(ajv.errors)).toBe(true);
  const [schema] = messages;
  expect(schema).toMatchObject({ type: 'SCHEMA', stream: SINGER_STREAM, key_properties: [...SINGER_KEY] });
  expect(messages.filter((m) => m.type === 'SCHEMA')).toHaveLength(1);
  const properties = Object.keys((schema!.schema as { properties: object }).properties);
  for (const key of schema!.key_properties!) expect(properties).toContain(key);
  const isRecord = ajv.compile(schema!.schema!);
  const sent: string[] = [];
  const sentBy = new Map<string, Set<string>>();
  const wasSent = (contactId: string, id: string) => earlier.has(id) || sentBy.get(contactId)?.has(id) === true;
  for (const message of messages.slice(1)) {
    if (message.type === 'RECORD') {
      expect(message.stream).toBe(SINGER_STREAM);
      expect(isRecord(message.record), JSON.stringify(isRecord.errors)).toBe(true);
      const { interactionId, contactId } = message.record as { interactionId: string; contactId: string };
      sent.push(interactionId);
      sentBy.set(contactId, (sentBy.get(contactId) ?? new Set()).add(interactionId));
    } else {
      // STATE after every record it covers: each contact it marks done has all its interactions sent.
      expect(message.type).toBe('STATE');
      const { entries } = message.value!.bookmarks[SINGER_STREAM]!;
      for (const [contactId, entry] of Object.entries(entries)) {
        if (contactId.startsWith('#') || !entry.state.done) continue;
        for (const i of reference.interactions(tenantId, contactId)!)
          expect(wasSent(contactId, i.interactionId)).toBe(true);
      }
    }
  }
  return sent;
}

const all = () => contacts.flatMap((c) => reference.interactions(tenantId, c)!.map((i) => i.interactionId));
const lastState = (messages: Message[]) => messages.findLast((m) => m.type === 'STATE')!.value;

describe('the Singer store', () => {
  it('writes messages of the Singer types only: SCHEMA, then records valid against it, and STATE after them', async () => {
    const { messages, lines } = await sing();
    expect(lines.every((line) => line.startsWith('{"type":'))).toBe(true);
    const sent = checkMessages(messages);
    expect([...sent].sort()).toEqual(all().sort());
    expect(messages.at(-1)!.type).toBe('STATE');
    const { record } = messages.find((m) => m.type === 'RECORD')!;
    const contactId = record!['contactId'] as string;
    const interaction = reference
      .interactions(tenantId, contactId)!
      .find((i) => i.interactionId === record!['interactionId']);
    expect(record!['record']).toEqual(interaction);
    expect(record).toMatchObject({
      tenantId,
      interactionId: interaction!.interactionId,
      channelType: interaction!.channelType,
    });
  });

  it("resumes from the runner's last STATE: a run stopped part-way, then the rest, then only what changed", async () => {
    const first = await sing(undefined, 7);
    const firstSent = checkMessages(first.messages);
    const second = await sing(lastState(first.messages));
    checkMessages(second.messages, new Set(firstSent));
    const secondSent = second.messages
      .filter((m) => m.type === 'RECORD')
      .map((m) => m.record!['interactionId'] as string);
    // Every interaction reached the target; what the first run's STATE marked done was not sent again.
    expect(new Set([...firstSent, ...secondSent])).toEqual(new Set(all()));
    const { entries } = lastState(first.messages)!.bookmarks[SINGER_STREAM]!;
    const covered = Object.entries(entries)
      .filter(([id, entry]) => !id.startsWith('#') && entry.state.done)
      .flatMap(([id]) => reference.interactions(tenantId, id)!.map((i) => i.interactionId));
    expect(covered.length).toBeGreaterThan(0);
    expect(secondSent.filter((id) => covered.includes(id))).toEqual([]);
    expect(second.summary.resumed).toBe(true);

    const opened = reference.beginInteractions(tenantId, contacts[0]!, 2);
    reference.advance(2 * 3_600_000 + CSAT_DELAY_MS);
    const third = await sing(lastState(second.messages));
    checkMessages(third.messages, new Set(all()));
    const changed = third.messages.filter((m) => m.type === 'RECORD').map((m) => m.record!['interactionId']);
    expect(changed.sort()).toEqual(opened.map((i) => i.interactionId).sort());
    expect(third.summary).toMatchObject({ new: 2, updated: 0, resumed: false });
  });

  it('refuses the state of another tenant or another mode, writing nothing', async () => {
    const { messages } = await sing(undefined, 3);
    const state = lastState(messages)!;
    const error = await sing(state, Infinity, uuid(0x51)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('other_tenant');
    const tenantWide = { bookmarks: { [SINGER_STREAM]: { ...state.bookmarks[SINGER_STREAM], scope: 'tenant' } } };
    const other = await sing(tenantWide).catch((caught: unknown) => caught);
    expect((other as StoreError).code).toBe('other_scope');
    const foreign = await sing({ bookmarks: { users: 3 } }).catch((caught: unknown) => caught);
    expect((foreign as StoreError).code).toBe('not_a_store');
  });
});
