// better-sqlite3 (12.x) is a native addon compiled against one Node ABI (process.versions.modules): a build
// for one Node major loads on no other. So that one node_modules serves every Node of the matrix, each
// ABI's build sits where the package's loader (`bindings`) looks for it by ABI:
//   node_modules/better-sqlite3/lib/binding/node-v<ABI>-<platform>-<arch>/better_sqlite3.node
// npm's install compiles it for the installing Node into build/Release, which `bindings` tries first on
// every Node, so that build moves to its ABI's folder too. Other ABIs compile from the package's own
// sources (SQLite included) against that release's headers, in a scratch copy, and are kept in the cache by
// package version and ABI: a fresh clone compiles nothing this machine has compiled before.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, currentNode, type NodeRelease } from './node-releases.ts';
import { root } from './tools.ts';

const packageDir = path.join(root, 'node_modules/better-sqlite3');
const addon = 'better_sqlite3.node';
const npmBuild = path.join(packageDir, 'build/Release', addon);
const abiFolder = (abi: string) => `node-v${abi}-${process.platform}-${process.arch}`;

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

const cached = (abi: string) => path.join(cacheDir, `better-sqlite3-${packageVersion()}`, abiFolder(abi), addon);
const placed = (abi: string) => path.join(packageDir, 'lib/binding', abiFolder(abi), addon);

function loads(node: NodeRelease, file: string): boolean {
  try {
    execFileSync(node.bin, ['-e', `require(${JSON.stringify(file)})`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Copies `from` to `to` whole or not at all. */
function install(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.partial-${process.pid}`;
  copyFileSync(from, partial);
  renameSync(partial, to);
}

/** npm's own node-gyp: what the package's install script runs. */
function nodeGyp(): string {
  const file =
    process.env.npm_config_node_gyp ??
    path.join(
      execFileSync('npm', ['prefix', '-g'], { encoding: 'utf8' }).trim(),
      'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    );
  if (!existsSync(file)) throw new Error(`node-gyp not found at ${file}: run this through npm (npm run …)`);
  return file;
}

function compile(node: NodeRelease): void {
  mkdirSync(cacheDir, { recursive: true });
  const scratch = mkdtempSync(path.join(cacheDir, 'better-sqlite3-build-'));
  const skip = [path.join(packageDir, 'build'), path.join(packageDir, 'lib/binding')];
  process.stderr.write(
    `Compiling better-sqlite3 ${packageVersion()} for Node.js ${node.version} (ABI ${node.abi}): minutes, once per machine\n`,
  );
  try {
    cpSync(packageDir, scratch, { recursive: true, filter: (from) => !skip.includes(from) });
    try {
      // The headers of `node`, not those a user's npm config may name (npm passes `nodedir` on as
      // npm_config_nodedir, which node-gyp prefers to its own --nodedir).
      execFileSync(node.bin, [nodeGyp(), 'rebuild', '--release', `--nodedir=${node.dir}`], {
        cwd: scratch,
        env: { ...process.env, npm_config_nodedir: node.dir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`compiling better-sqlite3 for Node.js ${node.version} failed:\n${stdout}${stderr}`);
    }
    const built = path.join(scratch, 'build/Release', addon);
    if (!loads(node, built)) throw new Error(`better-sqlite3 compiled for Node.js ${node.version} does not load on it`);
    install(built, cached(node.abi));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Moves npm's build for the running Node to that Node's ABI folder; drops one left by another Node. */
function settleNpmBuild(): void {
  if (!existsSync(npmBuild)) return;
  const current = currentNode();
  if (loads(current, npmBuild)) {
    if (!existsSync(cached(current.abi))) install(npmBuild, cached(current.abi));
    install(npmBuild, placed(current.abi));
  }
  rmSync(npmBuild);
}

/** Makes `require('better-sqlite3')` work on each of `nodes`, in every process they start. */
export function provideBetterSqlite3(nodes: NodeRelease[]): void {
  settleNpmBuild();
  for (const node of nodes) {
    if (existsSync(placed(node.abi)) && loads(node, placed(node.abi))) continue;
    if (!existsSync(cached(node.abi)) || !loads(node, cached(node.abi))) compile(node);
    install(cached(node.abi), placed(node.abi));
  }
}
