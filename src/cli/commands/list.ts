/**
 * `cxengage-interactions list`: one page, every interaction (`--all`) or the most recent N (`--last`),
 * in one of the output formats. Range checks that the spec defines (limit 1..100, page ≥ 0) stay in the
 * SDK, which reads them from the spec; here only the shape of the command line.
 */

import type { InteractionsClient } from '../../client/types.js';
import type { Interaction } from '../../types.js';
import type { FlagValues, Subcommand } from '../command.js';
import { type Connection, connect, parseConnection } from '../connection.js';
import { csvHeader, csvRow, type Format, formats, jsonDocument, ndjsonLine, table, useColor } from '../format.js';
import { type Io, progressLine, write } from '../io.js';
import { UsageError } from '../usage-error.js';
import { integer, optionalInteger, quoted, requiredId } from '../values.js';

export interface ListCommand extends Connection {
  kind: 'list';
  tenantId: string;
  contactId: string;
  limit?: number | undefined;
  page?: number | undefined;
  /** One page (default), every interaction, or the most recent N. */
  walk: { mode: 'page' } | { mode: 'all' } | { mode: 'last'; count: number };
  concurrency?: number | undefined;
  format: Format;
  /** `--csv-raw`: write CSV cells as they are, formulas included (not neutralised). */
  csvRaw: boolean;
}

export const list: Subcommand<ListCommand> = {
  name: 'list',
  summary: "list a contact's interactions, most recent first",
  connects: true,
  options: {
    tenant: { type: 'string' },
    contact: { type: 'string' },
    limit: { type: 'string' },
    page: { type: 'string' },
    all: { type: 'boolean' },
    last: { type: 'string' },
    concurrency: { type: 'string' },
    format: { type: 'string' },
    'csv-raw': { type: 'boolean' },
  },

  parse(values: FlagValues, positionals: string[]): ListCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${quoted(positionals[0])}`);
    const tenantId = requiredId(values['tenant'], '--tenant');
    const contactId = requiredId(values['contact'], '--contact');
    const last = values['last'] as string | undefined;
    if (values['all'] && last !== undefined) throw new UsageError('--all and --last cannot be combined');
    const walk: ListCommand['walk'] = values['all']
      ? { mode: 'all' }
      : last !== undefined
        ? { mode: 'last', count: integer(last, '--last') }
        : { mode: 'page' };
    if (walk.mode !== 'page' && values['page'] !== undefined) {
      throw new UsageError(`--page picks one page; --${walk.mode} walks pages from the first`);
    }
    if (walk.mode === 'page' && values['concurrency'] !== undefined) {
      throw new UsageError('--concurrency needs --all or --last');
    }
    const chosen = format(values['format']);
    if (values['csv-raw'] && chosen !== 'csv') throw new UsageError('--csv-raw needs --format csv');
    return {
      kind: 'list',
      tenantId,
      contactId,
      limit: optionalInteger(values['limit'], '--limit'),
      page: optionalInteger(values['page'], '--page'),
      walk,
      concurrency: optionalInteger(values['concurrency'], '--concurrency'),
      format: chosen,
      csvRaw: values['csv-raw'] === true,
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions list --tenant TENANT_ID --contact CONTACT_ID [options]

List a CxEngage contact's interactions, most recent first.

Options:
  --tenant ID            tenant UUID (required)
  --contact ID           contact UUID (required)
  --limit N              page size (the API's default and maximum apply)
  --page P               0-based page to fetch (one page; the default is the first)
  --all                  fetch every interaction, walking all pages
  --last N               fetch the most recent N interactions
  --concurrency K        pages in flight at once with --all/--last (default 1)
  --format F             ${formats.join(' | ')} (default table)
  --csv-raw              csv: write cells exactly as received; by default a cell a spreadsheet
                         would run as a formula (=, +, -, @, tab, CR first) gets a leading '`,

  run: (command, io) => run(connect(command, io), command, io),
};

function format(value: unknown): Format {
  if (value === undefined) return 'table';
  if ((formats as readonly unknown[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${formats.join(', ')} (got ${quoted(value)})`);
}

async function run(client: InteractionsClient, command: ListCommand, io: Io): Promise<void> {
  const { tenantId, contactId, format } = command;
  const progress = progressLine(io.stderr);
  const items: Interaction[] = [];
  // The csv header waits for the first answer, so a failed call leaves stdout empty.
  let csvStarted = false;
  const startCsv = async () => {
    if (format === 'csv' && !csvStarted) await write(io.stdout, csvHeader(), io.signal);
    csvStarted = true;
  };
  const emit = async (item: Interaction) => {
    if (format === 'ndjson') await write(io.stdout, ndjsonLine(item), io.signal);
    else if (format === 'csv')
      await startCsv().then(() => write(io.stdout, csvRow(item, { raw: command.csvRaw }), io.signal));
    else items.push(item);
  };

  if (command.walk.mode === 'page') {
    const page = await client.listInteractions(
      { tenantId, contactId, limit: command.limit, page: command.page },
      { signal: io.signal },
    );
    for (const item of page.results) await emit(item);
    progress.done(`page ${page.page ?? 0}: ${page.results.length} of ${page.total} interactions`);
  } else {
    let count = 0;
    const iterator = client.iterateInteractions({
      tenantId,
      contactId,
      signal: io.signal,
      ...(command.limit !== undefined ? { pageSize: command.limit } : {}),
      ...(command.walk.mode === 'last' ? { last: command.walk.count } : {}),
      ...(command.concurrency !== undefined ? { concurrency: command.concurrency } : {}),
    });
    for await (const item of iterator) {
      await emit(item);
      count += 1;
      progress.update(`fetched ${count} interactions…`);
    }
    progress.done(`${count} interactions`);
  }

  await startCsv();
  if (format === 'json') await write(io.stdout, jsonDocument(items), io.signal);
  if (format === 'table') await write(io.stdout, table(items, { color: useColor(io.env, io.stdout.isTTY) }), io.signal);
}
