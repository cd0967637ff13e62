// Every TypeScript example in README.md runs as written against the reference API: the blocks that
// create a client are run with only a `baseUrl` added (pointing at it), and each client they create
// makes a call; the usage blocks run with a `client`, `tenantId` and `contactId` in scope, as the
// README says. All of them also type-check against the real SDK.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.ts';
import { root } from '../../scripts/lib/tools.ts';
import { createInteractionsClient, type InteractionsClient } from '../../src/index.ts';
import { operationPath, type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { HISTORY_TEMPLATE, literal } from '../helpers.ts';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const scratch = path.join(root, 'test/readme/.examples');
const sdkEntry = path.join(root, 'src/index.ts');
const testingEntry = path.join(root, 'src/testing/index.ts');
const mswEntry = path.join(root, 'src/testing/msw.ts');
const tenantId = '6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b';
const contactId = '7b2e1d4f-3c5e-4f60-9b8a-1d2e3f4a5b6c';
const creates = (code: string) => /createInteractionsClient\(/.test(code);

/**
 * A block as a module: imports of the package point at src/, a client-creating block talks to the
 * reference API (its options get a `baseUrl`, which wins over `region`), and usage blocks get their scope.
 */
function asModule(code: string): string {
  const body = code
    .replaceAll("from 'cxengage-interactions'", `from ${JSON.stringify(sdkEntry)}`)
    .replaceAll("from 'cxengage-interactions/testing'", `from ${JSON.stringify(testingEntry)}`)
    .replaceAll("from 'cxengage-interactions/testing/msw'", `from ${JSON.stringify(mswEntry)}`)
    .replaceAll('createInteractionsClient({', 'createInteractionsClient({ baseUrl: process.env.README_BASE_URL,');
  const imports = body.split('\n').filter((l) => l.startsWith('import '));
  const rest = body
    .split('\n')
    .filter((l) => !l.startsWith('import '))
    .join('\n');
  if (creates(code)) return `${imports.join('\n')}\nexport default function run() {\n${rest}\nreturn client;\n}\n`;
  return [
    ...imports,
    `import type { InteractionsClient } from ${JSON.stringify(sdkEntry)};`,
    'export default async function run(client: InteractionsClient, tenantId: string, contactId: string, console: { log: (...args: unknown[]) => void }) {',
    rest,
    '}',
  ].join('\n');
}

let api: ReferenceApi;
let client: InteractionsClient;
let requests = 0;
/** What the reference API received: method, path and the Authorization scheme. */
const received: string[] = [];
/** The User-Agent of each request the reference API received. */
const agents: string[] = [];
const files: string[] = [];
const credentialsEnv = {
  CXENGAGE_API_KEY: 'readme-key',
  CXENGAGE_API_SECRET: 'readme-secret',
  CXENGAGE_TOKEN: 'readme-token-3b9d',
};
const savedEnv = Object.fromEntries(Object.keys(credentialsEnv).map((name) => [name, process.env[name]]));

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'readme',
    dataSets: [{ tenantId, contactId, interactions: 420 }],
    credentials: {
      apiKeys: [{ key: credentialsEnv.CXENGAGE_API_KEY, secret: credentialsEnv.CXENGAGE_API_SECRET }],
      tokens: [{ token: credentialsEnv.CXENGAGE_TOKEN }],
    },
    intercept(req, _res, url) {
      agents.push(req.headers['user-agent'] ?? '');
      received.push(
        `${req.method} ${url.pathname.replace(/\/[^/]+\/v1|\/v1/, '')} ${req.headers.authorization?.split(' ')[0] ?? '-'}`,
      );
      return false;
    },
  });
  // The README's blocks read these (never the developer's own credentials).
  Object.assign(process.env, credentialsEnv, { README_BASE_URL: api.baseUrl });
  client = createInteractionsClient({
    baseUrl: api.baseUrl,
    auth: { username: 'readme-key', password: 'readme-secret' },
    fetch: (input, init) => {
      requests += 1;
      return fetch(input, init);
    },
  });
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  blocks.forEach((code, i) => {
    const file = path.join(scratch, `example-${i}.ts`);
    writeFileSync(file, asModule(code));
    files.push(file);
  });
});

afterAll(async () => {
  await api?.close();
  rmSync(scratch, { recursive: true, force: true });
  for (const [name, value] of Object.entries({ ...savedEnv, README_BASE_URL: undefined })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function run(index: number) {
  const logs: string[] = [];
  const mod = (await import(files[index]!)) as { default: (...args: unknown[]) => unknown };
  const before = requests;
  await mod.default(client, tenantId, contactId, { log: (...args: unknown[]) => logs.push(args.join(' ')) });
  return { logs, requests: requests - before };
}

function blockIndex(marker: string): number {
  const i = blocks.findIndex((b) => b.includes(marker));
  expect(i, `README has a ts block containing ${marker}`).toBeGreaterThanOrEqual(0);
  return i;
}

describe('README examples', () => {
  it('has the examples the SDK promises: every auth mode, both regions, one page, all pages, last N, details, options, errors', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(11);
    for (const marker of [
      'password:',
      'token:',
      "exchange: 'token'",
      'token: async () =>',
      "region: 'eu-west-1'",
      'listInteractions(',
      'iterateInteractions({ tenantId, contactId })',
      'last: 250',
      'getInteraction(',
      'withDetails(',
      'withOptions(',
      'instanceof NotFoundError',
    ]) {
      expect(readme).toContain(marker);
    }
  });

  // One program over every block: with the MSW and OpenTelemetry examples about 500 declaration files,
  // 10–25 s on a loaded 2-core machine; it waits on the compiler, not on a server.
  it('every block type-checks against the real SDK', { timeout: 90_000 }, () => {
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('each client block creates a working client: Basic, a token, the exchange, a token function, tracing', async () => {
    const made = blocks.map((b, i) => [b, i] as const).filter(([b]) => creates(b));
    expect(made.length).toBe(5);
    const sent: string[][] = [];
    for (const [, i] of made) {
      const mod = (await import(files[i]!)) as { default: () => InteractionsClient };
      received.length = 0;
      const made = mod.default();
      expect(received).toEqual([]); // creating a client sends nothing
      const page = await made.listInteractions({ tenantId, contactId, limit: 1 });
      expect(page.total).toBe(420);
      sent.push([...received]);
    }
    const history = `GET ${operationPath('listContactInteractions', { tenantId, contactId })}`;
    const exchange = `${spec.operations.createToken.method.toUpperCase()} ${spec.operations.createToken.path}`;
    expect(sent).toEqual([
      [`${history} Basic`],
      [`${history} Token`],
      [`${history} Token`], // traced (the spans go to the block's own exporter)
      [`${exchange} -`, `${history} Token`], // the exchange, then the call with its token
      [`${history} Token`],
    ]);
  });

  it('one page', async () => {
    const { logs, requests: n } = await run(
      blockIndex('listInteractions({ tenantId, contactId, limit: 50, page: 0 })'),
    );
    expect(n).toBe(1);
    expect(logs[0]).toBe('50 of 420 interactions');
    expect(logs).toHaveLength(51);
  });

  it('every interaction, all pages', async () => {
    const { logs, requests: n } = await run(blockIndex('walked'));
    expect(logs).toEqual(['walked 420 interactions']);
    expect(n).toBe(5);
  });

  it('a bounded walk: the whole list within maxPages and deadlineMs', async () => {
    const { logs, requests: n } = await run(blockIndex('maxPages: 500'));
    expect(logs).toEqual(['all 420 interactions']);
    expect(n).toBe(5);
  });

  it('the last N', async () => {
    const { logs, requests: n } = await run(blockIndex('last: 250'));
    expect(logs).toEqual(['the 250 most recent interactions']);
    expect(n).toBe(3);
  });

  it('one interaction in full: the record agrees with the history item', async () => {
    const { logs, requests: n } = await run(blockIndex('client.getInteraction('));
    expect(logs).toEqual(['true true']);
    expect(n).toBe(2);
  });

  it('withDetails: 20 interactions enriched, 4 detail calls at a time', async () => {
    const { logs, requests: n } = await run(blockIndex('withDetails('));
    expect(logs).toEqual(['20 interactions with details']);
    expect(n).toBe(21);
  });

  it('withOptions and per-call options', async () => {
    const { logs, requests: n } = await run(blockIndex("userAgent: 'nightly-export/1.4'"));
    expect(logs).toEqual(['100 and 5 interactions']);
    expect(n).toBe(2);
    const [nightly, quick] = agents.slice(-2);
    expect(nightly).toMatch(/^cxengage-interactions\/\S+ \(node \S+\) nightly-export\/1\.4$/);
    expect(quick).not.toContain('nightly-export');
  });

  it('logging: a logger of the documented shape, on a derived client', async () => {
    const { logs, requests: n } = await run(blockIndex("client.withOptions({ logger, logLevel: 'debug' })"));
    expect(logs.map((line) => String(line).replace(/in \d+ ms/, 'in N ms'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^debug cxengage: GET ${literal(HISTORY_TEMPLATE)} → 200 in N ms \\(attempt 1\\) \\{"method":"GET",`,
        ),
      ),
      '10 interactions; each request, retry and warning logged',
    ]);
    expect(n).toBe(1);
  });

  it('the testing kit with MSW: code that makes its own client, answered by the handlers at the real URL', async () => {
    const { logs, requests: n } = await run(blockIndex("from 'cxengage-interactions/testing/msw'"));
    expect(logs).toEqual([expect.stringMatching(/^\d+ chats, as the reference API holds, in 2 requests$/)]);
    expect(n).toBe(0); // not the harness's server: MSW answered
  });

  it('the testing kit: a reference API of its own, bent by transformPage', async () => {
    const { logs, requests: n } = await run(blockIndex("from 'cxengage-interactions/testing'"));
    expect(logs).toEqual(['page 1: 0 of 25']);
    expect(n).toBe(0); // its own server, not the harness's
  });

  it('errors: an unknown contact lands in the NotFoundError branch', async () => {
    const { logs } = await run(blockIndex('instanceof NotFoundError'));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^no such contact: /);
  });

  it('keeping a store in sync: the first sync reads everything, the next one a single page', async () => {
    const { logs, requests: n } = await run(
      blockIndex('syncInteractions(client, { tenantId, contactId, checkpoint })'),
    );
    expect(logs).toEqual(['first sync: 420 changes; pages read: 5', 'next sync: 0 changes; pages read: 1']);
    expect(n).toBe(6);
  });

  it('many contacts: records and a checkpoint per contact; the unknown one fails without stopping the export', async () => {
    const { logs, requests: n } = await run(blockIndex('exportInteractions(client, {'));
    expect(logs).toEqual([
      'contact 00000000-0000-4000-8000-000000000000 failed: HTTP 404: Contact not found.',
      '1 done, 1 failed, 420 records, 6 requests, 0 × 429',
    ]);
    expect(n).toBe(6);
  });
});
