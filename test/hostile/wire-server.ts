// One loopback TCP server for the answers no well-behaved HTTP library would write: odd status lines,
// broken headers, bodies that lie about their length. Each case registers a script under its own id;
// a client pointed at `base(id)` reaches it (the id is the first path segment), and `count(id)` says
// how many requests it made (retries are visible).

import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';

/** Writes an answer on the socket (and ends it, unless it means to stall). `nth` counts from 1. */
export type Script = (socket: Socket, nth: number) => void;

export interface WireServer {
  /** Registers `script` under `id`; returns the base URL (with `/v1`) that reaches it. */
  serve(id: string, script: Script): string;
  count(id: string): number;
  close(): Promise<void>;
}

export async function startWireServer(): Promise<WireServer> {
  const scripts = new Map<string, Script>();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    const onData = (data: Buffer) => {
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      const id = decodeURIComponent(head.split(' ')[1]?.split('/')[1] ?? '');
      const script = scripts.get(id);
      const nth = (counts.get(id) ?? 0) + 1;
      counts.set(id, nth);
      if (script) script(socket, nth);
      else socket.end('HTTP/1.1 500 No script\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serve(id, script) {
      scripts.set(id, script);
      return `http://127.0.0.1:${port}/${encodeURIComponent(id)}/v1`;
    },
    count: (id) => counts.get(id) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The bytes of an HTTP/1.1 answer: a status line as given (latin1), headers, a body; `connection: close`. */
export function answer(
  statusLine: string,
  headers: Record<string, string> = {},
  body: string | Buffer = '',
  { length = true }: { length?: boolean } = {},
): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const all: Record<string, string> = {
    connection: 'close',
    ...(length ? { 'content-length': String(bytes.length) } : {}),
    ...headers,
  };
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`);
  return Buffer.concat([Buffer.from(`${statusLine}\r\n${lines.join('')}\r\n`, 'latin1'), bytes]);
}

/** A script that writes `bytes` and ends the connection. */
export const reply =
  (bytes: Buffer | ((nth: number) => Buffer)): Script =>
  (socket, nth) =>
    socket.end(typeof bytes === 'function' ? bytes(nth) : bytes);
