/**
 * The CLI's side of the terminal: stdout carries only data and is written with back-pressure; stderr
 * carries progress (only on a terminal), warnings and the one-line error report, every line of it made
 * safe by `terminal-text.ts` (it may quote the server).
 */
import type { Redactor } from '../auth/redact.js';
import { terminalText } from '../common/terminal-text.js';
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

/** Writes with back-pressure, so a large run never buffers unboundedly. */
export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve()));
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
