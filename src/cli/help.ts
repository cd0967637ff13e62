import { defaultRegion, regions } from '../index.js';
import { credentialEnv } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { formats } from './format.js';

export function helpText(): string {
  return `Usage: cxengage-interactions list --tenant TENANT_ID --contact CONTACT_ID [options]

List a CxEngage contact's interactions, most recent first.

Options:
  --tenant ID            tenant UUID (required)
  --contact ID           contact UUID (required)
  --limit N              page size (the API's default and maximum apply)
  --page P               0-based page to fetch (one page; the default is the first)
  --all                  fetch every interaction, walking all pages
  --last N               fetch the most recent N interactions
  --concurrency K        pages in flight at once with --all/--last (default 1)
  --format F             ${formats.join(' | ')} (default table)
  --region R             ${Object.keys(regions).join(' | ')} (default ${defaultRegion})
  --base-url URL         another API base URL, e.g. a local sandbox
  --api-key KEY          API key (prefer ${credentialEnv.key})
  --api-secret SECRET    API secret (prefer ${credentialEnv.secret}; flags show up in ps)
  --token TOKEN          token for 'Authorization: Token …' (prefer ${credentialEnv.token})
  --debug                print stack traces on errors
  -h, --help             show this help
  -V, --version          show the version

Credentials: flags first, then ${credentialEnv.key} + ${credentialEnv.secret}, or ${credentialEnv.token}.

Output: stdout carries only data (json: one array; ndjson: one interaction per line;
csv: a header row, then one row per interaction). ndjson and csv rows are written as
pages arrive: when the exit code is not 0, the rows already written are a partial list.
Progress goes to stderr when it is a terminal. NO_COLOR turns colour off.

Exit codes:
  ${exitCodes.ok}  success
  ${exitCodes.failure}  failure (network, timeout, server error, invalid response, pages that do not add up)
  ${exitCodes.usage}  usage: bad flags or values, missing credentials
  ${exitCodes.auth}  authentication or permission refused (401, 403)
  ${exitCodes.notFound}  tenant or contact not found (404)
`;
}
