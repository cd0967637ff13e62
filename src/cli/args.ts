/**
 * Turns argv into a checked command: `--help`/`--version`, or one subcommand with its own flags plus
 * (for commands that talk to the API) the shared connection flags. Parsed with node:util `parseArgs`
 * over every flag, then checked against the chosen subcommand, so a flag of another subcommand is a
 * clear usage error rather than a silent no-op.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { snippet } from '../common/snippet.js';
import type { FlagValues, Subcommand } from './command.js';
import { type SubcommandInput, subcommands } from './commands/index.js';
import { connectionOptions } from './connection.js';
import { UsageError } from './usage-error.js';
import { quoted } from './values.js';

export type Command =
  | { kind: 'help'; topic?: string | undefined; debug: boolean }
  | { kind: 'version'; debug: boolean }
  | SubcommandInput;

const globalOptions = {
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

const allOptions: NonNullable<ParseArgsConfig['options']> = Object.assign(
  {},
  globalOptions,
  connectionOptions,
  ...subcommands.map((c) => c.options),
);

export function findSubcommand(name: string | undefined): Subcommand<SubcommandInput> | undefined {
  return subcommands.find((c) => c.name === name) as Subcommand<SubcommandInput> | undefined;
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof allOptions; allowPositionals: true; strict: true; tokens: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: allOptions, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // node:util's messages are already clear ("Unknown option '--x'"); keep the first sentence.
    throw new UsageError(snippet((error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, ''), 200));
  }
  const { positionals, tokens } = parsed;
  const values: FlagValues = parsed.values;
  const debug = values['debug'] === true;
  const [name, ...rest] = positionals;
  if (values['help']) return { kind: 'help', topic: findSubcommand(name)?.name, debug };
  if (values['version']) return { kind: 'version', debug };
  const names = subcommands.map((c) => `'${c.name}'`).join(', ');
  if (name === undefined) throw new UsageError(`missing command: one of ${names}`);
  const command = findSubcommand(name);
  if (!command) throw new UsageError(`unknown command ${quoted(name)}; the commands are ${names}`);
  const allowed = new Set([
    ...Object.keys(globalOptions),
    ...Object.keys(command.options),
    ...(command.connects ? Object.keys(connectionOptions) : []),
  ]);
  for (const token of tokens) {
    if (token.kind === 'option' && !allowed.has(token.name)) {
      throw new UsageError(`${snippet(token.rawName, 60)} is not an option of '${command.name}'`);
    }
  }
  return command.parse(values, rest);
}
