// `npm start` end to end: start the sandbox (build skipped: `npm test` has built already), run the
// commands it prints exactly as printed, then signal it and check that no process is left.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertPortFree, freePort } from '../../scripts/lib/servers.ts';
import { bundledSpec, root } from '../../scripts/lib/tools.ts';

const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const seedSample = parse(readFileSync(bundledSpec, 'utf8')).components.examples.seedSample.value as {
  page: null;
  total: number;
  results: { interactionId: string }[];
};

interface Sandbox {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcess[] = [];
/** Every descendant PID a test saw, so cleanup can reach orphans whose parent already exited. */
const seen = new Set<number>();

/**
 * `via: 'tsx'` runs tsx's CLI (what `npm start` runs; it relays signals to the script).
 * `via: 'npm'` runs `npm start` in its own process group, so a test can press Ctrl-C the way a
 * terminal does: SIGINT to the whole group.
 */
function startSandbox(env: Record<string, string>, via: 'tsx' | 'npm' = 'tsx'): Sandbox {
  const [command, args] = via === 'npm' ? ['npm', ['start']] : [process.execPath, [tsxCli, 'scripts/start.ts']];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, CXI_SKIP_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: via === 'npm',
  });
  running.push(child);
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => log, exited };
}

/** Resolves when the output contains `text`; rejects if the process exits first or time runs out. */
function waitForOutput(sandbox: Sandbox, text: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (sandbox.output().includes(text)) return done(resolve);
    };
    const onExit = () => done(() => reject(new Error(`exited before printing "${text}":\n${sandbox.output()}`)));
    const timer = setTimeout(
      () => done(() => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${sandbox.output()}`))),
      timeoutMs,
    );
    const done = (finish: () => void) => {
      clearTimeout(timer);
      sandbox.child.stdout!.off('data', check);
      sandbox.child.off('exit', onExit);
      finish();
    };
    sandbox.child.stdout!.on('data', check);
    sandbox.child.once('exit', onExit);
    check();
  });
}

/** Every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of stat is the parent PID; the command name (field 2) may contain spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const current = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent === current) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  for (const p of found) seen.add(p);
  return found;
}

function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

async function waitUntilGone(pids: number[], timeoutMs = 15_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    const left = pids.filter(alive);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 200);
  }
}

function sh(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function threePorts(): Promise<[number, number, number]> {
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  return [...ports] as [number, number, number];
}

afterAll(() => {
  // Only if a test failed half-way: never leave a sandbox behind.
  for (const child of running) {
    descendants(child.pid!);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const pid of seen) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('npm start (scripts/start.ts)', () => {
  it('needs a build', () => {
    expect(existsSync(path.join(root, 'dist/src/cli/main.js')), 'run `npm run build` before this test').toBe(true);
  });

  it('serves a sandbox whose printed commands work, and SIGTERM stops every child', async () => {
    const [apiPort, mockPort, docsPort] = await threePorts();
    const sandbox = startSandbox({
      CXI_API_PORT: String(apiPort),
      CXI_MOCK_PORT: String(mockPort),
      CXI_DOCS_PORT: String(docsPort),
    });
    await waitForOutput(sandbox, 'Sandbox ready');
    const out = sandbox.output();
    for (const port of [apiPort, mockPort, docsPort]) expect(out).toContain(`http://127.0.0.1:${port}`);

    const children = descendants(sandbox.child.pid!);
    expect(children.filter((pid) => commandLine(pid).includes('prism-cli'))).toHaveLength(2);

    const commands = [...out.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]!);
    expect(commands).toHaveLength(3);
    const [apiCurl, cliCommand, mockCurl] = commands as [string, string, string];
    expect(apiCurl).toContain(`127.0.0.1:${apiPort}`);
    expect(cliCommand).toContain('node dist/src/cli/main.js list');
    expect(mockCurl).toContain(`127.0.0.1:${mockPort}`);

    const api = await sh(apiCurl);
    expect(api.code, api.stderr).toBe(0);
    const page = JSON.parse(api.stdout) as {
      page: number;
      limit: number;
      offset: number;
      total: number;
      results: unknown[];
    };
    expect(page).toMatchObject({ page: 0, limit: 5, offset: 0 });
    expect(page.results).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(200);

    const cli = await sh(cliCommand);
    expect(cli.code, cli.stderr).toBe(0);
    const rows = cli.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^STARTED\s+CHANNEL/);
    expect(rows).toHaveLength(26);

    const mock = await sh(mockCurl);
    expect(mock.code, mock.stderr).toBe(0);
    const sample = JSON.parse(mock.stdout) as typeof seedSample;
    expect(sample).toEqual(seedSample);
    expect(sample).toMatchObject({ page: null, total: 2 });
    expect(sample.results[0]!.interactionId).toMatch(/^5e003dd5-/);

    // The API really is behind Prism's validating proxy: an out-of-range limit never reaches upstream.
    const invalid = await fetch(apiCurl.match(/'(http[^']+)'/)![1]!.replace('limit=5', `limit=1000`), {
      headers: { authorization: `Basic ${Buffer.from('sandbox-key:sandbox-secret').toString('base64')}` },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');

    const docs = await fetch(`http://127.0.0.1:${docsPort}/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('CxEngage contact interaction history');

    sandbox.child.kill('SIGTERM');
    const exit = await sandbox.exited;
    expect(exit.code ?? exit.signal).toBe(0);
    expect(await waitUntilGone(children)).toEqual([]);
    for (const port of [apiPort, mockPort, docsPort]) await assertPortFree(port, 'sandbox port after stop');
  }, 90_000);

  it('Ctrl-C on `npm start` (SIGINT to the process group) stops every child too', async () => {
    const [apiPort, mockPort, docsPort] = await threePorts();
    const sandbox = startSandbox(
      { CXI_API_PORT: String(apiPort), CXI_MOCK_PORT: String(mockPort), CXI_DOCS_PORT: String(docsPort) },
      'npm',
    );
    await waitForOutput(sandbox, 'Sandbox ready');
    const children = descendants(sandbox.child.pid!);
    expect(children.filter((pid) => commandLine(pid).includes('prism-cli'))).toHaveLength(2);
    process.kill(-sandbox.child.pid!, 'SIGINT');
    await sandbox.exited;
    expect(await waitUntilGone(children)).toEqual([]);
    expect(sandbox.output()).toContain('SIGINT: stopping the sandbox');
  }, 90_000);

  it('a port in use gives a clear message naming the variable', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const [, mockPort, docsPort] = await threePorts();
      const sandbox = startSandbox({
        CXI_API_PORT: String(taken),
        CXI_MOCK_PORT: String(mockPort),
        CXI_DOCS_PORT: String(docsPort),
      });
      const exit = await sandbox.exited;
      expect(exit.code).toBe(1);
      expect(sandbox.output()).toContain(
        `Port ${taken} (sandbox API (Prism validating proxy)) is already in use. Set CXI_API_PORT to another port`,
      );
      expect(sandbox.output()).not.toContain('Sandbox ready');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 30_000);
});
