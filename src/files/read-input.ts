/**
 * Reading an input file that may be a pipe (`--contacts <(cmd)`, a named FIFO) or a terminal, so that
 * Ctrl-C always ends the wait. A regular file is read at once. A FIFO blocks in `open` until a writer
 * comes, and a pipe blocks in `read` until its writer writes: done in libuv's thread pool, either
 * would hold a thread that no signal releases, and a process cannot even exit while one is held (it
 * joins the pool). So a FIFO's `open` is released on abort (by opening its other end, which completes
 * it), and a pipe or terminal is read through the event loop, as stdin is, where a read can be dropped.
 */
import { closeSync, constants, open as openFd, openSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { isatty, ReadStream } from 'node:tty';

/**
 * The whole of `file` as UTF-8 text. Rejects with `signal.reason` as soon as it aborts, and with a
 * file error (its `code`) as it comes.
 */
export async function readInput(file: string, signal: AbortSignal): Promise<string> {
  signal.throwIfAborted();
  const info: Stats = await stat(file);
  if (!info.isFIFO() && !info.isCharacterDevice()) return readFile(file, { encoding: 'utf8', signal });
  const fd = await openReleasable(file, info.isFIFO(), signal);
  const stream = isatty(fd)
    ? new ReadStream(fd)
    : info.isFIFO()
      ? new Socket({ fd, readable: true, writable: false })
      : undefined;
  if (!stream) {
    closeSync(fd);
    return readFile(file, { encoding: 'utf8', signal }); // a device that does not block (/dev/null)
  }
  return readStream(stream, signal);
}

/** `open(file, 'r')`, released on abort: a FIFO's pending open completes once its write end is opened. */
function openReleasable(file: string, fifo: boolean, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      if (fifo) {
        try {
          closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {}
      }
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    openFd(file, 'r', (error, fd) => {
      signal.removeEventListener('abort', onAbort);
      if (settled) {
        if (!error) closeSync(fd);
        return;
      }
      settled = true;
      if (error) reject(error);
      else resolve(fd);
    });
  });
}

/**
 * Everything `stream` gives until its end, as UTF-8 text (stdin, a pipe); on abort the stream is let go
 * (destroyed) and the promise rejects with `signal.reason`.
 */
export function readStream(stream: NodeJS.ReadableStream, signal: AbortSignal): Promise<string> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const letGo = () => (stream as Partial<{ destroy(): void }>).destroy?.();
    const onAbort = () => {
      letGo();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    stream.once('end', () => {
      signal.removeEventListener('abort', onAbort);
      letGo();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}
