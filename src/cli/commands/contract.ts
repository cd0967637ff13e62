/**
 * `cxengage-interactions contract`: the live contract checks (`src/contract/`) against a tenant, for a
 * scheduled CI job. Prints the report, optionally writes it as JUnit XML and JSON, and exits 0 (no
 * drift), 1 (drift) or 2 (a setup problem: credentials, network, base URL, ids; or bad flags).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toJUnitXml } from '../../contract/junit.js';
import { DEFAULT_MAX_PAGES, runContractChecks } from '../../contract/runner.js';
import { renderReport, setupLine } from '../../contract/text.js';
import type { ContractReport } from '../../types.js';
import type { FlagValues, Subcommand } from '../command.js';
import { type Connection, parseConnection, resolveConnection } from '../connection.js';
import { credentialEnv } from '../credentials.js';
import { contractExitCodes, type ExitCode } from '../exit-codes.js';
import { type Io, write } from '../io.js';
import { UsageError } from '../usage-error.js';
import { optionalInteger, required } from '../values.js';
import { packageVersion } from '../version.js';

export interface ContractCommand extends Connection {
  kind: 'contract';
  tenantId: string;
  contactId: string;
  maxPages?: number | undefined;
  junit?: string | undefined;
  json?: string | undefined;
}

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
  },

  parse(values: FlagValues, positionals: string[]): ContractCommand {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const file = (flag: string) => {
      const value = values[flag];
      if (value === undefined) return undefined;
      return required(value, `--${flag}`);
    };
    return {
      kind: 'contract',
      tenantId: required(values['tenant'], '--tenant'),
      contactId: required(values['contact'], '--contact'),
      maxPages: optionalInteger(values['max-pages'], '--max-pages'),
      junit: file('junit'),
      json: file('json'),
      ...parseConnection(values),
    };
  },

  help: () => `Usage: cxengage-interactions contract --tenant TENANT_ID --contact CONTACT_ID [options]

Check that the API still honours the spec, read-only: walks the contact's history at
three page sizes, probes what the spec forbids (about 20 requests), and reports each
broken rule, and the spec's judgement calls as confirmed, refuted or not observed.
Choose a quiet contact with more than 100 interactions to exercise every rule.

Options:
  --tenant ID            tenant UUID (required)
  --contact ID           contact UUID whose history is read (required)
  --max-pages N          pages per walk at most (default ${DEFAULT_MAX_PAGES}), for a huge history
  --junit FILE           also write the report as JUnit XML (one testcase per rule)
  --json FILE            also write the report as JSON`,

  exitCodes: `  ${contractExitCodes.pass}  no drift from the spec
  ${contractExitCodes.drift}  drift: at least one rule broken (each finding is printed)
  ${contractExitCodes.setup}  setup problem (credentials refused, no connection, base URL without /v1,
     tenant or contact not found) or bad flags: the line says what to fix`,

  run,
};

async function run(command: ContractCommand, io: Io): Promise<ExitCode> {
  const report = await runContractChecks({
    ...resolveConnection(command, io),
    tenantId: command.tenantId,
    contactId: command.contactId,
    ...(command.maxPages !== undefined ? { maxPages: command.maxPages } : {}),
  });
  if (command.junit) await writeReport(command.junit, '--junit', toJUnitXml(report));
  if (command.json) {
    const document = { tool: { name: 'cxengage-interactions contract', version: packageVersion() }, ...report };
    await writeReport(command.json, '--json', `${JSON.stringify(document, null, 2)}\n`);
  }
  await write(io.stdout, renderReport(report));
  if (report.setup) {
    io.stderr.write(`cxengage-interactions: ${setupLine(withCliHints(report.setup))}\n`);
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
  };
  return { ...setup, message: `${setup.message}${hints[setup.kind] ?? ''}` };
}

async function writeReport(file: string, flag: string, text: string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${file}: ${(error as Error).message}`);
  }
}
