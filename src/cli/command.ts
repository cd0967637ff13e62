/**
 * What every subcommand of the CLI provides: its flags (node:util `parseArgs` options), a parser from
 * those flags to a checked command, its help, and a runner. `args.ts` dispatches on the first
 * positional; `main.ts` runs the result. A new subcommand is one module in `commands/` plus one line
 * in `commands/index.ts`.
 */
import type { ParseArgsConfig } from 'node:util';
import type { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

/** The flag values `parseArgs` produced, for one command. */
export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Subcommand<C extends { kind: string }> {
  /** The word after the program name, e.g. `list`. */
  name: C['kind'];
  /** One line for the command list in `--help`. */
  summary: string;
  /** The command's own flags (the shared connection flags are added by `args.ts` where `connects`). */
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether the command talks to the API (and so takes --region/--base-url and credentials). */
  connects: boolean;
  /** Checks the flags; throws `UsageError`. `positionals` excludes the command name. */
  parse(values: FlagValues, positionals: string[]): C;
  /** The usage line and the command's option lines, for `cxengage-interactions NAME --help`. */
  help(): string;
  /** The command's own exit codes for `--help`, when they differ from the shared table. */
  exitCodes?: string;
  /** Runs the command; throws what the exit-code table maps, or returns its own exit code. */
  run(command: C, io: Io): Promise<ExitCode> | Promise<void>;
}
