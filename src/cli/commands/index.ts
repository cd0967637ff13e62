/** The CLI's subcommands, in the order `--help` lists them. */
import { exportCommand } from './export.js';
import { list } from './list.js';

export const subcommands = [list, exportCommand] as const;

/** A parsed command of any subcommand. */
export type SubcommandInput = ReturnType<(typeof subcommands)[number]['parse']>;
