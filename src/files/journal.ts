/**
 * A state file kept beside an output file (the export's `--state`, the NDJSON store's `FILE.state`): a
 * journal in JSON lines. The first line says which run it belongs to; each further line is the latest
 * state of one key (for the export, a contact: progress, done with its checkpoint, or failed), or of
 * several keys at once (`{"entries":[[key, state], …],"at":N}`, one line so that they commit together;
 * a `null` state removes its key), and `at`, the length of the output file those states account for. A
 * save appends one line and syncs it: its cost is the states saved, whatever the number of keys. When the lines appended
 * outgrow the last snapshot, the file is rewritten with one line per contact (temp file, fsync,
 * rename, fsync of the directory), so it stays proportional to the contacts while a save stays
 * amortised O(1). A line cut short by a crash can only be the last one, and is ignored. Keys are read
 * back in their normal form (trimmed, lower-case), whatever spelling an older file holds. Every
 * file error names the flag and the file (`--state export-state.json: is a directory (EISDIR)`).
 */
import { type FileHandle, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { normalId } from '../common/ids.js';
import { jsonSafeText } from '../common/terminal-text.js';
import { fileError, namingFile } from './paths.js';

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
  /** The sync mode whose state it holds (the NDJSON store: `contacts` or `tenant`); absent for an export. */
  scope?: string;
  /** The output length accounted for when the file was last compacted. */
  at: number;
}

/** A state file as read back. */
export interface JournalContents<S> {
  header: JournalHeader;
  contacts: Map<string, S>;
  /** The output length the last complete line accounts for. */
  at: number;
}

/** The state file is not one this tool wrote, or was damaged other than by a crash: nothing was sent (exit 2). */
export class JournalError extends Error {
  constructor(label: string, file: string, problem: string) {
    super(`${label} ${file}: ${problem}`);
    this.name = 'JournalError';
  }
}

/** How a journal names its file in messages, and writes its lines. */
export interface JournalOptions {
  /** The flag (or words) naming the file in errors; default `--state`. */
  label?: string;
  /** Writes a line's JSON; default `JSON.stringify` (the NDJSON store's keeps integers beyond 2^53 − 1 exact). */
  stringify?: (value: unknown) => string;
}

/** Smallest snapshot size that triggers compaction, so a small export is not rewritten over and over. */
const MIN_COMPACT_BYTES = 256 * 1024;

export class StateJournal<S> {
  readonly #path: string;
  /** How messages name the file (a flag). */
  readonly #label: string;
  readonly #stringify: (value: unknown) => string;
  #header: JournalHeader;
  readonly #contacts: Map<string, S>;
  #handle: FileHandle;
  #at: number;
  #appended = 0;
  #snapshotBytes: number;

  private constructor(
    file: string,
    contents: JournalContents<S>,
    handle: FileHandle,
    snapshotBytes: number,
    options: Required<JournalOptions>,
  ) {
    this.#path = file;
    this.#label = options.label;
    this.#stringify = options.stringify;
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
  static async read<S>(file: string, label = '--state'): Promise<JournalContents<S> | undefined> {
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
    const contacts = new Map<string, S>();
    let at = header['at'] as number;
    for (const [i, line] of lines.slice(1).entries()) {
      const entry = parse(line, i + 1);
      const pairs = Array.isArray(entry['entries']) ? entry['entries'] : [[entry['contactId'], entry['state']]];
      const whole = pairs.every(
        (pair: unknown) => Array.isArray(pair) && typeof pair[0] === 'string' && pair[1] !== undefined,
      );
      if (!whole || !Number.isSafeInteger(entry['at']))
        throw new JournalError(label, file, `line ${i + 2} is not a state entry: the file is damaged`);
      for (const [key, state] of pairs as [string, S | null][]) {
        if (state === null) contacts.delete(normalId(key));
        else contacts.set(normalId(key), state);
      }
      at = entry['at'] as number;
    }
    if (!Number.isSafeInteger(at) || at < 0) throw new JournalError(label, file, 'its output length is not a count');
    return { header: header as unknown as JournalHeader, contacts, at };
  }

  /** Starts a new state file for `header` (replacing any), written atomically. */
  static async create<S>(file: string, header: JournalHeader, options?: JournalOptions): Promise<StateJournal<S>> {
    return StateJournal.resume<S>(file, { header, contacts: new Map(), at: header.at }, options);
  }

  /** Goes on with what {@link ExportJournal.read} returned: the file is rewritten compacted first, so a cut line is gone. */
  static async resume<S>(
    file: string,
    contents: JournalContents<S>,
    { label = '--state', stringify = JSON.stringify }: JournalOptions = {},
  ): Promise<StateJournal<S>> {
    return namingFile(label, file, async () => {
      await removeStaleSnapshots(file);
      const bytes = await writeSnapshot(file, { ...contents.header, at: contents.at }, contents.contacts, stringify);
      const handle = await open(file, 'a');
      return new StateJournal(file, contents, handle, bytes, { label, stringify });
    });
  }

  /** The output length the last line accounts for. */
  get at(): number {
    return this.#at;
  }

  /** The states so far, by key. */
  get contacts(): ReadonlyMap<string, S> {
    return this.#contacts;
  }

  /** Records a contact's state, accounting for `at` bytes of output; durable when it resolves. */
  async append(contactId: string, state: S, at: number): Promise<void> {
    await this.#write(`${jsonSafeText(this.#stringify({ contactId, at, state }))}\n`);
    this.#contacts.set(contactId, state);
    this.#at = at;
    await this.#compactIfGrown();
  }

  /**
   * Records several keys' states in one line, accounting for `at` bytes of output (`null` removes a key):
   * durable when it resolves, and after a crash either all of them are read back or none.
   */
  async appendAll(entries: readonly (readonly [string, S | null])[], at: number): Promise<void> {
    await this.#write(`${jsonSafeText(this.#stringify({ entries, at }))}\n`);
    for (const [key, state] of entries) {
      if (state === null) this.#contacts.delete(key);
      else this.#contacts.set(key, state);
    }
    this.#at = at;
    await this.#compactIfGrown();
  }

  async #write(line: string): Promise<void> {
    await namingFile(this.#label, this.#path, async () => {
      await this.#handle.write(line);
      await this.#handle.datasync();
    });
    this.#appended += Buffer.byteLength(line);
  }

  async #compactIfGrown(): Promise<void> {
    if (this.#appended > Math.max(MIN_COMPACT_BYTES, this.#snapshotBytes)) await this.compact();
  }

  /** Rewrites the file as one line per contact. */
  async compact(): Promise<void> {
    await namingFile(this.#label, this.#path, async () => {
      await this.#handle.close();
      this.#header = { ...this.#header, at: this.#at };
      this.#snapshotBytes = await writeSnapshot(this.#path, this.#header, this.#contacts, this.#stringify);
      this.#appended = 0;
      this.#handle = await open(this.#path, 'a');
    });
  }

  async close(): Promise<void> {
    await namingFile(this.#label, this.#path, () => this.#handle.close());
  }
}

/** Removes temp files a run killed mid-compaction left beside the state file (the state file itself is intact). */
async function removeStaleSnapshots(file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const stale = new RegExp(`^${path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.tmp$`);
  for (const name of await readdir(dir)) if (stale.test(name)) await rm(path.join(dir, name), { force: true });
}

/** Writes header + contacts to a temp file, syncs it, renames it over `file` and syncs the directory. */
async function writeSnapshot<S>(
  file: string,
  header: JournalHeader,
  contacts: ReadonlyMap<string, S>,
  stringify: (value: unknown) => string,
): Promise<number> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  let bytes = 0;
  try {
    const lines = [
      jsonSafeText(JSON.stringify(header)),
      ...[...contacts].map(([contactId, state]) => jsonSafeText(stringify({ contactId, at: header.at, state }))),
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
