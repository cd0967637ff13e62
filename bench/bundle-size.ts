// Figure 4: what a browser user of the SDK downloads. Small apps are bundled the way a browser app is
// (esbuild: ESM, minified, tree-shaken, code splitting, so `import()` becomes a chunk loaded on demand),
// then RUN against the reference API, recording which lazily imported chunks each app actually loads.
// Every size is the sum of the chunks' own gzip sizes (level 9), as a browser fetches them one by one:
// - initial: the entry chunk and every chunk it imports statically (what loads before the app runs);
// - path: initial + the chunks the app's path imported on demand while it ran (what that user pays);
// - all: every chunk the build holds for that app (error paths, the token exchange… included).
// openapi-fetch alone (`createClient` + one `GET`, bundled the same way) is the baseline.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { root } from '../scripts/lib/tools.ts';
import { startReferenceApi } from '../src/testing/index.ts';
import { benchIds, benchToken } from './fixtures.ts';

/** How the apps are bundled, in words (results.json carries it next to the figures). */
export const BUNDLE_METHOD =
  'esbuild ESM, minify, tree-shaking, splitting, platform browser, es2022; sizes are the sum of each ' +
  "chunk's own gzip (level 9); 'initial' = entry + its static imports, 'path' = initial + chunks the app " +
  "imported on demand while it ran against the reference API, 'all' = every chunk of the app's build";

const header = `import { createInteractionsClient } from 'cxengage-interactions';
const { baseUrl, tenantId, contactId, token, report } = (globalThis as any).__bundleApp;
`;

const listCall = (
  validate: string,
) => `const client = createInteractionsClient({ auth: { token }, baseUrl, validate: '${validate}' });
const page = await client.listInteractions({ tenantId, contactId, limit: 10 });
report(page.results.length);
`;

const iterateCall = `let n = 0;
for await (const _ of client.iterateInteractions({ tenantId, contactId, pageSize: 50 })) n++;
report(n);
`;

const tenantHeader = `import { createInteractionsClient, iterateTenantInteractions, listTenantInteractions } from 'cxengage-interactions';
const { baseUrl, tenantId, contactId, token, report } = (globalThis as any).__bundleApp;
`;

const tenantListCall = (
  validate: string,
) => `const client = createInteractionsClient({ auth: { token }, baseUrl, validate: '${validate}' });
const page = await listTenantInteractions(client, { tenantId, limit: 10 });
report(page.results.length);
`;

const tenantIterateCall = `let n = 0;
for await (const _ of iterateTenantInteractions(client, { tenantId, contactId, pageSize: 50 })) n++;
report(n);
`;

/** The apps measured: what each does is in its source. */
export const BUNDLE_APPS = {
  'list-off': {
    description: "listInteractions once, validate: 'off'",
    source: header + listCall('off'),
  },
  'list-strict': {
    description: "listInteractions once, validate: 'strict'",
    source: header + listCall('strict'),
  },
  'iterate-off': {
    description: "listInteractions, then iterateInteractions over the whole history, validate: 'off'",
    source: header + listCall('off') + iterateCall,
  },
  'iterate-strict': {
    description: "listInteractions, then iterateInteractions over the whole history, validate: 'strict'",
    source: header + listCall('strict') + iterateCall,
  },
  // Get a List of Interactions: its own figures (the history's apps above must not carry any of it).
  'tenant-list-off': {
    description: "listTenantInteractions once, validate: 'off'",
    source: tenantHeader + tenantListCall('off'),
  },
  'tenant-list-strict': {
    description: "listTenantInteractions once, validate: 'strict'",
    source: tenantHeader + tenantListCall('strict'),
  },
  'tenant-iterate-strict': {
    description:
      "listTenantInteractions, then iterateTenantInteractions over a contact's interactions, validate: 'strict'",
    source: tenantHeader + tenantListCall('strict') + tenantIterateCall,
  },
} as const;

export type BundleApp = keyof typeof BUNDLE_APPS;

export interface ChunkSize {
  file: string;
  gzipBytes: number;
  /** Loaded before the app runs, on demand on the app's path, or never on that path. */
  loaded: 'initial' | 'on demand' | 'not on this path';
  /** The source modules esbuild put in the chunk, largest first (minified bytes). */
  inputs: { module: string; bytes: number }[];
}

export interface AppSize {
  description: string;
  initialBytes: number;
  pathBytes: number;
  allBytes: number;
  chunks: ChunkSize[];
}

export interface BundleSizes {
  method: string;
  /** `createClient` + one `GET` of openapi-fetch, bundled the same way (one chunk). */
  openapiFetchBytes: number;
  apps: Record<BundleApp, AppSize>;
}

/** Resolves the package's own name to its source entry, as a bundler resolves an installed package. */
const self: Plugin = {
  name: 'cxengage-interactions',
  setup(b) {
    b.onResolve({ filter: /^cxengage-interactions$/ }, () => ({ path: path.join(root, 'src/index.ts') }));
  },
};

/** Bundles `entry` into `outdir`; the metafile's paths are relative to the repository root. */
export async function bundle(entry: string, outdir: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    nodePaths: [path.join(root, 'node_modules')], // the apps live in a temporary directory
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    // .mjs: the chunks are ES modules wherever they are run from (here, a temporary directory).
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    plugins: [self],
  });
  return result.metafile;
}

/** Output files (keys of `meta.outputs`) reachable from `from` by static imports. */
export function staticClosure(meta: Metafile, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(from);
  return seen;
}

const gzipBytes = (contents: Uint8Array) => gzipSync(contents, { level: 9 }).length;
export const jsOutputs = (meta: Metafile) => Object.keys(meta.outputs).filter((f) => f.endsWith('.mjs'));

/** The output of the app's own entry (the chunks an `import()` loads are entry points too). */
export const entryOutput = (meta: Metafile, entry: string): string =>
  jsOutputs(meta).find((f) => meta.outputs[f]!.entryPoint === path.relative(root, entry))!;

/** Interactions in the history the iterating apps walk: two pages of 50 and a short one. */
const HISTORY = 120;

async function measureApp(name: BundleApp, dir: string, baseUrl: string): Promise<AppSize> {
  const app = BUNDLE_APPS[name];
  const entry = path.join(dir, `${name}.ts`);
  const outdir = path.join(dir, name);
  writeFileSync(entry, app.source);
  const meta = await bundle(entry, outdir);
  const outputs = jsOutputs(meta);
  const built = new Map(outputs.map((file) => [file, readFileSync(path.join(root, file))]));
  const entryOut = entryOutput(meta, entry);
  const initial = staticClosure(meta, entryOut);

  // Run it, with every `import()` of a chunk recorded: esbuild writes them as `import("./chunk.mjs")`.
  // (The sizes are those of the chunks as built, before this rewrite.)
  for (const [file, bytes] of built) {
    const text = new TextDecoder().decode(bytes);
    writeFileSync(
      path.join(root, file),
      text.replace(/\bimport\("\.\/([^"]+)"\)/g, 'globalThis.__bundleApp.load("$1")'),
    );
  }
  const onDemand = new Set<string>();
  const counts: number[] = [];
  (globalThis as Record<string, unknown>)['__bundleApp'] = {
    baseUrl,
    ...benchIds,
    token: benchToken,
    report: (n: number) => counts.push(n),
    load: (file: string) => {
      const loaded = staticClosure(meta, path.relative(root, path.join(outdir, file)));
      for (const f of loaded) if (!initial.has(f)) onDemand.add(f);
      return import(pathToFileURL(path.join(outdir, file)).href);
    },
  };
  await import(pathToFileURL(path.join(root, entryOut)).href);
  const expected = name.includes('iterate') ? [10, HISTORY] : [10];
  if (counts.join() !== expected.join()) {
    throw new Error(`bundle app ${name} read ${counts.join(', ')} items, not ${expected.join(', ')}`);
  }

  const chunks: ChunkSize[] = outputs.map((file) => ({
    file: path.basename(file),
    gzipBytes: gzipBytes(built.get(file)!),
    loaded: initial.has(file) ? 'initial' : onDemand.has(file) ? 'on demand' : 'not on this path',
    inputs: Object.entries(meta.outputs[file]!.inputs)
      .map(([module, { bytesInOutput }]) => ({
        module: path.relative(root, path.join(root, module)),
        bytes: bytesInOutput,
      }))
      .filter((i) => i.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes),
  }));
  const sum = (pick: (c: ChunkSize) => boolean) => chunks.filter(pick).reduce((n, c) => n + c.gzipBytes, 0);
  return {
    description: app.description,
    initialBytes: sum((c) => c.loaded === 'initial'),
    pathBytes: sum((c) => c.loaded !== 'not on this path'),
    allBytes: sum(() => true),
    chunks,
  };
}

export async function measureBundleSizes(): Promise<BundleSizes> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cxi-bundle-'));
  const api = await startReferenceApi({
    seed: 'bench',
    dataSets: [{ ...benchIds, interactions: HISTORY }],
    credentials: { tokens: [{ token: benchToken }] },
  });
  try {
    const apps = {} as Record<BundleApp, AppSize>;
    for (const name of Object.keys(BUNDLE_APPS) as BundleApp[]) apps[name] = await measureApp(name, dir, api.baseUrl);
    const baseline = path.join(dir, 'openapi-fetch.ts');
    writeFileSync(
      baseline,
      "import createClient from 'openapi-fetch';\n" +
        "const { data } = await createClient({ baseUrl: 'http://127.0.0.1:9' }).GET('/x', {});\nconsole.log(data);\n",
    );
    const meta = await bundle(baseline, path.join(dir, 'openapi-fetch'));
    const openapiFetchBytes = jsOutputs(meta).reduce((n, f) => n + gzipBytes(readFileSync(path.join(root, f))), 0);
    return { method: BUNDLE_METHOD, openapiFetchBytes, apps };
  } finally {
    await api.close();
    delete (globalThis as Record<string, unknown>)['__bundleApp'];
    rmSync(dir, { recursive: true, force: true });
  }
}
