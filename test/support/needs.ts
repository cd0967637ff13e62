// One policy for tests that need a component a laptop may lack (Chromium, util-linux `script`):
// run when it is there; when it is missing, print a loud SKIP line with the install command, except
// in CI (CI=true or 1), where the missing component is a failing test instead.
import { describe, it } from 'vitest';

const inCI = ['1', 'true'].includes((process.env.CI ?? '').toLowerCase());

/** Whether tests that need `component` should run. Call at module level, beside the `describe`. */
export function needs(component: string, present: boolean, install: string): boolean {
  if (present) return true;
  if (inCI) {
    describe(`${component} (required in CI)`, () => {
      it(`${component} is installed`, () => {
        throw new Error(`${component} is required in CI. Install it with: ${install}`);
      });
    });
  } else {
    console.warn(
      `\n${'!'.repeat(78)}\nSKIP: ${component} not found. Install it with:\n    ${install}\n${'!'.repeat(78)}\n`,
    );
  }
  return false;
}
