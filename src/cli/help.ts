/** `--help`: an overview of the subcommands, or one subcommand's flags; both end with the shared parts. */
import { defaultRegion, regions } from '../http/options.js';
import { findSubcommand } from './args.js';
import { subcommands } from './commands/index.js';
import { credentialEnv } from './credentials.js';
import { exitCodes } from './exit-codes.js';

export function helpText(topic?: string): string {
  const command = findSubcommand(topic);
  const head = command
    ? command.help()
    : `Usage: cxengage-interactions COMMAND [options]

Commands:
${subcommands.map((c) => `  ${c.name.padEnd(21)}  ${c.summary}`).join('\n')}

Run 'cxengage-interactions COMMAND --help' for a command's own options.`;
  const connects = command ? command.connects : true;
  return `${head}
${connects ? `\nConnection (commands that call the API):\n${connectionHelp()}\n` : ''}
Other:
  --debug                print stack traces on errors, and a line per request and retry
                         (or set CXENGAGE_LOG to off, error, warn, info or debug)
  -h, --help             show this help
  -V, --version          show the version

Output: stdout carries only data (json: one array; ndjson: one interaction per line;
csv: a header row, then one row per interaction; cells that a spreadsheet would run as
a formula get a leading ', unless --csv-raw). Progress goes to stderr when it is a
terminal. NO_COLOR turns colour off. Control and invisible characters from the server
are shown escaped (^[, <U+202E>) on the terminal. ndjson and csv rows are written as
pages arrive: when the exit code is not 0, the rows already written are a partial list.

Exit codes:
${command?.exitCodes ?? sharedExitCodes}
`;
}

const sharedExitCodes = `  ${exitCodes.ok}  success
  ${exitCodes.failure}  failure (network, timeout, server error, invalid response, pages that do not add up)
  ${exitCodes.usage}  usage: bad flags or values, missing credentials
  ${exitCodes.auth}  authentication or permission refused (401, 403)
  ${exitCodes.notFound}  tenant, contact or interaction not found (404)
  ${exitCodes.partial}  (export, sync) finished, but some contacts failed (each reported; run it again to retry them)
  ${exitCodes.store}  (sync) the store cannot be used as it is (locked, another shape or version, another tenant's state)
  ${exitCodes.interrupted}  interrupted (Ctrl-C); ${exitCodes.terminated} when stopped by SIGTERM`;

function connectionHelp(): string {
  return `  --region R             ${Object.keys(regions).join(' | ')} (default ${defaultRegion})
  --base-url URL         another API base URL including /v1, e.g. a local sandbox
  --api-key KEY          API key (prefer ${credentialEnv.key})
  --api-secret SECRET    API secret (prefer ${credentialEnv.secret}: flags show up in ps)
  --token TOKEN          token for 'Authorization: Token …' (prefer ${credentialEnv.token})
  --exchange-token       exchange the API key and secret for a token (POST /v1/tokens) and
                         send that, renewing it when refused (or set ${credentialEnv.exchange}=1)

Credentials: flags first, then ${credentialEnv.key} + ${credentialEnv.secret}, or ${credentialEnv.token}.`;
}
