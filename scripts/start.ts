// `npm start`: the local sandbox. Builds (lint → generate → compile → docs), then serves on 127.0.0.1,
// under `/v1` like the real servers:
//
//   CXI_API_PORT   the reference API itself (stateful, vendor-shaped errors)          default 4010
//   CXI_MOCK_PORT  Prism's static mock of the spec (its examples), behind a guard      default 4011
//   CXI_DOCS_PORT  the docs site                                                        default 4000
//   CXI_SKIP_BUILD=1 or --skip-build: reuse dist/ (docs are still rebuilt when stale)
//
// It stays up whatever it is sent (every server parses targets without throwing; Prism, which does not,
// sits behind a front door and is restarted if it dies anyway), and no way of stopping it leaves a
// process or a port behind (scripts/lib/lifecycle.ts). It prints commands that work as printed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { spec } from '../generated/spec.ts';
import { apiBasePath, operationPath, startReferenceApi } from '../src/testing/index.ts';
import { buildDocs, docsStale, serveDocs } from './build-docs.ts';
import { serveFrontDoor } from './lib/front-door.ts';
import { createLifecycle, stopOnAnyExit } from './lib/lifecycle.ts';
import { assertPortFree, startPrism } from './lib/servers.ts';
import { supervise } from './lib/supervise.ts';
import { bundledSpec, root } from './lib/tools.ts';

const sandbox = {
  apiKey: 'sandbox-key',
  apiSecret: 'sandbox-secret',
  token: 'sandbox-token',
  interactions: 320,
  seed: 'sandbox',
};

const ports = [
  { env: 'CXI_API_PORT', what: 'sandbox API', fallback: 4010 },
  { env: 'CXI_MOCK_PORT', what: 'Prism static mock', fallback: 4011 },
  { env: 'CXI_DOCS_PORT', what: 'docs site', fallback: 4000 },
] as const;

const lifecycle = createLifecycle();
stopOnAnyExit(lifecycle);

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
      await npmRun(script);
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

  step('starting the reference API, Prism (static mock) and the docs site');
  const reference = await startReferenceApi({
    port: apiPort,
    seed: sandbox.seed,
    dataSets: [{ tenantId, contactId, interactions: sandbox.interactions }],
    credentials: { apiKeys: [{ key: sandbox.apiKey, secret: sandbox.apiSecret }], tokens: [{ token: sandbox.token }] },
  });
  lifecycle.onStop(() => reference.close());

  const mock = await supervise({
    name: 'Prism (static mock)',
    start: () => startPrism({ mode: 'mock' }), // on a private port of its own; the front door is public
    onStopSignal: (why) => void lifecycle.stop(0, `\n${why}: stopping the sandbox…`),
    onGiveUp: (why) => void lifecycle.stop(1, `\n${why}\nStopping the sandbox.`),
    log: (line) => console.error(`\n${line}`),
  });
  lifecycle.onStop(() => mock.stop());
  const mockDoor = await serveFrontDoor({ port: mockPort, prefix: apiBasePath, upstream: () => mock.current()?.url });
  lifecycle.onStop(() => mockDoor.close());
  const docs = await serveDocs(docsPort);
  lifecycle.onStop(() => docs.close());

  if (lifecycle.stopping) return; // stopped while starting: no banner for a sandbox that is going away
  const apiUrl = reference.baseUrl;
  const resource = operationPath('listContactInteractions', { tenantId, contactId });
  const basic = `-u ${sandbox.apiKey}:${sandbox.apiSecret}`;
  const env = `CXENGAGE_API_KEY=${sandbox.apiKey} CXENGAGE_API_SECRET=${sandbox.apiSecret}`;
  console.log(`
cxengage-interactions sandbox (127.0.0.1 only; every API under ${apiBasePath}, like the real servers)
  API   ${apiUrl}  the reference API: ${sandbox.interactions} interactions, errors as the real API sends them
  Mock  ${mockDoor.url}  Prism's static mock: the spec's examples
  Docs  ${docs.url}

  tenant ${tenantId}   contact ${contactId}
  sandbox credentials: key ${sandbox.apiKey}, secret ${sandbox.apiSecret}, token ${sandbox.token}

Try (from ${root}):
  # one page from the API
  $ curl -sS ${basic} '${apiUrl}${resource}?limit=5&page=0'
  # the last 25 with the CLI
  $ ${env} node dist/src/cli/main.js list --tenant ${tenantId} --contact ${contactId} --base-url ${apiUrl} --last 25
  # the tenant's interactions into a SQLite file, incrementally (run it again: nothing new, nothing stored twice)
  $ ${env} node dist/src/cli/main.js sync --tenant ${tenantId} --to sqlite:sandbox-interactions.db --base-url ${apiUrl}
  # the contract checks, against the sandbox API
  $ ${env} node dist/src/cli/main.js contract --base-url ${apiUrl} --tenant ${tenantId} --contact ${contactId}
  # the vendor's sample, from the mock
  $ curl -sS ${basic} -H 'Prefer: example=seedSample' '${mockDoor.url}${resource}'

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

/**
 * `npm run SCRIPT`, in a process group of its own (POSIX) so that a stop can end the whole step: npm, its
 * shell and the tool (npm's shell would not pass a signal on). Ctrl-C reaches it through our own handler.
 */
function npmRun(script: string): Promise<void> {
  const ownGroup = process.platform !== 'win32'; // on Windows, `detached` would open a console window
  const child = spawn('npm', ['run', '--silent', script], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: ownGroup,
  });
  const kill = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      if (ownGroup) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // the step has just ended
    }
  };
  lifecycle.onStop(kill);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run ${script} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function step(text: string): void {
  console.log(`▸ ${text}`);
}

try {
  await main();
} catch (error) {
  await lifecycle.stop(1, `npm start: ${(error as Error).message}`);
}
