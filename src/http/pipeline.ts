/**
 * The request pipeline, built here and nowhere else: the client (`client/client.ts`) and the contract
 * checks (`contract/transport.ts`) each take one. It is the resolved options' `fetch` under the attempt
 * loop (`retry.ts`: timeouts, retries, every body read under the size cap, a 2xx body handed over through
 * the {@link BodyHandoff}), with the credentials set on every attempt (after any wait the caller adds,
 * such as a rate limiter's turn), the one more round a renewable token earns on a 401 (the credentials'
 * own `renewing`, loaded with them), and the token exchange:
 * its Request built here (as every request is, by `request.ts`), sent through the same loop without
 * credentials, its answer read by `auth/token-exchange.ts`, loaded on the first exchange. Every call and
 * attempt of a pipeline is observed too, when tracing or verbose logs ask for it (`observe.ts`).
 */

import { createToken as exchange } from '../../generated/spec.js';
import { type Credentials, createCredentials } from '../auth/credentials.js';
import type { ExchangeContext } from '../auth/token-exchange.js';
import { BodyHandoff } from './body-handoff.js';
import { type Watched, watched } from './observe.js';
import type { ResolvedOptions } from './options.js';
import { requestFor } from './request.js';
import { type AttemptHooks, createRetryingFetch, type RetryingFetch } from './retry.js';

/** How the exchange is named in messages. */
const EXCHANGE_ROUTE = `${exchange.method.toUpperCase()} ${exchange.path}`;

/**
 * What every pipeline of one family shares (a client and the clients derived from it with `withOptions`):
 * the credentials, with their token cache, and the body hand-off.
 */
export interface Connection {
  credentials: Credentials;
  bodies: BodyHandoff;
}

/**
 * Makes the {@link Connection} for `resolved`'s credentials. A key exchanged for a token is exchanged on
 * first use, through the loop (no credentials, no rate limit); `onResponse` sees the exchange's answers.
 */
export function createConnection(
  resolved: ResolvedOptions,
  onResponse: ExchangeContext['onResponse'] = () => undefined,
): Connection {
  const bodies = new BodyHandoff();
  const credentials = createCredentials(resolved.auth, resolved.redaction, ({ username, password }, signal) =>
    // Loaded on first use: a pipeline that never exchanges never loads the exchange.
    import('../auth/token-exchange.js').then(({ exchangeToken }) =>
      exchangeToken({
        options: resolved,
        request: requestFor('post', exchange.path, { body: { username, password } }, resolved),
        route: EXCHANGE_ROUTE,
        send: watched(resolved, {}, (hooks) => loop(resolved, bodies, hooks)).send,
        bodies,
        onResponse,
        signal,
      }),
    ),
  );
  return { credentials, bodies };
}

/** What a caller adds around every attempt. */
export interface PipelineHooks {
  /** Waited for before the credentials are set (a rate limiter's turn); nothing to wait for returns nothing. */
  pace?(signal: AbortSignal): Promise<void> | undefined;
  /** How each attempt ended (a rate limiter's feedback, a count of attempts). */
  after?: AttemptHooks['after'];
}

/** A pipeline: send a request, as every call of the SDK is sent. */
export interface Pipeline extends Watched {
  /** With the credentials set on every attempt, and one more round after a 401 to a renewable token. */
  send: RetryingFetch;
  bodies: BodyHandoff;
}

/** Builds the pipeline for `resolved` over a family's `connection`. */
export function createPipeline(resolved: ResolvedOptions, connection: Connection, hooks: PipelineHooks = {}): Pipeline {
  const { credentials, bodies } = connection;
  const { pace, after } = hooks;
  // Nothing to wait for (no limit, a fixed header) returns nothing: the common case costs no promise.
  const before = (request: Request, signal: AbortSignal) => {
    const turn = pace?.(signal);
    return turn ? turn.then(() => credentials.apply(request, signal)) : credentials.apply(request, signal);
  };
  // Observed outside the token refresh: a call renewed after a 401 is one call, its attempts numbered on.
  const observed = watched(resolved, { before, after }, (hooks) => {
    const send = loop(resolved, bodies, hooks);
    return credentials.renewing?.(send) ?? send;
  });
  return { ...observed, bodies };
}

/**
 * The same loop and hooks as {@link createPipeline}'s, with no credentials: for a request that carries its
 * own, or none on purpose (the contract checks' probes).
 */
export function createAnonymousSend(
  resolved: ResolvedOptions,
  connection: Connection,
  hooks: PipelineHooks = {},
): RetryingFetch {
  const { pace, after } = hooks;
  const attempt: AttemptHooks = { before: pace && ((_, signal) => pace(signal)), after };
  return watched(resolved, attempt, (hooks) => loop(resolved, connection.bodies, hooks)).send;
}

function loop(resolved: ResolvedOptions, bodies: BodyHandoff, hooks?: AttemptHooks): RetryingFetch {
  return createRetryingFetch({ ...resolved, fetch: (request, init) => resolved.fetch(request, init), bodies, hooks });
}
