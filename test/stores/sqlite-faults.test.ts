// The SQLite store's faults, with real processes and a real file system: the writer lock held by another
// process is refused naming it, and is gone the moment that process is killed (kill -9 leaves nothing
// behind); a disk that fills mid-transaction (a file size limit, `ulimit -f`) rolls the commit back
// whole, a typed error, and the next run goes on from the last commit; a file that is no SQLite database,
// a directory, or a missing directory, is refused before anything is written.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';
import { StoreError, sqliteStore, TABLES } from '../../src/stores/index.js';
import { TENANT } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-sqlite-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writer = path.join(root, 'test/stores/fixtures/store-writer.ts');
const tsx = ['--import', 'tsx'];

function holdInChild(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...tsx, writer, url, 'hold'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before it held the store`)));
  });
}

async function openError(file: string): Promise<StoreError> {
  const error = await sqliteStore({ file })
    .open({ tenantId: TENANT, scope: 'contacts' })
    .then(
      async (session) => {
        await session.close();
        return undefined;
      },
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('the SQLite store under faults', () => {
  it('refuses while another process holds the file, naming it, and takes it the moment that process is killed', async () => {
    const file = path.join(dir, 'locked.db');
    const child = await holdInChild(`sqlite:${file}`);
    try {
      const refused = await openError(file);
      expect(refused.code).toBe('locked');
      expect(refused.message).toContain(`is in use by another sync (pid ${child.pid} on this host`);
      expect(refused.message.split('\n')).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // kill -9 ran no cleanup, yet the lock is free: the OS dropped it with the process.
    const session = await sqliteStore({ file }).open({ tenantId: TENANT, scope: 'contacts' });
    await session.close();
  });

  it('rolls a commit back whole when the disk fills mid-transaction; the next run goes on from the last commit', () => {
    const file = path.join(dir, 'full.db');
    const fill = (limitBlocks: number) =>
      JSON.parse(
        execFileSync(
          'sh',
          [
            '-c',
            `ulimit -f ${limitBlocks}; exec "$0" "$@"`,
            process.execPath,
            ...tsx,
            writer,
            `sqlite:${file}`,
            'fill',
            '50',
          ],
          {
            cwd: root,
            encoding: 'utf8',
          },
        ).trim(),
      ) as { code: string; message: string; done: number };
    const first = fill(2_000); // 1 MB: a few batches fit, then a write fails inside a transaction
    expect(first.code).toBe('write');
    expect(first.message).toMatch(/rolled back, so nothing of it was stored \(.*(disk|full|I\/O)/i);
    expect(first.done).toBeGreaterThan(0);
    const read = () => {
      const db = new Database(file, { readonly: true });
      try {
        const rows = db.prepare(`SELECT count(*) AS n FROM ${TABLES.interactions}`).pluck().get() as number;
        const state = db.prepare(`SELECT state FROM ${TABLES.state} WHERE key = 'batches'`).pluck().get() as string;
        const integrity = db.pragma('integrity_check', { simple: true });
        return { rows, batches: JSON.parse(state) as number, integrity };
      } finally {
        db.close();
      }
    };
    // Whole batches only, and the state says exactly how many: the failed one left no row and no state.
    expect(read()).toEqual({ rows: first.done * 50, batches: first.done, integrity: 'ok' });
    const second = fill(4_000); // more room: the rerun goes on from the state the store kept
    expect(second.done).toBeGreaterThan(first.done);
    expect(read()).toEqual({ rows: second.done * 50, batches: second.done, integrity: 'ok' });
  });

  it('refuses what is no store, before writing anything', async () => {
    const text = path.join(dir, 'contacts.txt');
    writeFileSync(text, 'not a database, but the contacts file\n'.repeat(100));
    const notDb = await openError(text);
    expect(notDb.code).toBe('not_a_store');
    expect(notDb.message).toBe(`sqlite:${text} is not a SQLite database`);
    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    expect((await openError(folder)).message).toBe(`sqlite:${folder} is a directory`);
    const missing = path.join(dir, 'no/such/dir/x.db');
    const error = await openError(missing);
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('does not exist');
    expect(readdirSync(path.join(dir)).filter((name) => name.startsWith('no'))).toEqual([]);
  });
});
