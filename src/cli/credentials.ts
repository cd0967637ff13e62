// Where credentials come from: flags first (explicit beats ambient), then the environment.
import type { Auth } from '../index.js';
import { UsageError } from './usage-error.js';

export interface CredentialFlags {
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  token?: string | undefined;
}

export const credentialEnv = {
  key: 'CXENGAGE_API_KEY',
  secret: 'CXENGAGE_API_SECRET',
  token: 'CXENGAGE_TOKEN',
} as const;

export function resolveAuth(flags: CredentialFlags, env: Readonly<Record<string, string | undefined>>): Auth {
  const fromFlags = pick(flags.apiKey, flags.apiSecret, flags.token, ['--api-key', '--api-secret', '--token']);
  if (fromFlags) return fromFlags;
  const fromEnv = pick(env[credentialEnv.key], env[credentialEnv.secret], env[credentialEnv.token], [
    credentialEnv.key,
    credentialEnv.secret,
    credentialEnv.token,
  ]);
  if (fromEnv) return fromEnv;
  throw new UsageError(
    `no credentials: set ${credentialEnv.key} and ${credentialEnv.secret}, or ${credentialEnv.token} (or pass --api-key/--api-secret or --token)`,
  );
}

/** Secrets to keep out of anything the CLI prints. */
export function secretsOf(auth: Auth): string[] {
  if ('token' in auth) return [auth.token];
  // The Basic header value too: an echoed request header would show the pair base64-encoded.
  return [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')];
}

function pick(
  key: string | undefined,
  secret: string | undefined,
  token: string | undefined,
  names: readonly [string, string, string],
): Auth | undefined {
  const [keyName, secretName, tokenName] = names;
  const hasKey = Boolean(key) || Boolean(secret);
  if (hasKey && token) throw new UsageError(`give either ${keyName} and ${secretName}, or ${tokenName}, not both`);
  if (token) return { token };
  if (!hasKey) return undefined;
  if (!key) throw new UsageError(`${secretName} is set but ${keyName} is missing`);
  if (!secret) throw new UsageError(`${keyName} is set but ${secretName} is missing`);
  return { username: key, password: secret };
}
