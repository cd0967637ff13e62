// The walk's promise, as a property: against a model server (test/support/model-server.ts) with
// honest churn and one deviation from the spec at a random moment, every walk either yields exactly
// the expected ids, in order, or throws a typed error. It never ends normally short or with a repeat.
//
// "Expected": S0 is the list when the first page was served. K is S0 without the ids deleted during
// the walk, except those the walk had already yielded. A normal end must yield exactly K (or its first
// `last`), in K's order, nothing twice. Interactions inserted during the walk are skipped by an honest
// server's walk; only a server whose `total` lies can make one pass for an old one (it is yielded, once:
// nothing is lost), so they are set aside before the comparison. (A server that leaves an id out of a
// page is caught on the next page, or where its pages run short of `total`; a walk cut at `last` on that
// very page cannot tell, so there the check is the weaker one below.) Honest deletions may end the
// walk with a PaginationError (`total_shrank`, or whatever rule the deletion broke first), because a
// deletion and a skipped item look the same from the client. An honest server (no deviation, or a
// harmless one) whose list at most doubles and loses nothing must be walked to a normal end. Where the
// server breaks the order (strict mode), items that start in the same millisecond may come in either
// order, so the check there is: the same ids, most recent first. And where a server misreports `total`
// while interactions are deleted, the lie can hide the deletion, and with it the items the deletion
// shifts past the walk: the check is then no id twice, in the list's order. (A deletion is seen only
// through `total`; a server that substitutes ids it never served is not modelled: no client can tell.)
//
// The sync (syncInteractions, a first sync: no checkpoint) is held to the same promise over the same
// cases, each on a model server of its own: the expected records (every one `new`, in the list's order)
// or a typed error, never a normal end short. It reads one page at a time and checks the order whatever
// the validation mode (its cursor relies on it), so it refuses a page out of order with a
// ResponseValidationError or a PaginationError where the walk in 'warn' or 'off' would go on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CxEngageError,
  createInteractionsClient,
  PaginationError,
  ResponseValidationError,
  ServerError,
  syncInteractions,
  type ValidationMode,
} from '../../src/index.ts';
import { CONTACT, TENANT } from '../helpers.ts';
import { type Churn, type Deviation, deviations, modelServer, orderDeviations } from '../support/model-server.ts';

const CASES = 2_000;
const SEED = 20_240_917;

/** Deviations the walk must survive: they break no rule (a capped page size is re-planned on page 0). */
const harmless = (d: Deviation, at: number) =>
  d === 'none' || d === 'null_page_echo' || (d === 'cap_page_size' && at === 0);
/** Deviations that misreport `total`: a deletion (the only honest way to skip an item) can hide behind the lie. */
const totalLies: ReadonlySet<Deviation> = new Set([
  'total_lies_high',
  'total_lies_low',
  'huge_total',
  'never_ending',
  'drop_item',
  'torn_read',
]);
type ErrorClass = abstract new (...args: never[]) => CxEngageError;
/** Typed errors besides PaginationError that are the right answer to a deviation. */
const otherErrors: Partial<Record<Deviation, ErrorClass[]>> = {
  oversized_page: [ResponseValidationError],
  echo_other_limit: [ResponseValidationError],
  malformed: [ResponseValidationError],
  http_500: [ServerError],
};
/**
 * The sync's own page check (ids unique and most recent first within a page, whatever the mode) may
 * answer any deviation that puts an item out of place: a ResponseValidationError, as typed as the walk's.
 */
const otherSyncErrors = (d: Deviation): ErrorClass[] => [ResponseValidationError, ...(otherErrors[d] ?? [])];

/** Who walks the model server: the walk (iterateInteractions) or a first sync (syncInteractions). */
type Walker = 'walk' | 'sync';

const walkCase = fc
  .record({
    size: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 150 })),
    pageSize: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.constant(100)),
    concurrency: fc.integer({ min: 1, max: 8 }),
    last: fc.option(fc.integer({ min: 0, max: 160 }), { freq: 4, nil: undefined }),
    mode: fc.constantFrom<ValidationMode>('strict', 'strict', 'strict', 'warn', 'off'),
    deviation: fc.constantFrom(...deviations),
    at: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
    once: fc.boolean(),
    churnKind: fc.constantFrom('none', 'insert', 'delete', 'both'),
    churn: fc.array(
      fc.record({
        after: fc.integer({ min: 0, max: 12 }),
        insert: fc.integer({ min: 1, max: 40 }),
        delete: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    shuffle: fc.boolean(),
    seed: fc.integer(),
  })
  .map((c) => ({
    ...c,
    // The order is checked in strict mode only: elsewhere an order deviation is not a broken promise.
    // And a walk cut at `last` may stop before the first pair out of order: the server's list is then
    // all it can know. So these deviations are walked to the end.
    mode: orderDeviations.has(c.deviation) ? ('strict' as const) : c.mode,
    last: orderDeviations.has(c.deviation) ? undefined : c.last,
    churn:
      c.churnKind === 'none'
        ? []
        : c.churn.map(
            (e): Churn => ({
              after: e.after,
              insert: c.churnKind === 'delete' ? 0 : e.insert,
              delete: c.churnKind === 'insert' ? 0 : e.delete,
            }),
          ),
  }));
type WalkCase = typeof walkCase extends fc.Arbitrary<infer T> ? T : never;

interface Tally {
  cases: number;
  fired: number;
  ok: number;
  /** Typed errors where the deviation fired and churn alone cannot explain one: the deviation was caught. */
  caught: number;
  errors: Map<string, number>;
}
const tallyTable = () =>
  new Map<Deviation, Tally>(deviations.map((d) => [d, { cases: 0, fired: 0, ok: 0, caught: 0, errors: new Map() }]));
const tallies: Record<Walker, Map<Deviation, Tally>> = { walk: tallyTable(), sync: tallyTable() };

async function checkWith(walker: Walker, c: WalkCase): Promise<void> {
  const server = modelServer({
    size: c.size,
    deviation: c.deviation,
    at: c.at,
    once: c.once,
    churn: c.churn,
    shuffle: c.shuffle,
    seed: c.seed,
  });
  const client = createInteractionsClient({
    auth: { token: 'property-token' },
    fetch: server.fetch,
    maxRetries: 0,
    validate: c.mode,
    logger: { warn: () => {} },
  });
  const ids: string[] = [];
  let error: unknown;
  // The sync reads every page to the end (no `last`), one at a time, and always checks the order.
  const last = walker === 'sync' ? undefined : c.last;
  try {
    if (walker === 'walk') {
      const params = {
        tenantId: TENANT,
        contactId: CONTACT,
        pageSize: c.pageSize,
        concurrency: c.concurrency,
        ...(last === undefined ? {} : { last }),
      };
      for await (const item of client.iterateInteractions(params)) ids.push(item.interactionId);
    } else {
      const run = syncInteractions(client, { tenantId: TENANT, contactId: CONTACT, pageSize: c.pageSize });
      for await (const record of run) {
        expect(record.change).toBe('new');
        ids.push(record.interaction.interactionId);
      }
      expect(run.checkpoint().contactId).toBe(CONTACT);
    }
  } catch (e) {
    error = e;
  }
  const tally = tallies[walker].get(c.deviation)!;
  tally.cases++;
  if (server.fired > 0) tally.fired++;
  if (error === undefined) {
    tally.ok++;
    expect(new Set(ids).size, 'no id twice').toBe(ids.length);
    // New interactions appear only when a lying total hides that they are new; an honest one's are skipped.
    const extras = ids.filter((id) => server.inserted.has(id));
    expect(extras.length === 0 || !harmless(c.deviation, c.at), 'new interactions yielded by an honest server').toBe(
      true,
    );
    const core = ids.filter((id) => !server.inserted.has(id));
    const yielded = new Set(ids);
    const made = [...server.initial, ...server.tail.filter((id) => server.shown.has(id))];
    const expected = made.filter((id) => yielded.has(id) || !server.deleted.has(id));
    const complete = last === undefined || ids.length < last;
    // No true total to see a deletion by, or a walk cut at `last` on the page that leaves an item out
    // (the next page would show it): items may be skipped there, but never repeated or reordered.
    const blind =
      (totalLies.has(c.deviation) && server.deleted.size > 0) || (c.deviation === 'drop_item' && last !== undefined);
    if (blind) {
      const position = new Map(made.map((id, i) => [id, i]));
      expect(core.every((id, i) => i === 0 || position.get(id)! > position.get(core[i - 1]!)!)).toBe(true);
    } else if (!orderDeviations.has(c.deviation))
      expect(core).toEqual(complete ? expected : expected.slice(0, core.length));
    else {
      // Items that start in the same millisecond may come in either order: most recent first still holds.
      expect([...core].sort()).toEqual([...expected].sort());
      expect(ids.every((id, i) => i === 0 || server.startOf(id) <= server.startOf(ids[i - 1]!))).toBe(true);
    }
    return;
  }
  const name = error instanceof PaginationError ? error.code : error instanceof Error ? error.name : String(error);
  tally.errors.set(name, (tally.errors.get(name) ?? 0) + 1);
  const honestChurn =
    server.deleted.size === 0 && (server.inserted.size <= server.initial.length || c.deviation === 'endless_growth');
  if (server.fired > 0 && honestChurn) tally.caught++;
  const allowed = [
    PaginationError,
    ...(walker === 'sync' ? otherSyncErrors(c.deviation) : (otherErrors[c.deviation] ?? [])),
  ];
  expect(
    allowed.some((type) => error instanceof type),
    `${String(error)}`,
  ).toBe(true);
  const mustEnd = harmless(c.deviation, c.at) && honestChurn;
  expect(mustEnd, `an honest server got ${String(error)} (${walker})`).toBe(false);
  if (c.deviation === 'endless_growth' && server.deleted.size === 0)
    expect(error).toMatchObject({ code: 'page_bound_exceeded' });
}

describe('the walk and the sync, as a property', () => {
  // The same cases (one arbitrary, one seed) for each: about 15 s apiece on an idle machine, CPU-bound,
  // so each has room on a busy one.
  it.each(['walk', 'sync'] as const)(
    `%s: ${CASES} random cases (seed ${SEED}) over ${deviations.length} deviations: the expected ids in order, or a typed error`,
    async (walker) => {
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(walkCase, (c) => checkWith(walker, c)),
        { numRuns: CASES, seed: SEED },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${walker} property: ${CASES} cases in ${seconds} s (seed ${SEED}); deviations: ${deviations.join(', ')}`,
      );
      for (const [d, t] of tallies[walker]) {
        const errors = [...t.errors]
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
        console.log(
          `  ${d.padEnd(22)} ${String(t.cases).padStart(3)} cases, fired in ${String(t.fired).padStart(3)}, ${String(t.ok).padStart(3)} ended normally${errors ? `; ${errors}` : ''}`,
        );
      }
      // The catalogue is exercised: every deviation fired, and every harmful one was caught.
      for (const [d, t] of tallies[walker]) {
        if (d !== 'none') expect(t.fired, `${walker}: ${d}`).toBeGreaterThan(0);
        if (!harmless(d, 1)) expect(t.caught, `${walker}: ${d}`).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
