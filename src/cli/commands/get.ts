/**
 * `cxengage-interactions get`: one interaction in full (Get a Specific Interaction), as JSON on stdout:
 * pretty by default, or compact on one line (`--format ndjson`) for piping. The record's shape is known only
 * in part, so it is written as the API sent it; JSON escapes any control character it holds.
 */
import type { FlagValues, Subcommand } from '../command.js';
import { type Connection, connect, parseConnection } from '../connection.js';
import { jsonValue } from '../format.js';
import { write } from '../io.js';
import { UsageError } from '../usage-error.js';
import { quoted, requiredId } from '../values.js';

const getFormats = ['json', 'ndjson'] as const;

export interface GetCommand extends Connection {
  kind: 'get';
  tenantId: string;
  interactionId: string;
  format: (typeof getFormats)[number];
}

export const get: Subcommand<GetCommand> = {
  name: 'get',
  summary: 'show one interaction in full (needs INTERACTIONS_API_READ_ALL)',
  connects: true,
  options: {
    tenant: { type: 'string' },
    interaction: { type: 'string' },
    format: { type: 'string' },
  },

  parse(values: FlagValues, positionals: string[]): GetCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${quoted(positionals[0])}`);
    const format = values['format'] ?? 'json';
    if (!(getFormats as readonly unknown[]).includes(format)) {
      throw new UsageError(`--format of 'get' must be one of ${getFormats.join(', ')} (got ${quoted(format)})`);
    }
    return {
      kind: 'get',
      tenantId: requiredId(values['tenant'], '--tenant'),
      interactionId: requiredId(values['interaction'], '--interaction'),
      format: format as GetCommand['format'],
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions get --tenant TENANT_ID --interaction INTERACTION_ID [options]

Show one interaction in full (the vendor's Get a Specific Interaction). The API key needs the
INTERACTIONS_API_READ_ALL permission; interaction ids come from 'list'.

Options:
  --tenant ID            tenant UUID (required)
  --interaction ID       interaction UUID (required)
  --format F             ${getFormats.join(' | ')} (default json: indented; ndjson: one line)`,

  async run(command, io) {
    const { tenantId, interactionId } = command;
    const record = await connect(command, io).getInteraction({ tenantId, interactionId }, { signal: io.signal });
    await write(io.stdout, jsonValue(record, command.format), io.signal);
  },
};
