#!/usr/bin/env node
/**
 * The `cxengage-interactions` command: the process around one run (`run.ts`): its streams, its
 * signals and its exit code. Everything that can be decided without I/O lives in the small modules
 * beside this one; each subcommand lives in `commands/`.
 */
import { createRedactor } from '../auth/redact.js';
import { terminalText } from '../common/terminal-text.js';
import { exitCodes, Interrupted } from './exit-codes.js';
import { runCli } from './run.js';

// stdout failing is the end of the run. A closed pipe (`… | head`) is the reader's choice, not a
// failure: exit 0. Anything else (ENOSPC on a full disk, EIO…) is one line and exit 1, never a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCodes.ok);
  process.stderr.write(`cxengage-interactions: cannot write to stdout: ${terminalText(error.message)}\n`);
  process.exit(exitCodes.failure);
});

// The first Ctrl-C (or SIGTERM) aborts the work in progress, which ends with the conventional 128 + n
// exit code; a second one finds the default handler and ends the process at once.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => interrupt.abort(new Interrupted(signal)));
}

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  redact: createRedactor([]),
  signal: interrupt.signal,
});
process.exitCode = code;
// Interrupted, the run has ended: its state is saved, its locks released, its error line written
// (stdout and stderr are synchronous for files, pipes and terminals on Linux). What may still hold the
// event loop is a wait the OS cannot cancel, such as opening a FIFO no one writes to: it must not keep
// the process alive after Ctrl-C.
if (interrupt.signal.aborted) process.exit(code);
