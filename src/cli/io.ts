/**
 * The CLI's side of the terminal: stdout carries only data and is written with back-pressure; stderr
 * carries progress (only on a terminal), warnings and the one-line error report.
 */
import type { Logger } from '../types.js';

export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Credentials resolved so far: redacted from the error report. */
  secrets: string[];
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
      if (live) stderr.write(`\r\x1b[2K${text}`);
    },
    done(text: string) {
      if (live) stderr.write(`\r\x1b[2K${text}\n`);
    },
  };
}

/** Retry notices are shown with --debug; warnings always go to stderr, never stdout. */
export function stderrLogger(io: Io, debug: boolean): Logger {
  return {
    ...(debug ? { debug: (msg: string) => io.stderr.write(`debug: ${msg}\n`) } : {}),
    warn: (msg: string) => io.stderr.write(`warning: ${msg}\n`),
  };
}
