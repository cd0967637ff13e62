// Compiles src/ (and generated/spec.ts) into dist/, then copies the generated artefacts tsc does
// not emit: the standalone validators (JS + types), the schema types and the bundled spec.
// `--no-check` emits without type-checking (tsc --noCheck): `npm test` uses it because its typecheck
// part checks the same files, declarations included, side by side; a build of its own always checks.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './lib/tools.ts';

const { values } = parseArgs({ options: { 'no-check': { type: 'boolean', default: false } } });
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    path.join(root, 'tsconfig.build.json'),
    ...(values['no-check'] ? ['--noCheck'] : []),
  ],
  {
    stdio: 'inherit',
  },
);
mkdirSync(path.join(dist, 'generated'), { recursive: true });
// Every generated artefact but the TypeScript that tsc compiled: the validators (one file per schema),
// their types, the schema types and the bundled spec.
for (const file of readdirSync(path.join(root, 'generated'))) {
  if (!/\.(js|d\.ts|yaml)$/.test(file)) continue;
  copyFileSync(path.join(root, 'generated', file), path.join(dist, 'generated', file));
}
const cli = path.join(dist, 'src/cli/main.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
console.log('build: dist/ written');
