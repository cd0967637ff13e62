// A throw-away PostgreSQL for tests: a cluster of its own (initdb) in a temporary directory, on a free
// loopback port, started without a shell so that the PID is the postmaster itself, polled until it takes
// a real connection, and stopped by that PID (a fast shutdown, which ends every backend first), its
// directory removed. Postgres refuses to run as root: as root, the cluster belongs to, and runs as, the
// `postgres` user that Debian's package creates.
// Use: `describe.runIf(needs('PostgreSQL', postgresBinDir() !== undefined, postgresInstall))(…)`.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, pollUntil, type RunningProcess, stopChild } from '../../scripts/lib/servers.ts';

export const postgresInstall = 'apt-get install -y postgresql';

/** Where initdb and postgres are: on PATH, else Debian's /usr/lib/postgresql/<newest>/bin. */
export function postgresBinDir(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest && existsSync(path.join(debian, newest, 'bin/initdb')) ? path.join(debian, newest, 'bin') : undefined;
}

/** The running cluster: `url` is `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication). */
export interface Postgres extends RunningProcess {
  /** The temporary directory holding the cluster; gone after `stop()`. */
  dir: string;
}

/** Who the cluster runs as: this user, or `postgres` when this is root. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL refuses to run as root, and there is no `postgres` user to run it as');
  }
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${postgresInstall}`);
  const owner = clusterOwner();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-postgres-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const asOwner = { ...owner, cwd: dir, env: { PATH: process.env.PATH, LC_ALL: 'C', TZ: 'UTC' } };
  let child: ChildProcess | undefined;
  try {
    // --no-sync and fsync=off: the cluster dies with the test, so durability against an OS crash is moot.
    await promisify(execFile)(
      path.join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
      asOwner,
    );
    const port = await freePort();
    const settings = { listen_addresses: '127.0.0.1', port, unix_socket_directories: '', fsync: 'off' };
    const args = ['-D', data, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
    const server = spawn(path.join(bin, 'postgres'), args, { ...asOwner, stdio: ['ignore', 'pipe', 'pipe'] });
    child = server;
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-8_000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    const output = () => log;
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await pollUntil(
      `PostgreSQL on port ${port}`,
      async () => {
        const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
        try {
          await client.connect();
          await client.query('SELECT 1');
        } finally {
          await client.end().catch(() => {});
        }
      },
      { child: server, output, timeoutMs: 60_000 },
    );
    // A worker that ends without its teardown (an uncaught error) still takes the cluster down.
    const orphanGuard = () => server.kill('SIGQUIT');
    process.once('exit', orphanGuard);
    const stop = async () => {
      process.off('exit', orphanGuard);
      await stopChild(server, 10_000, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    };
    return { url, port, pid: server.pid!, child: server, dir, output, stop };
  } catch (error) {
    if (child) await stopChild(child, 10_000, 'SIGINT');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
