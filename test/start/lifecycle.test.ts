// How the sandbox's process stops and keeps its children, with a stand-in for the sandbox and tiny node
// children instead of Prism, so each case takes about a second: the stop paths no signal handler sees (an exception, SIGKILL,
// the launcher's death) and the supervisor's restart, stop and give-up rules. The real sandbox's stop
// paths are in start.test.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningProcess, spawnTied, stopChild } from '../../scripts/lib/servers.ts';
import { supervise } from '../../scripts/lib/supervise.ts';
import { root } from '../../scripts/lib/tools.ts';
import { alive, descendants, waitFor, waitUntilGone } from './processes.ts';

const fixture = path.join(root, 'test/start/fixtures/tied-parent.ts');
const started: number[] = [];

afterAll(() => {
  // Only if a test failed half-way.
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

interface Run {
  process: ChildProcess;
  output: () => string;
  /** The tied child's PID, once the fixture has printed it. */
  child: Promise<number>;
  exited: Promise<number | null>;
}

/**
 * Runs `node --import tsx fixture MODE`; with `launcher`, a node script that starts that command line
 * (in its argv) and then idles, standing in for whatever started the sandbox.
 */
function runFixture(mode: string, launcher?: string, env: NodeJS.ProcessEnv = {}): Run {
  const command = [process.execPath, '--import', 'tsx', fixture, mode];
  const proc = spawn(process.execPath, launcher ? ['-e', launcher, ...command] : command.slice(1), {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc.pid!);
  let log = '';
  proc.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const child = waitFor('the tied child', () => {
    const pid = /child (\d+)/.exec(log)?.[1];
    return pid === undefined ? undefined : Number(pid);
  });
  void child.then((pid) => started.push(pid));
  const exited = once(proc, 'exit').then(([code]) => code as number | null);
  return { process: proc, output: () => log, child, exited };
}

// Launchers: node scripts that start their argv's command line and idle until killed.
const plainLauncher = `require('node:child_process').spawn(process.argv[1], process.argv.slice(2), { stdio: 'inherit' });
setInterval(() => {}, 60_000);`;
// As npm runs a script: through \`sh -c\`, which stays between npm and the script and passes no signal on.
const npmLikeLauncher = `require('node:child_process').spawn('sh', ['-c', '"$0" "$@"; true', ...process.argv.slice(1)], { stdio: 'inherit' });
setInterval(() => {}, 60_000);`;

describe('the sandbox process stops its children whatever stops it', () => {
  it.each([
    ['an uncaught exception', 'throw', 'boom from the parent'],
    ['an unhandled rejection', 'reject', 'rejected in the parent'],
  ])('%s: exit 1, the error shown, the child stopped', async (_what, mode, message) => {
    const run = runFixture(mode);
    const child = await run.child;
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('unexpected error, stopping the sandbox');
    expect(run.output()).toContain(message);
    expect(await waitUntilGone([child])).toEqual([]);
  });

  it('SIGKILL, which no handler sees: the child exits by itself (its stdin pipe closes)', async () => {
    const run = runFixture('wait');
    const child = await run.child;
    expect(alive(child)).toBe(true);
    run.process.kill('SIGKILL');
    await run.exited;
    expect(await waitUntilGone([child])).toEqual([]);
  });

  it.each([
    ['its parent', plainLauncher, {}, /the process that started the sandbox \(PID \d+\) exited/],
    [
      'npm, with the script shell left running',
      npmLikeLauncher,
      { npm_lifecycle_event: 'start' },
      /npm \(PID \d+\) exited/,
    ],
  ])('its launcher killed by SIGKILL (%s): it stops, and its child', async (_what, launcher, env, message) => {
    const run = runFixture('wait', launcher, env);
    await run.child;
    const tree = descendants(run.process.pid!);
    started.push(...tree);
    expect(tree.length).toBeGreaterThanOrEqual(2); // (the shell,) the sandbox and its child
    run.process.kill('SIGKILL');
    expect(await waitUntilGone(tree)).toEqual([]);
    expect(run.output()).toMatch(message);
  });
});

describe('supervise', () => {
  /** A child that runs `script`, as a RunningProcess (ready once spawned). */
  async function stub(script: string): Promise<RunningProcess> {
    const child = spawnTied(['-e', script]);
    await once(child, 'spawn');
    started.push(child.pid!);
    return {
      url: `pid ${child.pid}`,
      port: 0,
      pid: child.pid!,
      child,
      output: () => 'its output',
      stop: () => stopChild(child),
    };
  }
  const idle = 'setInterval(() => {}, 60_000)';

  it('restarts a child that dies on its own, and stops the current one', async () => {
    const lines: string[] = [];
    const events: string[] = [];
    const supervisor = await supervise({
      name: 'stub',
      start: () => stub(idle),
      onStopSignal: (why) => events.push(why),
      onGiveUp: (why) => events.push(why),
      log: (line) => lines.push(line),
    });
    const first = supervisor.current()!;
    first.child.kill('SIGKILL'); // as the OOM killer would
    const second = await waitFor('a restarted child', () => {
      const now = supervisor.current();
      return now && now !== first ? now : undefined;
    });
    expect(supervisor.restarts()).toBe(1);
    expect(lines[0]).toMatch(/^stub died \(signal SIGKILL\); restarting it\. Its last output:\nits output$/);
    expect(lines[1]).toBe(`stub is back at pid ${second.pid}`);
    expect(events).toEqual([]);
    await supervisor.stop();
    expect(await waitUntilGone([first.pid, second.pid])).toEqual([]);
    expect(supervisor.current()).toBeUndefined();
  });

  it('does not restart a child stopped by a stop signal: the sandbox is being stopped', async () => {
    const events: string[] = [];
    const supervisor = await supervise({
      name: 'stub',
      start: () => stub(idle),
      onStopSignal: (why) => events.push(why),
      onGiveUp: (why) => events.push(`gave up: ${why}`),
      log: () => {},
    });
    supervisor.current()!.child.kill('SIGTERM');
    await waitFor('the stop signal', () => events[0]);
    expect(events).toEqual(['stub was stopped by SIGTERM']);
    expect(supervisor.restarts()).toBe(0);
    await supervisor.stop();
  });

  it('gives up on a child that keeps dying', async () => {
    const events: string[] = [];
    const supervisor = await supervise({
      name: 'stub',
      start: () => stub('process.exit(3)'),
      onStopSignal: (why) => events.push(why),
      onGiveUp: (why) => events.push(why),
      log: () => {},
      maxRestarts: 2,
    });
    const why = await waitFor('giving up', () => events[0]);
    expect(why).toMatch(/^stub died \(code 3\) 3 times within 60 s:/);
    expect(supervisor.restarts()).toBe(2);
    await supervisor.stop();
  });
});
