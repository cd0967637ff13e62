/**
 * Credentials, set on every attempt by the request pipeline (`http/pipeline.ts`), so that a retry after
 * a token refresh carries the new token. Three kinds: a fixed header (Basic, or a fixed token); a token function
 * called for every attempt (the caller's own token store); and a token exchanged for the API key and
 * secret, cached, and renewed once for everyone when the API answers 401 (or when a lifetime the caller
 * set has passed). The exchange call itself is `token-exchange.ts`, loaded only by clients that use it.
 */
import { CredentialsError } from '../errors.js';
import { abortable } from '../http/signals.js';
import type { Redaction } from './redaction.js';
import { isSendableToken, type ResolvedAuth, secretForms } from './resolve-auth.js';

/** What the client needs of its credentials. */
export interface Credentials {
  /** Sets `Authorization` on the attempt's request (waiting, under `signal`, for a token if need be). */
  apply(request: Request, signal: AbortSignal): void | Promise<void>;
  /**
   * Only for credentials that can be renewed: the API answered 401 to a request sent with `sent` (its
   * `Authorization` value). Starts a renewal unless one already replaced that value, so the calls that
   * saw the same 401 together share one.
   */
  invalidate?(sent: string | null): void;
}

/** The exchange kind of credentials. */
export type ExchangeAuth = Extract<ResolvedAuth, { kind: 'exchange' }>;

/**
 * Fetches a new token for the key and secret (the token exchange). Shared by every call waiting for it, so
 * it takes no caller signal: its own timeouts and deadline bound it.
 */
export type FetchToken = (auth: ExchangeAuth) => Promise<string>;

/** The credentials for `auth`; `fetchToken` is called only by the exchange kind. */
export function createCredentials(auth: ResolvedAuth, redaction: Redaction, fetchToken: FetchToken): Credentials {
  if (auth.kind === 'header') return { apply: (request) => request.headers.set('authorization', auth.authorization) };
  if (auth.kind === 'callback') return callbackCredentials(auth.token, redaction);
  return exchangedCredentials(() => fetchToken(auth), auth.lifetimeMs);
}

function callbackCredentials(token: () => string | Promise<string>, redaction: Redaction): Credentials {
  return {
    async apply(request) {
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
}

function exchangedCredentials(fetchToken: () => Promise<string>, lifetimeMs: number | undefined): Credentials {
  let current: CachedToken | undefined;
  const renew = (): CachedToken => {
    const entry: CachedToken = { token: fetchToken(), startedAt: Date.now() };
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
  return {
    async apply(request, signal) {
      const entry = current && !expired(current) ? current : renew();
      // Only this attempt stops waiting on abort: the exchange goes on for the others.
      const token = await abortable(entry.token, signal);
      request.headers.set('authorization', `Token ${token}`);
    },
    invalidate(sent) {
      if (current?.value !== undefined && `Token ${current.value}` === sent) renew();
    },
  };
}
