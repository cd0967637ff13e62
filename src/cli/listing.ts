/**
 * What `list` (a contact's history) and `search` (Get a List of Interactions) share: the flags that pick
 * one page, every item or the most recent N, and the output format; and writing the items in that format
 * as they arrive (ndjson and csv row by row, json and table at the end). Each command says only which
 * route it reads and which columns its CSV and table show.
 */
import type { FlagValues } from './command.js';
import {
  type Columns,
  csvHeader,
  csvRow,
  type Format,
  formats,
  jsonDocument,
  ndjsonLine,
  table,
  useColor,
} from './format.js';
import { type Io, progressLine, write } from './io.js';
import { UsageError } from './usage-error.js';
import { integer, optionalInteger, quoted } from './values.js';

/** The flags of a listing, as `parseArgs` options. */
export const listingOptions = {
  limit: { type: 'string' },
  page: { type: 'string' },
  all: { type: 'boolean' },
  last: { type: 'string' },
  concurrency: { type: 'string' },
  format: { type: 'string' },
  'csv-raw': { type: 'boolean' },
} as const;

/** A listing's flags, checked for shape (the SDK checks the values against the spec). */
export interface ListingFlags {
  limit?: number | undefined;
  page?: number | undefined;
  /** One page (default), every item, or the most recent N. */
  walk: { mode: 'page' } | { mode: 'all' } | { mode: 'last'; count: number };
  concurrency?: number | undefined;
  format: Format;
  /** `--csv-raw`: write CSV cells as they are, formulas included (not neutralised). */
  csvRaw: boolean;
}

export function parseListing(values: FlagValues): ListingFlags {
  const last = values['last'] as string | undefined;
  if (values['all'] && last !== undefined) throw new UsageError('--all and --last cannot be combined');
  const walk: ListingFlags['walk'] = values['all']
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
    limit: optionalInteger(values['limit'], '--limit'),
    page: optionalInteger(values['page'], '--page'),
    walk,
    concurrency: optionalInteger(values['concurrency'], '--concurrency'),
    format: chosen,
    csvRaw: values['csv-raw'] === true,
  };
}

function format(value: unknown): Format {
  if (value === undefined) return 'table';
  if ((formats as readonly unknown[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${formats.join(', ')} (got ${quoted(value)})`);
}

/** The help lines of a listing's flags. */
export function listingHelp(): string {
  return `  --limit N              page size (the API's default and maximum apply)
  --page P               0-based page to fetch (one page; the default is the first)
  --all                  fetch every interaction, walking all pages
  --last N               fetch the most recent N interactions
  --concurrency K        pages in flight at once with --all/--last (default 1)
  --format F             ${formats.join(' | ')} (default table)
  --csv-raw              csv: write cells exactly as received; by default a cell a spreadsheet
                         would run as a formula (=, +, -, @, tab, CR first) gets a leading '`;
}

/** Where a listing's items come from: one page of the route, or its walk (the SDK's iterator). */
export interface ListingSource<T> {
  page(signal: AbortSignal): Promise<{ page: number | null; total: number; results: readonly T[] }>;
  walk(walk: { pageSize?: number; last?: number; concurrency?: number; signal: AbortSignal }): AsyncIterable<T>;
}

/** Reads the listing `flags` ask for from `source`, and writes it to stdout in their format, with `columns`. */
export async function writeListing<T extends object>(
  flags: ListingFlags,
  source: ListingSource<T>,
  columns: Columns,
  io: Io,
): Promise<void> {
  const { format } = flags;
  const progress = progressLine(io.stderr);
  const items: T[] = [];
  // The csv header waits for the first answer, so a failed call leaves stdout empty.
  let csvStarted = false;
  const startCsv = async () => {
    if (format === 'csv' && !csvStarted) await write(io.stdout, csvHeader(columns), io.signal);
    csvStarted = true;
  };
  const emit = async (item: T) => {
    if (format === 'ndjson') await write(io.stdout, ndjsonLine(item), io.signal);
    else if (format === 'csv')
      await startCsv().then(() => write(io.stdout, csvRow(item, { raw: flags.csvRaw }, columns), io.signal));
    else items.push(item);
  };

  if (flags.walk.mode === 'page') {
    const page = await source.page(io.signal);
    for (const item of page.results) await emit(item);
    progress.done(`page ${page.page ?? 0}: ${page.results.length} of ${page.total} interactions`);
  } else {
    let count = 0;
    const iterator = source.walk({
      signal: io.signal,
      ...(flags.limit !== undefined ? { pageSize: flags.limit } : {}),
      ...(flags.walk.mode === 'last' ? { last: flags.walk.count } : {}),
      ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
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
  if (format === 'table')
    await write(io.stdout, table(items, { color: useColor(io.env, io.stdout.isTTY) }, columns), io.signal);
}
