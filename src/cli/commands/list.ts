/**
 * `cxengage-interactions list`: one page, every interaction (`--all`) or the most recent N (`--last`),
 * in one of the output formats. Range checks that the spec defines (limit 1..100, page ≥ 0) stay in the
 * SDK, which reads them from the spec; here only the shape of the command line.
 */

import type { FlagValues, Subcommand } from '../command.js';
import { type Connection, connect, parseConnection } from '../connection.js';
import { historyColumns } from '../format.js';
import { type ListingFlags, listingHelp, listingOptions, parseListing, writeListing } from '../listing.js';
import { UsageError } from '../usage-error.js';
import { quoted, requiredId } from '../values.js';

export interface ListCommand extends Connection, ListingFlags {
  kind: 'list';
  tenantId: string;
  contactId: string;
}

export const list: Subcommand<ListCommand> = {
  name: 'list',
  summary: "list a contact's interactions, most recent first",
  connects: true,
  options: {
    tenant: { type: 'string' },
    contact: { type: 'string' },
    ...listingOptions,
  },

  parse(values: FlagValues, positionals: string[]): ListCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${quoted(positionals[0])}`);
    return {
      kind: 'list',
      tenantId: requiredId(values['tenant'], '--tenant'),
      contactId: requiredId(values['contact'], '--contact'),
      ...parseListing(values),
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions list --tenant TENANT_ID --contact CONTACT_ID [options]

List a CxEngage contact's interactions, most recent first (the contact history route).
To list a tenant's interactions in full, filtered, see 'search'.

Options:
  --tenant ID            tenant UUID (required)
  --contact ID           contact UUID (required)
${listingHelp()}`,

  run(command, io) {
    const client = connect(command, io);
    const { tenantId, contactId, limit, page } = command;
    return writeListing(
      command,
      {
        page: (signal) => client.listInteractions({ tenantId, contactId, limit, page }, { signal }),
        walk: (walk) => client.iterateInteractions({ tenantId, contactId, ...walk }),
      },
      historyColumns,
      io,
    );
  },
};
