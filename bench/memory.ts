// Figure 3: memory growth while iterating a very long history, the SDK against a raw-fetch walk.
import { spawnTs, startPageServer } from './servers.ts';

export interface MemoryRun {
  mode: 'sdk' | 'raw';
  count: number;
  ms: number;
  rssGrowthBytes: number;
  heapGrowthBytes: number;
  retainedHeapBytes: number;
}

async function runChild(baseUrl: string, count: number, mode: 'sdk' | 'raw'): Promise<MemoryRun> {
  const child = spawnTs('memory-child.ts', [baseUrl, String(count), mode], ['--expose-gc']);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4_000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`memory child (${mode}) exited with ${code}:\n${err}`);
  return JSON.parse(out) as MemoryRun;
}

export async function measureMemory(opts: {
  count: number;
  rawCount: number;
}): Promise<{ sdk: MemoryRun; raw: MemoryRun }> {
  const server = await startPageServer({ total: opts.count });
  try {
    // The raw baseline walks a prefix of the same history: it only needs to show the floor.
    const raw = await runChild(server.baseUrl, opts.rawCount, 'raw');
    const sdk = await runChild(server.baseUrl, opts.count, 'sdk');
    return { sdk, raw };
  } finally {
    await server.stop();
  }
}
