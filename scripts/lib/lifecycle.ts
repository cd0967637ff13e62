// How the sandbox stops, whatever stops it. Every way in (Ctrl-C, `kill` of node or of npm, a closed
// terminal, the launcher dying, an exception here, a child that cannot be kept up) ends in one `stop()`
// that runs every registered cleanup, children first, then exits. Processes the sandbox spawns are tied
// to it by a stdin pipe (exit-with-parent.mjs), so even a SIGKILL of this process, which no handler sees,
// leaves nothing behind; and the public ports are all held by this process, so the kernel frees them.
import { readFileSync } from 'node:fs';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** A stop that hangs (a child ignoring SIGTERM past its grace period) must not keep the ports. */
const STOP_DEADLINE_MS = 8_000;

export interface Lifecycle {
  /** Registers a cleanup; cleanups run in reverse order of registration, all of them even if some fail. */
  onStop(cleanup: () => Promise<void> | void): void;
  /** Runs the cleanups once and exits with `code`; later calls only wait. */
  stop(code: number, why?: string): Promise<never>;
  readonly stopping: boolean;
}

export function createLifecycle(log: (line: string) => void = (line) => console.error(line)): Lifecycle {
  const cleanups: (() => Promise<void> | void)[] = [];
  let stopping: Promise<never> | undefined;
  const lifecycle: Lifecycle = {
    onStop: (cleanup) => void cleanups.push(cleanup),
    get stopping() {
      return stopping !== undefined;
    },
    stop(code, why) {
      stopping ??= (async () => {
        if (why) log(why);
        setTimeout(() => process.exit(code), STOP_DEADLINE_MS).unref();
        const results = await Promise.allSettled(cleanups.reverse().map(async (cleanup) => cleanup()));
        for (const r of results) if (r.status === 'rejected') log(`while stopping: ${(r.reason as Error).message}`);
        process.exit(code);
      })();
      return stopping;
    },
  };
  return lifecycle;
}

/**
 * Wires every outside reason to stop into `lifecycle.stop`: the stop signals (a second one exits at once),
 * an uncaught exception or rejection, and the launcher going away (see {@link watchLauncher}).
 */
export function stopOnAnyExit(lifecycle: Lifecycle, log: (line: string) => void = (line) => console.error(line)): void {
  let signals = 0;
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (++signals > 1) process.exit(1); // pressed twice: the children still die by their pipes
      log(`\n${signal}: stopping the sandbox…`);
      void lifecycle.stop(0);
    });
  }
  const crash = (error: unknown) => {
    if (lifecycle.stopping) return;
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    void lifecycle.stop(1, `\nnpm start: unexpected error, stopping the sandbox:\n${text}`);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // A closed terminal makes writes fail (EIO, EPIPE); that must not become an uncaught exception.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  watchLauncher((why) => void lifecycle.stop(0, `\n${why}: stopping the sandbox…`));
}

/**
 * Calls `onGone` when the process that launched the sandbox exits. That is the parent; under `npm start`,
 * whose script shell does not pass signals on (npm sends SIGTERM to `sh`, which dies and leaves its child
 * running), it is npm itself: so the parent shell and npm are both watched. Polls every `intervalMs`;
 * a parent's exit shows as a new parent PID (the orphan is re-parented). On platforms without /proc only
 * the parent is watched.
 */
export function watchLauncher(onGone: (why: string) => void, intervalMs = 250): void {
  const parent = process.ppid;
  const grandparent = isNpmScriptShell(parent) ? parentOf(parent) : undefined;
  const timer = setInterval(() => {
    let why: string | undefined;
    if (process.ppid !== parent) why = `the process that started the sandbox (PID ${parent}) exited`;
    else if (grandparent !== undefined && parentOf(parent) !== grandparent) why = `npm (PID ${grandparent}) exited`;
    if (why === undefined) return;
    clearInterval(timer);
    onGone(why);
  }, intervalMs);
  timer.unref();
}

/** The parent PID of `pid`, from /proc (Linux); undefined where that cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    // Field 4 of stat; the command name (field 2) may contain spaces and parentheses, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function isNpmScriptShell(pid: number): boolean {
  if (process.env.npm_lifecycle_event === undefined) return false;
  try {
    return ['sh', 'dash', 'bash', 'zsh', 'ash'].includes(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
  } catch {
    return false;
  }
}
