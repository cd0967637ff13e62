/**
 * A client family's redaction, in two parts so that a bundle whose calls succeed never downloads the
 * search for secrets: the secrets themselves, registered the moment they are known (the credentials, a
 * token learnt later), and the redactor (`redact.ts`, which finds them in every spelling), loaded the
 * first time something is to be shown. The redactor is reached only through a promise
 * ({@link Redaction.redactor}), so an error built from a request, a response or a thrown error can only
 * be built once it has loaded; the SDK's logger (`http/log.ts`) delivers every line through it, in
 * order, once it has loaded. Whatever path an error or a log line takes, it cannot
 * leave unredacted.
 */
import { lazy } from '../common/lazy.js';
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
  return {
    add(secret) {
      if (redactor) redactor.add(secret);
      else known.push(secret);
    },
    // A failed load is tried again by the next caller.
    redactor: lazy(() => import('./redact.js').then(({ createRedactor }) => (redactor = createRedactor(known)))),
  };
}
