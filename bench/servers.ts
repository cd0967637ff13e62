// Starts and stops the benchmark's loopback servers as child processes (stopped by PID).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, stopChild, waitForHttp } from '../scripts/lib/servers.ts';
import { root } from '../scripts/lib/tools.ts';
import { benchPath } from './fixtures.ts';

export interface BenchServer {
  /** Base URL with the /v1 prefix, like the real API. */
  baseUrl: string;
  /** The full URL of page `page` with `limit` items, for raw clients. */
  pageUrl: (limit: number, page: number) => string;
  stop: () => Promise<void>;
}

/** Runs a TypeScript module from bench/ in a child Node process (through tsx). */
export function spawnTs(file: string, args: string[], nodeFlags: string[] = []) {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(root, 'bench', file), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function startPageServer(opts: { total: number; latencyMs?: number }): Promise<BenchServer> {
  const port = await freePort();
  const child = spawnTs('page-server.ts', [String(port), String(opts.total), String(opts.latencyMs ?? 0)]);
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000)));
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  try {
    await waitForHttp(`${baseUrl}/health`, { child, output: () => log, timeoutMs: 30_000 });
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return {
    baseUrl,
    pageUrl: (limit, page) => `${baseUrl}${benchPath}?limit=${limit}&page=${page}`,
    stop: () => stopChild(child),
  };
}
