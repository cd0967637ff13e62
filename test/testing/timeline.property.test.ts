// The tenant timeline behind Get a List of Interactions, against the slow oracle (every history read whole,
// merged by start) over random sequences of what a store can do: generated contacts, generated and given
// arrivals (equal starts and unreadable ones among them), live interactions that end as the clock moves,
// deletions, and edits that move an interaction in time. Every range, page size and offset must give the
// oracle's interactions in the oracle's order of starts, the same at every page size; counts agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInteractions, type Interaction, ReferenceStore } from '../../src/testing/index.ts';
import { interactionAt, startMsAt } from '../../src/testing/interactions.ts';
import { seededRandom, uuid } from '../../src/testing/random.ts';

const tenantId = '5d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const START = Date.UTC(2024, 5, 1, 11);

type Op =
  | { kind: 'contacts'; count: number; interactions: number }
  | { kind: 'replace'; contact: number; interactions: number }
  | { kind: 'generated'; contact: number; n: number }
  | { kind: 'given'; contact: number; n: number; at: number; unreadable: boolean }
  | { kind: 'live'; contact: number; n: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'delete'; contact: number; pick: number }
  | { kind: 'move'; contact: number; pick: number; byMs: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('contacts'),
    count: fc.integer({ min: 1, max: 6 }),
    interactions: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({ kind: fc.constant('replace'), contact: fc.nat(), interactions: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('generated'), contact: fc.nat(), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant('given'),
    contact: fc.nat(),
    n: fc.integer({ min: 1, max: 3 }),
    at: fc.integer({ min: -3, max: 3 }),
    unreadable: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('live'), contact: fc.nat(), n: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('advance'), ms: fc.integer({ min: 0, max: 4 * 3_600_000 }) }),
  fc.record({ kind: fc.constant('delete'), contact: fc.nat(), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('move'),
    contact: fc.nat(),
    pick: fc.nat(),
    byMs: fc.integer({ min: -90_000_000, max: 90_000_000 }),
  }),
);

function build(ops: Op[], seed: number): { store: ReferenceStore; contacts: string[] } {
  const store = new ReferenceStore({ seed: `timeline-${seed}`, clock: START });
  store.addTenant(tenantId);
  const contacts: string[] = [];
  let given = 0;
  for (const o of ops) {
    const contact = contacts.length ? contacts[('contact' in o ? o.contact : 0) % contacts.length]! : undefined;
    const items = contact ? store.interactions(tenantId, contact)! : [];
    if (o.kind === 'contacts') {
      for (let i = 0; i < o.count; i++) {
        const id = uuid(seededRandom(`contact-${seed}-${contacts.length}`));
        store.addContact(tenantId, id, o.interactions);
        contacts.push(id);
      }
    } else if (!contact) continue;
    else if (o.kind === 'replace') store.addContact(tenantId, contact, o.interactions);
    else if (o.kind === 'generated') store.insertInteractions(tenantId, contact, o.n);
    else if (o.kind === 'given') {
      // Starts that tie with each other and with the clock, or that no one can read.
      const at = new Date(store.now() + o.at * 60_000).toISOString();
      const fresh = generateInteractions(o.n, `given-${seed}-${given++}`).map((i) => ({
        ...i,
        startTimestamp: o.unreadable ? 'not a time' : at,
      }));
      store.insertInteractions(tenantId, contact, fresh);
    } else if (o.kind === 'live') {
      const newest = items[0] ? Date.parse(items[0].startTimestamp) : Number.NEGATIVE_INFINITY;
      if (store.now() >= newest) store.beginInteractions(tenantId, contact, o.n);
    } else if (o.kind === 'advance') store.advance(o.ms);
    else if (o.kind === 'delete' && items.length) {
      store.deleteInteractions(tenantId, contact, [items[o.pick % items.length]!.interactionId]);
    } else if (o.kind === 'move' && items.length) {
      const item = items[o.pick % items.length]!;
      const ms = Date.parse(item.startTimestamp);
      if (!Number.isNaN(ms)) {
        const startTimestamp = new Date(ms + o.byMs).toISOString();
        store.history(tenantId, contact)!.update(item.interactionId, { startTimestamp });
      }
    }
  }
  return { store, contacts };
}

const msOf = (i: Interaction) => {
  const ms = Date.parse(i.startTimestamp);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

describe('the tenant timeline', () => {
  it("orders generated histories by their starts alone: startMsAt is the interaction's start, for any seed and index", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: -1e6, max: 1e7 }), (seed, index) => {
        expect(startMsAt(seed, index)).toBe(Date.parse(interactionAt(seed, index).startTimestamp));
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('lists what the histories hold, most recent first, at every range and page size', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.array(
          fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: 0, max: 48 }), fc.integer({ min: 1, max: 9 })),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (ops, seed, ranges) => {
          const { store, contacts } = build(ops, seed);
          const timeline = store.tenant(tenantId)!.timeline;
          const everything = contacts
            .flatMap((c) => store.interactions(tenantId, c)!)
            .map((i) => ({ id: i.interactionId, ms: msOf(i) }))
            .sort((a, b) => (a.ms === b.ms ? 0 : a.ms < b.ms ? 1 : -1));
          const cases: [number, number, number][] = [
            [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1],
            [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1000],
            ...ranges.map(([hours, width, size]): [number, number, number] => {
              const from = START + hours * 3_600_000;
              return [from, from + width * 3_600_000, size];
            }),
          ];
          for (const [from, to, size] of cases) {
            const expected = everything.filter((e) => e.ms >= from && e.ms < to);
            expect(timeline.count(from, to)).toBe(expected.length);
            const listed = [];
            for (let offset = 0; offset <= expected.length; offset += size)
              listed.push(...timeline.page(from, to, offset, size));
            expect(listed.map((l) => msOf(l.interaction))).toEqual(expected.map((e) => e.ms));
            expect(new Set(listed.map((l) => l.interaction.interactionId))).toEqual(new Set(expected.map((e) => e.id)));
            const inOnePage = timeline.page(from, to, 0, 1000).map((l) => l.interaction.interactionId);
            expect(listed.map((l) => l.interaction.interactionId)).toEqual(inOnePage);
            for (const { contactId, interaction } of listed)
              expect(store.history(tenantId, contactId)!.find(interaction.interactionId)).toEqual(interaction);
          }
        },
      ),
      { numRuns: 60, seed: 20261206 },
    );
  });
});
