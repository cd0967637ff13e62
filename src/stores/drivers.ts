/**
 * The database drivers, loaded on demand with `import()`: they are optional peer dependencies, so the
 * SDK's install stays as small as it is, and only a store that needs one loads it. A driver that is not
 * installed is a {@link StoreError} (`driver_missing`) naming the package to install; one that is
 * installed but does not load (a native addon built for another Node.js) says how to rebuild it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { StoreError } from './errors.js';

/** What to install: better-sqlite3 12 loads on every Node.js the package supports (13 needs 22). */
export const DRIVER_INSTALL = {
  'better-sqlite3': 'npm install better-sqlite3@12',
  pg: 'npm install pg@8',
} as const;

type Driver = keyof typeof DRIVER_INSTALL;

function missing(error: unknown, name: Driver): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  return notFound && typeof message === 'string' && message.includes(`'${name}'`);
}

async function load<T>(name: Driver, store: string, importer: () => Promise<{ default: T }>): Promise<T> {
  try {
    return (await importer()).default;
  } catch (error) {
    if (missing(error, name)) {
      throw new StoreError(
        'driver_missing',
        store,
        `${store} needs the ${name} package, which is not installed: ${DRIVER_INSTALL[name]}`,
        { cause: error },
      );
    }
    throw error;
  }
}

export function loadSqlite(store: string): Promise<typeof BetterSqlite3> {
  return load('better-sqlite3', store, () => import('better-sqlite3'));
}

export function loadPg(store: string): Promise<typeof pg> {
  return load('pg', store, () => import('pg'));
}

/**
 * A native addon that is installed but does not load: built for another Node.js (another ABI), or not
 * built at all (its install script did not run).
 */
export function addonError(error: unknown, store: string): StoreError | undefined {
  const message = error instanceof Error ? error.message : '';
  if (!/NODE_MODULE_VERSION|Could not locate the bindings file|invalid ELF header|was compiled against/.test(message))
    return undefined;
  return new StoreError(
    'driver_missing',
    store,
    `${store}: better-sqlite3 is installed but does not load on Node.js ${process.version} (it was built for another Node.js, or not built): npm rebuild better-sqlite3`,
    { cause: error },
  );
}
