// `npm run test:contract:live`: the shipped contract checks (`src/contract/`, the same as
// `cxengage-interactions contract`) against any CxEngage-compatible API, with a local `prism proxy`
// in front that validates every answer against the spec as a second opinion.
// Exit 0: no drift. Exit 1: drift (each broken rule printed). Exit 2: usage or setup problem.
import { writeFileSync } from 'node:fs';
import { type RunningProcess, startPrism } from '../../scripts/lib/servers.ts';
import { toJUnitXml } from '../../src/contract/junit.ts';
import { runContractChecks } from '../../src/contract/runner.ts';
import { renderReport, setupLine } from '../../src/contract/text.ts';
import type { Auth } from '../../src/index.ts';
import { prismVerdicts, proxiedFetch } from './prism-fetch.ts';

const USAGE = `Usage: CONTRACT_BASE_URL=… CONTRACT_TENANT_ID=… CONTRACT_CONTACT_ID=… \\
       (CONTRACT_API_KEY=… CONTRACT_API_SECRET=… | CONTRACT_TOKEN=…) npm run test:contract:live

  CONTRACT_BASE_URL     the API's base URL including /v1, e.g. https://api.cxengage.net/v1
  CONTRACT_TENANT_ID    tenant uuid
  CONTRACT_CONTACT_ID   contact uuid whose interaction history is read (read-only)
  CONTRACT_API_KEY + CONTRACT_API_SECRET   HTTP Basic credentials, or
  CONTRACT_TOKEN        a token for "Authorization: Token <token>"
  CONTRACT_MAX_PAGES    optional cap on the pages of each walk (default 20)
  CONTRACT_SKIP_SUCCESSOR=1  optional: leave out Get a Specific Interaction, for a key
                        without INTERACTIONS_API_READ_ALL
  CONTRACT_JUNIT        optional file for a JUnit XML report
  CONTRACT_PROXY_URL    optional: an already running \`prism proxy\` (without --errors) for
                        CONTRACT_BASE_URL to use instead of starting one

Without the repository, the same checks run as: npx cxengage-interactions contract --help`;

function usage(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

function config() {
  const env = process.env;
  const missing = ['CONTRACT_BASE_URL', 'CONTRACT_TENANT_ID', 'CONTRACT_CONTACT_ID'].filter((name) => !env[name]);
  const hasBasic = Boolean(env.CONTRACT_API_KEY && env.CONTRACT_API_SECRET);
  if (!hasBasic && !env.CONTRACT_TOKEN) missing.push('CONTRACT_API_KEY + CONTRACT_API_SECRET, or CONTRACT_TOKEN');
  if (missing.length) usage(`Missing: ${missing.join(', ')}`);
  const auth: Auth = hasBasic
    ? { username: env.CONTRACT_API_KEY!, password: env.CONTRACT_API_SECRET! }
    : { token: env.CONTRACT_TOKEN! };
  const maxPages = env.CONTRACT_MAX_PAGES ? Number(env.CONTRACT_MAX_PAGES) : undefined;
  if (maxPages !== undefined && !(Number.isSafeInteger(maxPages) && maxPages >= 1))
    usage('CONTRACT_MAX_PAGES must be a positive integer');
  return {
    baseUrl: env.CONTRACT_BASE_URL!,
    tenantId: env.CONTRACT_TENANT_ID!,
    contactId: env.CONTRACT_CONTACT_ID!,
    auth,
    maxPages,
    junit: env.CONTRACT_JUNIT || undefined,
    skipSuccessor: env.CONTRACT_SKIP_SUCCESSOR === '1',
    proxyUrl: env.CONTRACT_PROXY_URL || undefined,
  };
}

async function main(): Promise<number> {
  const cfg = config();
  let proxy: RunningProcess | undefined;
  const stop = async () => {
    await proxy?.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));
  let proxyUrl = cfg.proxyUrl;
  if (!proxyUrl) {
    try {
      proxy = await startPrism({ mode: 'proxy', upstream: cfg.baseUrl, errors: false });
      proxyUrl = proxy.url;
    } catch (error) {
      console.error(`Could not start prism proxy in front of ${cfg.baseUrl}: ${(error as Error).message}`);
      return 2;
    }
  }
  try {
    const report = await runContractChecks({
      baseUrl: cfg.baseUrl,
      tenantId: cfg.tenantId,
      contactId: cfg.contactId,
      auth: cfg.auth,
      allowInsecureHttp: true,
      fetch: proxiedFetch(cfg.baseUrl, proxyUrl),
      inspect: prismVerdicts,
      ...(cfg.maxPages ? { maxPages: cfg.maxPages } : {}),
      skipSuccessor: cfg.skipSuccessor,
    });
    if (cfg.junit) writeFileSync(cfg.junit, toJUnitXml(report));
    console.log(`through prism proxy at ${proxyUrl}${proxy ? ' (started for this run)' : ''}`);
    process.stdout.write(renderReport(report));
    if (report.setup) {
      console.error(setupLine(report.setup));
      return 2;
    }
    return report.outcome === 'pass' ? 0 : 1;
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
