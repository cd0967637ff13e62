/**
 * `cxengage-interactions export`: the interactions of many contacts into one file (ndjson or csv),
 * resumable. With `--state`, each page's records are written and synced before the state file records
 * the contact's progress and the output length; a run after a crash (even `kill -9`) cuts the output
 * back to that length and goes on, so no record is lost or written twice. `--since-state` syncs from
 * the checkpoints of an earlier export: only what is new or changed. `--shard i/N` splits the contacts
 * between N jobs by a stable hash. Before anything is sent, the files are checked and locked
 * (`files.ts`): one run per output and state file, and no file written over another the run uses.
 */
import path from 'node:path';
import { normalId } from '../../../common/ids.js';
import { snippet } from '../../../common/snippet.js';
import { terminalText } from '../../../common/terminal-text.js';
import { type JournalHeader, StateJournal } from '../../../files/journal.js';
import { shownPath } from '../../../files/paths.js';
import { linkSignal } from '../../../http/signals.js';
import { DEFAULT_EXPORT_CONCURRENCY, DEFAULT_EXPORT_RATE, exportInteractions, shardOf } from '../../../jobs/export.js';
import type { ExportContactState, ExportEvent, ExportStateStore, SyncCheckpoint } from '../../../jobs/types.js';
import type { FlagValues, Subcommand } from '../../command.js';
import { type Connection, connect, parseConnection } from '../../connection.js';
import { csvField, csvHeader, csvRow, jsonValue } from '../../format.js';
import { type Io, progressLine } from '../../io.js';
import { PartialFailure } from '../../partial-failure.js';
import { UsageError } from '../../usage-error.js';
import { integer, quoted, required, requiredId } from '../../values.js';
import { readContacts } from './contacts.js';
import { claimExportFiles } from './files.js';
import { ExportOutput } from './output.js';
import { progressText, rateMeter, summaryText } from './progress.js';

const exportFormats = ['ndjson', 'csv'] as const;
type ExportFormat = (typeof exportFormats)[number];

export interface ExportCommand extends Connection {
  kind: 'export';
  tenantId: string;
  /** A file of contact ids, one per line, or `-` for stdin. */
  contacts: string;
  out: string;
  state?: string | undefined;
  sinceState?: string | undefined;
  format: ExportFormat;
  /** `--csv-raw`: csv cells exactly as received, formulas included (not neutralised). */
  csvRaw: boolean;
  rate?: number | undefined;
  concurrency?: number | undefined;
  failFast: boolean;
  shard?: { index: number; count: number } | undefined;
}

export const exportCommand: Subcommand<ExportCommand> = {
  name: 'export',
  summary: 'export many contacts, resumable, into one ndjson or csv file',
  connects: true,
  options: {
    tenant: { type: 'string' },
    contacts: { type: 'string' },
    out: { type: 'string' },
    state: { type: 'string' },
    'since-state': { type: 'string' },
    format: { type: 'string' },
    rate: { type: 'string' },
    concurrency: { type: 'string' },
    'fail-fast': { type: 'boolean' },
    shard: { type: 'string' },
    'csv-raw': { type: 'boolean' },
  },

  parse(values: FlagValues, positionals: string[]): ExportCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${quoted(positionals[0])}`);
    const state = values['state'] as string | undefined;
    const sinceState = values['since-state'] as string | undefined;
    const out = required(values['out'], '--out');
    if (out === '-')
      throw new UsageError('--out must be a file (it is cut back to what --state accounts for on resume)');
    const format = (values['format'] as string | undefined) ?? 'ndjson';
    if (!(exportFormats as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${exportFormats.join(', ')} for export (got ${quoted(format)})`);
    }
    if (values['csv-raw'] && format !== 'csv') throw new UsageError('--csv-raw needs --format csv');
    const concurrency = values['concurrency'];
    return {
      kind: 'export',
      tenantId: requiredId(values['tenant'], '--tenant'),
      contacts: required(values['contacts'], '--contacts'),
      out,
      state,
      sinceState,
      format: format as ExportFormat,
      csvRaw: values['csv-raw'] === true,
      rate: rate(values['rate']),
      concurrency: concurrency === undefined ? undefined : integer(String(concurrency), '--concurrency'),
      failFast: values['fail-fast'] === true,
      shard: shard(values['shard']),
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions export --tenant TENANT_ID --contacts FILE --out FILE [options]

Export the interactions of many contacts into one file: one record per interaction, tagged with
its contact and marked new or updated. Run again with the same --state after a crash or Ctrl-C:
it goes on where it stopped, and the output gets no record twice and loses none.

Options:
  --tenant ID            tenant UUID (required)
  --contacts FILE        contact ids (UUIDs, any case), one per line ('-': stdin; blank lines and
                         # comments skipped); a line that is no id refuses the list, nothing sent
  --out FILE             the output file (required); a new export empties it
  --state FILE           keep progress here, to resume; the finished file serves as --since-state later
  --since-state FILE     an earlier export's state: export only what is new or changed since
  --format F             ndjson | csv (default ndjson): {"contactId","change","interaction"} per
                         line, or contactId,change and the interaction's columns as for 'list'
  --csv-raw              csv: cells exactly as received (by default, as for 'list', a cell a
                         spreadsheet would run as a formula gets a leading ')
  --rate R               requests per second for the whole run (default ${DEFAULT_EXPORT_RATE}); a 429 slows it down
                         and it recovers slowly; raise it once you know your tenant's limit
  --concurrency K        contacts in flight at once (default ${DEFAULT_EXPORT_CONCURRENCY})
  --fail-fast            stop at the first contact that fails (default: report it and go on)
  --shard I/N            export only shard I of N (split by a stable hash of the contact id): run N
                         jobs with I = 1..N, each with its own --out and --state

One run at a time per --out and --state: each is locked (FILE.lock) while a run writes it, and a
second run refuses, naming the first. No file may be written over another the run uses.

Progress goes to stderr on a terminal; a summary line is always printed there at the end.`,

  run: (command, io) => run(command, io),
};

/** `--rate R`: requests per second, for the whole run. */
export function rate(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(text))
    throw new UsageError(`--rate must be a number of requests per second (got ${quoted(value)})`);
  return Number(text);
}

/** `--shard I/N`: one of N shards, split by a stable hash of the contact id. */
export function shard(value: unknown): ExportCommand['shard'] {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(String(value).trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, e.g. 2/4 (got ${quoted(value)})`);
  }
  return { index, count };
}

/** The checkpoints of an earlier export: finished contacts', and for unfinished ones those they started from. */
async function sinceCheckpoints(file: string, tenantId: string): Promise<Map<string, SyncCheckpoint>> {
  const earlier = await StateJournal.read<ExportContactState>(file, '--since-state');
  if (!earlier) throw new UsageError(`--since-state ${shownPath(file)}: is empty, not an export's state file`);
  if (normalId(earlier.header.tenantId) !== tenantId) {
    throw new UsageError(
      `--since-state ${shownPath(file)} is an export of another tenant (${quoted(earlier.header.tenantId)})`,
    );
  }
  const checkpoints = new Map<string, SyncCheckpoint>();
  for (const [contactId, state] of earlier.contacts) {
    const checkpoint = state.done ?? state.progress?.from ?? undefined;
    if (checkpoint) checkpoints.set(contactId, checkpoint);
  }
  return checkpoints;
}

async function run(command: ExportCommand, io: Io): Promise<void> {
  const files = await claimExportFiles(command);
  try {
    await exportLocked(command, io, files.realOut);
  } finally {
    await files.release();
  }
}

/** The export itself, with its files checked and locked. */
async function exportLocked(command: ExportCommand, io: Io, realOut: string): Promise<void> {
  const { tenantId, format } = command;
  const client = connect(command, io);
  const listed = await readContacts(command.contacts, io);
  const inShard = command.shard
    ? listed.filter((id) => shardOf(id, command.shard!.count) === command.shard!.index)
    : listed;
  const total = new Set(inShard).size;
  const since = command.sinceState ? await sinceCheckpoints(command.sinceState, tenantId) : undefined;
  const header: JournalHeader = {
    cxengageExport: 1,
    tenantId,
    format,
    out: realOut,
    shard: command.shard ? `${command.shard.index}/${command.shard.count}` : null,
    ...(command.csvRaw ? { csvRaw: true } : {}),
    at: 0,
  };

  const { output, journal } = await openFiles(command, header);
  const store: ExportStateStore | undefined = journal && {
    load: () => journal.contacts,
    save: async (contactId, state) => {
      await output.sync();
      await journal.append(contactId, state, output.length);
    },
  };

  // Ctrl-C (or SIGTERM) aborts the export through the run's signal (see main.ts); the state is kept.
  const controller = new AbortController();
  const unlink = linkSignal(controller, io.signal);
  const progress = progressLine(io.stderr);
  const meter = rateMeter();
  const exporting = exportInteractions(client, {
    tenantId,
    contacts: inShard,
    ...(store ? { state: store } : {}),
    ...(since ? { checkpoints: (id: string) => since.get(id) } : {}),
    ...(command.rate !== undefined ? { rateLimit: { requestsPerSecond: command.rate } } : {}),
    ...(command.concurrency !== undefined ? { concurrency: command.concurrency } : {}),
    failFast: command.failFast,
    signal: controller.signal,
  });
  const show = () => {
    const summary = exporting.summary();
    progress.update(progressText({ summary, total, rate: meter(summary.elapsedMs, summary.requests) }));
  };
  const ticker = io.stderr.isTTY ? setInterval(show, 250) : undefined;
  try {
    for await (const event of exporting) {
      if (event.type === 'record') output.write(line(format, event, command.csvRaw));
      else if (event.type === 'failed') {
        // Server text (error messages) may hold control characters: never let them reach the terminal raw.
        const message = terminalText(
          io.redact(snippet(`contact ${event.contactId} failed: ${event.error.message}`, 500)),
        );
        io.stderr.write(`${io.stderr.isTTY ? '\r\x1b[2K' : ''}warning: ${message}\n`);
      }
      if (output.pending > 256 * 1024) await output.flush();
    }
  } catch (error) {
    if (controller.signal.aborted) {
      const again = command.state
        ? ' run the same command again to resume'
        : ' (without --state, a new run starts over)';
      // The signal's reason as the cause: the exit code is the interrupt's (130 or 143).
      throw new Error(`interrupted;${again}`, { cause: controller.signal.reason });
    }
    throw error;
  } finally {
    clearInterval(ticker);
    unlink();
    await output.close();
    if (journal) {
      await journal.compact();
      await journal.close();
    }
    const text = summaryText(exporting.summary());
    if (io.stderr.isTTY) progress.done(text);
    else io.stderr.write(`${text}\n`);
  }
  const { failed, contacts } = exporting.summary();
  if (failed > 0) {
    const retry = command.state ? '; run the same command again to retry them' : '';
    throw new PartialFailure(`${failed} of ${contacts} contacts failed (see the warnings above)${retry}`);
  }
}

/** The output and the state file: new ones, or those of the export being resumed (the output cut back). */
async function openFiles(command: ExportCommand, header: JournalHeader) {
  const previous = command.state ? await StateJournal.read<ExportContactState>(command.state) : undefined;
  if (previous && command.state) {
    const was = previous.header;
    const label = `--state ${shownPath(command.state)}`;
    // The output as recorded: its real path (or, in a file written before, its absolute path).
    const sameOut = was.out === header.out || was.out === path.resolve(command.out);
    const differs =
      typeof was.tenantId !== 'string' || normalId(was.tenantId) !== header.tenantId
        ? 'tenantId'
        : was.format !== header.format
          ? 'format'
          : !sameOut
            ? 'out'
            : String(was.shard) !== String(header.shard)
              ? 'shard'
              : undefined;
    if (differs) {
      throw new UsageError(
        `${label} belongs to another export (its ${differs} is ${JSON.stringify(snippet(String(was[differs]), 80))}); use a new state file`,
      );
    }
    if (Boolean(was.csvRaw) !== Boolean(header.csvRaw)) {
      throw new UsageError(`${label} belongs to an export ${was.csvRaw ? 'with' : 'without'} --csv-raw`);
    }
    const output = await ExportOutput.resume(command.out, previous.at);
    return {
      output,
      journal: await StateJournal.resume(command.state, { ...previous, header: { ...was, out: header.out } }),
    };
  }
  const output = await ExportOutput.create(command.out);
  if (command.format === 'csv') output.write(`contactId,change,${csvHeader()}`);
  await output.sync();
  const journal = command.state
    ? await StateJournal.create<ExportContactState>(command.state, { ...header, at: output.length })
    : undefined;
  return { output, journal };
}

function line(format: ExportFormat, event: Extract<ExportEvent, { type: 'record' }>, raw: boolean): string {
  const { contactId, change, interaction } = event;
  if (format === 'csv') {
    return `${csvField(contactId, { raw })},${csvField(change, { raw })},${csvRow(interaction, { raw })}`;
  }
  return jsonValue({ contactId, change, interaction }, 'ndjson');
}
