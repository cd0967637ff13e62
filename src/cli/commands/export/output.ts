/**
 * The export's output file (`--out`): records are buffered and written at a known position, so the
 * file's length is always known exactly. A resume truncates the file back to the length the state
 * file accounts for: records written after the last save are dropped there and written again, so none
 * is lost and none appears twice. Every file error names `--out` and the file (a full disk mid-run too).
 */
import { type FileHandle, open } from 'node:fs/promises';
import { FileUseError, fileError, namingFile } from '../../../files/paths.js';

export class ExportOutput {
  readonly #file: string;
  readonly #handle: FileHandle;
  #position: number;
  #buffer: string[] = [];
  #pending = 0;

  private constructor(file: string, handle: FileHandle, position: number) {
    this.#file = file;
    this.#handle = handle;
    this.#position = position;
  }

  /** Creates (or empties) the file. */
  static async create(file: string): Promise<ExportOutput> {
    return new ExportOutput(file, await namingFile('--out', file, () => open(file, 'w')), 0);
  }

  /**
   * Opens the file of an export being resumed and cuts it back to `length`. Throws when it is shorter:
   * then records the state accounts for are missing, and only a new export can restore them.
   */
  static async resume(file: string, length: number): Promise<ExportOutput> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError('--out', file, error);
      throw new FileUseError('--out', file, `is missing, but the state file accounts for ${length} bytes of it`);
    }
    const { size } = await namingFile('--out', file, () => handle.stat());
    if (size < length) {
      await handle.close();
      throw new FileUseError(
        '--out',
        file,
        `is shorter (${size} bytes) than the state file accounts for (${length}): it was changed`,
      );
    }
    await namingFile('--out', file, () => handle.truncate(length));
    return new ExportOutput(file, handle, length);
  }

  /** Queues text; nothing reaches the file before {@link ExportOutput.flush}. */
  write(text: string): void {
    this.#buffer.push(text);
    this.#pending += text.length;
  }

  /** About how much is queued (characters). */
  get pending(): number {
    return this.#pending;
  }

  /** Writes what is queued. Afterwards {@link ExportOutput.length} is the file's length. */
  async flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const bytes = Buffer.from(this.#buffer.join(''));
    this.#buffer = [];
    this.#pending = 0;
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await namingFile('--out', this.#file, () =>
        this.#handle.write(bytes, written, bytes.length - written, this.#position + written),
      );
      written += bytesWritten;
    }
    this.#position += bytes.length;
  }

  /** Flushes, and makes what was written durable (before the state file refers to it). */
  async sync(): Promise<void> {
    await this.flush();
    await namingFile('--out', this.#file, () => this.#handle.datasync());
  }

  /** The length of the file as written so far (queued text excluded). */
  get length(): number {
    return this.#position;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await namingFile('--out', this.#file, () => this.#handle.close());
    }
  }
}
