// The shape of what a browser app downloads up front, bundled as the bench bundles it (bench/bundle-size.ts:
// esbuild, ESM, splitting): the app's own chunk and one chunk it shares with the modules loaded on demand.
// Every further shared chunk is downloaded up front as well, and costs its own compression and imports: it
// appears when a module loaded on demand imports code loaded up front other than through
// `src/http/up-front.ts`, and this test names the modules of each chunk so that the import can be found.
// (The sizes themselves are the bench's figure 4, not asserted here.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_APPS, type BundleApp, bundle, entryOutput, staticClosure } from '../bench/bundle-size.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cxi-bundle-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a bundled app loads up front', () => {
  it.each(Object.keys(BUNDLE_APPS) as BundleApp[])('%s: its own chunk and one shared chunk', async (name) => {
    const entry = path.join(dir, `${name}.ts`);
    writeFileSync(entry, BUNDLE_APPS[name].source);
    const meta = await bundle(entry, path.join(dir, name));
    const initial = [...staticClosure(meta, entryOutput(meta, entry))];
    const modules = initial.map((file) =>
      Object.entries(meta.outputs[file]!.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([module]) => path.relative(process.cwd(), path.resolve(module)))
        .sort(),
    );
    expect(modules, 'the modules of each chunk loaded up front').toHaveLength(2);
    // What the request path needs is all there, split between the two.
    expect(modules.flat()).toEqual(
      expect.arrayContaining([
        'src/client/client.ts',
        'src/http/options.ts',
        'src/http/retry.ts',
        'src/errors.ts',
        'node_modules/openapi-fetch/dist/index.mjs',
      ]),
    );
    // And nothing that only a failure, a validating client or an iterator needs: the error classes of
    // those included, which the package root exports (through `src/client/on-demand-errors.ts`).
    for (const lazy of [
      'src/auth/redact.ts',
      'src/http/retry-policy.ts',
      'src/validation/page.ts',
      'src/validation/response.ts',
      'src/http/failures.ts',
      'src/auth/credentials-error.ts',
      'src/paging/pagination-error.ts',
      'src/client/on-demand-errors.ts',
    ]) {
      expect(modules.flat()).not.toContain(lazy);
    }
  });
});
