// The writer lock on a real file system, with real processes: a holder that is alive keeps it, one that
// is gone (killed, or its PID reused) loses it to exactly one taker however many race for it, a lock
// from another host or one this tool did not write is never taken, and every exit path releases it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';
import { acquireLock, LockedError, lockHolder } from '../../src/files/lock.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'cxi-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const file = (name: string) => path.join(scratch, `${++n}-${name}`);
const builtLock = pathToFileURL(path.join(root, 'dist/src/files/lock.js')).href;

/** The PID of a process that has ended (a child that ran and exited). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function writeLock(target: string, holder: Record<string, unknown>): string {
  const lockFile = `${target}.lock`;
  writeFileSync(lockFile, `${JSON.stringify({ since: '2025-01-01T00:00:00.000Z', by: 'test', ...holder })}\n`);
  return lockFile;
}

/** Files beside the lock a takeover or an acquire may leave (stale links, temp files): none must stay. */
const leftovers = (target: string) =>
  readdirSync(path.dirname(target)).filter((name) => name.startsWith(`${path.basename(target)}.lock.`));

describe('acquireLock', () => {
  it('writes who holds it, complete; a second taker is refused while it is held; release frees it', async () => {
    const target = file('state.json');
    const lock = await acquireLock(target, '--state state.json', 'test');
    const holder = JSON.parse(readFileSync(`${target}.lock`, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), by: 'test' });
    expect(holder.nonce).toMatch(/^[\w-]+$/);
    expect(Date.parse(holder.since)).not.toBeNaN();
    const second = await acquireLock(target, '--state state.json', 'test').catch((e: unknown) => e);
    expect(second).toBeInstanceOf(LockedError);
    expect(second).toMatchObject({ reason: 'held' });
    expect((second as Error).message).toBe(
      `--state state.json is in use by another run: pid ${process.pid} on this host (${hostname()}), since ${holder.since}; wait for it to end (if it is gone, remove ${target}.lock)`,
    );
    expect(await lockHolder(target)).toMatchObject({ nonce: holder.nonce });
    await lock.release();
    await lock.release(); // idempotent
    expect(existsSync(`${target}.lock`)).toBe(false);
    expect(await lockHolder(target)).toBeUndefined();
    await (await acquireLock(target, 'x', 'test')).release();
    expect(leftovers(target)).toEqual([]);
  });

  it('a lock left by a process that is gone (this host) is taken over, leaving nothing behind', async () => {
    const target = file('state.json');
    writeLock(target, { pid: deadPid(), host: hostname(), nonce: 'stale-nonce-1' });
    expect(await lockHolder(target)).toBeUndefined(); // a stale lock counts as none
    const lock = await acquireLock(target, 'x', 'test');
    expect(JSON.parse(readFileSync(`${target}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(leftovers(target)).toEqual([]);
    await lock.release();
  });

  it('a lock whose PID now runs another process (started at another time) is stale too', async () => {
    const target = file('state.json');
    writeLock(target, { pid: process.pid, host: hostname(), started: '1', nonce: 'reused-pid' });
    const lock = await acquireLock(target, 'x', 'test');
    await lock.release();
  });

  it('a lock from another host is never taken over, even with a PID that is free here', async () => {
    const target = file('state.json');
    const lockFile = writeLock(target, { pid: deadPid(), host: 'build-7.example', nonce: 'elsewhere' });
    const before = readFileSync(lockFile, 'utf8');
    const error = await acquireLock(target, '--state s', 'test').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LockedError', reason: 'other_host' });
    expect((error as Error).message).toMatch(
      /on host build-7\.example .*never taken over: if that run is gone, remove/,
    );
    expect(readFileSync(lockFile, 'utf8')).toBe(before);
  });

  it('a lock file this tool did not write (or a damaged one) is refused, not overwritten', async () => {
    for (const text of ['', 'garbage', '{"pid":"1"}', '{"pid":1,"host":"h","since":"s","nonce":"../x"}']) {
      const target = file('state.json');
      writeFileSync(`${target}.lock`, text);
      await expect(acquireLock(target, 'x', 'test')).rejects.toMatchObject({ reason: 'unreadable' });
      expect(readFileSync(`${target}.lock`, 'utf8')).toBe(text);
    }
  });

  it('many processes racing for one stale lock: exactly one wins each round', async () => {
    for (let round = 0; round < 4; round++) {
      const target = file('race.json');
      writeLock(target, { pid: deadPid(), host: hostname(), nonce: `stale-${round}` });
      // Each racer loads the lock module, says "ready", waits for "go" on stdin, tries once, prints
      // won or lost, and holds what it won until stdin ends.
      const script = `
        const { acquireLock } = await import(${JSON.stringify(builtLock)});
        process.stdin.once('data', async () => {
          try {
            await acquireLock(${JSON.stringify(target)}, 'x', 'racer');
            process.stdout.write('won\\n');
          } catch (error) {
            process.stdout.write(error.name === 'LockedError' ? 'lost:' + error.reason + '\\n' : 'error:' + error.message + '\\n');
          }
        });
        process.stdin.on('end', () => process.exit(0));
        process.stdout.write('ready\\n');`;
      const racers: ChildProcess[] = Array.from({ length: 6 }, () =>
        spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }),
      );
      const lines = racers.map((child) => {
        const queue: string[] = [];
        const waiters: ((line: string) => void)[] = [];
        let buffer = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
            const line = buffer.slice(0, at);
            buffer = buffer.slice(at + 1);
            const waiter = waiters.shift();
            if (waiter) waiter(line);
            else queue.push(line);
          }
        });
        return () => (queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise<string>((r) => waiters.push(r)));
      });
      expect(await Promise.all(lines.map((next) => next()))).toEqual(racers.map(() => 'ready'));
      for (const child of racers) child.stdin!.write('go\n'); // all at once, every one of them ready
      const results = await Promise.all(lines.map((next) => next()));
      for (const child of racers) child.stdin!.end();
      await Promise.all(racers.map((child) => new Promise((resolve) => child.on('close', resolve))));
      expect(
        results.filter((r) => r === 'won'),
        results.join(' '),
      ).toHaveLength(1);
      expect(results.filter((r) => r !== 'won').every((r) => r === 'lost:held')).toBe(true);
      expect(leftovers(target)).toEqual([]);
      expect(existsSync(`${target}.lock`)).toBe(false); // the winner's exit released it
    }
  });

  it('a process that ends with process.exit (no release) still removes its lock; kill -9 leaves it stale', async () => {
    const target = file('exit.json');
    const exitScript = `const { acquireLock } = await import(${JSON.stringify(builtLock)});
      await acquireLock(${JSON.stringify(target)}, 'x', 'test'); process.exit(3);`;
    const exited = spawnSync(process.execPath, ['--input-type=module', '-e', exitScript]);
    expect(exited.status).toBe(3);
    expect(existsSync(`${target}.lock`)).toBe(false);

    const holdScript = `const { acquireLock } = await import(${JSON.stringify(builtLock)});
      await acquireLock(${JSON.stringify(target)}, 'x', 'test'); process.stdout.write('held\\n'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', holdScript], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    await expect(acquireLock(target, 'x', 'test')).rejects.toMatchObject({ reason: 'held' });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(existsSync(`${target}.lock`)).toBe(true);
    const lock = await acquireLock(target, 'x', 'test');
    await lock.release();
  });
});
