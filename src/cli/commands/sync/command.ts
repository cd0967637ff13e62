/**
 * `cxengage-interactions sync`: the interactions of a tenant into a store (`--to sqlite:FILE`,
 * `postgres://…`, `ndjson:FILE` or `singer`), incremental and resumable, with the sync's state kept in the store itself,
 * committed in the same transaction as the rows it accounts for: a run killed at any instant (`kill -9`
 * included) is resumed by the next one, which stores nothing twice and loses nothing.
 *
 * Two modes, from `cxengage-interactions/stores`: by default the tenant-wide mode (`syncTenantToStore`:
 * Get a List of Interactions, a window of time per run; needs `INTERACTIONS_API_READ_ALL`, and a 403 says
 * so and names `--contacts`); with `--contacts FILE` the per-contact mode (`syncToStore`: one
 * incremental sync per contact over the history route). Everything that can be refused is refused before
 * a request is sent: the flags, `--to` (a malformed store URL is a usage error naming it), the contact
 * list (never the file an NDJSON store writes, nor its state), then the store itself (opened, checked and locked before the first request; one that cannot be
 * reached is one line and exit 1, one that cannot be used as it is exit 6).
 */
import { readFile } from 'node:fs/promises';
import { limitRate } from '../../../client/limit-rate.js';
import type { InteractionsClient } from '../../../client/types.js';
import { terminalText } from '../../../common/terminal-text.js';
import { checkFileUses, FileUseError } from '../../../files/paths.js';
import { PermissionDeniedError } from '../../../http/failures.js';
import { linkSignal } from '../../../http/signals.js';
import { DEFAULT_EXPORT_CONCURRENCY, DEFAULT_EXPORT_RATE, shardOf } from '../../../jobs/export.js';
import { TENANT_PAGE_SIZE } from '../../../jobs/tenant-sync.js';
import type { StoreSyncSummary } from '../../../stores/contacts.js';
import { syncToStore } from '../../../stores/contacts.js';
import { storeFromUrl } from '../../../stores/open.js';
import { syncTenantToStore, type TenantStoreSyncSummary } from '../../../stores/tenant.js';
import type { InteractionStore } from '../../../stores/types.js';
import { parseStoreUrl, type StoreTarget } from '../../../stores/url.js';
import type { FlagValues, Subcommand } from '../../command.js';
import { type Connection, connect, parseConnection } from '../../connection.js';
import { exitCodes } from '../../exit-codes.js';
import { type Io, progressLine } from '../../io.js';
import { PartialFailure } from '../../partial-failure.js';
import { UsageError } from '../../usage-error.js';
import { integer, required } from '../../values.js';
import { rate, shard } from '../export/command.js';
import { readContacts } from '../export/contacts.js';
import { duration, progressText, rateMeter } from '../export/progress.js';

export interface SyncCommand extends Connection {
  kind: 'sync';
  tenantId: string;
  /** A file of contact ids, one per line, or `-` for stdin: the per-contact mode; none: tenant-wide. */
  contacts?: string | undefined;
  /** The store, as `--to` named it, parsed (no I/O yet). */
  to: StoreTarget;
  /** `--to` as given, for messages (a password redacted by `parseStoreUrl`'s location). */
  toText: string;
  /** Singer only: the state file the runner passes (the last STATE message's value). */
  state?: string | undefined;
  rate?: number | undefined;
  /** Tenant-wide: records per page of the List (default the route's largest). */
  pageSize?: number | undefined;
  concurrency?: number | undefined;
  failFast: boolean;
  shard?: { index: number; count: number } | undefined;
}

export const syncCommand: Subcommand<SyncCommand> = {
  name: 'sync',
  summary: 'sync a tenant into SQLite, PostgreSQL, an NDJSON file or Singer, incremental and resumable',
  connects: true,
  options: {
    tenant: { type: 'string' },
    contacts: { type: 'string' },
    to: { type: 'string' },
    state: { type: 'string' },
    rate: { type: 'string' },
    'page-size': { type: 'string' },
    concurrency: { type: 'string' },
    'fail-fast': { type: 'boolean' },
    shard: { type: 'string' },
  },

  parse(values: FlagValues, positionals: string[]): SyncCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const toText = required(values['to'], '--to');
    const to = parseStoreUrl(toText, '--to');
    const state = values['state'] as string | undefined;
    if (state !== undefined && to.kind !== 'singer') {
      throw new UsageError(`--state is for --to singer (the runner's state file); ${to.kind} keeps the state itself`);
    }
    const concurrency = values['concurrency'];
    const contacts = values['contacts'] as string | undefined;
    const pageSize = values['page-size'];
    if (contacts !== undefined && pageSize !== undefined) {
      throw new UsageError(
        '--page-size is for the tenant-wide mode; the per-contact mode reads each history at its own',
      );
    }
    if (contacts === undefined) {
      // The tenant-wide mode lists the tenant once, in time order: nothing to split or run side by side.
      for (const flag of ['shard', 'concurrency', 'fail-fast'] as const) {
        if (values[flag] !== undefined) {
          throw new UsageError(
            `--${flag} is for the per-contact mode (--contacts FILE); the tenant-wide mode lists the tenant in one walk`,
          );
        }
      }
    }
    return {
      kind: 'sync',
      tenantId: required(values['tenant'], '--tenant'),
      contacts,
      to,
      toText,
      state,
      rate: rate(values['rate']),
      pageSize: pageSize === undefined ? undefined : integer(String(pageSize), '--page-size'),
      concurrency: concurrency === undefined ? undefined : integer(String(concurrency), '--concurrency'),
      failFast: values['fail-fast'] === true,
      shard: shard(values['shard']),
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions sync --tenant TENANT_ID --to STORE [--contacts FILE] [options]

Sync a tenant's interactions into a store, incrementally: the first run stores every interaction, each
later run only what is new or changed since. The sync's state lives in the store, committed with the
rows it accounts for: after a crash, kill -9 or Ctrl-C, run the same command again; nothing is stored
twice and nothing is lost.

Modes:
  (default)              tenant-wide: lists the tenant's interactions in windows of time (Get a List
                         of Interactions; the key needs INTERACTIONS_API_READ_ALL): a few requests a run
  --contacts FILE        per contact: one incremental sync per listed contact over its history (for
                         keys without INTERACTIONS_API_READ_ALL): at least one request per contact a run

Stores (--to):
  sqlite:FILE            a SQLite file (created if missing; needs: npm install better-sqlite3@12)
  postgres://USER@HOST:PORT/DATABASE
                         a PostgreSQL database (needs: npm install pg); the password in
                         PGPASSWORD or ~/.pgpass rather than in the URL
  ndjson:FILE            a change log, one JSON line per interaction new or updated, its state beside
                         it in FILE.state (no driver needed)
  singer                 Singer messages on stdout (SCHEMA, RECORD, STATE) for a Singer target

Options:
  --tenant ID            tenant UUID (required)
  --contacts FILE        contact ids, one per line ('-': stdin; blank lines and # comments skipped)
  --to STORE             where the interactions go (required; see above)
  --state FILE           singer: the state the runner passes (the last STATE message's value)
  --rate R               requests per second for the whole run (default ${DEFAULT_EXPORT_RATE}); a 429 slows it down
  --page-size N          tenant-wide: records per page (default ${TENANT_PAGE_SIZE}, the route's largest)
  --concurrency K        --contacts: contacts in flight at once (default ${DEFAULT_EXPORT_CONCURRENCY})
  --fail-fast            --contacts: stop at the first contact that fails (default: report it, go on)
  --shard I/N            --contacts: only shard I of N (a stable hash of the contact id): N jobs with
                         I = 1..N side by side (PostgreSQL; a SQLite file takes one writer at a time)

Progress goes to stderr on a terminal; a summary line is always printed there at the end.`,

  exitCodes: `  ${exitCodes.ok}  success: every contact synced
  ${exitCodes.failure}  failure (network, server error, invalid response; the store unreachable, or a
     commit that failed and was rolled back): run the same command again to go on
  ${exitCodes.usage}  usage: bad flags or values (a malformed --to), missing credentials; nothing was sent
  ${exitCodes.auth}  authentication or permission refused (401, 403; tenant-wide: a key without
     INTERACTIONS_API_READ_ALL, which --contacts does not need)
  ${exitCodes.notFound}  tenant not found (404)
  ${exitCodes.partial}  finished, but some contacts failed (each reported): run it again to retry them
  ${exitCodes.store}  the store cannot be used as it is (another sync holds it, a table of another shape, a
     newer schema version, the state of another tenant or mode, its driver not installed); nothing was sent
  ${exitCodes.interrupted}  interrupted (Ctrl-C); ${exitCodes.terminated} when stopped by SIGTERM: run it again to go on`,

  run: (command, io) => run(command, io),
};

async function run(command: SyncCommand, io: Io): Promise<void> {
  if (command.to.kind === 'ndjson' && command.contacts !== undefined && command.contacts !== '-') {
    await checkNdjsonFiles(command.contacts, command.to.file);
  }
  const client = connect(command, io);
  const store = storeFromUrl(command.toText, {
    param: '--to',
    ...(command.to.kind === 'singer' ? { singer: { output: io.stdout, state: await singerState(command.state) } } : {}),
  });
  if (command.to.kind === 'postgres' && command.to.password) io.redact.add(command.to.password);
  // Ctrl-C (or SIGTERM) aborts the sync through the run's signal (see main.ts); what was committed stays.
  const controller = new AbortController();
  const unlink = linkSignal(controller, io.signal);
  try {
    if (command.contacts === undefined) await runTenant(command, io, client, store, controller.signal);
    else await runContacts(command, command.contacts, io, client, store, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      // The signal's reason as the cause: the exit code is the interrupt's (130 or 143).
      throw new Error('interrupted; run the same command again to go on', { cause: controller.signal.reason });
    }
    throw error;
  } finally {
    unlink();
  }
}

/** The contacts list is never the NDJSON store's file or its state (which the store writes). */
async function checkNdjsonFiles(contacts: string, file: string): Promise<void> {
  try {
    await checkFileUses([
      { label: '--contacts', file: contacts, writes: false, reads: 'stream' },
      { label: '--to', file, writes: true },
      { label: '--to (its state)', file: `${file}.state`, writes: true },
    ]);
  } catch (error) {
    throw error instanceof FileUseError ? new UsageError(error.message) : error;
  }
}

/** The tenant-wide mode: a window of the tenant's List, page by page, each committed with its checkpoint. */
async function runTenant(
  command: SyncCommand,
  io: Io,
  client: InteractionsClient,
  store: InteractionStore,
  signal: AbortSignal,
): Promise<void> {
  limitRate(client, { requestsPerSecond: command.rate ?? DEFAULT_EXPORT_RATE });
  const syncing = syncTenantToStore(client, {
    store,
    tenantId: command.tenantId,
    signal,
    ...(command.pageSize !== undefined ? { pageSize: command.pageSize } : {}),
  });
  const progress = progressLine(io.stderr);
  const started = performance.now();
  let requests = 0;
  const show = () => progress.update(tenantProgress(syncing.summary(), requests));
  const ticker = io.stderr.isTTY ? setInterval(show, 250) : undefined;
  let opened = false;
  try {
    for await (const _ of syncing) {
      opened = true;
      requests += 1;
    }
    opened = true;
  } catch (error) {
    if (error instanceof PermissionDeniedError) {
      throw new PermissionDeniedError(
        error.status,
        `${error.message}: the tenant-wide sync lists the tenant (Get a List of Interactions), which needs a key with INTERACTIONS_API_READ_ALL; without it, sync per contact: --contacts FILE`,
        error,
      );
    }
    throw error;
  } finally {
    clearInterval(ticker);
    if (opened) {
      const text = tenantSummary(syncing.summary(), store.location, performance.now() - started);
      if (io.stderr.isTTY) progress.done(text);
      else io.stderr.write(`${text}\n`);
    }
  }
}

/** The per-contact mode: `syncToStore` over the contacts listed. */
async function runContacts(
  command: SyncCommand,
  contactsFile: string,
  io: Io,
  client: InteractionsClient,
  store: InteractionStore,
  signal: AbortSignal,
): Promise<void> {
  const { tenantId } = command;
  const listed = await readContacts(contactsFile, io);
  const inShard = command.shard
    ? listed.filter((id) => shardOf(id, command.shard!.count) === command.shard!.index)
    : listed;
  const total = new Set(inShard.map((id) => id.toLowerCase())).size;
  const progress = progressLine(io.stderr);
  const meter = rateMeter();
  const syncing = syncToStore(client, {
    store,
    tenantId,
    contacts: listed,
    ...(command.shard ? { shard: command.shard } : {}),
    ...(command.rate !== undefined ? { rateLimit: { requestsPerSecond: command.rate } } : {}),
    ...(command.concurrency !== undefined ? { concurrency: command.concurrency } : {}),
    failFast: command.failFast,
    signal,
  });
  const show = () => {
    const summary = syncing.summary();
    progress.update(progressText({ summary, total, rate: meter(summary.elapsedMs, summary.requests) }));
  };
  const ticker = io.stderr.isTTY ? setInterval(show, 250) : undefined;
  let opened = false;
  try {
    for await (const event of syncing) {
      opened = true;
      if (event.type === 'failed') {
        // Server text (error messages) may hold control characters: never let them reach the terminal raw.
        const message = terminalText(io.redact(`contact ${event.contactId} failed: ${event.error.message}`));
        io.stderr.write(`${io.stderr.isTTY ? '\r\x1b[2K' : ''}warning: ${message}\n`);
      }
    }
    opened = true;
  } finally {
    clearInterval(ticker);
    if (opened) {
      const text = summaryText(syncing.summary(), store.location);
      if (io.stderr.isTTY) progress.done(text);
      else io.stderr.write(`${text}\n`);
    }
  }
  const { failed, contacts } = syncing.summary();
  if (failed > 0) {
    throw new PartialFailure(
      `${failed} of ${contacts} contacts failed (see the warnings above); run the same command again to retry them`,
    );
  }
}

/** The Singer runner's state file, parsed (an empty file: none). */
async function singerState(file: string | undefined): Promise<unknown> {
  if (file === undefined) return undefined;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--state ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--state ${file} is not JSON (a Singer state: the value of the last STATE message)`);
  }
}

const number = new Intl.NumberFormat('en-US');

/** The tenant-wide live line: the window, pages and interactions so far. */
function tenantProgress(s: TenantStoreSyncSummary, pages: number): string {
  return [
    `window ${windowText(s.window)}`,
    `${number.format(pages)} pages`,
    `${number.format(s.records)} interactions (${number.format(s.new)} new, ${number.format(s.updated)} updated)`,
  ].join(' · ');
}

const windowText = (w: TenantStoreSyncSummary['window']) =>
  w ? `[${w.lower ?? 'the beginning'}, ${w.upper})` : '(opening)';

/** The tenant-wide closing line, always printed (to stderr). */
export function tenantSummary(s: TenantStoreSyncSummary, location: string, elapsedMs: number): string {
  return [
    `sync: tenant-wide, window ${windowText(s.window)}${s.resumed ? ', resumed' : ''}`,
    `${number.format(s.new)} new, ${number.format(s.updated)} updated, ${number.format(s.unchanged)} unchanged in ${location}`,
    `${number.format(s.commits)} pages`,
    duration(elapsedMs),
  ].join(' · ');
}

/** The closing line, always printed (to stderr). */
export function summaryText(s: StoreSyncSummary, location: string): string {
  const contacts = [`${number.format(s.done)} done`, `${number.format(s.failed)} failed`];
  if (s.skipped > 0) contacts.push(`${number.format(s.skipped)} done before`);
  return [
    `sync: ${number.format(s.contacts)} contacts (${contacts.join(', ')})${s.resumed ? ', resumed' : ''}`,
    `${number.format(s.new)} new, ${number.format(s.updated)} updated, ${number.format(s.unchanged)} unchanged in ${location}`,
    `${number.format(s.requests)} requests, ${number.format(s.throttled)} × 429`,
    duration(s.elapsedMs),
  ].join(' · ');
}
