// Builds the offline docs site, one Redoc page with its JavaScript inlined (`--inlineBundle`) so it
// renders with no network, and serves it. docs-build/ is git-ignored. Redoc's options live in
// redocly.yaml (`openapi:`), the page around it in scripts/docs/template.hbs; what neither can do is
// patched into the written page below.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseTarget } from './lib/request-target.ts';
import { bundledSpec, redocly, root } from './lib/tools.ts';

export const docsDir = path.join(root, 'docs-build');
export const docsPage = path.join(docsDir, 'index.html');
/** Everything the page is built from: a change to any of them makes the page stale. */
const docsInputs = [
  bundledSpec,
  path.join(root, 'redocly.yaml'),
  path.join(root, 'scripts/docs/template.hbs'),
  fileURLToPath(import.meta.url),
];

/** An exact-text edit of the page Redoc writes. */
export interface PagePatch {
  why: string;
  find: string;
  replace: string;
}

const svg = (width: number, text: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="12" viewBox="0 0 ${width} 12">` +
      `<text x="0" y="10" font-family="sans-serif" font-size="11" font-weight="700" fill="#0044D4">${text}</text>` +
      '</svg>',
  )}`;

/**
 * What Redoc 3.0.1 (as @redocly/cli 2.77.0 writes it) has no option for. Each `find` must occur exactly
 * once, so a Redocly upgrade that changes this code fails the build instead of silently undoing a fix.
 */
export const pagePatches: PagePatch[] = [
  {
    why: 'the "API docs by Redocly" badge loads its logo from a CDN; an inline image keeps the page offline',
    find: 'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
    replace: svg(46, 'Redocly'),
  },
  {
    why: "the collapsed sidebar's Redocly logo, likewise",
    find: 'https://cdn.redoc.ly/redoc/logo-mini.svg',
    replace: svg(8, 'R'),
  },
  {
    why: 'Redoc 3 has no option to open sidebar tags; open tags put every operation one click from the landing view',
    find: 'n.push({type:`group`,label:d,link:i,routeSlug:i,items:f,',
    replace: 'n.push({type:`group`,expanded:`true`,label:d,link:i,routeSlug:i,items:f,',
  },
];

/** Applies every patch; throws when a patch does not match exactly once. */
export function patchPage(html: string, patches: PagePatch[] = pagePatches): string {
  let out = html;
  for (const { why, find, replace } of patches) {
    const count = out.split(find).length - 1;
    if (count !== 1) {
      throw new Error(`docs patch (${why}): expected 1 match of ${JSON.stringify(find)}, found ${count}`);
    }
    out = out.replace(find, () => replace);
  }
  return out;
}

/**
 * Builds the page into a file of its own and renames it into place, so that builds that overlap (two
 * sandboxes starting at once, a test and `npm start`) never read each other's half-patched page: each
 * writes a whole, patched page, and a reader sees the old one or a new one.
 */
export function buildDocs(): string {
  mkdirSync(docsDir, { recursive: true });
  const draft = path.join(docsDir, `.index-${process.pid}-${randomUUID()}.html`);
  try {
    redocly(['build-docs', bundledSpec, '-o', draft, '--inlineBundle']);
    writeFileSync(draft, patchPage(readFileSync(draft, 'utf8')));
    renameSync(draft, docsPage);
  } finally {
    rmSync(draft, { force: true });
  }
  return docsPage;
}

/** True when the page is missing or older than anything it is built from. */
export function docsStale(): boolean {
  if (!existsSync(docsPage)) return true;
  const built = statSync(docsPage).mtimeMs;
  return docsInputs.some((input) => statSync(input).mtimeMs > built);
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
