// The path checks on a real file system: one file under two names (symlinks, `./a` and `a`, `..`, hard
// links, a file not yet created under a symlinked folder) is one file, and a file of the wrong kind
// (a directory, a FIFO, a device, a socket) is refused, each with one line naming the flag and the file.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFileUses, type FileUse, FileUseError } from '../../src/files/paths.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'cxi-paths-'));
const at = (name: string) => path.join(scratch, name);
const socketPath = at('socket');
const socketServer = createServer();

beforeAll(async () => {
  writeFileSync(at('state.json'), '');
  writeFileSync(at('contacts.txt'), '');
  mkdirSync(at('dir'));
  mkdirSync(at('real'));
  symlinkSync(at('real'), at('alias'));
  symlinkSync(at('state.json'), at('state-link.json'));
  linkSync(at('contacts.txt'), at('contacts-hard.txt'));
  execFileSync('mkfifo', [at('fifo')]);
  await new Promise<void>((resolve) => socketServer.listen(socketPath, resolve));
});
afterAll(async () => {
  await new Promise((resolve) => socketServer.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

const out = (file: string): FileUse => ({ label: '--out', file, writes: true });
const state = (file: string): FileUse => ({ label: '--state', file, writes: true });
const contacts = (file: string): FileUse => ({ label: '--contacts', file, writes: false, reads: 'stream' });
const since = (file: string): FileUse => ({ label: '--since-state', file, writes: false, reads: 'file' });

async function problem(uses: FileUse[]): Promise<string> {
  const error = await checkFileUses(uses).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'refused').toBeInstanceOf(FileUseError);
  return (error as Error).message;
}

describe('one file under two names', () => {
  it.each<[string, FileUse[], RegExp]>([
    [
      '--out equal to --state',
      [out(at('state.json')), state(at('state.json'))],
      /^--state .*state\.json: is the same file as --out/,
    ],
    ['./a and a', [state(at('new.json')), out(`${scratch}/./new.json`)], /^--out .*: is the same file as --state/],
    ['a path through ..', [out(at('real/../state.json')), state(at('state.json'))], /is the same file as --out/],
    ['a symlink to the state', [out(at('state-link.json')), state(at('state.json'))], /is the same file as --out/],
    [
      'a file not yet created, through a symlinked folder',
      [out(at('alias/x.ndjson')), state(at('real/x.ndjson'))],
      /is the same file/,
    ],
    [
      'a hard link to the contacts',
      [contacts(at('contacts.txt')), out(at('contacts-hard.txt'))],
      /^--out .*contacts-hard\.txt: is the same file as --contacts .*: writing it would overwrite that input$/,
    ],
    [
      '--out equal to --since-state',
      [since(at('state.json')), out(at('state.json'))],
      /^--out .*: is the same file as --since-state/,
    ],
    [
      '--state equal to --contacts',
      [contacts(at('contacts.txt')), state(at('contacts.txt'))],
      /^--state .*: is the same file as --contacts/,
    ],
    [
      '--state equal to --since-state',
      [state(at('state.json')), since(at('state-link.json'))],
      /^--state .*: is the same file as --since-state/,
    ],
    [
      "a lock file that is another flag's file",
      [out(at('x')), { label: 'the lock file of --state', file: at('x'), writes: true }],
      /^the lock file of --state .*: is the same file as --out/,
    ],
  ])('%s: refused', async (_name, uses, message) => {
    expect(await problem(uses)).toMatch(message);
  });

  it('two inputs may be one file; distinct files pass, and their real paths come back', async () => {
    const reals = await checkFileUses([
      contacts(at('contacts.txt')),
      since(at('contacts-hard.txt')),
      out(at('alias/out.ndjson')),
      state(at('state.json')),
    ]);
    expect(reals[2]).toBe(path.join(scratch, 'real', 'out.ndjson'));
  });
});

describe('a file of the wrong kind', () => {
  it.each<[string, FileUse, RegExp]>([
    ['--state a directory', state(at('dir')), /^--state .*dir: is a directory, not a regular file$/],
    ['--state a FIFO', state(at('fifo')), /: is a FIFO \(named pipe\), not a regular file$/],
    ['--state a device', state('/dev/null'), /^--state \/dev\/null: is a character device, not a regular file$/],
    ['--state a socket', state(socketPath), /: is a socket, not a regular file$/],
    ['--out a directory', out(at('dir')), /^--out .*: is a directory/],
    ['--since-state missing', since(at('none.json')), /^--since-state .*none\.json: no such file$/],
    ['--since-state a FIFO', since(at('fifo')), /is a FIFO/],
    ['--contacts a directory', contacts(at('dir')), /^--contacts .*: is a directory/],
    ['--out in a folder that does not exist', out(at('missing/out.ndjson')), /its folder does not exist$/],
    [
      '--out under a file, not a folder',
      out(at('state.json/out')),
      /a part of its path is not a directory \(ENOTDIR\)/,
    ],
  ])('%s: refused, naming the flag and the file', async (_name, use, message) => {
    expect(await problem([use])).toMatch(message);
  });

  it('--contacts may be a FIFO or a device (a pipe, a terminal); a path is cut short in messages', async () => {
    await expect(checkFileUses([contacts(at('fifo')), contacts('/dev/null')])).resolves.toHaveLength(2);
    const long = at(`${'d'.repeat(250)}/x`);
    const message = await problem([out(long)]);
    expect(message.length).toBeLessThan(300);
  });
});
