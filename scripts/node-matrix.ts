// `npm run test:matrix`: the unit and contract suites on every supported Node.js major besides the one
// running (which `npm test` covers), each a release from the npm registry (lib/node-releases.ts), with
// better-sqlite3 made loadable on each (lib/sqlite-addon.ts). What does not depend on the runtime (the
// build, the docs site, the gates, the bench) runs once, on this Node: the build here, the rest in `npm test`.
// Usage: npm run test:matrix [-- --node 22,26]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { currentNode, type NodeRelease, registryNode, supportedMajors } from './lib/node-releases.ts';
import { provideBetterSqlite3 } from './lib/sqlite-addon.ts';
import { root } from './lib/tools.ts';

const { values } = parseArgs({ options: { node: { type: 'string' } } });
const own = currentNode();
const majors = values.node
  ? values.node.split(',').map(Number)
  : supportedMajors.filter((major) => major !== own.major);
if (majors.some((major) => !Number.isInteger(major)))
  throw new Error(`--node takes majors, e.g. 22,26: ${values.node}`);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: root, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

// The same whatever the runtime, so `npm test` runs them once: the docs site (its page in Chromium) and
// the bench's own code.
const onceOnly = ['test/docs/**', 'test/bench-*.test.ts'];

/** Both suites on `node`, which is also first on PATH, so that whatever the tests spawn runs on it too. */
function suites(node: NodeRelease): Promise<number> {
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  const env = {
    ...process.env,
    PATH: [path.dirname(node.bin), path.join(root, 'node_modules/.bin'), process.env.PATH].join(path.delimiter),
  };
  const args = [vitest, 'run', '--maxWorkers=2', '--project', 'unit', '--project', 'contract'];
  return run(node.bin, [...args, ...onceOnly.flatMap((glob) => ['--exclude', glob])], env);
}

const started = performance.now();
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
if ((await run(process.execPath, [tsx, path.join(root, 'scripts/build.ts'), '--no-check'])) !== 0) process.exit(1);

const nodes = majors.map(registryNode);
const addonStart = performance.now();
provideBetterSqlite3([own, ...nodes]);
const addonMs = performance.now() - addonStart;

const results: { node: NodeRelease; code: number; ms: number }[] = [];
for (const node of nodes) {
  process.stdout.write(`\n══ Node.js ${node.version}: unit and contract suites ${'═'.repeat(40)}\n`);
  const begin = performance.now();
  const code = await suites(node);
  results.push({ node, code, ms: performance.now() - begin });
}

process.stdout.write('\nnpm run test:matrix, wall time of each Node.js version (one after another):\n');
process.stdout.write(`  ${'better-sqlite3 builds'.padEnd(22)}  ${seconds(addonMs).padStart(8)}\n`);
for (const { node, code, ms } of results) {
  const verdict = code === 0 ? 'ok' : `FAILED (exit ${code})`;
  process.stdout.write(`  ${`Node.js ${node.version}`.padEnd(22)}  ${seconds(ms).padStart(8)}  ${verdict}\n`);
}
process.stdout.write(`  ${'total'.padEnd(22)}  ${seconds(performance.now() - started).padStart(8)}\n`);
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  process.stdout.write(`\nnpm run test:matrix FAILED on ${failed.map((r) => r.node.version).join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`\nnpm run test:matrix: every suite passed on ${results.map((r) => r.node.version).join(', ')}\n`);
