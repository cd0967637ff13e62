// Exit codes are part of the CLI's interface: scripts branch on them, so each failure class keeps
// its own number. `--help` prints this table.

import { snippet } from '../common/snippet.js';
import { terminalLines, terminalText } from '../common/terminal-text.js';
import { JournalError } from '../files/journal.js';
import { LockedError } from '../files/lock.js';
import { AuthenticationError, InvalidInputError, NotFoundError, PermissionDeniedError } from '../index.js';
import { StoreError } from '../stores/errors.js';
import { PartialFailure } from './partial-failure.js';
import { UsageError } from './usage-error.js';

export const exitCodes = {
  ok: 0,
  /** Anything else: network, timeout, server error, invalid response, pages that do not add up, output that cannot be written. */
  failure: 1,
  /** Bad flags or values, missing credentials, files that collide, a state another run holds. Nothing was sent. */
  usage: 2,
  /** The API refused the credentials (401) or they lack the permission (403). */
  auth: 3,
  /** No such tenant, contact or interaction (404). */
  notFound: 4,
  /** `export` finished, but some contacts failed (each reported on stderr): run it again to retry them. */
  partial: 5,
  /**
   * `sync`: the store cannot be used as it is (another sync holds it, a table of another shape, a newer
   * schema version, the state of another tenant or mode, its driver missing). Nothing was sent.
   */
  store: 6,
  /** Interrupted by Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/**
 * `contract` answers a CI job's one question, so it keeps to three codes: a setup problem (credentials,
 * network, base URL, ids: fix the job) is 2 like any usage problem, whatever its HTTP status.
 */
export const contractExitCodes = {
  /** No drift from the spec. */
  pass: exitCodes.ok,
  /** At least one rule broken: the server drifted from the spec. */
  drift: exitCodes.failure,
  /** The checks could not run: bad flags, or a setup problem to fix. */
  setup: exitCodes.usage,
} as const satisfies Record<string, ExitCode>;

/** The reason the CLI aborts its work with when a signal arrives; the SDK rejects with `AbortedError` around it. */
export class Interrupted extends Error {
  readonly signal: 'SIGINT' | 'SIGTERM';
  constructor(signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
    this.signal = signal;
  }
}

export function exitCodeFor(error: unknown): ExitCode {
  if (
    error instanceof UsageError ||
    error instanceof InvalidInputError ||
    error instanceof LockedError ||
    error instanceof JournalError
  )
    return exitCodes.usage;
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return exitCodes.auth;
  if (error instanceof NotFoundError) return exitCodes.notFound;
  if (error instanceof PartialFailure) return exitCodes.partial;
  if (error instanceof StoreError && error.setup) return exitCodes.store;
  const interrupted = interruptOf(error);
  if (interrupted) return interrupted.signal === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated;
  return exitCodes.failure;
}

/** The interrupt behind `error` (itself, or in its cause chain: `AbortedError`, a command's own error). */
function interruptOf(error: unknown): Interrupted | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof Interrupted) return e;
  }
  return undefined;
}

/** The longest error line printed (characters): a message beyond it is cut (`--debug` shows the rest). */
const MAX_LINE = 1000;

/**
 * One line for stderr; the stack and causes only when debugging. Redacted with `redact` first, then
 * made safe for a terminal: messages may quote the server's error body.
 */
export function errorReport(error: unknown, debug: boolean, redact: (text: string) => string = (t) => t): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof UsageError ? " (see 'cxengage-interactions --help')" : '';
  // One line, and a bounded one: a message may quote a server's error text or the user's input.
  const line = `cxengage-interactions: ${terminalText(snippet(redact(message).replace(/\s*\n\s*/g, ' '), MAX_LINE))}${hint}`;
  if (!debug || !(error instanceof Error)) return line;
  const details: string[] = [error.stack ?? ''];
  for (let cause = error.cause, depth = 0; cause !== undefined && depth < 5; depth += 1) {
    details.push(`caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return `${line}\n${terminalLines(redact(details.join('\n')))}`;
}
