// `npm run test:contract:live`: the read-only contract checks against any CxEngage-compatible API,
// through a local `prism proxy --errors` that validates every request and response in flight.
// Exit 0: no drift. Exit 1: drift (each broken rule printed). Exit 2: usage or setup problem.
import { type RunningProcess, startPrism } from '../../scripts/lib/servers.ts';
import type { Auth } from '../../src/index.ts';
import { runLiveChecks } from './checks.ts';

const USAGE = `Usage: CONTRACT_BASE_URL=… CONTRACT_TENANT_ID=… CONTRACT_CONTACT_ID=… \\
       (CONTRACT_API_KEY=… CONTRACT_API_SECRET=… | CONTRACT_TOKEN=…) npm run test:contract:live

  CONTRACT_BASE_URL     the API's base URL including /v1, e.g. https://api.cxengage.net/v1
  CONTRACT_TENANT_ID    tenant uuid
  CONTRACT_CONTACT_ID   contact uuid whose interaction history is read (read-only)
  CONTRACT_API_KEY + CONTRACT_API_SECRET   HTTP Basic credentials, or
  CONTRACT_TOKEN        a token for "Authorization: Token <token>"
  CONTRACT_PAGE_SIZE    optional page size of the walk (default: the spec's default limit)
  CONTRACT_MAX_PAGES    optional cap on pages walked (default 100)
  CONTRACT_PROXY_URL    optional: an already running \`prism proxy --errors\` for CONTRACT_BASE_URL
                        to use instead of starting one (the contract tests share one this way)`;

const MAX_SHOWN_PER_RULE = 3;

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
  const positiveInt = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1) usage(`${name} must be a positive integer`);
    return n;
  };
  return {
    baseUrl: env.CONTRACT_BASE_URL!.replace(/\/$/, ''),
    tenantId: env.CONTRACT_TENANT_ID!,
    contactId: env.CONTRACT_CONTACT_ID!,
    auth,
    pageSize: positiveInt('CONTRACT_PAGE_SIZE'),
    maxPages: positiveInt('CONTRACT_MAX_PAGES'),
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
      proxy = await startPrism({ mode: 'proxy', upstream: cfg.baseUrl });
      proxyUrl = proxy.url;
    } catch (error) {
      console.error(`Could not start prism proxy --errors in front of ${cfg.baseUrl}: ${(error as Error).message}`);
      return 2;
    }
  }
  try {
    const result = await runLiveChecks({
      baseUrl: proxyUrl,
      tenantId: cfg.tenantId,
      contactId: cfg.contactId,
      auth: cfg.auth,
      ...(cfg.pageSize ? { pageSize: cfg.pageSize } : {}),
      ...(cfg.maxPages ? { maxPages: cfg.maxPages } : {}),
    });
    console.log(
      `live contract check against ${cfg.baseUrl} (through prism proxy --errors${cfg.proxyUrl ? ` at ${cfg.proxyUrl}` : ''}): ${result.requests} requests, ${result.pagesWalked} pages walked${result.truncated ? ' (stopped at CONTRACT_MAX_PAGES; the total rule was skipped)' : ''}`,
    );
    // The first few findings of each rule are enough to act on; the rest are counted.
    const shown = new Map<string, number>();
    for (const v of result.violations) {
      const count = (shown.get(v.rule) ?? 0) + 1;
      shown.set(v.rule, count);
      if (count <= MAX_SHOWN_PER_RULE)
        console.log(
          `DRIFT [${v.rule}] ${v.detail}\n  request: ${v.request}\n  pointer: ${v.pointer || '(whole response)'}`,
        );
    }
    for (const [rule, count] of shown) {
      if (count > MAX_SHOWN_PER_RULE)
        console.log(`DRIFT [${rule}] … and ${count - MAX_SHOWN_PER_RULE} more like these`);
    }
    if (result.violations.length === 0) {
      console.log('OK: no drift from the spec');
      return 0;
    }
    console.log(
      `FAILED: ${result.violations.length} drift finding(s), rules broken: ${[...new Set(result.violations.map((v) => v.rule))].join(', ')}`,
    );
    return 1;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
