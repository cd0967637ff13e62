/** The package's version, for `--version` and the reports. */
import { createRequire } from 'node:module';

export function packageVersion(): string {
  // Self-reference by package name: the same line works from src/ and from dist/src/.
  const require = createRequire(import.meta.url);
  return (require('cxengage-interactions/package.json') as { version: string }).version;
}
