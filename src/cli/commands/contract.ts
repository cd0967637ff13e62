/**
 * `cxengage-interactions contract`: the live contract checks (`src/contract/`) against a tenant, for a
 * scheduled CI job. Prints the report, optionally writes it as JUnit XML and JSON, and exits 0 (no
 * drift), 1 (drift) or 2 (a setup problem: credentials, permissions, network, base URL, ids; or bad
 * flags). What it prints passes through the CLI's one terminal sanitiser like every other command's
 * output; the JSON file gets the same visible escapes, so it never holds a raw control character. In
 * GitHub Actions (`GITHUB_ACTIONS=true`) it also appends a Markdown summary to `$GITHUB_STEP_SUMMARY` and
 * prints one `::error` annotation per broken rule (`contract/github.ts`), and the text report goes out
 * between `::stop-commands::` markers, so that no line of it is ever taken for a workflow command.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spec } from '../../../generated/spec.js';
import { terminalLines, terminalText } from '../../common/terminal-text.js';
import { toGitHubAnnotations, toGitHubSummary } from '../../contract/github.js';
import { toJUnitXml } from '../../contract/junit.js';
import { listRequests } from '../../contract/list.js';
import { probePlan } from '../../contract/probes.js';
import { DEFAULT_MAX_PAGES, runContractChecks } from '../../contract/runner.js';
import { SUCCESSOR_READS } from '../../contract/successor.js';
import { renderReport, setupLine } from '../../contract/text.js';
import type { ContractReport } from '../../contract/types.js';
import type { FlagValues, Subcommand } from '../command.js';
import { type Connection, parseConnection, resolveConnection } from '../connection.js';
import { credentialEnv, switchedOn } from '../credentials.js';
import { contractExitCodes, type ExitCode } from '../exit-codes.js';
import { type Io, write } from '../io.js';
import { UsageError } from '../usage-error.js';
import { optionalInteger, quoted, required, requiredId } from '../values.js';
import { packageVersion } from '../version.js';

export interface ContractCommand extends Connection {
  kind: 'contract';
  tenantId: string;
  contactId: string;
  maxPages?: number | undefined;
  junit?: string | undefined;
  json?: string | undefined;
  skipSuccessor: boolean;
  skipList: boolean;
}

/** How many probes a run sends (the plan's length does not depend on the ids). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const probeCount = () => probePlan(NIL_UUID, NIL_UUID).length;

/** The spec's largest page: a history longer than it makes the walks cross pages at every size. */
const maxLimit = spec.operations.listContactInteractions.parameters.limit.schema.maximum;

/** The environment's switch for `--skip-successor`, for a CI job whose key lacks the permission. */
const SKIP_SUCCESSOR_ENV = 'CXENGAGE_SKIP_SUCCESSOR';
/** The environment's switch for `--skip-list`, likewise. */
const SKIP_LIST_ENV = 'CXENGAGE_SKIP_LIST';

export const contract: Subcommand<ContractCommand> = {
  name: 'contract',
  summary: 'check that the API still honours the spec (read-only; for CI)',
  connects: true,
  options: {
    tenant: { type: 'string' },
    contact: { type: 'string' },
    'max-pages': { type: 'string' },
    junit: { type: 'string' },
    json: { type: 'string' },
    'skip-successor': { type: 'boolean' },
    'skip-list': { type: 'boolean' },
  },

  parse(values: FlagValues, positionals: string[]): ContractCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${quoted(positionals[0])}`);
    const file = (flag: string) => {
      const value = values[flag];
      if (value === undefined) return undefined;
      return required(value, `--${flag}`);
    };
    return {
      kind: 'contract',
      tenantId: requiredId(values['tenant'], '--tenant'),
      contactId: requiredId(values['contact'], '--contact'),
      maxPages: optionalInteger(values['max-pages'], '--max-pages'),
      junit: file('junit'),
      json: file('json'),
      skipSuccessor: values['skip-successor'] === true,
      skipList: values['skip-list'] === true,
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions contract --tenant TENANT_ID --contact CONTACT_ID [options]

Check that the API still honours the spec, read-only: walks the contact's history at
three page sizes, reads up to ${SUCCESSOR_READS} of its interactions again through Get a Specific
Interaction, lists the contact through Get a List of Interactions and probes its filters
(at most ${listRequests(DEFAULT_MAX_PAGES)} requests), probes what the spec forbids on the history and its successor
(${probeCount()} requests), and reports each broken rule, and the spec's judgement calls as confirmed,
refuted or not observed.
Choose a quiet contact with more than ${maxLimit} interactions to exercise every rule. A tenant
that uses token auth adds --exchange-token (see Connection below).

Options:
  --tenant ID            tenant UUID (required)
  --contact ID           contact UUID whose history is read (required)
  --max-pages N          pages per walk at most (default ${DEFAULT_MAX_PAGES}), for a huge history
  --skip-successor       leave out Get a Specific Interaction, for a key without
                         ${spec.operations.getInteraction.permission} (or set ${SKIP_SUCCESSOR_ENV}=1)
  --skip-list            leave out Get a List of Interactions, for a key without
                         ${spec.operations.listTenantInteractions.permission} (or set ${SKIP_LIST_ENV}=1)
  --junit FILE           also write the report as JUnit XML (one testcase per rule)
  --json FILE            also write the report as JSON`,

  exitCodes: `  ${contractExitCodes.pass}  no drift from the spec
  ${contractExitCodes.drift}  drift: at least one rule broken (each finding is printed)
  ${contractExitCodes.setup}  setup problem (credentials refused, a permission missing, no connection, base
     URL without /v1, tenant or contact not found) or bad flags: the line says what to fix`,

  run,
};

async function run(command: ContractCommand, io: Io): Promise<ExitCode> {
  const skipSuccessor = command.skipSuccessor || switchedOn(io.env[SKIP_SUCCESSOR_ENV], SKIP_SUCCESSOR_ENV);
  const skipList = command.skipList || switchedOn(io.env[SKIP_LIST_ENV], SKIP_LIST_ENV);
  const report = await runContractChecks({
    ...resolveConnection(command, io),
    tenantId: command.tenantId,
    contactId: command.contactId,
    ...(command.maxPages !== undefined ? { maxPages: command.maxPages } : {}),
    skipSuccessor,
    skipList,
    signal: io.signal,
  });
  if (command.junit) await writeReport(command.junit, '--junit', toJUnitXml(report));
  if (command.json) {
    const document = { tool: { name: 'cxengage-interactions contract', version: packageVersion() }, ...report };
    // The report's server text is made visible already; this keeps the file free of raw control characters
    // whatever the report holds (the same rule: an idempotent no-op on a report from the checks).
    const safe = (_key: string, value: unknown) => (typeof value === 'string' ? terminalText(value) : value);
    await writeReport(command.json, '--json', `${JSON.stringify(document, safe, 2)}\n`);
  }
  const text = terminalLines(io.redact(renderReport(report)));
  if (io.env['GITHUB_ACTIONS'] === 'true') await reportToGitHub(report, text, io);
  else await write(io.stdout, text, io.signal);
  if (report.setup) {
    io.stderr.write(`cxengage-interactions: ${terminalText(io.redact(setupLine(withCliHints(report.setup))))}\n`);
    return contractExitCodes.setup;
  }
  return report.outcome === 'pass' ? contractExitCodes.pass : contractExitCodes.drift;
}

/** The setup line in the CLI's terms: which environment variables or flags to fix. */
function withCliHints(setup: NonNullable<ContractReport['setup']>): NonNullable<ContractReport['setup']> {
  const hints: Partial<Record<typeof setup.kind, string>> = {
    credentials: ` (${credentialEnv.key} and ${credentialEnv.secret}, or ${credentialEnv.token})`,
    'base-url': ' (--base-url)',
    connection: ' (--base-url or --region)',
    'not-found': ' (--tenant, --contact)',
    'successor-permission': ` (--skip-successor, or ${SKIP_SUCCESSOR_ENV}=1)`,
    'list-permission': ` (--skip-list, or ${SKIP_LIST_ENV}=1)`,
  };
  return { ...setup, message: `${setup.message}${hints[setup.kind] ?? ''}` };
}

/**
 * GitHub Actions: the summary appended to `$GITHUB_STEP_SUMMARY` (when the runner sets it), the text report
 * with workflow commands switched off around it (a token no one can guess ends the pause), then the
 * annotations. Everything passes the CLI's redactor first.
 */
async function reportToGitHub(report: ContractReport, text: string, io: Io): Promise<void> {
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) {
    try {
      await appendFile(summaryFile, io.redact(toGitHubSummary(report)));
    } catch (error) {
      throw new UsageError(`cannot write GITHUB_STEP_SUMMARY ${summaryFile}: ${(error as Error).message}`);
    }
  }
  const pause = randomUUID();
  await write(io.stdout, `::stop-commands::${pause}\n${text}::${pause}::\n`, io.signal);
  await write(
    io.stdout,
    toGitHubAnnotations(io.redact(report))
      .map((line) => `${line}\n`)
      .join(''),
    io.signal,
  );
}

async function writeReport(file: string, flag: string, text: string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${file}: ${(error as Error).message}`);
  }
}
