// Where credentials come from: flags first (explicit beats ambient), then the environment. The key and
// secret are sent as HTTP Basic, or exchanged for a token with --exchange-token / CXENGAGE_EXCHANGE_TOKEN=1.
import type { BasicAuth, TokenExchangeAuth } from '../index.js';
import { UsageError } from './usage-error.js';
import { quoted } from './values.js';

export interface CredentialFlags {
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  token?: string | undefined;
  exchangeToken?: boolean | undefined;
}

/** The credentials the CLI can be given: never a token function. */
export type CliAuth = BasicAuth | TokenExchangeAuth | { token: string };

export const credentialEnv = {
  key: 'CXENGAGE_API_KEY',
  secret: 'CXENGAGE_API_SECRET',
  token: 'CXENGAGE_TOKEN',
  exchange: 'CXENGAGE_EXCHANGE_TOKEN',
} as const;

export function resolveAuth(flags: CredentialFlags, env: Readonly<Record<string, string | undefined>>): CliAuth {
  const auth = fromFlagsOrEnv(flags, env);
  const exchange = flags.exchangeToken === true || switchedOn(env[credentialEnv.exchange]);
  if (!exchange) return auth;
  const how = flags.exchangeToken === true ? '--exchange-token' : `${credentialEnv.exchange}=1`;
  if ('token' in auth)
    throw new UsageError(`${how} exchanges an API key and secret for a token; it cannot take a token`);
  return { ...auth, exchange: 'token' };
}

function fromFlagsOrEnv(flags: CredentialFlags, env: Readonly<Record<string, string | undefined>>): CliAuth {
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

/** A switch in the environment such as `CXENGAGE_EXCHANGE_TOKEN`: 1/true/yes turn it on, 0/false/no or empty leave it off. */
export function switchedOn(value: string | undefined, name: string = credentialEnv.exchange): boolean {
  const v = value?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no'].includes(v)) return false;
  if (['1', 'true', 'yes'].includes(v)) return true;
  throw new UsageError(`${name} must be 1 or 0 (got ${quoted(value)})`);
}

function pick(
  key: string | undefined,
  secret: string | undefined,
  token: string | undefined,
  names: readonly [string, string, string],
): CliAuth | undefined {
  const [keyName, secretName, tokenName] = names;
  const hasKey = Boolean(key) || Boolean(secret);
  if (hasKey && token) throw new UsageError(`give either ${keyName} and ${secretName}, or ${tokenName}, not both`);
  if (token) return { token };
  if (!hasKey) return undefined;
  if (!key) throw new UsageError(`${secretName} is set but ${keyName} is missing`);
  if (!secret) throw new UsageError(`${keyName} is set but ${secretName} is missing`);
  return { username: key, password: secret };
}
