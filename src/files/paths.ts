/**
 * The files a command names, checked before anything is sent or written: no file it writes may be a
 * file it also reads or writes under another flag (the output over the state, the output over the
 * contacts list…), and each must be the kind of file its use needs. Two names are one file when their
 * real paths agree (symlinks, `./a` and `a`, `..`) or, for files that exist, their device and inode do
 * (hard links, bind mounts); a file that does not exist yet is placed by its parent folder's real path.
 * A problem is one line naming the flag (or flags) and the file.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** How a command uses a file named on its command line. */
export interface FileUse {
  /** How messages name it: a flag (`--out`), or what it is (`the lock file of --state`). */
  label: string;
  /** The path as given. */
  file: string;
  /** Whether the command writes it (then it must be a regular file, or not exist yet). */
  writes: boolean;
  /**
   * What it must be when it is read: `'file'` (a regular file that exists, as a state file read back),
   * `'stream'` (anything readable in one pass: a file, a pipe such as `<(…)`, a terminal), or `'any'`
   * (it may not exist yet; a regular file if it does).
   */
  reads?: 'file' | 'stream';
}

/** A path that cannot be used as given. Nothing was sent, nothing written. */
export class FileUseError extends Error {
  constructor(
    readonly label: string,
    readonly file: string,
    problem: string,
  ) {
    super(`${label} ${shownPath(file)}: ${problem}`);
    this.name = 'FileUseError';
  }
}

/** A path as messages show it: at most 200 characters (a path is input too). */
export function shownPath(file: string): string {
  return file.length > 200 ? `${file.slice(0, 200)}…` : file;
}

interface Resolved {
  use: FileUse;
  real: string;
  /** `dev:ino` when the file exists. */
  identity: string | undefined;
}

/**
 * Checks `uses` (see the module comment) and returns the real path of each, in order. Throws
 * {@link FileUseError} for the first problem: a file of the wrong kind (a directory, a FIFO, a device or
 * a socket where a regular file is needed), a missing file that must exist, a folder that does not
 * exist, or two uses of one file where either writes.
 */
export async function checkFileUses(uses: readonly FileUse[]): Promise<string[]> {
  const resolved: Resolved[] = [];
  for (const use of uses) resolved.push(await resolveUse(use));
  for (let i = 0; i < resolved.length; i++) {
    for (let j = i + 1; j < resolved.length; j++) {
      const a = resolved[i]!;
      const b = resolved[j]!;
      if (!a.use.writes && !b.use.writes) continue;
      const same = a.real === b.real || (a.identity !== undefined && a.identity === b.identity);
      if (!same) continue;
      const writer = b.use.writes ? b : a;
      const other = writer === a ? b : a;
      throw new FileUseError(
        writer.use.label,
        writer.use.file,
        `is the same file as ${other.use.label} ${shownPath(other.use.file)}: writing it would overwrite ${other.use.writes ? 'what that one holds' : 'that input'}`,
      );
    }
  }
  return resolved.map((r) => r.real);
}

async function resolveUse(use: FileUse): Promise<Resolved> {
  const { file } = use;
  const fail = (problem: string): never => {
    throw new FileUseError(use.label, file, problem);
  };
  let info: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') fail(describeError(error));
  }
  if (!info) {
    if (use.reads) fail('no such file');
    const parent = path.dirname(path.resolve(file));
    const realParent = await realpath(parent).catch((error: unknown) =>
      fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : describeError(error)),
    );
    return { use, real: path.join(realParent, path.basename(file)), identity: undefined };
  }
  const kind = kindOf(info);
  const streamable = kind === 'a FIFO (named pipe)' || kind === 'a character device';
  if (kind !== 'a regular file' && !(use.reads === 'stream' && !use.writes && streamable)) {
    fail(`is ${kind}, not a regular file`);
  }
  const real = await realpath(file).catch((error: unknown) => fail(describeError(error)));
  return { use, real, identity: `${info.dev}:${info.ino}` };
}

function kindOf(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isFile()) return 'a regular file';
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of its path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'its name is too long',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EDQUOT: 'the disk quota is exceeded',
  EMFILE: 'too many open files',
  EIO: 'an I/O error',
};

/** A file error in words, with its code (`is a directory (EISDIR)`), never the path Node puts in its message. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return ERRNO_TEXT[code] ? `${ERRNO_TEXT[code]} (${code})` : code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * `error` (from an operation on a file a flag names) as an error naming that flag and file; one that
 * already does (a {@link FileUseError}) is returned as it is.
 */
export function fileError(label: string, file: string, error: unknown): Error {
  if (error instanceof FileUseError) return error;
  if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') return error as Error;
  return new FileUseError(label, file, describeError(error));
}

/** Runs `work` on a file a flag names: any file error it meets becomes one naming that flag and file. */
export async function namingFile<T>(label: string, file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fileError(label, file, error);
  }
}
