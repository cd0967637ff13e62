// The progress line appears on stderr only when stderr is a terminal. util-linux `script` gives the
// built CLI a real pseudo-terminal; the inner shell sends stdout to a file, so only stderr is the tty.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../../../scripts/lib/tools.ts';
import { type ReferenceApi, startReferenceApi } from '../../../../src/testing/index.ts';
import { needs } from '../../../support/needs.ts';

const cli = path.join(root, 'dist/src/cli/main.js');
const tenant = '6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b';
const contact = '7b2e1d4f-3c5e-4f60-9b8a-1d2e3f4a5b6c';
const count = 230;
let api: ReferenceApi;
let scratch: string;
let runs = 0;

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'tty',
    dataSets: [{ tenantId: tenant, contactId: contact, interactions: count }],
    credentials: { apiKeys: [{ key: 'tty-key', secret: 'tty-secret' }] },
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'cxi-tty-'));
});

afterAll(async () => {
  await api?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs the CLI under a pty; returns what the terminal showed and what stdout (a file) received. */
function underTerminal(args: string[], env: Record<string, string> = {}) {
  const out = path.join(scratch, `out-${++runs}.ndjson`);
  const quoted = [process.execPath, cli, ...args].map((a) => `'${a}'`).join(' ');
  return new Promise<{ code: number; terminal: string; stdout: string }>((resolve) => {
    execFile(
      'script',
      ['-qec', `${quoted} > '${out}'`, '/dev/null'],
      {
        env: { PATH: process.env.PATH ?? '', CXENGAGE_API_KEY: 'tty-key', CXENGAGE_API_SECRET: 'tty-secret', ...env },
        timeout: 30_000,
      },
      (error, terminal) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, terminal, stdout: readFileSync(out, 'utf8') });
      },
    );
  });
}

// util-linux `script` (Debian, most Linux) takes -qec; BSD/macOS `script` does not.
const hasScript = /util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '');
describe.runIf(needs('util-linux `script` (CLI terminal test)', hasScript, 'apt-get install -y util-linux'))(
  'progress on a terminal',
  () => {
    it('shows a progress line on stderr when it is a tty, and keeps stdout pure data', async () => {
      const r = await underTerminal([
        'list',
        '--tenant',
        tenant,
        '--contact',
        contact,
        '--base-url',
        api.baseUrl,
        '--all',
        '--format',
        'ndjson',
      ]);
      expect(r.code, r.terminal).toBe(0);
      expect(r.terminal).toContain('\x1b[2K'); // the line rewrites itself
      expect(r.terminal).toContain(`${count} interactions`);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(count);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    });

    it('shows nothing on stderr when it is not a tty (the same run, piped)', async () => {
      const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            cli,
            'list',
            '--tenant',
            tenant,
            '--contact',
            contact,
            '--base-url',
            api.baseUrl,
            '--all',
            '--format',
            'ndjson',
          ],
          { env: { PATH: process.env.PATH ?? '', CXENGAGE_API_KEY: 'tty-key', CXENGAGE_API_SECRET: 'tty-secret' } },
          (error, _stdout, stderr) => resolve({ code: error ? -1 : 0, stderr }),
        );
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    });
  },
);
