// Keeps one child server running for the sandbox: if it dies on its own (a crash, an OOM kill), start a
// fresh one, a bounded number of times. The front door guards Prism against the requests known to crash
// it; this is the second line for the ones nobody knows yet. A child stopped by SIGINT, SIGTERM or SIGHUP
// is not restarted: the children share the sandbox's process group, so such a signal means a terminal's
// Ctrl-C, a closed terminal or `kill` is stopping the sandbox, and the sandbox stops with it.
import type { RunningProcess } from './servers.ts';

const STOP_SIGNALS: readonly string[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface SupervisorOptions {
  /** For messages, e.g. 'Prism mock'. */
  name: string;
  /** Starts a fresh child (on a fresh port) and resolves once it answers. */
  start: () => Promise<RunningProcess>;
  /** Called when a stop signal ended the child: the sandbox is being stopped. */
  onStopSignal: (why: string) => void;
  /** Called when the child keeps dying (or cannot start again): the sandbox is broken. */
  onGiveUp: (why: string) => void;
  log: (line: string) => void;
  /** At most this many restarts within `windowMs`. Default 3 in 60 s. */
  maxRestarts?: number;
  windowMs?: number;
}

export interface Supervisor {
  /** The running child, or undefined while it restarts (or after stop). */
  current(): RunningProcess | undefined;
  restarts(): number;
  stop(): Promise<void>;
}

/** Starts the first child (rejecting if that fails) and supervises it until `stop()`. */
export async function supervise(opts: SupervisorOptions): Promise<Supervisor> {
  const maxRestarts = opts.maxRestarts ?? 3;
  const windowMs = opts.windowMs ?? 60_000;
  const crashes: number[] = [];
  let running: RunningProcess | undefined;
  let starting: Promise<void> | undefined;
  let stopped = false;
  let restarts = 0;

  const adopt = (child: RunningProcess) => {
    running = child;
    afterExit(child, (code, signal) => {
      if (running === child) running = undefined;
      if (stopped) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (signal && STOP_SIGNALS.includes(signal)) return opts.onStopSignal(`${opts.name} was stopped by ${signal}`);
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - windowMs) crashes.shift();
      const tail = lastLines(child.output(), 12);
      if (crashes.length > maxRestarts) {
        return opts.onGiveUp(
          `${opts.name} died (${how}) ${crashes.length} times within ${windowMs / 1000} s:\n${tail}`,
        );
      }
      opts.log(`${opts.name} died (${how}); restarting it. Its last output:\n${tail}`);
      starting = opts.start().then(
        (fresh) => {
          starting = undefined;
          restarts++;
          if (stopped) return fresh.stop();
          adopt(fresh);
          opts.log(`${opts.name} is back at ${fresh.url}`);
        },
        (err: Error) => {
          starting = undefined;
          if (!stopped) opts.onGiveUp(`${opts.name} could not be restarted: ${err.message}`);
        },
      );
    });
  };

  adopt(await opts.start());
  return {
    current: () => running,
    restarts: () => restarts,
    async stop() {
      stopped = true;
      await starting; // a restart under way stops its child itself once it is up
      await running?.stop();
    },
  };
}

/** Calls `then` once the child has exited, even if it already has. */
function afterExit(child: RunningProcess, then: (code: number | null, signal: NodeJS.Signals | null) => void): void {
  const { exitCode, signalCode } = child.child;
  if (exitCode !== null || signalCode !== null) queueMicrotask(() => then(exitCode, signalCode));
  else child.child.once('exit', then);
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
