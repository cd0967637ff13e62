// The response size cap under real bodies that would exhaust memory: a 500 MB page (declared and
// streamed), an endless one and a gzip bomb, each read by a client in its own process, whose RSS
// growth must stay under the cap plus a margin. The cap (8 MiB, the default) is what keeps this fast.
// The server is the reference API, whose `intercept` hook pours each scenario's body.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../src/http/read-body.ts';
import { type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';

const MB = 1024 * 1024;
const MARGIN = 64 * MB;
const chunk = Buffer.alloc(64 * 1024, 0x20); // JSON whitespace: a valid start of a body that never ends

/** Writes `chunk` until `total` bytes (or forever), respecting back-pressure, stopping when the client goes. */
function pour(res: ServerResponse, total: number): void {
  let sent = 0;
  const more = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  more();
}

// A gzip bomb: gzip members may be concatenated, and each inflates 1 MiB of zeros from about 1 KB;
// 600 of them are about 600 KB on the wire and 600 MiB inflated.
const member = gzipSync(Buffer.alloc(MB), { level: 9 });
const bomb = Buffer.concat(Array.from({ length: 600 }, () => member));

const scenarios = {
  'declared-500mb': (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(500 * MB) });
    pour(res, 500 * MB);
  },
  'streamed-500mb': (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    pour(res, 500 * MB);
  },
  endless: (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    pour(res, Number.POSITIVE_INFINITY);
  },
  'gzip-bomb': (res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': String(bomb.length),
    });
    res.end(bomb);
  },
  'error-body-500mb': (res: ServerResponse) => {
    res.writeHead(503, { 'content-type': 'application/json' });
    pour(res, 500 * MB);
  },
} as const;
type Scenario = keyof typeof scenarios;

interface Outcome {
  name?: string;
  message?: string;
  limitBytes?: number;
  rssBefore: number;
  /** The highest RSS since the baseline: sampled every millisecond, and the kernel's peak mark (VmHWM) on Linux. */
  rssPeak: number;
}

const childScript = path.join(root, 'test/faults/size-cap-child.mjs');
const built = path.join(root, 'dist/src/index.js');

/** A child process per scenario, on the built SDK: its RSS is its own, and plain node starts fast. */
function child(baseUrl: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', childScript, baseUrl], { timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).mtimeMs,
    ),
  );
}

describe('maxResponseBytes under bodies that would exhaust memory', () => {
  const requests: Record<string, number> = {};
  let server: ReferenceApi | undefined;
  let base = '';

  beforeAll(async () => {
    if (!existsSync(built) || statSync(built).mtimeMs < newest(path.join(root, 'src'))) {
      throw new Error('dist/ is missing or older than src/: run `npm run build` first');
    }
    server = await startReferenceApi({
      // The first path segment names the scenario (`/warm-up` answers `{}`): every request is taken over.
      intercept: (_req, res, url) => {
        const name = url.pathname.split('/')[1] ?? '';
        if (name === 'warm-up') res.end('{}');
        else {
          const scenario = name as Scenario;
          requests[scenario] = (requests[scenario] ?? 0) + 1;
          scenarios[scenario](res);
        }
        return true;
      },
    });
    base = `http://${server.host}:${server.port}`;
  });

  afterAll(async () => {
    await server?.close();
  });

  it.concurrent.each(Object.keys(scenarios) as Scenario[])(
    '%s: ResponseTooLargeError, no retry, RSS growth under the cap + 64 MB',
    async (scenario) => {
      const outcome = await child(`${base}/${scenario}/v1`);
      const growth = outcome.rssPeak - outcome.rssBefore;
      console.log(
        `size cap ${scenario}: RSS ${(outcome.rssBefore / MB).toFixed(0)} MB before, peak ${(outcome.rssPeak / MB).toFixed(0)} MB: growth ${(growth / MB).toFixed(1)} MB (bound ${(DEFAULT_MAX_RESPONSE_BYTES + MARGIN) / MB} MB)`,
      );
      expect(outcome).toMatchObject({ name: 'ResponseTooLargeError', limitBytes: DEFAULT_MAX_RESPONSE_BYTES });
      expect(outcome.message).toMatch(/exceeds maxResponseBytes \(8388608 bytes\)/);
      expect(growth).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + MARGIN);
      expect(requests[scenario]).toBe(1);
    },
  );
});
