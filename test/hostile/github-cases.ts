// `contract` in GitHub Actions against a server whose answers carry workflow commands, Markdown and HTML:
// the CLI's stdout, read as the runner reads it, holds exactly one `::error` per broken rule and no other
// command; the job summary shows server text only inside fenced blocks, and its tables keep their cells.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { startReferenceApi } from '../../src/testing/index.ts';
import { memoryIo } from '../support/memory-io.ts';
import { CLI_KEY, CLI_SECRET } from './cli-cases.ts';
import { type CaseGroup, CONTACT, type HostileCase, TENANT } from './corpus.ts';

/** What a server could write to break out of an annotation or a summary. */
const HOSTILE = [
  '\n::warning title=pwned::injected after a line feed',
  '\r\n::add-mask::secret',
  '%0A::notice::pre-escaped line feed',
  '::stop-commands::pwned',
  ' | injected cell | another |',
  '```\n## injected heading\n```',
  '~~~~',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '[click me](https://evil.example/steal)',
  'https://evil.example/raw www.evil.example',
  '@octocat',
].join(' ');

/** Markers of each kind of breakout: none may stand outside a fenced block of the summary. */
const MARKERS = ['pwned', 'injected', '<script', '<img', '](', 'https://evil', 'www.evil', '@octocat', '## injected'];

/**
 * The workflow commands the runner would act on in `output`: each line, trimmed, that starts with `::`,
 * with GitHub's `stop-commands` pause honoured (until a line `::TOKEN::`).
 */
export function workflowCommands(output: string): { name: string; properties: string; data: string }[] {
  const commands: { name: string; properties: string; data: string }[] = [];
  let paused: string | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    if (paused !== undefined) {
      if (line === `::${paused}::`) paused = undefined;
      continue;
    }
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, name, properties = '', data = ''] = match;
    if (name === 'stop-commands') paused = data;
    else commands.push({ name: name!, properties, data });
  }
  return commands;
}

/** The summary's lines outside its fenced blocks, checking that each block opened is closed. */
function outsideFences(markdown: string): string[] {
  const outside: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const opener = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && opener) fence = opener;
    else if (fence !== undefined && line === fence) fence = undefined;
    else if (fence === undefined) outside.push(line);
  }
  expect(fence, 'every fenced block is closed').toBeUndefined();
  return outside;
}

function githubCase(input: string, transform: (page: Record<string, unknown>) => unknown): HostileCase {
  return {
    input,
    check: async () => {
      const api = await startReferenceApi({
        seed: 'github-hostile',
        dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 30 }],
        credentials: { apiKeys: [{ key: CLI_KEY, secret: CLI_SECRET }] },
        transformPage: (page) => transform(page as unknown as Record<string, unknown>),
      });
      const dir = mkdtempSync(path.join(tmpdir(), 'cxi-github-'));
      const summaryFile = path.join(dir, 'summary.md');
      try {
        const { io, out } = memoryIo({
          env: {
            CXENGAGE_API_KEY: CLI_KEY,
            CXENGAGE_API_SECRET: CLI_SECRET,
            GITHUB_ACTIONS: 'true',
            GITHUB_STEP_SUMMARY: summaryFile,
          },
        });
        const argv = ['contract', '--tenant', TENANT, '--contact', CONTACT, '--base-url', api.baseUrl];
        const code = await runCli([...argv, '--max-pages', '3', '--skip-successor'], io);
        expect(code).toBe(1); // drift

        const commands = workflowCommands(out.stdout + out.stderr);
        expect(commands.length).toBeGreaterThan(0);
        expect(commands.map((c) => c.name)).toEqual(commands.map(() => 'error'));
        for (const command of commands) expect(command.properties).toMatch(/^title=CxEngage contract%3A [a-z-]+ \(/);
        expect(new Set(commands.map((c) => c.properties)).size).toBe(commands.length); // one per broken rule
        expect(commands.some((c) => c.data.includes('pwned'))).toBe(true); // the text is there, escaped

        const summary = readFileSync(summaryFile, 'utf8');
        expect(summary).toContain('pwned'); // shown, inside a block
        const outside = outsideFences(summary);
        for (const marker of MARKERS) expect(outside.filter((line) => line.includes(marker))).toEqual([]);
        // Every row of a table has its header's cells: no text split one.
        let cells = 0;
        for (const [i, line] of outside.entries()) {
          if (!line.startsWith('|')) continue;
          if (!outside[i - 1]?.startsWith('|')) cells = line.split('|').length;
          expect(line.split('|').length, line).toBe(cells);
        }
        expect(summary).not.toContain(CLI_SECRET);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await api.close();
      }
    },
  };
}

export const githubGroups: CaseGroup[] = [
  {
    name: 'contract in GitHub Actions: server text cannot break out of annotations or the summary',
    cases: [
      githubCase('workflow commands and Markdown in `offset` (a string where a number goes)', (page) => ({
        ...page,
        offset: HOSTILE,
      })),
      githubCase('workflow commands and Markdown as an extra key and in `page`', (page) => ({
        ...page,
        page: HOSTILE,
        [HOSTILE]: HOSTILE,
      })),
    ],
  },
];
