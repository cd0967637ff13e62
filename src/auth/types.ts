/**
 * The credentials a client can be given (`ClientOptions.auth`): HTTP Basic, a key exchanged for a token,
 * or a token of the caller's own. `resolve-auth.ts` checks them; `credentials.ts` sends them.
 */

/** HTTP Basic: an API key (`username`) and its secret (`password`). */
export interface BasicAuth {
  username: string;
  password: string;
}

/**
 * The API key and secret exchanged for a token (`POST /v1/tokens`) on first use, then sent as
 * `Authorization: Token …`. The token is cached (shared with clients derived by `withOptions`); a call
 * answered 401 gets a fresh token once, shared by every call that saw the same 401, and is retried once.
 */
export interface TokenExchangeAuth extends BasicAuth {
  exchange: 'token';
  /**
   * How long a token lives, in ms, if you know it (the vendor does not document it): an older token is
   * exchanged again before use. Without it, a token is renewed only when the API answers 401.
   */
  tokenLifetimeMs?: number;
}

/**
 * `Authorization: Token <token>`: a fixed token, or a function called before every attempt (your own token
 * store). Only what the function returns is treated as a secret; a function that throws ends the call with
 * a `CredentialsError`. A 401 is not retried: your store decides when a token is renewed.
 */
export interface TokenAuth {
  token: string | (() => string | Promise<string>);
  // A token goes alone: mixing it with the key and secret is a type error (and an InvalidInputError).
  username?: never;
  password?: never;
  exchange?: never;
}

/** How the client authenticates. */
export type Auth = BasicAuth | TokenExchangeAuth | TokenAuth;
