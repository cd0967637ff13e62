// Builds the offline docs site, one Redoc page with its JavaScript inlined (`--inlineBundle`) so it
// renders with no network, and serves it. docs-build/ is git-ignored.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseTarget } from './lib/request-target.ts';
import { bundledSpec, redocly, root } from './lib/tools.ts';

export const docsDir = path.join(root, 'docs-build');
export const docsPage = path.join(docsDir, 'index.html');

export function buildDocs(): string {
  mkdirSync(docsDir, { recursive: true });
  redocly(['build-docs', bundledSpec, '-o', docsPage, '--inlineBundle']);
  return docsPage;
}

/** True when the page is missing or older than the bundled spec it is built from. */
export function docsStale(): boolean {
  return !existsSync(docsPage) || statSync(docsPage).mtimeMs < statSync(bundledSpec).mtimeMs;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export interface DocsServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves docs-build/ on loopback. Paths without a file fall back to index.html, because Redoc
 * routes inside the page and a reload of a deep link must still find it. A malformed target gets a 4xx
 * and anything unexpected a 500: no request may throw out of the handler (one `GET /%` used to kill
 * `npm start`).
 */
export async function serveDocs(port = 0, dir = docsDir): Promise<DocsServer> {
  const server = createServer((req, res) => {
    try {
      answer(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error\n');
      else res.destroy();
    }
  });

  function answer(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const target = parseTarget(req.url);
    if (!target.ok) {
      res.writeHead(target.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${target.reason}\n`);
      return;
    }
    const wanted = path.resolve(dir, `.${target.decodedPath}`);
    const inside = wanted === dir || wanted.startsWith(dir + path.sep);
    const file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : path.join(dir, 'index.html');
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('docs not built: run npm run docs:build\n');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => {}); // after listening: a socket-level error must not crash the sandbox
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`docs: ${path.relative(root, buildDocs())}`);
}
