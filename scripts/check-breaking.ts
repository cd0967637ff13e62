// Breaking-change gate: compares the spec against the last released baseline with `redocly diff`
// (diff-recommended rules) and fails on a breaking change unless info.version got a major bump.
// Usage: check-breaking.ts [--base FILE] [--rev FILE]   (defaults: openapi/released, generated/)
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledSpec, redoclyBin, redoclyEnv, redoclyNode, releasedSpec, root } from './lib/tools.ts';

interface DiffReport {
  infoVersions: { base: string; revision: string };
  summary: { major: number; minor: number; patch: number };
  changes: {
    impact: string;
    verdicts?: { ruleId: string; impact: string; message: string; location?: { pointer: string } }[];
  }[];
}

/** The gate's exit status (0 pass, 1 breaking, 2 no comparison) and what it prints on stdout and stderr. */
export interface BreakingVerdict {
  status: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

function redoclyDiff(base: string, rev: string): Promise<string> {
  const config = `${root}/redocly.diff.yaml`;
  return new Promise((resolve, reject) => {
    execFile(
      redoclyNode(),
      [redoclyBin, 'diff', base, rev, '--config', config, '--format', 'json', '--fail-on', 'none'],
      { cwd: root, env: redoclyEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(Object.assign(error, { stderr })) : resolve(stdout)),
    );
  });
}

/** Runs the gate on two spec files. Exported for the gate's own tests, which run many cases at once. */
export async function checkBreaking(base = releasedSpec, rev = bundledSpec): Promise<BreakingVerdict> {
  let raw: string;
  try {
    raw = await redoclyDiff(base, rev);
  } catch (err) {
    const why = (err as { stderr?: string }).stderr || String(err);
    return { status: 2, stdout: '', stderr: `check:breaking: redocly diff could not compare the specs:\n${why}\n` };
  }
  const report = JSON.parse(raw) as DiffReport;
  const major = (v: string) => Number.parseInt(v.split('.')[0] ?? '', 10);
  const { base: baseVersion, revision: revVersion } = report.infoVersions;
  const { summary } = report;
  const out = [
    `check:breaking: ${baseVersion} → ${revVersion}: ${summary.major} breaking, ${summary.minor} minor, ${summary.patch} patch`,
  ];
  if (summary.major === 0) return { status: 0, stdout: lines(out), stderr: '' };
  for (const change of report.changes.filter((c) => c.impact === 'major')) {
    for (const v of change.verdicts ?? [])
      if (v.impact === 'major') out.push(`  breaking: ${v.message} (${v.ruleId}) at ${v.location?.pointer ?? '?'}`);
  }
  if (major(revVersion) > major(baseVersion)) {
    out.push(`check:breaking: accepted, info.version has the major bump (${baseVersion} → ${revVersion}).`);
    return { status: 0, stdout: lines(out), stderr: '' };
  }
  const failed = `check:breaking: FAILED: breaking changes need a major bump of info.version (now ${revVersion}, released ${baseVersion}).`;
  return { status: 1, stdout: lines(out), stderr: lines([failed]) };
}

const lines = (list: string[]) => list.map((line) => `${line}\n`).join('');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { base: { type: 'string' }, rev: { type: 'string' } } });
  const verdict = await checkBreaking(values.base, values.rev);
  process.stdout.write(verdict.stdout);
  process.stderr.write(verdict.stderr);
  process.exitCode = verdict.status;
}
