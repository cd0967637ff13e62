// What a consumer's `npm install cxengage-interactions` brings: openapi-fetch (and its own small tree),
// nothing more. The database drivers a store needs (better-sqlite3, pg) are peers that npm installs only
// when they are not optional, so each must be marked optional: those who choose a store install its driver.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

describe('the package install', () => {
  it('depends on openapi-fetch alone', () => {
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['openapi-fetch']);
  });

  it('marks every peer dependency optional, so npm never installs one unasked', () => {
    const peers = Object.keys(manifest.peerDependencies ?? {});
    expect(peers).toEqual(expect.arrayContaining(['better-sqlite3', 'pg']));
    for (const peer of peers) expect(manifest.peerDependenciesMeta?.[peer]?.optional, peer).toBe(true);
  });
});
