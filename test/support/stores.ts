// The real stores the tests write into, one factory per kind: a SQLite file in a temporary directory, and
// a database of its own on the throw-away PostgreSQL cluster (test/support/postgres.ts, started once per
// test file and stopped by PID). Each `fresh()` is an empty store with its `--to` URL and a way to read it
// back with plain SQL, so one suite can hold every SQL store to the same promises.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { InteractionStore, StoreSession } from '../../src/stores/index.js';
import { StoreError, storeFromUrl } from '../../src/stores/index.js';
import { needs } from './needs.ts';
import { type Postgres, postgresBinDir, postgresInstall, startPostgres } from './postgres.ts';

export interface FreshStore {
  /** The store's `--to` URL. */
  url: string;
  store: InteractionStore;
  /** Runs SQL on the store (no parameters) and returns its rows. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Runs a statement that changes the store, as its user (or another tool) might. */
  execute(sql: string): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** Whether the kind can run here (PostgreSQL may be missing on a laptop: a loud SKIP, or a failure in CI). */
  available: boolean;
  setup(): Promise<void>;
  fresh(label: string): Promise<FreshStore>;
  teardown(): Promise<void>;
}

export function sqliteKind(): StoreKind {
  let dir = '';
  return {
    name: 'sqlite',
    available: true,
    async setup() {
      dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-store-'));
    },
    async fresh(label) {
      const file = path.join(dir, `${label}.db`);
      const url = `sqlite:${file}`;
      return {
        url,
        store: storeFromUrl(url),
        async query<T>(sql: string) {
          const db = new Database(file, { readonly: true });
          try {
            return db.prepare(sql).all() as T[];
          } finally {
            db.close();
          }
        },
        async execute(sql) {
          const db = new Database(file);
          try {
            db.exec(sql);
          } finally {
            db.close();
          }
        },
      };
    },
    async teardown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databases = 0;

export function postgresKind(): StoreKind {
  const available = needs('PostgreSQL (throw-away test cluster)', postgresBinDir() !== undefined, postgresInstall);
  let server: Postgres | undefined;
  return {
    name: 'postgres',
    available,
    async setup() {
      server = await startPostgres();
    },
    async fresh(label) {
      const name = `${label.replace(/\W/g, '_').toLowerCase()}_${++databases}`;
      await queryOn(server!.url, `CREATE DATABASE ${name}`);
      const url = server!.url.replace(/\/postgres$/, `/${name}`);
      return {
        url,
        store: storeFromUrl(url),
        query: (sql) => queryOn(url, sql),
        execute: async (sql) => void (await queryOn(url, sql)),
      };
    },
    async teardown() {
      await server?.stop();
    },
  };
}

/** The PostgreSQL URL of the cluster a kind started (for tests that need the server itself). */
export async function queryOn<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A store whose commit number `failAt` (1-based) fails before anything is written: a crash just before it. */
export function crashingAt(inner: InteractionStore, failAt: number): InteractionStore {
  let commits = 0;
  return {
    ...inner,
    async open(options) {
      const session = await inner.open(options);
      const wrapped: StoreSession = {
        tenantId: session.tenantId,
        scope: session.scope,
        readState: (keys) => session.readState(keys),
        known: (ids) => session.known(ids),
        close: () => session.close(),
        async commit(batch) {
          if (++commits === failAt) throw new StoreError('write', inner.location, 'the process died here');
          return session.commit(batch);
        },
      };
      return wrapped;
    },
  };
}
