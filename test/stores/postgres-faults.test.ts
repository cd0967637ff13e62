// The PostgreSQL store's faults, against a real server: the writer lock is the server's (a session
// advisory lock), so a holder killed with kill -9, or whose backend is terminated, frees it at once; the
// shards of one split run write side by side while a whole run excludes them; a connection cut during a
// commit leaves all of it or none of it (one statement is one transaction), a typed error; an
// unreachable server is one clear error before anything else.
import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/servers.ts';
import { root } from '../../scripts/lib/tools.ts';
import { postgresStore, StoreError, type StoreSession, TABLES } from '../../src/stores/index.js';
import { generateInteractions } from '../../src/testing/index.js';
import { CONTACT, seeded, TENANT } from '../helpers.js';
import { needs } from '../support/needs.ts';
import { type Postgres, postgresBinDir, postgresInstall, startPostgres } from '../support/postgres.ts';
import { queryOn, refusal } from '../support/stores.ts';

const hasPostgres = needs('PostgreSQL (throw-away test cluster)', postgresBinDir() !== undefined, postgresInstall);
const writer = `${root}/test/stores/fixtures/store-writer.ts`;

describe.runIf(hasPostgres)('the PostgreSQL store under faults', () => {
  let server: Postgres;
  let n = 0;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  async function fresh() {
    const name = `faults_${++n}`;
    await queryOn(server.url, `CREATE DATABASE ${name}`);
    const url = server.url.replace(/\/postgres$/, `/${name}`);
    return { url, store: postgresStore({ url }), query: <T>(sql: string) => queryOn<T>(url, sql) };
  }
  const backendOf = async (url: string, pid: number) =>
    (
      await queryOn<{ pid: number }>(
        url,
        `SELECT pid FROM pg_stat_activity WHERE application_name LIKE '% (pid ${pid})'`,
      )
    )[0]?.pid;

  it('frees the lock of a holder killed with kill -9, and of one whose backend is terminated', async () => {
    const { url, store } = await fresh();
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', writer, url, 'hold'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve, reject) => {
      child.stdout!.once('data', resolve);
      child.once('exit', reject);
    });
    const refused = await refusal(store.open({ tenantId: TENANT, scope: 'contacts' }));
    expect(refused.code).toBe('locked');
    expect(refused.message).toContain(`being synced by another run (pid ${child.pid} on this host`);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // The server notices the closed socket and drops the session's locks: no stale lock to take over.
    let session: StoreSession | undefined;
    for (let i = 0; !session && i < 100; i++) {
      session = await store.open({ tenantId: TENANT, scope: 'contacts' }).catch(async (error: StoreError) => {
        if (error.code !== 'locked') throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return undefined;
      });
    }
    expect(session).toBeDefined();
    await queryOn(url, `SELECT pg_terminate_backend(${await backendOf(url, process.pid)})`);
    const next = await store.open({ tenantId: TENANT, scope: 'contacts' });
    await next.close();
    await session!.close();
  });

  it('runs the shards of one split side by side, and a whole run (or the same shard) refuses', async () => {
    const { store } = await fresh();
    const one = await store.open({ tenantId: TENANT, scope: 'contacts', part: '1/2' });
    const two = await store.open({ tenantId: TENANT, scope: 'contacts', part: '2/2' });
    const whole = await refusal(store.open({ tenantId: TENANT, scope: 'contacts' }));
    expect(whole.message).toMatch(/\(shard [12]\/2\), since .*, and 1 more/);
    const again = await refusal(store.open({ tenantId: TENANT, scope: 'contacts', part: '2/2' }));
    expect(again.message).toContain(`tenant ${TENANT} (shard 2/2) is being synced by another run`);
    await one.close();
    await two.close();
    await (await store.open({ tenantId: TENANT, scope: 'contacts' })).close();
  });

  it('rolls back a commit whose connection is cut in the middle of it, with a typed error', async () => {
    const { url, store, query } = await fresh();
    const session = await store.open({ tenantId: TENANT, scope: 'contacts' });
    const backend = await backendOf(url, process.pid);
    // Another transaction holds the state entry the commit writes last: the commit's rows are written
    // and it waits there, mid-statement, until its connection is cut.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO ${TABLES.state} (tenant_id, scope, key, state, saved_at) VALUES ('${TENANT}', 'contacts', 'k', '1', now())`,
    );
    const rows = generateInteractions(500, 'cut').map((interaction) => ({
      source: 'history' as const,
      interaction,
      contactId: CONTACT,
    }));
    const commit = session.commit({ rows, state: [{ key: 'k', value: 2 }] }).then(
      () => 'kept',
      (error: unknown) => error,
    );
    await pollUntil('the commit waits on the lock', async () => {
      const waiting = await queryOn<{ w: string }>(
        url,
        `SELECT wait_event_type AS w FROM pg_stat_activity WHERE pid = ${backend}`,
      );
      if (waiting[0]?.w !== 'Lock') throw new Error('not waiting yet');
    });
    await queryOn(url, `SELECT pg_terminate_backend(${backend})`);
    const outcome = await commit;
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(outcome).toBeInstanceOf(StoreError);
    expect((outcome as StoreError).code).toBe('write');
    expect((outcome as StoreError).message).toContain('the connection broke during a commit');
    expect(await query(`SELECT interaction_id FROM ${TABLES.interactions}`)).toEqual([]);
    expect(await query(`SELECT key FROM ${TABLES.state}`)).toEqual([]);
    await session.close();
  });

  it('keeps all of a commit or none, whenever its connection is cut', async () => {
    const random = seeded('postgres-cut');
    const { url, store, query } = await fresh();
    for (let round = 0; round < 5; round++) {
      const session = await store.open({ tenantId: TENANT, scope: 'contacts' });
      const rows = generateInteractions(2_000, `cut-${round}`).map((interaction) => ({
        source: 'history' as const,
        interaction,
        contactId: CONTACT,
      }));
      const backend = await backendOf(url, process.pid);
      const commit = session.commit({ rows, state: [{ key: `round-${round}`, value: rows.length }] }).then(
        () => 'kept',
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 80)));
      await queryOn(url, `SELECT pg_terminate_backend(${backend})`);
      const outcome = await commit;
      if (outcome !== 'kept') expect((outcome as StoreError).code).toBe('write');
      await session.close();
      const rounds = await query<{ key: string }>(`SELECT key FROM ${TABLES.state}`);
      const stored = await query<{ n: string }>(`SELECT count(*) AS n FROM ${TABLES.interactions}`);
      // Whatever the moment of the cut: the rows and their state entry are there together, or neither is.
      expect(Number(stored[0]!.n)).toBe(rounds.length * 2_000);
    }
  });

  it('says in one line that a server cannot be reached, and sends nothing', async () => {
    const down = postgresStore({ url: 'postgres://sync:hunter2@127.0.0.1:1/crm' });
    expect(down.location).toBe('postgres://sync@127.0.0.1:1/crm');
    const error = await refusal(down.open({ tenantId: TENANT, scope: 'contacts' }));
    expect(error.code).toBe('unreachable');
    expect(error.setup).toBe(false);
    expect(error.message).toMatch(/^postgres:\/\/sync@127\.0\.0\.1:1\/crm cannot be reached: .*ECONNREFUSED/);
    expect(error.message).not.toContain('hunter2');
  });
});
