/**
 * The export's list of contacts (`--contacts FILE`, or `-` for stdin): one id per line, blank lines and
 * `#` comments skipped, each id taken in its normal form (trimmed, lower-case) so that every later step
 * (the resume, the dedupe, the shards, `--since-state`) sees one spelling. A line that is no contact id
 * refuses the whole list before anything is sent, quoted cut short (a 1 MB line is not echoed whole).
 * The read ends at Ctrl-C, whether it waits on a silent stdin, on a pipe no one writes to, or on a FIFO
 * no one has opened (`files/read-input.ts`).
 */
import { paramFormats } from '../../../../generated/spec.js';
import { normalId } from '../../../common/ids.js';
import { fileError, shownPath } from '../../../files/paths.js';
import { readInput } from '../../../files/read-input.js';
import { type Io, interruptedWhile, readAll } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { quoted } from '../../values.js';

const isUuid = (id: string) => paramFormats.uuid!.test(id);

/** The contact ids of `source` in normal form, in the order listed (repeats kept: the export skips them). */
export async function readContacts(source: string, io: Io): Promise<string[]> {
  const { signal } = io;
  const text =
    source === '-'
      ? await readAll(io.stdin, signal, 'reading the contact ids from stdin (--contacts -)')
      : await readInput(source, signal).catch((error: unknown) => {
          if (signal.aborted) throw interruptedWhile(`reading --contacts ${shownPath(source)}`, signal);
          throw fileError('--contacts', source, error);
        });
  const ids: string[] = [];
  let firstBad: { line: number; text: string } | undefined;
  let bad = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const id = normalId(line);
    if (isUuid(id)) ids.push(id);
    else {
      bad += 1;
      firstBad ??= { line: i + 1, text: line };
    }
  }
  if (firstBad) {
    const more = bad > 1 ? ` (and ${bad - 1} more line${bad > 2 ? 's' : ''} like it)` : '';
    const from = source === '-' ? 'stdin' : shownPath(source);
    throw new UsageError(
      `--contacts ${from}: line ${firstBad.line} is not a contact id (a UUID): ${quoted(firstBad.text)}${more}; nothing was sent`,
    );
  }
  return ids;
}
