/**
 * What a secret is to the SDK: the secrets of a credential, the forms they take in what is sent, the
 * marker that replaces one wherever it would be shown, and the rule for a token that can be sent at all.
 * Small and apart from the redactor (`redact.ts`, loaded only when something is to be shown) and from
 * the checks of the credentials (`resolve-auth.ts`), because both, and the token credentials, need it.
 */

/** What a removed credential is replaced with, wherever it would be shown. */
export const REDACTED = '[redacted]';

/**
 * The secrets of a credential, as a redactor takes them: a token, or a password and the
 * `key:password` pair (whose base64 is the Basic header value).
 */
export function credentialSecrets(auth: { token: string } | { username: string; password: string }): string[] {
  if ('token' in auth) return [auth.token];
  return [auth.password, `${auth.username}:${auth.password}`];
}

/** Base64 of the text's UTF-8 bytes (as in an HTTP Basic header), for text of any length. */
export function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Whether `token` can be sent as `Authorization: Token <token>` (else fetch throws an error quoting it). */
export function isSendableToken(token: unknown): token is string {
  return typeof token === 'string' && /^[\x21-\x7e]+$/.test(token);
}

/**
 * The forms a secret takes in what the SDK sends: as it is, and JSON-escaped (the token exchange's body).
 * (The redactor finds JSON-escaped, URL-encoded and base64 spellings of every secret itself.)
 */
export function secretForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}
