/**
 * Credentials, set on every attempt by the request pipeline (`http/pipeline.ts`), so that a retry after
 * a token refresh carries the new token. Three kinds: a fixed header (Basic, or a fixed token); a token function
 * called for every attempt (the caller's own token store); and a token exchanged for the API key and
 * secret, cached, and renewed once for everyone when the API answers 401 (or when a lifetime the caller
 * set has passed). The two kinds that get a token at runtime are `token-credentials.ts`, loaded on the
 * first attempt of a client that has them (a client with a fixed header never downloads them); the
 * exchange call itself is `token-exchange.ts`, loaded on the first exchange.
 */
import { lazy } from '../common/lazy.js';
import type { RetryingFetch } from '../http/retry.js';
import type { Redaction } from './redaction.js';
import type { ResolvedAuth } from './resolve-auth.js';

/** What the client needs of its credentials. */
export interface Credentials {
  /** Sets `Authorization` on the attempt's request (waiting, under `signal`, for a token if need be). */
  apply(request: Request, signal: AbortSignal): void | Promise<void>;
  /**
   * Only for credentials that can be renewed: `loop`, plus the one more round a call answered 401 earns,
   * within the same deadline, the token it was sent with renewed (once for all the calls that saw it).
   */
  renewing?(loop: RetryingFetch): RetryingFetch;
}

/** The exchange kind of credentials. */
export type ExchangeAuth = Extract<ResolvedAuth, { kind: 'exchange' }>;

/**
 * Fetches a new token for the key and secret (the token exchange). Shared by every call waiting for it, so
 * no caller's signal aborts it: `signal` aborts when no call waits for it any more, and its own timeouts
 * and deadline bound it otherwise.
 */
export type FetchToken = (auth: ExchangeAuth, signal: AbortSignal) => Promise<string>;

/** The credentials for `auth`; `fetchToken` is called only by the exchange kind. */
export function createCredentials(auth: ResolvedAuth, redaction: Redaction, fetchToken: FetchToken): Credentials {
  if (auth.kind === 'header') return { apply: (request) => request.headers.set('authorization', auth.authorization) };
  let loaded: Credentials | undefined;
  // A failed load is tried again by the next attempt.
  const load = lazy(() =>
    import('./token-credentials.js').then(
      (kinds): Credentials =>
        (loaded =
          auth.kind === 'callback'
            ? kinds.callbackCredentials(auth.token, redaction)
            : kinds.exchangedCredentials((signal) => fetchToken(auth, signal), auth.lifetimeMs)),
    ),
  );
  const credentials: Credentials = {
    apply: async (request, signal) => (loaded ?? (await load())).apply(request, signal),
  };
  // Only an exchanged token is renewed on a 401.
  if (auth.kind === 'exchange') {
    credentials.renewing = (loop) => async (input, call) => (loaded ?? (await load())).renewing!(loop)(input, call);
  }
  return credentials;
}
