/** The CLI's subcommands, in the order `--help` lists them. */
import { contract } from './contract.js';
import { exportCommand } from './export/command.js';
import { get } from './get.js';
import { list } from './list.js';
import { search } from './search.js';
import { syncCommand } from './sync/command.js';

export const subcommands = [list, search, get, exportCommand, syncCommand, contract] as const;

/** A parsed command of any subcommand. */
export type SubcommandInput = ReturnType<(typeof subcommands)[number]['parse']>;
