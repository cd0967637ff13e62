// Fails when regenerating from openapi/ would change anything under generated/ (drift gate).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './lib/tools.ts';

const committed = path.join(root, 'generated');
const fresh = mkdtempSync(path.join(tmpdir(), 'cxi-drift-'));
try {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/generate.ts'), '--out', fresh],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const names = new Set([...readdirSync(committed), ...readdirSync(fresh)]);
  const drifted = [...names].filter((name) => {
    const a = path.join(committed, name);
    const b = path.join(fresh, name);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
  if (drifted.length > 0) {
    console.error(`check:generated: generated/ is out of date with openapi/: ${drifted.join(', ')}`);
    console.error('Run `npm run generate` and commit the result.');
    process.exit(1);
  }
  console.log(`check:generated: ok (${names.size} files match a fresh generation)`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
