// Minified + gzipped size of the SDK entry, bundled with openapi-fetch, with and without the
// generated validators, next to openapi-fetch alone (the baseline every user already pays).

import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { root } from '../scripts/lib/tools.ts';

export interface BundleSizes {
  withValidatorsBytes: number;
  withoutValidatorsBytes: number;
  openapiFetchBytes: number;
}

/** Leaves generated/validators.js out of the bundle, as a consumer on `validate: 'off'` could. */
const validatorsExternal: Plugin = {
  name: 'validators-external',
  setup(b) {
    b.onResolve({ filter: /generated\/validators(\.js)?$/ }, (args) => ({ path: args.path, external: true }));
  },
};

async function gzippedBundle(options: { entry?: string; contents?: string; plugins?: Plugin[] }): Promise<number> {
  const result = await build({
    ...(options.entry
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.contents ?? '', resolveDir: root, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: options.plugins ?? [],
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no output');
  return gzipSync(code, { level: 9 }).length;
}

export async function measureBundleSizes(): Promise<BundleSizes> {
  const entry = path.join(root, 'src/index.ts');
  const [withValidatorsBytes, withoutValidatorsBytes, openapiFetchBytes] = await Promise.all([
    gzippedBundle({ entry }),
    gzippedBundle({ entry, plugins: [validatorsExternal] }),
    gzippedBundle({ contents: "export { default } from 'openapi-fetch';" }),
  ]);
  return { withValidatorsBytes, withoutValidatorsBytes, openapiFetchBytes };
}
