/**
 * `cxengage-interactions search`: a tenant's interactions in full (Get a List of Interactions), filtered
 * by contact, time range and linked records, as one page, every match (`--all`) or the most recent N
 * (`--last`), in any output format, with the same output rules as `list` (CSV formulas neutralised,
 * terminal text made safe). Its own command, not `list` without `--contact`: the route needs another
 * permission, answers other records (the full record, not the history's 18 fields) at other page sizes
 * (up to 1000), and a forgotten `--contact` must stay a usage error rather than list a whole tenant.
 * The filters' values are checked by the SDK from the spec's facts; a refused one names its flag.
 */
import { iterateTenantInteractions, listTenantInteractions } from '../../client/tenant-list.js';
import type { TenantFilters } from '../../client/types.js';
import { InvalidInputError } from '../../errors.js';
import type { FlagValues, Subcommand } from '../command.js';
import { type Connection, connect, parseConnection } from '../connection.js';
import { recordColumns } from '../format.js';
import { type ListingFlags, listingHelp, listingOptions, parseListing, writeListing } from '../listing.js';
import { UsageError } from '../usage-error.js';
import { quoted, required, requiredId } from '../values.js';

/** Each filter's flag, and the SDK's name for it (the spec's, but `includeNulls` for `green=false`). */
const FILTER_FLAGS = {
  contact: 'contactId',
  from: 'startTimeRange',
  to: 'endTimeRange',
  'attribute-value': 'attribute-value',
  'hook-name': 'hook-name',
  'hook-type': 'hookType',
  'hook-sub-type': 'hookSubType',
  'hook-id': 'hookId',
} as const satisfies Record<string, keyof TenantFilters>;

type FilterFlag = keyof typeof FILTER_FLAGS;

export interface SearchCommand extends Connection, ListingFlags {
  kind: 'search';
  tenantId: string;
  filters: TenantFilters;
}

/** A date alone (`2017-12-29`) is its midnight in UTC; anything else goes to the SDK as given. */
function time(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

export const search: Subcommand<SearchCommand> = {
  name: 'search',
  summary: "list a tenant's interactions in full, filtered (needs INTERACTIONS_API_READ_ALL)",
  connects: true,
  options: {
    tenant: { type: 'string' },
    ...Object.fromEntries(Object.keys(FILTER_FLAGS).map((flag) => [flag, { type: 'string' }])),
    'include-nulls': { type: 'boolean' },
    ...listingOptions,
  },

  parse(values: FlagValues, positionals: string[]): SearchCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${quoted(positionals[0])}`);
    const filters: Record<string, string | boolean> = {};
    for (const [flag, name] of Object.entries(FILTER_FLAGS)) {
      const value = values[flag];
      if (value === undefined) continue;
      const text = flag === 'contact' ? requiredId(value, '--contact') : required(value, `--${flag}`);
      filters[name] = flag === 'from' || flag === 'to' ? time(text) : text;
    }
    if (values['include-nulls'] === true) filters['includeNulls'] = true;
    return {
      kind: 'search',
      tenantId: requiredId(values['tenant'], '--tenant'),
      filters: filters as TenantFilters,
      ...parseListing(values),
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions search --tenant TENANT_ID [filters] [options]

List a CxEngage tenant's interactions, each in full (the vendor's Get a List of Interactions), most
recent first: those every filter given selects. The API key needs the INTERACTIONS_API_READ_ALL
permission. (A contact's history through the history route: 'list'.)

Filters:
  --contact ID           only this contact's interactions (sent as contactId)
  --from TIME            only those that started at or after TIME (startTimeRange)
  --to TIME              only those that started before TIME (endTimeRange; not before --from).
                         TIME is ISO 8601 in UTC, 2017-12-29T14:00:00.000Z (T24:00:00 ends a
                         day), or a date alone, 2017-12-29, for its midnight UTC
  --attribute-value V    with this custom reporting attribute (attribute-value)
  --hook-name N          with a linked record of this hookName (hook-name)
  --hook-type T          linked to a record of this third-party system, e.g. zendesk (hookType)
  --hook-sub-type S      linked to a third-party record of this kind, e.g. ticket (hookSubType)
  --hook-id I            linked to the third-party record of this id (hookId)
  --include-nulls        put the keys that have no value in each record, as null (green=false)

Options:
  --tenant ID            tenant UUID (required)
${listingHelp()}

csv has one column per key of the record the spec documents (nested values as compact JSON);
the table shows the start, channel, direction, customer, contact, flow and interaction id.`,

  async run(command, io) {
    const client = connect(command, io);
    const { tenantId, filters, limit, page } = command;
    try {
      await writeListing(
        command,
        {
          page: (signal) => listTenantInteractions(client, { tenantId, ...filters, limit, page }, { signal }),
          walk: (walk) => iterateTenantInteractions(client, { tenantId, ...filters, ...walk }),
        },
        recordColumns,
        io,
      );
    } catch (error) {
      throw asFlagError(error);
    }
  },
};

/** An SDK refusal of a filter's value, reworded to name the flag the user typed. */
function asFlagError(error: unknown): unknown {
  if (!(error instanceof InvalidInputError)) return error;
  const flagOf = (name: string) => (Object.keys(FILTER_FLAGS) as FilterFlag[]).find((f) => FILTER_FLAGS[f] === name);
  const flag = flagOf(error.param);
  if (!flag) return error;
  const problem = error.message
    .replace(/^Invalid [^:]+: /, '')
    .replace(/\b(startTimeRange|endTimeRange)\b/g, (name) => `--${flagOf(name)}`);
  return new UsageError(`--${flag}: ${problem}`);
}
