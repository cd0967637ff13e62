// `npm start`: the local sandbox. Builds (lint → generate → compile → docs), then serves on
// 127.0.0.1: the reference API behind Prism's validating proxy, a Prism static mock of the spec,
// and the docs. Prints commands that work as printed. SIGINT/SIGTERM stop every child.
//
//   CXI_API_PORT   sandbox API (Prism proxy → reference API)   default 4010
//   CXI_MOCK_PORT  Prism static mock (the spec's examples)      default 4011
//   CXI_DOCS_PORT  docs site                                     default 4000
//   CXI_SKIP_BUILD=1 or --skip-build: reuse dist/ (docs are still rebuilt when stale)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { spec } from '../generated/spec.ts';
import { startReferenceApi } from '../src/testing/index.ts';
import { buildDocs, docsStale, serveDocs } from './build-docs.ts';
import { assertPortFree, type RunningProcess, startPrism } from './lib/servers.ts';
import { bundledSpec, root } from './lib/tools.ts';

const sandbox = {
  apiKey: 'sandbox-key',
  apiSecret: 'sandbox-secret',
  token: 'sandbox-token',
  interactions: 320,
  seed: 'sandbox',
};

const ports = [
  { env: 'CXI_API_PORT', what: 'sandbox API (Prism validating proxy)', fallback: 4010 },
  { env: 'CXI_MOCK_PORT', what: 'Prism static mock', fallback: 4011 },
  { env: 'CXI_DOCS_PORT', what: 'docs site', fallback: 4000 },
] as const;

const cleanups: (() => Promise<void>)[] = [];
let stopping = false;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean' } } });
  const skipBuild = values['skip-build'] === true || process.env.CXI_SKIP_BUILD === '1';
  const [apiPort, mockPort, docsPort] = ports.map(readPort) as [number, number, number];
  // Before the build, so a taken port fails in a second rather than after it.
  for (const [i, port] of [apiPort, mockPort, docsPort].entries())
    await assertPortFree(port, ports[i]!.what, ports[i]!.env);

  if (skipBuild) {
    if (!existsSync(path.join(root, 'dist/src/cli/main.js')))
      throw new Error('dist/ is missing: run `npm start` without --skip-build (or `npm run build`) first');
    step('build skipped (CXI_SKIP_BUILD / --skip-build)');
  } else {
    for (const script of ['lint', 'generate', 'build']) {
      step(`npm run ${script}`);
      execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    }
  }
  if (!skipBuild || docsStale()) {
    step('npm run docs:build');
    buildDocs();
  }

  // The spec's own parameter examples, so the docs' example IDs work against the sandbox.
  const operation = parse(readFileSync(bundledSpec, 'utf8')).paths[spec.operations.listContactInteractions.path].get;
  const example = (name: string) =>
    (operation.parameters as { name: string; example: string }[]).find((p) => p.name === name)!.example;
  const tenantId = example('tenantId');
  const contactId = example('contactId');

  step('starting the reference API, Prism (proxy and mock) and the docs site');
  const reference = await startReferenceApi({
    seed: sandbox.seed,
    dataSets: [{ tenantId, contactId, interactions: sandbox.interactions }],
    credentials: { apiKeys: [{ key: sandbox.apiKey, secret: sandbox.apiSecret }], tokens: [{ token: sandbox.token }] },
  });
  cleanups.push(() => reference.close());
  const started = await Promise.allSettled([
    startPrism({ mode: 'proxy', upstream: reference.baseUrl, port: apiPort }),
    startPrism({ mode: 'mock', port: mockPort }),
  ]);
  for (const result of started) if (result.status === 'fulfilled') watch(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const [proxy, mock] = started.map((result) => (result as PromiseFulfilledResult<RunningProcess>).value) as [
    RunningProcess,
    RunningProcess,
  ];
  const docs = await serveDocs(docsPort);
  cleanups.push(() => docs.close());

  const apiUrl = proxy.url;
  const resource = `/tenants/${tenantId}/contacts/${contactId}/interactions`;
  const basic = `-u ${sandbox.apiKey}:${sandbox.apiSecret}`;
  console.log(`
cxengage-interactions sandbox (127.0.0.1 only)
  API   ${apiUrl}  reference API (${sandbox.interactions} interactions) behind Prism's validating proxy
  Mock  ${mock.url}  Prism static mock: the spec's examples
  Docs  ${docs.url}

  tenant ${tenantId}   contact ${contactId}
  sandbox credentials: key ${sandbox.apiKey}, secret ${sandbox.apiSecret}, token ${sandbox.token}

Try (from ${root}):
  $ curl -sS ${basic} '${apiUrl}${resource}?limit=5&page=0'
  $ CXENGAGE_API_KEY=${sandbox.apiKey} CXENGAGE_API_SECRET=${sandbox.apiSecret} node dist/src/cli/main.js list --tenant ${tenantId} --contact ${contactId} --base-url ${apiUrl} --last 25
  $ curl -sS ${basic} -H 'Prefer: example=seedSample' '${mock.url}${resource}'

Sandbox ready. Press Ctrl-C to stop.`);
}

function readPort({ env, fallback }: (typeof ports)[number]): number {
  const raw = process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`${env} must be a port number from 1 to 65535 (got '${raw}')`);
  return port;
}

/** Registers a child for cleanup; if it dies on its own, the sandbox is broken, so stop everything. */
function watch(child: RunningProcess): void {
  cleanups.push(() => child.stop());
  child.child.once('exit', (code, signal) => {
    if (stopping) return;
    // Ctrl-C in a terminal signals the whole process group, so Prism may see it before we do.
    if (signal === 'SIGINT' || signal === 'SIGTERM') return void shutdown(0);
    console.error(`\n${child.url}: Prism exited unexpectedly (code ${code}):\n${child.output()}`);
    void shutdown(1);
  });
}

function step(text: string): void {
  console.log(`▸ ${text}`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Children first (last started, first stopped); a failing stop must not leave the rest running.
  const results = await Promise.allSettled(cleanups.reverse().map((stop) => stop()));
  for (const r of results) if (r.status === 'rejected') console.error(`while stopping: ${(r.reason as Error).message}`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    console.log(`\n${signal}: stopping the sandbox…`);
    void shutdown(0);
  });
}

try {
  await main();
} catch (error) {
  console.error(`npm start: ${(error as Error).message}`);
  await shutdown(1);
}
