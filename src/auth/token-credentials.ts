/**
 * The credentials that carry a token got at runtime: a token function's (called for every attempt, what
 * it returns registered as a secret before anything can show it) and a token exchanged for the API key
 * and secret (cached, renewed once for everyone on a 401 or when its lifetime has passed). A module of
 * their own because a client with a fixed header never needs them: `credentials.ts` loads it on the
 * first attempt of a client that does (and holds each to its `Credentials`, which this module does not
 * import: that would be a cycle).
 */

import type { RetryingFetch } from '../http/retry.js';
import { isSendableToken, secretForms } from '../http/up-front.js';
import { abortable } from '../http/waits.js';
import { CredentialsError } from './credentials-error.js';
import type { Redaction } from './redaction.js';

/** A token function's credentials: what it returns is checked, and a secret from then on. */
export function callbackCredentials(token: () => string | Promise<string>, redaction: Redaction) {
  return {
    async apply(request: Request) {
      let value: unknown;
      try {
        value = await token();
      } catch (error) {
        // What the function threw is the caller's, but it may quote a token: only a redacted copy is kept.
        const { cause } = await redaction.redactor();
        throw new CredentialsError('auth.token: the token function threw; nothing was sent', { cause: cause(error) });
      }
      if (typeof value === 'string') for (const form of secretForms(value)) redaction.add(form);
      if (!isSendableToken(value)) {
        const got = typeof value === 'string' ? 'a string with spaces or other characters' : typeof value;
        throw new CredentialsError(
          `auth.token: the token function must return a non-empty string of visible ASCII (got ${got}); nothing was sent`,
        );
      }
      request.headers.set('authorization', `Token ${value}`);
    },
  };
}

interface CachedToken {
  /** The exchange, settled or in flight. */
  token: Promise<string>;
  /** The token, once the exchange succeeded. */
  value?: string;
  /** When the exchange was started (so a lifetime is never overestimated). */
  startedAt: number;
  /** Calls waiting for the exchange in flight; when the last one stops waiting, the exchange is aborted. */
  waiting: number;
  /** Aborts the exchange in flight. */
  controller: AbortController;
}

/** An exchanged token's credentials: `fetchToken` exchanges the key and secret; the token is cached. */
export function exchangedCredentials(
  fetchToken: (signal: AbortSignal) => Promise<string>,
  lifetimeMs: number | undefined,
) {
  let current: CachedToken | undefined;
  const renew = (): CachedToken => {
    const controller = new AbortController();
    const entry: CachedToken = { token: fetchToken(controller.signal), startedAt: Date.now(), waiting: 0, controller };
    // A failed exchange is not cached: the next attempt starts another.
    entry.token.then(
      (value) => {
        entry.value = value;
      },
      () => {
        if (current === entry) current = undefined;
      },
    );
    current = entry;
    return entry;
  };
  const expired = (entry: CachedToken) =>
    lifetimeMs !== undefined && entry.value !== undefined && Date.now() - entry.startedAt >= lifetimeMs;
  /**
   * Stops one call's wait for the exchange. An exchange no call waits for any more (every one of them
   * aborted: Ctrl-C, say) is aborted too, rather than left to hold the process open until its deadline;
   * the next call starts a new one.
   */
  const leave = (entry: CachedToken) => {
    entry.waiting -= 1;
    if (entry.waiting > 0 || entry.value !== undefined) return;
    if (current === entry) current = undefined;
    entry.token.catch(() => {});
    entry.controller.abort(new DOMException('No call waits for the token any more', 'AbortError'));
  };
  return {
    async apply(request: Request, signal: AbortSignal) {
      const entry = current && !expired(current) ? current : renew();
      let token: string;
      if (entry.value !== undefined) token = entry.value;
      else {
        entry.waiting += 1;
        try {
          token = await abortable(entry.token, signal);
        } finally {
          if (signal.aborted) leave(entry);
          else entry.waiting -= 1;
        }
      }
      request.headers.set('authorization', `Token ${token}`);
    },
    /**
     * The loop, plus one more round for a call answered 401: the token it was sent with is renewed (unless
     * a renewal already replaced it, so the calls that saw the same 401 share one), within the same
     * deadline; a second 401 is returned as it is (the client makes it an `AuthenticationError`).
     */
    renewing:
      (loop: RetryingFetch): RetryingFetch =>
      async (input, call = {}) => {
        const limits = { ...call, startedAt: call.startedAt ?? Date.now() };
        const response = await loop(input, limits);
        if (response.status !== 401) return response;
        const sent = input.headers.get('authorization');
        if (current?.value !== undefined && `Token ${current.value}` === sent) renew();
        return loop(input, limits);
      },
  };
}
