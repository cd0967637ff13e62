#!/usr/bin/env node
// The `cxengage-interactions` command: argv → SDK call → formatted stdout. Everything that can be
// decided without I/O lives in the small modules beside this one.
import { createRequire } from 'node:module';
import { createInteractionsClient, type ClientOptions, type Interaction, type InteractionsClient } from '../index.js';
import { parseCommand, type ListCommand } from './args.js';
import { resolveAuth, secretsOf } from './credentials.js';
import { errorReport, exitCodeFor, exitCodes } from './exit-codes.js';
import { csvHeader, csvRow, jsonDocument, ndjsonLine, table, useColor } from './format.js';
import { helpText } from './help.js';

interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  let secrets: string[] = [];
  try {
    const command = parseCommand(argv);
    debug = command.debug;
    if (command.kind !== 'list') {
      await write(io.stdout, command.kind === 'help' ? helpText() : `${version()}\n`);
      return exitCodes.ok;
    }
    const auth = resolveAuth(command.credentials, io.env);
    secrets = secretsOf(auth);
    const client = createInteractionsClient({ auth, ...target(command), logger: quietLogger(io, debug) });
    await list(client, command, io);
    return exitCodes.ok;
  } catch (error) {
    io.stderr.write(`${redact(errorReport(error, debug), secrets)}\n`);
    return exitCodeFor(error);
  }
}

function target(command: ListCommand): Pick<ClientOptions, 'region' | 'baseUrl'> {
  if ('region' in command.target) return { region: command.target.region };
  if ('baseUrl' in command.target) return { baseUrl: command.target.baseUrl };
  return {};
}

async function list(client: InteractionsClient, command: ListCommand, io: Io): Promise<void> {
  const { tenantId, contactId, format } = command;
  const progress = progressLine(io.stderr);
  const items: Interaction[] = [];
  // The csv header waits for the first answer, so a failed call leaves stdout empty.
  let csvStarted = false;
  const startCsv = async () => {
    if (format === 'csv' && !csvStarted) await write(io.stdout, csvHeader());
    csvStarted = true;
  };
  const emit = async (item: Interaction) => {
    if (format === 'ndjson') await write(io.stdout, ndjsonLine(item));
    else if (format === 'csv') await startCsv().then(() => write(io.stdout, csvRow(item)));
    else items.push(item);
  };

  if (command.walk.mode === 'page') {
    const page = await client.listInteractions({ tenantId, contactId, limit: command.limit, page: command.page });
    for (const item of page.results) await emit(item);
    progress.done(`page ${page.page ?? 0}: ${page.results.length} of ${page.total} interactions`);
  } else {
    let count = 0;
    const iterator = client.iterateInteractions({
      tenantId,
      contactId,
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
  if (format === 'json') await write(io.stdout, jsonDocument(items));
  if (format === 'table') await write(io.stdout, table(items, { color: useColor(io.env, io.stdout.isTTY) }));
}

/** A single self-rewriting status line on stderr, only when a person is watching. */
function progressLine(stderr: NodeJS.WriteStream) {
  const live = stderr.isTTY === true;
  return {
    update(text: string) {
      if (live) stderr.write(`\r\x1b[2K${text}`);
    },
    done(text: string) {
      if (live) stderr.write(`\r\x1b[2K${text}\n`);
    },
  };
}

/** Retry notices are shown with --debug; validation warnings always go to stderr, never stdout. */
function quietLogger(io: Io, debug: boolean): NonNullable<ClientOptions['logger']> {
  return {
    ...(debug ? { debug: (msg: string) => io.stderr.write(`debug: ${msg}\n`) } : {}),
    warn: (msg: string) => io.stderr.write(`warning: ${msg}\n`),
  };
}

/** Writes with back-pressure, so a large --all run never buffers unboundedly. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve()));
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
}

function version(): string {
  // Self-reference by package name: the same line works from src/ and from dist/src/.
  const require = createRequire(import.meta.url);
  return (require('cxengage-interactions/package.json') as { version: string }).version;
}

// A closed pipe (`… | head`) is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(exitCodes.ok);
});
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
