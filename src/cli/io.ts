/**
 * The CLI's side of the terminal: stdout carries only data and is written with back-pressure; stderr
 * carries progress (only on a terminal), warnings and the one-line error report, every line of it made
 * safe by `terminal-text.ts` (it may quote the server).
 */
import type { Redactor } from '../auth/redact.js';
import { terminalText } from '../common/terminal-text.js';
import { readStream } from '../files/read-input.js';
import { envLogLevel } from '../http/log.js';
import type { Logger, LogLevel } from '../http/types.js';

export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** The one redactor (the SDK's rules): credentials resolved so far are added to it (`connect`). */
  redact: Redactor;
  /** Aborted when the user interrupts (SIGINT, SIGTERM): commands pass it to the SDK. */
  signal: AbortSignal;
}

/**
 * Writes with back-pressure, so a large run never buffers unboundedly. A reader that stops reading
 * (a stalled pipe) makes the wait for `drain` endless: `signal` (the run's interrupt) ends it, rejecting
 * with an error whose cause is the signal's reason (so the exit code is the interrupt's).
 */
export function write(stream: NodeJS.WriteStream, text: string, signal: AbortSignal): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  if (signal.aborted) return Promise.reject(interruptedWhile('writing to stdout', signal));
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      stream.removeListener('drain', onDrain);
      reject(interruptedWhile('waiting for the reader of stdout', signal));
    };
    stream.once('drain', onDrain);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** What a wait the run's interrupt ended rejects with: `cause` is the interrupt (its exit code is 130 or 143). */
export function interruptedWhile(what: string, signal: AbortSignal): Error {
  return new Error(`interrupted while ${what}`, { cause: signal.reason });
}

/**
 * The whole of `stream` as UTF-8 text (stdin, say), or a rejection as soon as `signal` aborts: a silent
 * stdin (nothing written, never closed) must not outlive Ctrl-C. The stream is let go on abort.
 */
export function readAll(stream: NodeJS.ReadableStream, signal: AbortSignal, what: string): Promise<string> {
  return readStream(stream, signal).catch((error: unknown) => {
    throw signal.aborted ? interruptedWhile(what, signal) : error;
  });
}

/** A single self-rewriting status line on stderr, only when a person is watching. */
export function progressLine(stderr: NodeJS.WriteStream) {
  const live = stderr.isTTY === true;
  return {
    update(text: string) {
      if (live) stderr.write(`\r\x1b[2K${terminalText(text)}`);
    },
    done(text: string) {
      if (live) stderr.write(`\r\x1b[2K${terminalText(text)}\n`);
    },
  };
}

/**
 * What the SDK logs goes to stderr, never stdout, one line each: which levels is the SDK's `logLevel`
 * (see `logLevelOf`).
 */
export function stderrLogger(io: Io): Logger {
  const line = (prefix: string) => (msg: string) => {
    io.stderr.write(`${prefix}: ${terminalText(io.redact(msg))}\n`);
  };
  return { error: line('error'), warn: line('warning'), info: line('info'), debug: line('debug') };
}

/** `--debug` logs everything (a line per request); else `CXENGAGE_LOG`; else warnings only. */
export function logLevelOf(io: Io, debug: boolean): LogLevel {
  return debug ? 'debug' : (envLogLevel(io.env) ?? 'warn');
}
