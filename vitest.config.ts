import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Test files share their worker's modules (no fresh module graph per file): on 2 cores, a fresh
    // worker per file cost about 0.7 CPU-seconds each, a fifth of the run. Files keep no module-level
    // state that another file reads.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
          // The type-level tests (test/**/*.test-d.ts) are checked by `npm run typecheck`, whose tsc already
          // covers them: a second tsc here cost about 9 CPU-seconds of `npm test` and found nothing more.
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['contract-tests/**/*.test.ts'],
          globalSetup: ['contract-tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
