/**
 * The list of contacts of `export` and `sync` (`--contacts FILE`, or `-` for stdin): one id per line,
 * blank lines and `#` comments skipped.
 */
import { readFile } from 'node:fs/promises';
import type { Io } from '../../io.js';
import { UsageError } from '../../usage-error.js';

/** The contact ids of `source`, in the order listed (repeats kept: the export skips them). */
export async function readContacts(source: string, io: Io): Promise<string[]> {
  let text: string;
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    text = await readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--contacts ${source}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
