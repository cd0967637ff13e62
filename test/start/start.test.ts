// `npm start` end to end (build skipped: `npm test` has built already). One sandbox serves most checks:
// the commands it prints, run exactly as printed; the API's vendor-shaped 400; the hostile corpus on every
// port; a Prism crash and its restart. Then each way of stopping it, one after another on the same three
// ports, so every start also proves that the stop before it freed them; after each, no process of the
// sandbox's tree may be left.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateInteractionPage } from '../../generated/validators.js';
import { assertPortFree, freePort } from '../../scripts/lib/servers.ts';
import { bundledSpec, root } from '../../scripts/lib/tools.ts';
import { apiBasePath, operationPath } from '../../src/testing/index.ts';
import { hostileRequests, sendRaw } from './hostile-requests.ts';
import { alive, commandLine, descendants, waitFor, waitUntilGone } from './processes.ts';

const seedSample = parse(readFileSync(bundledSpec, 'utf8')).components.examples.seedSample.value as {
  page: null;
  total: number;
  results: { interactionId: string }[];
};
const TENANT = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const CONTACT = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';
const RESOURCE = `${apiBasePath}${operationPath('listContactInteractions', { tenantId: TENANT, contactId: CONTACT })}`;
const BASIC = { authorization: `Basic ${Buffer.from('sandbox-key:sandbox-secret').toString('base64')}` };

interface Sandbox {
  process: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every process of the sandbox's tree once it is ready, the launched one included. */
  tree: number[];
  /** The PID of the node process running scripts/start.ts. */
  node: number;
}

/** Every PID any sandbox had, for the safety net in afterAll. */
const seen = new Set<number>();

/**
 * Runs what `npm start` runs (`via: 'node'`) or `npm start` itself, on `ports`, in a process group of its
 * own; `output()` is everything it has written so far, stdout and stderr.
 */
function launch(ports: readonly number[], via: 'node' | 'npm'): { child: ChildProcess; output: () => string } {
  const [command, args] =
    via === 'npm' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'scripts/start.ts']];
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      CXI_SKIP_BUILD: '1',
      CXI_API_PORT: String(ports[0]),
      CXI_MOCK_PORT: String(ports[1]),
      CXI_DOCS_PORT: String(ports[2]),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  seen.add(child.pid!);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { child, output: () => log };
}

/**
 * Starts the sandbox on `ports` and resolves once it is ready. `via: 'node'` runs what `npm start` runs
 * (`node --import tsx scripts/start.ts`); `via: 'npm'` runs `npm start` itself. Either way in a process
 * group of its own, so a test can signal the group as a terminal does.
 */
async function startSandbox(ports: readonly number[], via: 'node' | 'npm'): Promise<Sandbox> {
  const { child, output } = launch(ports, via);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(
    'Sandbox ready',
    () => {
      if (gone) throw new Error(`the sandbox exited before it was ready:\n${output()}`);
      return output().includes('Sandbox ready') ? true : undefined;
    },
    60_000,
  );
  const tree = [child.pid!, ...descendants(child.pid!)];
  for (const pid of tree) seen.add(pid);
  const node = via === 'node' ? child.pid! : tree.find((pid) => commandLine(pid).includes('scripts/start.ts'))!;
  return { process: child, output, exited, tree, node };
}

function prismPids(sandbox: Sandbox): number[] {
  return descendants(sandbox.node).filter((pid) => commandLine(pid).includes('prism-cli'));
}

interface Stopped {
  exit: { code: number | null; signal: NodeJS.Signals | null };
  output: string;
  /** PIDs of the sandbox's tree still running once it has had time to stop (should be none). */
  left: number[];
  /** Ports still taken after the stop (should be none). */
  busy: string[];
  /** How many Prism processes the sandbox ran before the stop (one). */
  prisms: number;
}

/** Stops nothing itself: waits for the exit, then for the tree to go, then reports what is left. */
async function afterStop(sandbox: Sandbox, ports: readonly number[], prisms = 1): Promise<Stopped> {
  const exit = await sandbox.exited;
  const left = await waitUntilGone(sandbox.tree);
  // With the whole tree gone, nothing holds the pipes: wait until every byte written has been read.
  const { stdout, stderr } = sandbox.process;
  if (left.length === 0)
    await Promise.all([stdout, stderr].map((stream) => (stream && !stream.closed ? once(stream, 'close') : undefined)));
  const busy: string[] = [];
  for (const port of ports) await assertPortFree(port, 'a sandbox port').catch((err: Error) => busy.push(err.message));
  return { exit, output: sandbox.output(), left, busy, prisms };
}

/** Starts a sandbox on `ports`, stops it by `stop`, and reports. */
async function stopCase(ports: readonly number[], via: 'node' | 'npm', stop: (s: Sandbox) => void): Promise<Stopped> {
  const sandbox = await startSandbox(ports, via);
  const prisms = prismPids(sandbox).length;
  stop(sandbox);
  return afterStop(sandbox, ports, prisms);
}

function sh(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Two sets of three ports: the stop cases run as two chains at once, each start on its chain's ports. */
let ports: [number, number, number];
let otherPorts: [number, number, number];
/** The second chain, started in the background so that it runs on the second core. */
let ctrlC: Promise<Stopped>;
let kill9: Promise<Stopped>;

beforeAll(async () => {
  const distinct = new Set<number>();
  while (distinct.size < 6) distinct.add(await freePort());
  const [a, b, c, d, e, f] = [...distinct] as number[];
  ports = [a!, b!, c!];
  otherPorts = [d!, e!, f!];
  // SIGKILL first: the riskiest stop for the next start, which the Ctrl-C case then makes.
  kill9 = stopCase(otherPorts, 'node', (sandbox) => process.kill(sandbox.node, 'SIGKILL'));
  ctrlC = kill9
    .catch(() => {})
    .then(() => stopCase(otherPorts, 'npm', (sandbox) => process.kill(-sandbox.process.pid!, 'SIGINT')));
  // Reported by their own tests below; not unhandled meanwhile.
  kill9.catch(() => {});
  ctrlC.catch(() => {});
});

afterAll(async () => {
  await Promise.allSettled([ctrlC, kill9]);
  // Only if a test failed half-way: never leave a sandbox behind.
  for (const pid of seen) if (alive(pid)) process.kill(pid, 'SIGKILL');
}, 180_000);

describe.sequential('npm start (scripts/start.ts)', () => {
  it('needs a build', () => {
    expect(existsSync(path.join(root, 'dist/src/cli/main.js')), 'run `npm run build` before this test').toBe(true);
  });

  describe.sequential('a running sandbox', () => {
    let sandbox: Sandbox;
    let commands: string[];
    beforeAll(async () => {
      sandbox = await startSandbox(ports, 'node');
      commands = [...sandbox.output().matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]!);
    }, 90_000);

    it('prints its URLs, all under /v1 but the docs, and five commands, each on a `  $ ` line', () => {
      const [api, mock, docs] = ports;
      expect(sandbox.output()).toContain(`API   http://127.0.0.1:${api}/v1 `);
      expect(sandbox.output()).toContain(`Mock  http://127.0.0.1:${mock}/v1 `);
      expect(sandbox.output()).toContain(`Docs  http://127.0.0.1:${docs}/`);
      expect(commands).toHaveLength(5);
      expect(commands[3]).toBe(
        `CXENGAGE_API_KEY=sandbox-key CXENGAGE_API_SECRET=sandbox-secret node dist/src/cli/main.js contract --base-url http://127.0.0.1:${api}/v1 --tenant ${TENANT} --contact ${CONTACT}`,
      );
      expect(prismPids(sandbox)).toHaveLength(1);
    });

    it('the printed curl command gets a page of the reference API under /v1, valid by the spec', async () => {
      expect(commands[0]).toContain(`'http://127.0.0.1:${ports[0]}${RESOURCE}?limit=5&page=0'`);
      const api = await sh(commands[0]!);
      expect(api.code, api.stderr).toBe(0);
      const page = JSON.parse(api.stdout);
      expect(validateInteractionPage(page), JSON.stringify(validateInteractionPage.errors)).toBe(true);
      expect(page).toMatchObject({ page: 0, limit: 5, offset: 0, total: 320 });
      expect(page.results).toHaveLength(5);
    });

    it('the printed list command prints the last 25 as a table', async () => {
      expect(commands[1]).toContain(
        `list --tenant ${TENANT} --contact ${CONTACT} --base-url http://127.0.0.1:${ports[0]}/v1`,
      );
      const cli = await sh(commands[1]!);
      expect(cli.code, cli.stderr).toBe(0);
      const rows = cli.stdout.trimEnd().split('\n');
      expect(rows[0]).toMatch(/^STARTED\s+CHANNEL/);
      expect(rows).toHaveLength(26);
    });

    it('the printed sync command stores the tenant into SQLite, then finds nothing new', async () => {
      const printed = 'sqlite:sandbox-interactions.db';
      expect(commands[2]).toContain(`sync --tenant ${TENANT} --to ${printed}`);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cxi-start-sync-'));
      try {
        // As printed, into a file of its own rather than the checkout's.
        const command = commands[2]!.replace(printed, `sqlite:${path.join(dir, 'sandbox.db')}`);
        const first = await sh(command);
        expect(first.code, first.stderr).toBe(0);
        expect(first.stderr).toMatch(
          /^sync: tenant-wide, window \[the beginning, .*\) · 320 new, 0 updated, 0 unchanged in /m,
        );
        const again = await sh(command);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stderr).toMatch(/ · 0 new, 0 updated, \d+ unchanged in /);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the printed contract command passes against the sandbox as printed: exit 0, no drift', async () => {
      const run = await sh(commands[3]!);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('RESULT: pass: no drift from the spec (exit 0)');
      expect(run.stdout).not.toMatch(/^FAIL/m);
    });

    it("the printed mock command gets the vendor's sample from Prism under /v1", async () => {
      expect(commands[4]).toContain(`'http://127.0.0.1:${ports[1]}${RESOURCE}'`);
      const mock = await sh(commands[4]!);
      expect(mock.code, mock.stderr).toBe(0);
      expect(JSON.parse(mock.stdout)).toEqual(seedSample);
    });

    it("answers an invalid parameter with the vendor's 400 error, as the real API does (not Prism's 422)", async () => {
      const res = await fetch(`http://127.0.0.1:${ports[0]}${RESOURCE}?limit=1000`, { headers: BASIC });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({
        error: { code: 400, message: 'Invalid request parameters.', attribute: { limit: expect.any(String) } },
      });
      // Outside /v1 there is no API, on either port, as on the real servers.
      for (const port of ports.slice(0, 2)) {
        const outside = await fetch(`http://127.0.0.1:${port}${RESOURCE.slice(apiBasePath.length)}`, {
          headers: BASIC,
        });
        expect(outside.status).toBe(404);
      }
    });

    it('survives the hostile corpus on every port, Prism untouched (its guard held)', async () => {
      const before = prismPids(sandbox);
      const [api, mock, docs] = ports;
      const targets = [
        [api, '/v1'],
        [mock, '/v1'],
        [docs, ''],
      ] as const;
      const wrong: string[] = [];
      for (const [port, base] of targets) {
        const corpus = hostileRequests(base);
        const statuses = await Promise.all(corpus.map((c) => sendRaw(port, c.raw)));
        corpus.forEach((c, i) => {
          const status = statuses[i]!;
          const ok = c.clientError ? status >= 400 && status < 500 : status > 0 && status < 500;
          if (!ok) wrong.push(`port ${port}, ${c.name}: ${status}`);
        });
      }
      expect(wrong).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${api}${RESOURCE}`, { headers: BASIC })).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${mock}${RESOURCE}`, { headers: BASIC })).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${docs}/`)).status).toBe(200);
      expect(prismPids(sandbox)).toEqual(before);
      expect(sandbox.output()).not.toContain('died');
    });

    it('restarts Prism when it crashes anyway (a malformed path sent past the guard, to its private port)', async () => {
      const [prism] = prismPids(sandbox);
      const privatePort = Number(/ -p (\d+)/.exec(commandLine(prism!))![1]);
      const crash = `GET /tenants/%E0%A4%A/contacts/${CONTACT}/interactions HTTP/1.1\r\nHost: x\r\n\r\n`;
      expect(await sendRaw(privatePort, Buffer.from(crash))).toBe(0); // no answer: Prism died
      await waitFor('the restart', () => (sandbox.output().includes('is back at') ? true : undefined), 60_000);
      expect(sandbox.output()).toContain('Prism (static mock) died (code 1); restarting it.');
      expect(sandbox.output()).toContain('URIError: URI malformed');
      expect(alive(prism!)).toBe(false);
      const [fresh] = prismPids(sandbox);
      expect(fresh).not.toBe(prism);
      sandbox.tree.push(fresh!);
      seen.add(fresh!);
      const res = await fetch(`http://127.0.0.1:${ports[1]}${RESOURCE}`, { headers: BASIC });
      expect(res.status).toBe(200);
    }, 90_000);

    it('SIGTERM to its node process: exit 0, nothing left, the ports free', async () => {
      process.kill(sandbox.node, 'SIGTERM');
      const stopped = await afterStop(sandbox, ports);
      expect(stopped.exit.code).toBe(0);
      expect(stopped.left).toEqual([]);
      expect(stopped.busy).toEqual([]);
    });
  });

  // Each case starts on the ports the case before it used: the start itself proves them free.
  it("SIGTERM to npm's PID (`kill <npm pid>`): nothing left", async () => {
    const stopped = await stopCase(ports, 'npm', (sandbox) => process.kill(sandbox.process.pid!, 'SIGTERM'));
    expect(stopped.prisms).toBe(1);
    expect(stopped.left).toEqual([]);
    expect(stopped.busy).toEqual([]);
    expect(stopped.output).toMatch(/the process that started the sandbox \(PID \d+\) exited: stopping the sandbox/);
  }, 90_000);

  it('a closed terminal (SIGHUP to the process group of `npm start`): nothing left', async () => {
    const stopped = await stopCase(ports, 'npm', (sandbox) => process.kill(-sandbox.process.pid!, 'SIGHUP'));
    expect(stopped.prisms).toBe(1);
    expect(stopped.left).toEqual([]);
    expect(stopped.busy).toEqual([]);
    expect(stopped.output).toContain('SIGHUP: stopping the sandbox');
  }, 90_000);

  it('Ctrl-C on `npm start` (SIGINT to its process group): nothing left', async () => {
    const stopped = await ctrlC;
    expect(stopped.prisms).toBe(1);
    expect(stopped.left).toEqual([]);
    expect(stopped.busy).toEqual([]);
    expect(stopped.output).toContain('SIGINT: stopping the sandbox');
  }, 90_000);

  it('SIGKILL to its node process, which no handler sees: Prism exits by itself, nothing left', async () => {
    const stopped = await kill9;
    expect(stopped.exit.signal).toBe('SIGKILL');
    expect(stopped.prisms).toBe(1);
    expect(stopped.left).toEqual([]);
    expect(stopped.busy).toEqual([]);
  }, 90_000);

  it('a port in use gives a clear message naming the variable', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(ports[0], '127.0.0.1', resolve));
    try {
      const { child, output } = launch(ports, 'node');
      const [code] = await once(child, 'close'); // not 'exit': every byte written has been read by then
      const log = output();
      expect(code).toBe(1);
      expect(log).toContain(
        `Port ${ports[0]} (sandbox API) is already in use. Set CXI_API_PORT to another port, or stop what is using it.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 30_000);
});
