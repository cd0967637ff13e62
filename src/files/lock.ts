/**
 * One writer per file: an exclusive lock held for as long as a run writes a state or output file, as a
 * lock file beside it (`FILE.lock`) that says who holds it: PID, host, start time, since when, and what
 * for. A second run finds it and refuses, naming the holder, before it writes anything.
 *
 * - **Created atomically, complete.** The content is written to a temp file and synced first, then
 *   hard-linked to the lock's name: `link` fails if the name exists (as O_EXCL does), and a lock file
 *   that exists is never half-written.
 * - **A dead holder's lock is taken over, by one taker only.** A lock whose holder is gone (same host,
 *   its PID no longer running, or running but started at another time: a reused PID) is stale. To take
 *   it over, a run first hard-links the stale lock to a name derived from its nonce (`FILE.lock.stale-N`):
 *   only one run can create that name, so only one wins; the winner checks that what it linked is still
 *   the stale lock it judged, then renames its own over it. A run that loses re-reads and refuses. (A
 *   winner killed between those two steps leaves both files: the next run refuses and says which to
 *   remove, rather than guess.)
 * - **Never taken from another host.** Its PID means nothing here; the message says how to clear it.
 * - **Released on every exit path**: by the run (success, failure, Ctrl-C), and by an exit hook for a
 *   process that ends another way (`process.exit`). A lock left by `kill -9` is stale on the next run.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

/** What a lock file says of the run that holds it. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  /** What holds it, for the message (e.g. `cxengage-interactions export`). */
  by: string;
  /** The holder process's start time (Linux), so that a PID reused by another process is not taken for it. */
  started?: string;
  /** Unique to this lock: what a takeover checks it is replacing. */
  nonce: string;
}

/** Why a lock could not be taken. */
export type LockedReason = 'held' | 'other_host' | 'unreadable' | 'takeover_stuck';

/** The lock is held by another run (or cannot be judged): nothing was written. */
export class LockedError extends Error {
  constructor(
    readonly reason: LockedReason,
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
    label: string,
  ) {
    super(lockedMessage(reason, lockFile, holder, label));
    this.name = 'LockedError';
  }
}

function lockedMessage(reason: LockedReason, lockFile: string, holder: LockHolder | undefined, label: string) {
  if (reason === 'unreadable' || !holder) {
    return `${label} is locked by ${lockFile}, which is not a lock this tool wrote (or is damaged): if no other run uses ${label}, remove ${lockFile}`;
  }
  const who = `pid ${holder.pid} on ${holder.host === hostname() ? 'this host' : `host ${holder.host}`} (${holder.host}), since ${holder.since}`;
  if (reason === 'other_host') {
    return `${label} is in use by a run on another host: ${who}; a lock from another host is never taken over: if that run is gone, remove ${lockFile}`;
  }
  if (reason === 'takeover_stuck') {
    return `${label}: taking over the lock of a run that is gone (${who}) did not complete: if no other run uses ${label}, remove ${lockFile} and ${lockFile}.stale-${holder.nonce}`;
  }
  return `${label} is in use by another run: ${who}; wait for it to end (if it is gone, remove ${lockFile})`;
}

/** A lock this process holds. */
export interface FileLock {
  readonly lockFile: string;
  /** Removes the lock file (only if it is still this lock's). Idempotent. */
  release(): Promise<void>;
}

/** The locks this process holds, for the exit hook. */
const held = new Map<string, string>();
let hooked = false;

function releaseAllOnExit(): void {
  for (const [lockFile, nonce] of held) {
    try {
      if (parseHolder(readFileSync(lockFile, 'utf8'))?.nonce === nonce) unlinkSync(lockFile);
    } catch {}
  }
  held.clear();
}

/**
 * Takes the lock of `file` (the lock file is `file + '.lock'`) for this process. Throws
 * {@link LockedError} when another run holds it, and any file error as it is (the caller names the flag).
 * `label` names the file in messages (e.g. `--state export-state.json`).
 */
export async function acquireLock(file: string, label: string, by: string): Promise<FileLock> {
  const lockFile = `${file}.lock`;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    by,
    ...withStarted(processStart(process.pid)),
    nonce: randomUUID(),
  };
  const temp = `${lockFile}.${process.pid}.${me.nonce}.tmp`;
  await writeSynced(temp, `${JSON.stringify(me)}\n`);
  try {
    // A few rounds: the lock may vanish (its holder ended) or change (another run took it) between steps.
    let stuck = 0;
    for (let round = 0; round < 16; round++) {
      if (await tryLink(temp, lockFile)) return holding(lockFile, me.nonce);
      const holder = await readHolder(lockFile);
      if (holder === 'gone') continue;
      if (holder === 'unreadable') throw new LockedError('unreadable', lockFile, undefined, label);
      if (holder.host !== me.host) throw new LockedError('other_host', lockFile, holder, label);
      if (isRunning(holder)) throw new LockedError('held', lockFile, holder, label);
      // Stale: its holder is gone. One taker wins the name derived from its nonce.
      const grave = `${lockFile}.stale-${holder.nonce}`;
      if (!(await tryLink(lockFile, grave))) {
        const now = await readHolder(lockFile);
        if (now === 'gone' || (now !== 'unreadable' && now.nonce !== holder.nonce)) continue; // the winner is done
        // Another run won the takeover and is between its two steps; or it died there (then it stays so).
        if (++stuck < 8) continue;
        throw new LockedError('takeover_stuck', lockFile, holder, label);
      }
      const linked = await readHolder(grave);
      if (linked === 'gone' || linked === 'unreadable' || linked.nonce !== holder.nonce) {
        // The lock changed before the link: what was linked is another run's lock, not the stale one.
        await unlink(grave).catch(() => {});
        continue;
      }
      await rename(temp, lockFile); // replaces the stale lock, which no other run can touch now
      await unlink(grave).catch(() => {});
      const after = await readHolder(lockFile);
      if (after !== 'gone' && after !== 'unreadable' && after.nonce === me.nonce) return holding(lockFile, me.nonce);
      throw new LockedError('held', lockFile, after === 'gone' || after === 'unreadable' ? undefined : after, label);
    }
    throw new LockedError('held', lockFile, undefined, label);
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/**
 * Who holds the lock of `file`, if a run that is still going does: for a reader that must not read a
 * file while another run writes it. A stale lock (its holder gone) counts as none.
 */
export async function lockHolder(file: string): Promise<LockHolder | 'unreadable' | undefined> {
  const holder = await readHolder(`${file}.lock`);
  if (holder === 'gone') return undefined;
  if (holder === 'unreadable') return holder;
  return holder.host !== hostname() || isRunning(holder) ? holder : undefined;
}

function holding(lockFile: string, nonce: string): FileLock {
  held.set(lockFile, nonce);
  if (!hooked) {
    hooked = true;
    process.on('exit', releaseAllOnExit);
  }
  return {
    lockFile,
    async release() {
      if (held.get(lockFile) !== nonce) return;
      held.delete(lockFile);
      const holder = await readHolder(lockFile);
      if (holder !== 'gone' && holder !== 'unreadable' && holder.nonce === nonce)
        await unlink(lockFile).catch(() => {});
    },
  };
}

/** `link(from, to)`: true when created, false when `to` exists. */
async function tryLink(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readHolder(lockFile: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  return parseHolder(text) ?? 'unreadable';
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    const ok =
      typeof value === 'object' &&
      value !== null &&
      Number.isSafeInteger(value.pid) &&
      (value.pid as number) > 0 &&
      typeof value.host === 'string' &&
      typeof value.since === 'string' &&
      typeof value.nonce === 'string' &&
      /^[\w-]{1,64}$/.test(value.nonce);
    return ok
      ? ({ by: '', ...value, host: value.host!.slice(0, 255), since: value.since!.slice(0, 64) } as LockHolder)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock's holder (on this host) is still running: its PID alive, and started when it said. */
function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(holder.pid);
  return holder.started === undefined || started === undefined || started === holder.started;
}

/** The start time of process `pid` in clock ticks since boot (Linux's /proc/PID/stat, field 22), if known. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in parentheses and may hold spaces: count from after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function withStarted(started: string | undefined): { started?: string } {
  return started === undefined ? {} : { started };
}
