// Breaking-change gate: compares the spec against the last released baseline with `redocly diff`
// (diff-recommended rules) and fails on a breaking change unless info.version got a major bump.
// Usage: check-breaking.ts [--base FILE] [--rev FILE]   (defaults: openapi/released, generated/)
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { bundledSpec, redoclyBin, redoclyEnv, releasedSpec, root } from './lib/tools.ts';

interface DiffReport {
  infoVersions: { base: string; revision: string };
  summary: { major: number; minor: number; patch: number };
  changes: {
    impact: string;
    verdicts?: { ruleId: string; impact: string; message: string; location?: { pointer: string } }[];
  }[];
}

const { values } = parseArgs({ options: { base: { type: 'string' }, rev: { type: 'string' } } });
const base = values.base ?? releasedSpec;
const rev = values.rev ?? bundledSpec;

let raw: string;
try {
  raw = execFileSync(
    process.execPath,
    [redoclyBin, 'diff', base, rev, '--config', `${root}/redocly.diff.yaml`, '--format', 'json', '--fail-on', 'none'],
    {
      cwd: root,
      env: redoclyEnv,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
} catch (err) {
  console.error(
    `check:breaking: redocly diff could not compare the specs:\n${(err as { stderr?: string }).stderr ?? err}`,
  );
  process.exit(2);
}
const report = JSON.parse(raw) as DiffReport;
const major = (v: string) => Number.parseInt(v.split('.')[0] ?? '', 10);
const { base: baseVersion, revision: revVersion } = report.infoVersions;
const { summary } = report;
console.log(
  `check:breaking: ${baseVersion} → ${revVersion}: ${summary.major} breaking, ${summary.minor} minor, ${summary.patch} patch`,
);

if (summary.major === 0) process.exit(0);
for (const change of report.changes.filter((c) => c.impact === 'major')) {
  for (const v of change.verdicts ?? [])
    if (v.impact === 'major') console.log(`  breaking: ${v.message} (${v.ruleId}) at ${v.location?.pointer ?? '?'}`);
}
if (major(revVersion) > major(baseVersion)) {
  console.log(`check:breaking: accepted, info.version has the major bump (${baseVersion} → ${revVersion}).`);
  process.exit(0);
}
console.error(
  `check:breaking: FAILED: breaking changes need a major bump of info.version (now ${revVersion}, released ${baseVersion}).`,
);
process.exit(1);
