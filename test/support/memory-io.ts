// The CLI's Io over memory, for running a command in-process: what it writes is kept per stream
// (`out`) and, in the order written, as chunks from either stream (`written`). One helper for the CLI
// tests, the hostile corpus and the contract command's tests, so they all see the CLI the same way.
import { Readable } from 'node:stream';
import { createRedactor, type Redactor } from '../../src/auth/redact.ts';
import type { Io } from '../../src/cli/io.ts';

export interface MemoryIoOptions {
  /** The whole environment the command sees (nothing of this process's). */
  env?: Record<string, string>;
  stdin?: string;
  /** Whether stdout and stderr say they are terminals. */
  isTTY?: boolean;
  /** The redactor (the built CLI's, for tests of dist/); a fresh one with no secrets by default. */
  redact?: Redactor;
  signal?: AbortSignal;
}

export interface MemoryIo {
  io: Io;
  out: { stdout: string; stderr: string };
  written: string[];
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out = { stdout: '', stderr: '' };
  const written: string[] = [];
  const stream = (key: 'stdout' | 'stderr') =>
    ({
      isTTY: options.isTTY ?? false,
      write: (text: string) => {
        out[key] += text;
        written.push(text);
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const stdin = options.stdin ? [Buffer.from(options.stdin)] : [];
  const io: Io = {
    stdin: Readable.from(stdin) as unknown as NodeJS.ReadStream,
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    env: options.env ?? {},
    redact: options.redact ?? createRedactor([]),
    signal: options.signal ?? new AbortController().signal,
  };
  return { io, out, written };
}
