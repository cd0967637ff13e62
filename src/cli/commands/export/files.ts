/**
 * The export's files, made safe before anything is sent: the paths checked (`files/paths.ts`: no file
 * written under one flag is read or written under another, the state and the output are regular files,
 * `--since-state` and `--contacts` exist), then the output and the state locked for this run alone
 * (`files/lock.ts`: a second run refuses, naming the one that holds them), and `--since-state` not being
 * written by a run still going. Any problem is one line naming the flag and the file; exit code 2.
 */
import { acquireLock, type FileLock, LockedError, lockHolder } from '../../../files/lock.js';
import { checkFileUses, describeError, type FileUse, FileUseError, shownPath } from '../../../files/paths.js';
import { UsageError } from '../../usage-error.js';

/** What the export names on its command line. */
export interface ExportPaths {
  contacts: string;
  out: string;
  state?: string | undefined;
  sinceState?: string | undefined;
}

/** The files of a run: held until `release`. */
export interface ExportFiles {
  /** The output's real path (what a state file records). */
  realOut: string;
  release(): Promise<void>;
}

const LOCKED_BY = 'cxengage-interactions export';

/** Checks the paths and takes the locks; throws `UsageError` or {@link LockedError} (nothing written). */
export async function claimExportFiles(paths: ExportPaths): Promise<ExportFiles> {
  const { contacts, out, state, sinceState } = paths;
  const uses: FileUse[] = [
    { label: '--out', file: out, writes: true },
    { label: 'the lock file of --out', file: `${out}.lock`, writes: true },
  ];
  if (state) {
    uses.push({ label: '--state', file: state, writes: true });
    uses.push({ label: 'the lock file of --state', file: `${state}.lock`, writes: true });
  }
  if (contacts !== '-') uses.push({ label: '--contacts', file: contacts, writes: false, reads: 'stream' });
  if (sinceState) uses.push({ label: '--since-state', file: sinceState, writes: false, reads: 'file' });
  let reals: string[];
  try {
    reals = await checkFileUses(uses);
  } catch (error) {
    throw error instanceof FileUseError ? new UsageError(error.message) : error;
  }
  if (sinceState) {
    const holder = await lockHolder(sinceState).catch(() => undefined);
    if (holder) {
      const who =
        holder === 'unreadable'
          ? `a lock this tool did not write (${sinceState}.lock)`
          : `pid ${holder.pid} on ${holder.host}, since ${holder.since}`;
      throw new UsageError(
        `--since-state ${shownPath(sinceState)} is being written by a run that is still going (${who}): use it once that run has ended`,
      );
    }
  }
  const locks: FileLock[] = [];
  const release = async () => {
    for (const lock of locks.splice(0).reverse()) await lock.release();
  };
  try {
    locks.push(await lock(out, '--out'));
    if (state) locks.push(await lock(state, '--state'));
  } catch (error) {
    await release();
    throw error;
  }
  return { realOut: reals[0]!, release };
}

async function lock(file: string, flag: string): Promise<FileLock> {
  const label = `${flag} ${shownPath(file)}`;
  try {
    return await acquireLock(file, label, LOCKED_BY);
  } catch (error) {
    if (error instanceof LockedError) throw error;
    throw new UsageError(`${label}: cannot create its lock file ${shownPath(`${file}.lock`)}: ${describeError(error)}`);
  }
}
