// Runs in its own process, so nothing else lives on its heap: one call against a body that is too
// large, using the built SDK (plain node starts fast); prints the outcome and the RSS it took as JSON.
//   node --expose-gc test/faults/size-cap-child.mjs BASE_URL
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInteractionsClient } from '../../dist/src/index.js';

const [baseUrl = ''] = process.argv.slice(2);
const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc');

const client = createInteractionsClient({ baseUrl, auth: { token: 'size-cap-token' }, maxRetries: 3 });
// The first fetch loads and sets up undici (tens of MB): done before the baseline, so only the body counts.
await (await fetch(new URL('/warm-up', baseUrl))).text();
gc();
// The peak is this process's alone, from the baseline on. Not `process.resourceUsage().maxRSS`: the kernel
// keeps that figure across exec, so a child's starts at what the parent that spawned it held (a vitest
// worker of 200 MB or more), which is not this call's memory.
// On Linux the kernel's own high-water mark (VmHWM) is reset here and read at the end; elsewhere the
// millisecond samples are the measure.
const linux = existsSync('/proc/self/clear_refs');
if (linux) writeFileSync('/proc/self/clear_refs', '5');
const highWaterMark = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
const before = process.memoryUsage().rss;
let peak = before;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 1);
const error = await client
  .listInteractions({
    tenantId: '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
    contactId: '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c',
  })
  .then(
    () => undefined,
    (e) => e,
  );
clearInterval(sampler);
sample();
if (linux) peak = Math.max(peak, highWaterMark());
const outcome = { name: error?.name, message: error?.message, limitBytes: error?.limitBytes };
process.stdout.write(`${JSON.stringify({ ...outcome, rssBefore: before, rssPeak: peak })}\n`);
