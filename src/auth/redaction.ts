/**
 * A client family's redaction, in two parts so that a bundle whose calls succeed never downloads the
 * search for secrets: the secrets themselves, registered the moment they are known (the credentials, a
 * token learnt later), and the redactor (`redact.ts`, which finds them in every spelling), loaded the
 * first time something is to be shown. The redactor is reached only through a promise
 * ({@link Redaction.redactor}), so an error built from a request, a response or a thrown error can only
 * be built once it has loaded; the logger ({@link redactingLogger}) delivers every line through it, in
 * order, once it has loaded. Whatever path an error or a log line takes, it cannot
 * leave unredacted.
 */
import type { Logger } from '../http/types.js';
import type { Redactor } from './redact.js';

/** The secrets of a client family, and the way to the redactor that hides them. */
export interface Redaction {
  /** Registers a secret learnt at runtime (a token): redacted from now on. */
  add(secret: string): void;
  /** The redactor for every secret registered, before or after; loads `redact.ts` on the first call. */
  redactor(): Promise<Redactor>;
}

/** The redaction of `secrets` (empty ones are ignored); nothing is loaded until it is needed. */
export function createRedaction(secrets: readonly string[]): Redaction {
  const known = [...secrets];
  let redactor: Redactor | undefined;
  let loading: Promise<Redactor> | undefined;
  return {
    add(secret) {
      if (redactor) redactor.add(secret);
      else known.push(secret);
    },
    redactor: () =>
      (loading ??= import('./redact.js').then(
        ({ createRedactor }) => (redactor = createRedactor(known)),
        (error: unknown) => {
          loading = undefined; // tried again by the next caller
          throw error;
        },
      )),
  };
}

/**
 * `logger`, with every message and `meta` redacted. Each line goes through the redactor's promise, so
 * lines come through in order, once it has loaded (a moment after they are logged); if it cannot be
 * loaded, a line is replaced by a notice that it was withheld, never shown as it is.
 */
export function redactingLogger(logger: Logger, redaction: Redaction): Logger {
  const deliver = (line: (redact: Redactor) => void) =>
    void redaction
      .redactor()
      .then(line, () => logger.warn('cxengage: a log line was withheld: the redaction code could not be loaded'))
      .catch(() => {}); // a logger that throws is not reported
  const { debug } = logger;
  return {
    ...(debug ? { debug: (msg, meta) => deliver((redact) => debug.call(logger, redact(msg), redact(meta))) } : {}),
    warn: (msg, meta) => deliver((redact) => logger.warn(redact(msg), redact(meta))),
  };
}
