#!/usr/bin/env node
/**
 * The `cxengage-interactions` command: argv → one subcommand → stdout, and an exit code from one table
 * (`exit-codes.ts`). Everything that can be decided without I/O lives in the small modules beside this
 * one; each subcommand lives in `commands/`.
 */
import { findSubcommand, parseCommand } from './args.js';
import { errorReport, exitCodeFor, exitCodes } from './exit-codes.js';
import { helpText } from './help.js';
import { type Io, write } from './io.js';
import { packageVersion } from './version.js';

async function run(argv: readonly string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const command = parseCommand(argv);
    debug = command.debug;
    if (command.kind === 'help') await write(io.stdout, helpText(command.topic));
    else if (command.kind === 'version') await write(io.stdout, `${packageVersion()}\n`);
    else return (await findSubcommand(command.kind)!.run(command, io)) ?? exitCodes.ok;
    return exitCodes.ok;
  } catch (error) {
    io.stderr.write(`${redact(errorReport(error, debug), io.secrets)}\n`);
    return exitCodeFor(error);
  }
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
}

// A closed pipe (`… | head`) is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(exitCodes.ok);
});
process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  secrets: [],
});
