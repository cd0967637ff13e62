/**
 * One run of the CLI, without the process around it: argv → one subcommand → stdout, and the exit
 * code from the one table (`exit-codes.ts`, or the subcommand's own), the error report redacted and made
 * safe for a terminal. `main.ts` wires it to the process (streams, signals, exit); tests can run it
 * in-process.
 */
import { findSubcommand, parseCommand } from './args.js';
import { errorReport, exitCodeFor, exitCodes } from './exit-codes.js';
import { helpText } from './help.js';
import { type Io, write } from './io.js';
import { packageVersion } from './version.js';

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const command = parseCommand(argv);
    debug = command.debug;
    if (command.kind === 'help') await write(io.stdout, helpText(command.topic), io.signal);
    else if (command.kind === 'version') await write(io.stdout, `${packageVersion()}\n`, io.signal);
    else return (await findSubcommand(command.kind)!.run(command, io)) ?? exitCodes.ok;
    return exitCodes.ok;
  } catch (error) {
    io.stderr.write(`${errorReport(error, debug, io.redact)}\n`);
    return exitCodeFor(error);
  }
}
