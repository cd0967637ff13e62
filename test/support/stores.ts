// The real stores the tests write into, one factory per kind: a SQLite file in a temporary directory, and
// a database of its own on the throw-away PostgreSQL cluster (test/support/postgres.ts, started once per
// test file and stopped by PID). Each `fresh()` is an empty store with its `--to` URL and a way to read it
// back with plain SQL, so one suite can hold every SQL store to the same promises; and the NDJSON file,
// read back as its latest line per interaction (its change log checked on the way: see `interactions`).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import type { InteractionStore, StoreSession } from '../../src/stores/index.js';
import { StoreError, storeFromUrl, TABLES } from '../../src/stores/index.js';
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
  /** The tenant's stored interactions, in the SQL stores' column names. */
  interactions(tenantId: string): Promise<StoredInteraction[]>;
}

/** An interaction as stored, in the columns of the SQL stores' table. */
export interface StoredInteraction {
  contact_id: string;
  interaction_id: string;
  record: unknown;
  revision: unknown;
  end_timestamp: unknown;
  csat: unknown;
}

const selectInteractions = (tenantId: string) =>
  `SELECT contact_id, interaction_id, record, revision, end_timestamp, csat FROM ${TABLES.interactions} WHERE tenant_id = '${tenantId}'`;

export interface StoreKind {
  name: 'sqlite' | 'postgres' | 'ndjson';
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
      const query = async <T>(sql: string) => {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare(sql).all() as T[];
        } finally {
          db.close();
        }
      };
      return {
        url,
        store: storeFromUrl(url),
        query,
        async execute(sql) {
          const db = new Database(file);
          try {
            db.exec(sql);
          } finally {
            db.close();
          }
        },
        interactions: (tenantId) => query<StoredInteraction>(selectInteractions(tenantId)),
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
        interactions: (tenantId) => queryOn<StoredInteraction>(url, selectInteractions(tenantId)),
      };
    },
    async teardown() {
      await server?.stop();
    },
  };
}

/**
 * NDJSON files in a temporary directory. A file is no database: `query` and `execute` throw, and
 * `interactions` reads the change log, failing unless each interaction's lines are its revisions 1, 2, …
 * in order, once each (the first `new`, the others `updated`), so a line written twice or lost shows.
 */
export function ndjsonKind(): StoreKind {
  let dir = '';
  return {
    name: 'ndjson',
    available: true,
    async setup() {
      dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-ndjson-'));
    },
    async fresh(label) {
      const file = path.join(dir, `${label}.ndjson`);
      const url = `ndjson:${file}`;
      const notSql = async (): Promise<never> => {
        throw new Error('an NDJSON store is a file, not a database: read it with interactions()');
      };
      return {
        url,
        store: storeFromUrl(url),
        query: notSql,
        execute: notSql,
        interactions: async () => readChangeLog(file),
      };
    },
    async teardown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readChangeLog(file: string): StoredInteraction[] {
  const latest = new Map<string, StoredInteraction>();
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  for (const [n, line] of text.split('\n').filter(Boolean).entries()) {
    const row = JSON.parse(line) as Record<string, unknown>;
    const id = String(row['interactionId']);
    const before = latest.get(id);
    const revision = Number(before?.revision ?? 0) + 1;
    if (row['revision'] !== revision || row['change'] !== (revision === 1 ? 'new' : 'updated')) {
      throw new Error(
        `line ${n + 1}: ${id} is ${String(row['change'])} revision ${String(row['revision'])}, not revision ${revision}`,
      );
    }
    latest.set(id, {
      contact_id: String(row['contactId']),
      interaction_id: id,
      record: row['record'],
      revision,
      end_timestamp: row['endTimestamp'] ?? null,
      csat: row['csat'] ?? null,
    });
  }
  return [...latest.values()];
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

/** The {@link StoreError} `promise` rejects with (failing the test when it resolves or rejects otherwise). */
export async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
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
