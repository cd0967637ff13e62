// The Redocly CLI as package.json scripts run it (`npm run lint`): on a Node it supports without its
// end-of-life notice (lib/node-releases.ts), quiet and offline. Arguments are Redocly's own.
import { spawnSync } from 'node:child_process';
import { redoclyBin, redoclyEnv, redoclyNode, root } from './lib/tools.ts';

const { status, error } = spawnSync(redoclyNode(), [redoclyBin, ...process.argv.slice(2)], {
  cwd: root,
  env: redoclyEnv,
  stdio: 'inherit',
});
if (error) throw error;
process.exit(status ?? 1);
