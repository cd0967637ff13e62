// The package as a user installs it, without the optional drivers: its `dependencies` alone (openapi-fetch
// and its tree) beside a copy of the built package, so `import('better-sqlite3')` and `import('pg')`
// really find nothing. Opening a store then says which package to install, and touches nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';

let dir: string;

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/src/stores/index.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  // Outside the repository, whose own node_modules (with both drivers) resolution would otherwise find.
  dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-no-drivers-'));
  const installed = path.join(dir, 'node_modules/cxengage-interactions');
  mkdirSync(installed, { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(installed, 'package.json'));
  cpSync(path.join(root, 'dist'), path.join(installed, 'dist'), { recursive: true });
  for (const dependency of ['openapi-fetch', 'openapi-typescript-helpers'])
    symlinkSync(path.join(root, 'node_modules', dependency), path.join(dir, 'node_modules', dependency), 'dir');
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a store whose driver is not installed', () => {
  it('names the package to install, and creates nothing', () => {
    const script = path.join(dir, 'open.mjs');
    writeFileSync(
      script,
      `import { storeFromUrl } from 'cxengage-interactions/stores';
const out = [];
for (const url of ['sqlite:interactions.db', 'postgres://sync@127.0.0.1:1/crm']) {
  try {
    await storeFromUrl(url).open({ tenantId: '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b', scope: 'contacts' });
    out.push('opened');
  } catch (error) {
    out.push({ name: error.name, code: error.code, setup: error.setup, message: error.message });
  }
}
process.stdout.write(JSON.stringify(out));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' }));
    expect(out).toEqual([
      {
        name: 'StoreError',
        code: 'driver_missing',
        setup: true,
        message:
          'sqlite:interactions.db needs the better-sqlite3 package, which is not installed: npm install better-sqlite3@12',
      },
      {
        name: 'StoreError',
        code: 'driver_missing',
        setup: true,
        message: 'postgres://sync@127.0.0.1:1/crm needs the pg package, which is not installed: npm install pg@8',
      },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'open.mjs']);
  });
});
