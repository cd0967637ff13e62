// The throw-away PostgreSQL of test/support/postgres.ts: a real server that real SQL reaches through `pg`,
// whose PID is the postmaster's, and whose stop leaves no process, no listener and no directory behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { needs } from './needs.ts';
import { postgresBinDir, postgresInstall, startPostgres } from './postgres.ts';

const hasPostgres = needs('PostgreSQL (throw-away test cluster)', postgresBinDir() !== undefined, postgresInstall);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The processes whose parent is `pid` (Linux /proc): the postmaster's backends and workers. */
function childrenOf(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Field 4 of /proc/PID/stat, after the parenthesised command name (which may hold spaces).
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

describe.runIf(hasPostgres)('a throw-away PostgreSQL cluster', () => {
  it('runs real SQL through pg, then stops by PID with nothing left behind', { timeout: 120_000 }, async () => {
    const db = await startPostgres();
    let workers: number[] = [];
    try {
      expect(db.url).toBe(`postgres://postgres@127.0.0.1:${db.port}/postgres`);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query('CREATE TABLE interactions (interaction_id text PRIMARY KEY, record jsonb NOT NULL)');
        await client.query('BEGIN');
        for (const [id, channel] of [
          ['a', 'voice'],
          ['b', 'email'],
          ['a', 'sms'],
        ])
          await client.query(
            'INSERT INTO interactions VALUES ($1, $2) ON CONFLICT (interaction_id) DO UPDATE SET record = EXCLUDED.record',
            [id, { interactionId: id, channel }],
          );
        await client.query('COMMIT');
        const { rows } = await client.query(
          "SELECT interaction_id, record->>'channel' AS channel FROM interactions ORDER BY interaction_id",
        );
        expect(rows).toEqual([
          { interaction_id: 'a', channel: 'sms' },
          { interaction_id: 'b', channel: 'email' },
        ]);
        const { rows: settings } = await client.query(
          "SELECT current_setting('data_directory') AS data, current_setting('port') AS port",
        );
        expect(settings[0]).toEqual({ data: path.join(db.dir, 'data'), port: String(db.port) });
        // The PID held is the postmaster's own, as the cluster records it.
        expect(readFileSync(path.join(db.dir, 'data/postmaster.pid'), 'utf8').split('\n')[0]).toBe(String(db.pid));
        workers = childrenOf(db.pid);
        if (existsSync('/proc')) expect(workers.length).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    } finally {
      await db.stop();
    }
    expect(alive(db.pid)).toBe(false);
    expect(workers.filter(alive)).toEqual([]);
    expect(existsSync(db.dir)).toBe(false);
    const late = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 2_000 });
    await expect(late.connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
