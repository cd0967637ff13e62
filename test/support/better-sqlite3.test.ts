// better-sqlite3 is a native addon, compiled per Node ABI: this proves that the build this Node loads is
// its own, on a real SQLite file, on every Node of the matrix (`npm run test:matrix` runs it on each).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(file: string, options?: Database.Options): Database.Database {
  try {
    return new Database(file, options);
  } catch (error) {
    throw new Error(
      `better-sqlite3 does not load on Node.js ${process.version} (ABI ${process.versions.modules}): ` +
        'run the suites on other Node versions through `npm run test:matrix`, which compiles it for each.',
      { cause: error },
    );
  }
}

describe(`better-sqlite3 on Node.js ${process.version}`, () => {
  it('writes a real SQLite file in a transaction, and another connection reads it back', () => {
    const file = path.join(dir, 'store.sqlite');
    const db = open(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE interactions (interaction_id TEXT PRIMARY KEY, record TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO interactions VALUES (?, json(?)) ON CONFLICT DO NOTHING');
    db.transaction((ids: string[]) => {
      for (const id of ids) insert.run(id, JSON.stringify({ interactionId: id }));
    })(['a', 'b', 'a']);
    db.close();

    expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const reader = open(file, { readonly: true });
    const rows = reader
      .prepare("SELECT interaction_id, record ->> '$.interactionId' AS fromJson FROM interactions")
      .all();
    reader.close();
    expect(rows).toEqual([
      { interaction_id: 'a', fromJson: 'a' },
      { interaction_id: 'b', fromJson: 'b' },
    ]);
  });
});
