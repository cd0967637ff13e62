// Turns argv into a checked command. Range checks that the spec defines (limit 1..100, page ≥ 0)
// stay in the SDK, which reads them from the spec; here only the shape of the command line.
import { parseArgs } from 'node:util';
import { regions, type Region } from '../index.js';
import { formats, type Format } from './format.js';
import { UsageError } from './usage-error.js';
import type { CredentialFlags } from './credentials.js';

export interface ListCommand {
  kind: 'list';
  tenantId: string;
  contactId: string;
  limit?: number | undefined;
  page?: number | undefined;
  /** One page (default), every interaction, or the most recent N. */
  walk: { mode: 'page' } | { mode: 'all' } | { mode: 'last'; count: number };
  concurrency?: number | undefined;
  format: Format;
  target: { region: Region } | { baseUrl: string } | { default: true };
  credentials: CredentialFlags;
  debug: boolean;
}

export type Command = { kind: 'help'; debug: boolean } | { kind: 'version'; debug: boolean } | ListCommand;

const options = {
  tenant: { type: 'string' },
  contact: { type: 'string' },
  limit: { type: 'string' },
  page: { type: 'string' },
  all: { type: 'boolean' },
  last: { type: 'string' },
  concurrency: { type: 'string' },
  format: { type: 'string' },
  region: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  'api-secret': { type: 'string' },
  token: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's messages are already clear ("Unknown option '--x'"); keep the first sentence.
    throw new UsageError((error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  const debug = values.debug === true;
  if (values.help) return { kind: 'help', debug };
  if (values.version) return { kind: 'version', debug };

  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command: try `cxengage-interactions list --tenant T --contact C`');
  if (command !== 'list') throw new UsageError(`unknown command '${command}'; the only command is 'list'`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);

  const tenantId = required(values.tenant, '--tenant');
  const contactId = required(values.contact, '--contact');
  if (values.all && values.last !== undefined) throw new UsageError('--all and --last cannot be combined');
  const walk: ListCommand['walk'] = values.all ? { mode: 'all' } : values.last !== undefined ? { mode: 'last', count: integer(values.last, '--last') } : { mode: 'page' };
  if (walk.mode !== 'page' && values.page !== undefined) throw new UsageError(`--page picks one page; --${walk.mode} walks pages from the first`);
  if (walk.mode === 'page' && values.concurrency !== undefined) throw new UsageError('--concurrency needs --all or --last');
  if (values.region !== undefined && values['base-url'] !== undefined) throw new UsageError('--region and --base-url cannot be combined');

  return {
    kind: 'list',
    tenantId,
    contactId,
    limit: optionalInteger(values.limit, '--limit'),
    page: optionalInteger(values.page, '--page'),
    walk,
    concurrency: optionalInteger(values.concurrency, '--concurrency'),
    format: format(values.format),
    target: target(values.region, values['base-url']),
    credentials: { apiKey: values['api-key'], apiSecret: values['api-secret'], token: values.token },
    debug,
  };
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

function integer(value: string, flag: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${flag} must be an integer (got '${value}')`);
  return Number(value);
}

function optionalInteger(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : integer(value, flag);
}

function format(value: string | undefined): Format {
  if (value === undefined) return 'table';
  if ((formats as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${formats.join(', ')} (got '${value}')`);
}

function target(region: string | undefined, baseUrl: string | undefined): ListCommand['target'] {
  if (baseUrl !== undefined) return { baseUrl };
  if (region === undefined) return { default: true };
  if (Object.hasOwn(regions, region)) return { region: region as Region };
  throw new UsageError(`--region must be one of ${Object.keys(regions).join(', ')} (got '${region}')`);
}
