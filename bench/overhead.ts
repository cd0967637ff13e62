// Figure 1: per-call overhead of one 100-item page over keep-alive loopback HTTP.
import { pageFetchers } from './clients.ts';
import { interleave, median } from './measure.ts';
import type { BenchServer } from './servers.ts';

export interface OverheadResult {
  calls: number;
  msPerCall: Record<'raw' | 'openapiFetch' | 'sdkOff' | 'sdkStrict', number>;
}

export async function measureOverhead(
  server: BenchServer,
  opts: { calls: number; rounds: number },
): Promise<OverheadResult> {
  const fetchers = pageFetchers(server.baseUrl, 100);
  const batch = Math.ceil(opts.calls / opts.rounds);
  const timedBatch = (fetchOnce: () => Promise<number>) => async () => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      if ((await fetchOnce()) !== 100) throw new Error('a page came back without its 100 results');
    }
    return (performance.now() - start) / batch;
  };
  const variants = {
    raw: timedBatch(fetchers.raw),
    openapiFetch: timedBatch(fetchers.openapiFetch),
    sdkOff: timedBatch(fetchers.sdkOff),
    sdkStrict: timedBatch(fetchers.sdkStrict),
  };
  await interleave(variants, 2); // warm-up: JIT, keep-alive connections
  const samples = await interleave(variants, opts.rounds);
  return {
    calls: batch * opts.rounds,
    msPerCall: {
      raw: median(samples.raw),
      openapiFetch: median(samples.openapiFetch),
      sdkOff: median(samples.sdkOff),
      sdkStrict: median(samples.sdkStrict),
    },
  };
}
