/**
 * The export's state file (`--state`): a journal in JSON lines. The first line says which export it
 * belongs to; each further line is one contact's latest state (progress, done with its checkpoint, or
 * failed) and `at`, the length of the output file that state accounts for. A save appends one line and
 * syncs it: its cost is one contact's state, whatever the number of contacts. When the lines appended
 * outgrow the last snapshot, the file is rewritten with one line per contact (temp file, fsync,
 * rename, fsync of the directory), so it stays proportional to the contacts while a save stays
 * amortised O(1). A line cut short by a crash can only be the last one, and is ignored. Contact ids are
 * read back in their normal form (trimmed, lower-case), whatever spelling an older file holds. Every
 * file error names the flag and the file (`--state export-state.json: is a directory (EISDIR)`).
 */
import { type FileHandle, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { normalId } from '../../../common/ids.js';
import { jsonSafeText } from '../../../common/terminal-text.js';
import { fileError, namingFile } from '../../../files/paths.js';
import type { ExportContactState } from '../../../jobs/types.js';
import { UsageError } from '../../usage-error.js';

/** Which export a state file belongs to, and how much of the output it accounts for. */
export interface JournalHeader {
  cxengageExport: 1;
  tenantId: string;
  format: string;
  /** csv cells written exactly as received (`--csv-raw`), not neutralised; absent means false. */
  csvRaw?: boolean;
  /** The output file, absolute. */
  out: string;
  shard: string | null;
  /** The output length accounted for when the file was last compacted. */
  at: number;
}

/** A state file as read back. */
export interface JournalContents {
  header: JournalHeader;
  contacts: Map<string, ExportContactState>;
  /** The output length the last complete line accounts for. */
  at: number;
}

/** The state file is not one this command wrote, or was damaged other than by a crash: nothing was sent (exit 2). */
export class JournalError extends UsageError {
  constructor(label: string, file: string, problem: string) {
    super(`${label} ${file}: ${problem}`);
    this.name = 'JournalError';
  }
}

/** Smallest snapshot size that triggers compaction, so a small export is not rewritten over and over. */
const MIN_COMPACT_BYTES = 256 * 1024;

export class ExportJournal {
  readonly #path: string;
  #header: JournalHeader;
  readonly #contacts: Map<string, ExportContactState>;
  #handle: FileHandle;
  #at: number;
  #appended = 0;
  #snapshotBytes: number;

  private constructor(file: string, contents: JournalContents, handle: FileHandle, snapshotBytes: number) {
    this.#path = file;
    this.#header = contents.header;
    this.#contacts = contents.contacts;
    this.#at = contents.at;
    this.#handle = handle;
    this.#snapshotBytes = snapshotBytes;
  }

  /**
   * Reads a state file; `undefined` when there is none (or it is empty). Throws {@link JournalError}, or
   * a file error naming `label` (the flag) and the file.
   */
  static async read(file: string, label = '--state'): Promise<JournalContents | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw fileError(label, file, error);
    }
    if (text === '') return undefined;
    // Every line ends with a newline: the last piece is empty, or a line a crash cut short (dropped).
    const lines = text.split('\n');
    lines.pop();
    const parse = (line: string, n: number): Record<string, unknown> => {
      try {
        const value: unknown = JSON.parse(line);
        if (typeof value === 'object' && value !== null && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {}
      throw new JournalError(label, file, `line ${n + 1} is not a state entry: the file is damaged`);
    };
    // A first line that is not even JSON: some other file, not a damaged state file.
    const header =
      lines.length > 0
        ? (() => {
            try {
              return parse(lines[0]!, 0);
            } catch {
              return undefined;
            }
          })()
        : undefined;
    if (header?.['cxengageExport'] !== 1) {
      throw new JournalError(label, file, 'is not a cxengage-interactions export state file');
    }
    const contacts = new Map<string, ExportContactState>();
    let at = header['at'] as number;
    for (const [i, line] of lines.slice(1).entries()) {
      const entry = parse(line, i + 1);
      if (
        typeof entry['contactId'] !== 'string' ||
        !Number.isSafeInteger(entry['at']) ||
        typeof entry['state'] !== 'object'
      )
        throw new JournalError(label, file, `line ${i + 2} is not a state entry: the file is damaged`);
      contacts.set(normalId(entry['contactId']), entry['state'] as ExportContactState);
      at = entry['at'] as number;
    }
    if (!Number.isSafeInteger(at) || at < 0) throw new JournalError(label, file, 'its output length is not a count');
    return { header: header as unknown as JournalHeader, contacts, at };
  }

  /** Starts a new state file for `header` (replacing any), written atomically. */
  static async create(file: string, header: JournalHeader): Promise<ExportJournal> {
    return ExportJournal.resume(file, { header, contacts: new Map(), at: header.at });
  }

  /** Goes on with what {@link ExportJournal.read} returned: the file is rewritten compacted first, so a cut line is gone. */
  static async resume(file: string, contents: JournalContents): Promise<ExportJournal> {
    return namingFile('--state', file, async () => {
      await removeStaleSnapshots(file);
      const bytes = await writeSnapshot(file, { ...contents.header, at: contents.at }, contents.contacts);
      const handle = await open(file, 'a');
      return new ExportJournal(file, contents, handle, bytes);
    });
  }

  /** The contacts' states so far. */
  get contacts(): ReadonlyMap<string, ExportContactState> {
    return this.#contacts;
  }

  /** Records a contact's state, accounting for `at` bytes of output; durable when it resolves. */
  async append(contactId: string, state: ExportContactState, at: number): Promise<void> {
    const line = `${jsonSafeText(JSON.stringify({ contactId, at, state }))}\n`;
    await namingFile('--state', this.#path, async () => {
      await this.#handle.write(line);
      await this.#handle.datasync();
    });
    this.#contacts.set(contactId, state);
    this.#at = at;
    this.#appended += Buffer.byteLength(line);
    if (this.#appended > Math.max(MIN_COMPACT_BYTES, this.#snapshotBytes)) await this.compact();
  }

  /** Rewrites the file as one line per contact. */
  async compact(): Promise<void> {
    await namingFile('--state', this.#path, async () => {
      await this.#handle.close();
      this.#header = { ...this.#header, at: this.#at };
      this.#snapshotBytes = await writeSnapshot(this.#path, this.#header, this.#contacts);
      this.#appended = 0;
      this.#handle = await open(this.#path, 'a');
    });
  }

  async close(): Promise<void> {
    await namingFile('--state', this.#path, () => this.#handle.close());
  }
}

/** Removes temp files a run killed mid-compaction left beside the state file (the state file itself is intact). */
async function removeStaleSnapshots(file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const stale = new RegExp(`^${path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.tmp$`);
  for (const name of await readdir(dir)) if (stale.test(name)) await rm(path.join(dir, name), { force: true });
}

/** Writes header + contacts to a temp file, syncs it, renames it over `file` and syncs the directory. */
async function writeSnapshot(
  file: string,
  header: JournalHeader,
  contacts: ReadonlyMap<string, ExportContactState>,
): Promise<number> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  let bytes = 0;
  try {
    const lines = [
      jsonSafeText(JSON.stringify(header)),
      ...[...contacts].map(([contactId, state]) => jsonSafeText(JSON.stringify({ contactId, at: header.at, state }))),
    ];
    // In chunks, so a state of many contacts is never one huge string.
    for (let i = 0; i < lines.length; i += 1000) {
      const chunk = `${lines.slice(i, i + 1000).join('\n')}\n`;
      bytes += Buffer.byteLength(chunk);
      await handle.write(chunk);
    }
    await handle.datasync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  const dir = await open(path.dirname(path.resolve(file)), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  return bytes;
}
