/**
 * The caller's credentials, checked before anything is sent: which of the three kinds they are (a fixed
 * header, a token function, a key exchanged for a token), the secrets the redactor must hide from then
 * on, and the rule for what a token must look like to be sent at all (`secrets.ts`). `credentials.ts`
 * sends them.
 */
import { InvalidInputError } from '../errors.js';
import { credentialSecrets, isSendableToken, REDACTED, utf8Base64 } from './secrets.js';

/** The credentials, checked: `credentials.ts` turns them into an `Authorization` header per attempt. */
export type ResolvedAuth =
  | { kind: 'header'; authorization: string }
  | { kind: 'callback'; token: () => string | Promise<string> }
  | { kind: 'exchange'; username: string; password: string; lifetimeMs: number | undefined };

/**
 * Checks `ClientOptions.auth` and resolves it to the kind of credentials it is, with the secrets the
 * redactor must know. Throws {@link InvalidInputError} naming the bad field, never echoing a credential.
 */
export function resolveAuth(auth: unknown): { auth: ResolvedAuth; secrets: string[] } {
  // A credential that is there but wrong is never echoed; one that is absent is said to be missing
  // (showing `[redacted]` for it would hide the actual mistake).
  const fail = (param: string, problem: string): never => {
    throw new InvalidInputError(param, REDACTED, problem);
  };
  const missing = (param: string, value: unknown, what: string): never => {
    throw new InvalidInputError(param, value, `is missing: give ${what}`);
  };
  const absent = (value: unknown) => value === undefined || value === null || value === '';
  const shapes = "{ username, password }, { username, password, exchange: 'token' } or { token }";
  if (absent(auth)) return missing('auth', auth, shapes);
  if (typeof auth !== 'object') return fail('auth', `must be ${shapes}`);
  const a = auth as Record<string, unknown>;
  if ('token' in a) {
    if ('username' in a || 'password' in a || 'exchange' in a) {
      fail('auth', 'give either { token } or { username, password }, not both');
    }
    const token = a['token'];
    // Only what the function returns is a secret; the function itself is never shown or searched for.
    if (typeof token === 'function') return { auth: { kind: 'callback', token: token as () => string }, secrets: [] };
    if (absent(token)) return missing('auth.token', token, 'a token from POST /v1/tokens, or a function returning one');
    if (!isSendableToken(token))
      return fail('auth.token', 'must be a non-empty string of visible ASCII, or a function');
    return { auth: { kind: 'header', authorization: `Token ${token}` }, secrets: credentialSecrets({ token }) };
  }
  const { username, password, exchange, tokenLifetimeMs } = a;
  if (absent(username)) return missing('auth.username', username, 'the API key');
  if (typeof username !== 'string' || username.includes(':') || /[\x00-\x1f\x7f]/.test(username)) {
    return fail('auth.username', 'must be a non-empty API key without ":" or control characters');
  }
  if (absent(password)) return missing('auth.password', password, "the API key's secret");
  if (typeof password !== 'string') return fail('auth.password', 'must be a non-empty string');
  const secrets = credentialSecrets({ username, password });
  if (exchange === undefined) {
    if (tokenLifetimeMs !== undefined) fail('auth.tokenLifetimeMs', "applies only with exchange: 'token'");
    return { auth: { kind: 'header', authorization: `Basic ${utf8Base64(`${username}:${password}`)}` }, secrets };
  }
  if (exchange !== 'token') return fail('auth.exchange', "must be 'token' (or left out, for HTTP Basic)");
  if (tokenLifetimeMs !== undefined && !(typeof tokenLifetimeMs === 'number' && tokenLifetimeMs > 0)) {
    throw new InvalidInputError('auth.tokenLifetimeMs', tokenLifetimeMs, 'must be a number of ms > 0');
  }
  const lifetimeMs = tokenLifetimeMs as number | undefined;
  return { auth: { kind: 'exchange', username, password, lifetimeMs }, secrets };
}
