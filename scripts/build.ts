// Compiles src/ (and generated/spec.ts) into dist/, then copies the generated artefacts tsc does
// not emit: the standalone validators (JS + types), the schema types and the bundled spec.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib/tools.ts';

const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
mkdirSync(path.join(dist, 'generated'), { recursive: true });
for (const file of [
  'validators.js',
  'validators.d.ts',
  'error-validators.js',
  'error-validators.d.ts',
  'schema.d.ts',
  'openapi.yaml',
]) {
  copyFileSync(path.join(root, 'generated', file), path.join(dist, 'generated', file));
}
const cli = path.join(dist, 'src/cli/main.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
console.log('build: dist/ written');
