// What package.json promises consumers. The install: openapi-fetch (and its own small tree), nothing
// more; the database drivers a store needs (better-sqlite3, pg) are peers that npm installs only when they
// are not optional, so each must be marked optional: those who choose a store install its driver. The
// README's GitHub Actions matrix lists the Node.js majors that `npm run test:matrix` tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { supportedMajors } from '../../scripts/lib/node-releases.ts';
import { root } from '../../scripts/lib/tools.ts';

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

describe('package.json', () => {
  it('depends on openapi-fetch alone', () => {
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['openapi-fetch']);
  });

  it('marks every peer dependency optional, so npm never installs one unasked', () => {
    const peers = Object.keys(manifest.peerDependencies ?? {});
    expect(peers).toEqual(expect.arrayContaining(['better-sqlite3', 'pg']));
    for (const peer of peers) expect(manifest.peerDependenciesMeta?.[peer]?.optional, peer).toBe(true);
  });

  it('lists in the README matrix the majors that test:matrix tests (engines: test/package/require.test.ts)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const matrices = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map(
        (block) => parse(block[1]!) as { jobs?: Record<string, { strategy?: { matrix?: Record<string, unknown> } }> },
      )
      .flatMap((workflow) => Object.values(workflow.jobs ?? {}))
      .map((job) => job.strategy?.matrix?.['node-version'])
      .filter((versions) => versions !== undefined);
    expect(matrices).toEqual([[...supportedMajors]]);
  });
});
