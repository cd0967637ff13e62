// The NDJSON store on real files: a change log of new and updated interactions in the row shape of every
// store, unchanged ones not written; its state journalled beside it, read back by the next session; the
// bytes a crash left past what the state accounts for cut off on resume, and a cut state line ignored;
// and refused, with nothing written, when the file is held by another session, belongs to another
// tenant or mode, holds data without a state, is shorter than its state says, or is a directory.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndjsonStore, type StoreRow } from '../../src/stores/index.js';
import { generateInteractions } from '../../src/testing/index.js';
import { CONTACT, TENANT, uuid } from '../helpers.js';
import { refusal } from '../support/stores.ts';

let dir: string;
let files = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cxi-ndjson-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => path.join(dir, `${++files}.ndjson`);

const history = generateInteractions(5, 'ndjson-store');
const rowsOf = (items: typeof history): StoreRow[] =>
  items.map((interaction) => ({ source: 'history', interaction, contactId: CONTACT }));
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the NDJSON store', () => {
  it('writes each new or changed interaction once, in the row shape, and tells new, updated and unchanged across sessions', async () => {
    const file = fresh();
    const store = ndjsonStore({ file });
    const first = await store.open({ tenantId: TENANT, scope: 'contacts' });
    const one = await first.commit({ rows: rowsOf(history.slice(0, 3)), state: [{ key: CONTACT, value: { n: 1 } }] });
    expect(one).toMatchObject({ new: 3, updated: 0, unchanged: 0 });
    await first.close();

    const second = await store.open({ tenantId: TENANT, scope: 'contacts' });
    expect(await second.readState()).toEqual(new Map([[CONTACT, { n: 1 }]]));
    expect((await second.known([history[0]!.interactionId, uuid(999)]))?.size).toBe(1);
    const changed = { ...history[1]!, csat: 4 };
    const two = await second.commit({
      rows: rowsOf([history[0]!, changed, ...history.slice(3)]),
      state: [{ key: CONTACT, value: { n: 2 } }],
    });
    expect(two.changes).toEqual(['unchanged', 'updated', 'new', 'new']);
    await second.close();

    const written = lines(file);
    expect(written.map((l) => [l['interactionId'], l['change'], l['revision']])).toEqual([
      [history[0]!.interactionId, 'new', 1],
      [history[1]!.interactionId, 'new', 1],
      [history[2]!.interactionId, 'new', 1],
      [history[1]!.interactionId, 'updated', 2],
      [history[3]!.interactionId, 'new', 1],
      [history[4]!.interactionId, 'new', 1],
    ]);
    expect(written[3]!['record']).toEqual(changed);
    expect(written[0]).toMatchObject({ tenantId: TENANT, contactId: CONTACT, source: 'history' });
    expect(written[0]!['fingerprint']).toMatch(/^\S+$/);
  });

  it('runs commits made at once one after the other: each line whole, each at the end of the last', async () => {
    const file = fresh();
    const session = await ndjsonStore({ file }).open({ tenantId: TENANT, scope: 'contacts' });
    const many = generateInteractions(40, 'ndjson-concurrent');
    const results = await Promise.all(
      many.map((interaction, i) =>
        session.commit({ rows: rowsOf([interaction]), state: [{ key: uuid(i), value: i }] }),
      ),
    );
    await session.close();
    expect(results.every((r) => r.new === 1)).toBe(true);
    expect(lines(file).map((l) => l['interactionId'])).toEqual(many.map((i) => i.interactionId));
    const reopened = await ndjsonStore({ file }).open({ tenantId: TENANT, scope: 'contacts' });
    expect((await reopened.readState()).size).toBe(40);
    await reopened.close();
  });

  it('cuts off what a crash left past its state, and ignores a state line cut short', async () => {
    const file = fresh();
    const store = ndjsonStore({ file });
    const session = await store.open({ tenantId: TENANT, scope: 'tenant' });
    await session.commit({ rows: rowsOf(history.slice(0, 2)), state: [{ key: 'checkpoint', value: { at: 1 } }] });
    await session.close();
    const committed = statSync(file).size;
    // A commit killed after its rows reached the file, and one killed in the middle of its state line.
    appendFileSync(file, '{"interactionId":"half-written');
    appendFileSync(`${file}.state`, '{"entries":[["checkpoint",{"at":2}');

    const resumed = await store.open({ tenantId: TENANT, scope: 'tenant' });
    expect(statSync(file).size).toBe(committed);
    expect((await resumed.readState(['checkpoint'])).get('checkpoint')).toEqual({ at: 1 });
    const again = await resumed.commit({ rows: rowsOf(history.slice(0, 3)), state: [] });
    expect(again).toMatchObject({ new: 1, unchanged: 2 });
    await resumed.close();
    expect(lines(file).map((l) => l['interactionId'])).toEqual(history.slice(0, 3).map((i) => i.interactionId));
  });

  it('refuses a second session on the file while one holds it, naming the holder', async () => {
    const file = fresh();
    const store = ndjsonStore({ file });
    const holder = await store.open({ tenantId: TENANT, scope: 'contacts' });
    try {
      const error = await refusal(store.open({ tenantId: TENANT, scope: 'contacts' }));
      expect(error.code).toBe('locked');
      expect(error.message).toContain(`pid ${process.pid}`);
    } finally {
      await holder.close();
    }
    await (await store.open({ tenantId: TENANT, scope: 'contacts' })).close();
  });

  it('refuses another tenant, another mode, data without a state, a file shorter than its state, an export state, a directory: nothing written', async () => {
    const file = fresh();
    const store = ndjsonStore({ file });
    const session = await store.open({ tenantId: TENANT, scope: 'contacts' });
    await session.commit({ rows: rowsOf(history.slice(0, 1)), state: [] });
    await session.close();
    const before = readFileSync(file);
    expect((await refusal(store.open({ tenantId: uuid(7), scope: 'contacts' }))).code).toBe('other_tenant');
    expect((await refusal(store.open({ tenantId: TENANT, scope: 'tenant' }))).code).toBe('other_scope');
    expect((await refusal(store.open({ tenantId: TENANT, scope: 'contacts', part: '1/2' }))).code).toBe('other_scope');
    expect(readFileSync(file)).toEqual(before);

    writeFileSync(file, before.subarray(0, 10));
    expect((await refusal(store.open({ tenantId: TENANT, scope: 'contacts' }))).message).toMatch(/shorter than/);

    const foreign = fresh();
    writeFileSync(foreign, '{"some":"data"}\n');
    const noState = await refusal(ndjsonStore({ file: foreign }).open({ tenantId: TENANT, scope: 'contacts' }));
    expect(noState.code).toBe('not_a_store');
    expect(noState.message).toMatch(/holds data but has no state/);
    expect(readFileSync(foreign, 'utf8')).toBe('{"some":"data"}\n');

    const exported = fresh();
    writeFileSync(
      `${exported}.state`,
      `${JSON.stringify({ cxengageExport: 1, tenantId: TENANT, format: 'ndjson', out: exported, shard: null, at: 0 })}\n`,
    );
    expect(
      (await refusal(ndjsonStore({ file: exported }).open({ tenantId: TENANT, scope: 'contacts' }))).message,
    ).toMatch(/is not the state of an NDJSON store/);

    const folder = fresh();
    mkdirSync(folder);
    const error = await refusal(ndjsonStore({ file: folder }).open({ tenantId: TENANT, scope: 'contacts' }));
    expect(error.message).toBe(`ndjson: ${folder}: is a directory, not a regular file`);
    expect(error.message.split('\n')).toHaveLength(1);
  });
});
