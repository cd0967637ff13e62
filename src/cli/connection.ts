/**
 * The flags every command that talks to the API shares: where (`--region` or `--base-url`), who
 * (credentials, see `credentials.ts`) and how loud (`--debug`, or `CXENGAGE_LOG`); and the client built from them.
 */

import { credentialSecrets } from '../auth/secrets.js';
import { createInteractionsClient } from '../client/client.js';
import type { InteractionsClient } from '../client/types.js';
import { regions } from '../http/options.js';
import type { ClientOptions, Region } from '../http/types.js';
import type { FlagValues } from './command.js';
import { type CredentialFlags, resolveAuth } from './credentials.js';
import { type Io, logLevelOf, stderrLogger } from './io.js';
import { UsageError } from './usage-error.js';
import { quoted } from './values.js';

export const connectionOptions = {
  region: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  'api-secret': { type: 'string' },
  token: { type: 'string' },
  'exchange-token': { type: 'boolean' },
} as const;

export interface Connection {
  target: { region: Region } | { baseUrl: string } | { default: true };
  credentials: CredentialFlags;
  debug: boolean;
}

export function parseConnection(values: FlagValues): Connection {
  const region = values['region'] as string | undefined;
  const baseUrl = values['base-url'] as string | undefined;
  if (region !== undefined && baseUrl !== undefined) throw new UsageError('--region and --base-url cannot be combined');
  return {
    target: target(region, baseUrl),
    credentials: {
      apiKey: values['api-key'] as string | undefined,
      apiSecret: values['api-secret'] as string | undefined,
      token: values['token'] as string | undefined,
      exchangeToken: values['exchange-token'] as boolean | undefined,
    },
    debug: values['debug'] === true,
  };
}

function target(region: string | undefined, baseUrl: string | undefined): Connection['target'] {
  if (baseUrl !== undefined) return { baseUrl };
  if (region === undefined) return { default: true };
  if (Object.hasOwn(regions, region)) return { region: region as Region };
  throw new UsageError(`--region must be one of ${Object.keys(regions).join(', ')} (got ${quoted(region)})`);
}

/** Credentials (registered as secrets to redact), target and logger: what every API call needs. */
export function resolveConnection(
  connection: Connection,
  io: Io,
): Pick<ClientOptions, 'auth' | 'region' | 'baseUrl' | 'logger' | 'logLevel'> {
  const auth = resolveAuth(connection.credentials, io.env);
  for (const secret of credentialSecrets(auth)) io.redact.add(secret);
  const where: Pick<ClientOptions, 'region' | 'baseUrl'> =
    'region' in connection.target
      ? { region: connection.target.region }
      : 'baseUrl' in connection.target
        ? { baseUrl: connection.target.baseUrl }
        : {};
  return { auth, ...where, logger: stderrLogger(io), logLevel: logLevelOf(io, connection.debug) };
}

export function connect(connection: Connection, io: Io): InteractionsClient {
  return createInteractionsClient(resolveConnection(connection, io));
}
