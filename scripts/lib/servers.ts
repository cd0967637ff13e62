// Starting and stopping the real servers that tests, benchmarks and `npm start` need:
// Prism (mock or validating proxy) as a child process, polled until ready, stopped by PID, and tied to
// its parent so that it never outlives it (see exit-with-parent.mjs).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { bundledSpec, prismBin } from './tools.ts';

// A file: URL, which `--import` takes on every platform.
const exitWithParent = new URL('./exit-with-parent.mjs', import.meta.url).href;

export interface RunningProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Recent output, for error messages when the process dies. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Asks the kernel for a free loopback port by listening on port 0. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Resolves when nothing listens on the port, or rejects with a clear message when something does. */
export async function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      const hint = envVar ? ` Set ${envVar} to another port, or stop what is using it.` : '';
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use.${hint}`
            : `Cannot listen on 127.0.0.1:${port} (${what}): ${err.message}`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export interface PollOptions {
  timeoutMs?: number;
  /** The process being waited for: its exit ends the wait at once, with its output. */
  child?: ChildProcess;
  output?: () => string;
}

/**
 * Repeats `attempt` (a real connection) until it resolves, the child exits, or `timeoutMs` passes.
 * Never sleeps blindly: each wait is a short back-off between real attempts.
 */
export async function pollUntil(what: string, attempt: () => Promise<unknown>, opts: PollOptions = {}): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let delay = 50;
  for (;;) {
    if (opts.child && opts.child.exitCode !== null) {
      throw new Error(
        `process exited with code ${opts.child.exitCode} before ${what} was ready:\n${opts.output?.() ?? ''}`,
      );
    }
    try {
      await attempt();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${opts.output?.() ?? ''}`);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 250);
    }
  }
}

/** Polls `url` until any HTTP answer arrives (readiness), the child exits, or `timeoutMs` passes. */
export function waitForHttp(url: string, opts: PollOptions = {}): Promise<void> {
  return pollUntil(
    url,
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
    },
    opts,
  );
}

/** Stops a child by PID: `signal` (SIGTERM), then SIGKILL if it lingers. Resolves once it has exited. */
export async function stopChild(
  child: ChildProcess,
  graceMs = 3_000,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, signal);
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined)
      process.kill(child.pid, 'SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Spawns `node ARGS` without a shell (so the PID is the server itself), in the caller's process group,
 * with stdin a pipe that only the caller holds: the child exits by itself when the caller dies, even by
 * SIGKILL. stdout and stderr are pipes too, for `output()`.
 */
export function spawnTied(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', exitWithParent, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.on('error', () => {}); // never written to; an EPIPE after the child's exit is not news
  return child;
}

export interface PrismOptions {
  /** `mock` serves the spec's examples (or dynamic bodies); `proxy` validates traffic to `upstream`. */
  mode: 'mock' | 'proxy';
  upstream?: string;
  /**
   * Proxy only. `true` (the default, `--errors`): an invalid request gets Prism's 422 and an invalid
   * answer Prism's 500. `false`: traffic passes through, with Prism's verdicts in `sl-violations`.
   */
  errors?: boolean;
  dynamic?: boolean;
  seed?: string;
  port?: number;
  spec?: string;
}

/** Starts Prism without a shell (so the PID is Prism itself) and waits until it answers. */
export async function startPrism(opts: PrismOptions): Promise<RunningProcess> {
  const port = opts.port ?? (await freePort());
  const args = [prismBin, opts.mode, opts.spec ?? bundledSpec];
  if (opts.mode === 'proxy') {
    if (!opts.upstream) throw new Error('prism proxy needs an upstream URL');
    args.push(opts.upstream);
    if (opts.errors !== false) args.push('--errors');
  }
  if (opts.dynamic) args.push('-d');
  if (opts.seed !== undefined) args.push('--seed', opts.seed);
  args.push('-h', '127.0.0.1', '-p', String(port));
  const child = spawnTied(args);
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, { child, output, timeoutMs: 60_000 });
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { url, port, pid: child.pid!, child, output, stop: () => stopChild(child) };
}
