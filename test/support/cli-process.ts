// The built CLI (dist/src/cli/main.js) as a real subprocess, for what only a process shows: signals,
// exit codes, locks held by PIDs, files on disk. Readiness is polled, never slept for: on the process's
// output (stderr lines), on what a server in this process has seen, on files it creates, and on the
// kernel's view of the process (`idle`: asleep, no CPU time used, for a run of polls), which tells a
// process blocked in a wait from one still working.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/lib/tools.ts';

export const cliPath = path.join(root, 'dist/src/cli/main.js');

export interface CliProcess {
  child: ChildProcess;
  /** stderr so far. */
  stderr(): string;
  /** stdout so far (when piped and read). */
  stdout(): string;
  /** Resolves with the exit code (or the signal that killed it) and the whole output. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Text written to stdin, which is then closed; `'hold'` keeps stdin open and silent; default: closed at once. */
  stdin?: string | 'hold';
  /** `'ignore'` discards stdout; `'stall'` pipes it and never reads it (a reader that stopped). */
  stdout?: 'read' | 'ignore' | 'stall';
  cwd?: string;
}

/** Spawns the built CLI with `args` (no shell: the PID is the CLI's own). */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): CliProcess {
  if (!existsSync(cliPath)) throw new Error('dist/src/cli/main.js is missing: run `npm run build` first');
  const stdoutMode = options.stdout ?? 'read';
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['pipe', stdoutMode === 'ignore' ? 'ignore' : 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (stdoutMode === 'read') child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  if (options.stdin !== 'hold') child.stdin!.end(options.stdin ?? '');
  child.stdin!.on('error', () => {}); // the CLI may exit before reading it
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

/** Polls `check` every few milliseconds until it holds; throws after `timeoutMs` (a liveness bound, not a timing). */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The process's state letter and its CPU time (user + system ticks), from /proc (Linux). */
function procStat(pid: number): { state: string; cpu: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, cpu: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/**
 * Resolves once process `pid` is blocked in a wait: asleep and using no CPU for 20 polls in a row (about
 * 100 ms). A process still working (parsing, writing, running timers) uses CPU or runs.
 */
export async function idle(pid: number, what: string): Promise<void> {
  let quiet = 0;
  let last = -1;
  await until(() => {
    const stat = procStat(pid);
    if (!stat) return false;
    quiet = stat.state === 'S' && stat.cpu === last ? quiet + 1 : 0;
    last = stat.cpu;
    return quiet >= 20;
  }, `${what} (the process to block)`);
}
