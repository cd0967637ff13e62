// Paths and spawn helpers shared by the scripts and the test harnesses.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { redoclyNode } from './node-releases.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const specEntry = path.join(root, 'openapi/openapi.yaml');
export const bundledSpec = path.join(root, 'generated/openapi.yaml');
export const releasedSpec = path.join(root, 'openapi/released/openapi.yaml');
export const redoclyBin = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
export const prismBin = path.join(root, 'node_modules/@stoplight/prism-cli/dist/index.js');

/** Environment that keeps Redocly quiet and offline. */
export const redoclyEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

export { redoclyNode };

/** Runs the Redocly CLI (on a Node it supports); throws with its output when it fails. */
export function redocly(args: string[], opts: { cwd?: string } = {}): string {
  return execFileSync(redoclyNode(), [redoclyBin, ...args], {
    cwd: opts.cwd ?? root,
    env: redoclyEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
