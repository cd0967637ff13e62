// `npm test`: every gate, every test and the smoke bench, as one command that fails when any part fails.
// The parts are package.json scripts, run as npm would run them (`sh -c`, node_modules/.bin on PATH) but
// side by side: on a 2-core machine one after another left a core idle whenever a test waited on a
// server or a subprocess. What the tests need (the build and the docs page) runs first, alone; then the
// tests start, and the other gates and the bench run beside them at a lower CPU priority (`nice`), so
// they fill the tests' idle time instead of slowing them down. Each part's output is printed as one
// block when it ends (the tests' last), then a table of wall times.
// Usage: node --import tsx scripts/test.ts [--only NAME,NAME…]
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './lib/tools.ts';

interface Part {
  /** A package.json script, or a name for `command`. */
  script: string;
  /** Run instead of the script of that name. */
  command?: string;
  /** Scripts that must have passed before this one starts. */
  after?: string[];
  /** Parts that must have ended, passed or not, before this one starts. */
  yieldTo?: string[];
  /** Runs at normal priority: the tests and what they wait for. */
  urgent?: boolean;
}

// What the tests wait for goes first, alone: started beside it, even at a lower priority, the gates
// stretched a 3-second build to 12–15 s, all of it on the way to the tests.
const first = ['build', 'docs:build'];

const parts: Part[] = [
  // The typecheck part checks what the build compiles (declarations included), so the build skips it.
  { script: 'build', command: 'tsx scripts/build.ts --no-check', urgent: true },
  { script: 'docs:build', urgent: true },
  { script: 'style', yieldTo: first },
  { script: 'lint', yieldTo: first },
  { script: 'check:generated', yieldTo: first },
  { script: 'check:breaking', yieldTo: first },
  { script: 'typecheck', yieldTo: first },
  { script: 'check:package', after: ['build'] },
  // The public API of each entry point against api/, read from the declarations the build wrote.
  { script: 'check:api', command: 'tsx scripts/check-api.ts --built', after: ['build'] },
  // Two workers (vitest's default on two cores is one): while one file waits on Prism, Chromium or a
  // child process, the other runs; measured 145 s for the whole of npm test against 175 s with one (before the build went first, alone).
  { script: 'vitest', command: 'vitest run --maxWorkers=2', after: ['build', 'docs:build'], urgent: true },
  { script: 'bench:smoke', after: ['build'] },
];

type Outcome = { code: number; ms: number; output: string };

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');
const scripts = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const chosen = parts.filter((p) => !only || only.includes(p.script));
for (const part of chosen)
  if (!part.command && !scripts[part.script]) throw new Error(`package.json has no script ${part.script}`);

const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  // Colours survive the pipe when the person running this sees a terminal.
  ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
};
const running = new Set<ChildProcess>();
const outcomes = new Map<string, Promise<Outcome>>();
const started = performance.now();

function run(part: Part): Promise<Outcome> {
  const command = part.command ?? scripts[part.script]!;
  // `nice` lowers the priority of the whole process tree the part starts.
  const [file, args] = part.urgent ? ['sh', ['-c', command]] : ['nice', ['-n', '10', 'sh', '-c', command]];
  const begin = performance.now();
  return new Promise((resolve) => {
    // A process group of its own, so that an interrupt can end the part's whole tree.
    const child = spawn(file, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => (output += `${error.message}\n`));
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), ms: performance.now() - begin, output });
    });
  });
}

function schedule(part: Part): Promise<Outcome> {
  let outcome = outcomes.get(part.script);
  if (outcome) return outcome;
  outcome = (async () => {
    for (const before of part.yieldTo ?? []) {
      const other = chosen.find((p) => p.script === before);
      if (other) await schedule(other);
    }
    for (const before of part.after ?? []) {
      const dependency = chosen.find((p) => p.script === before);
      if (!dependency) continue;
      const { code } = await schedule(dependency);
      if (code !== 0) return { code: -1, ms: 0, output: `not run: ${before} failed\n` };
    }
    const result = await run(part);
    report(part.script, result);
    return result;
  })();
  outcomes.set(part.script, outcome);
  return outcome;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (code: number) => (code === 0 ? 'ok' : code === -1 ? 'not run' : `FAILED (exit ${code})`);

function report(script: string, { code, ms, output }: Outcome): void {
  const rule = '─'.repeat(Math.max(0, 60 - script.length));
  process.stdout.write(`\n── ${script} ${rule}\n${output.trimEnd()}\n── ${script}: ${verdict(code)}, ${seconds(ms)}\n`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    for (const child of running) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // that part has just ended
      }
    }
    process.exit(130);
  });
}

// The tests first, so that the parts they wait for are scheduled ahead of the rest.
for (const part of [...chosen].sort((a, b) => Number(b.urgent ?? false) - Number(a.urgent ?? false)))
  void schedule(part);
const results = await Promise.all(chosen.map(schedule));
const failed = chosen.filter((_, i) => results[i]!.code !== 0);
const width = Math.max(...chosen.map((p) => p.script.length));
process.stdout.write('\nnpm test, wall time of each part (they overlap):\n');
chosen.forEach((p, i) => {
  process.stdout.write(
    `  ${p.script.padEnd(width)}  ${seconds(results[i]!.ms).padStart(8)}  ${verdict(results[i]!.code)}\n`,
  );
});
process.stdout.write(`  ${'total'.padEnd(width)}  ${seconds(performance.now() - started).padStart(8)}\n`);
if (failed.length > 0) {
  process.stdout.write(`\nnpm test FAILED: ${failed.map((p) => p.script).join(', ')}\n`);
  process.exit(1);
}
process.stdout.write('\nnpm test: every part passed\n');
