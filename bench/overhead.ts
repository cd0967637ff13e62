// Figure 1: per-call cost of one 100-item page over keep-alive loopback HTTP, the SDK against a bare
// openapi-fetch call on the same page (the baseline: what the SDK sits on), with raw fetch for reference.
//
// Noise control: the server runs in a child process (its CPU is not charged here); the variants run in
// batches, interleaved round by round in rotated order, so a noisy moment hits all alike; each batch is
// timed both by the wall clock and by this process's CPU time (process.cpuUsage, user + system: what the
// client itself spent, which other processes on the machine cannot inflate). A ratio is the median over
// rounds of the per-round ratio (paired samples), with the interquartile range of those ratios as the noise.
import { pageFetchers } from './clients.ts';
import { interleave, median, quantile } from './measure.ts';
import type { BenchServer } from './servers.ts';

export type Variant = 'raw' | 'openapiFetch' | 'sdkOff' | 'sdkStrict' | 'sdkOffApiOnly' | 'sdkOffTraced';

/** A ratio as the median of per-round ratios, with the interquartile range (the noise) beside it. */
export interface PairedRatio {
  median: number;
  q1: number;
  q3: number;
}

export interface OverheadResult {
  /** Calls per variant (rounds × batch). */
  calls: number;
  rounds: number;
  batch: number;
  /** Median over rounds of each batch's wall time per call, in ms. */
  wallMsPerCall: Record<Variant, number>;
  /** Median over rounds of each batch's CPU time (user + system) per call, in ms. */
  cpuMsPerCall: Record<Variant, number>;
  /**
   * SDK off / bare openapi-fetch, SDK strict / bare openapi-fetch, SDK strict / SDK off, and OpenTelemetry's
   * cost: SDK off with the API but no SDK, and with a recording tracer, each / SDK off without; wall and CPU.
   */
  ratios: Record<
    'offVsOpenapiFetch' | 'strictVsOpenapiFetch' | 'strictVsOff' | 'apiOnlyVsOff' | 'tracedVsOff',
    { wall: PairedRatio; cpu: PairedRatio }
  >;
}

interface Sample {
  wall: number;
  cpu: number;
}

export async function measureOverhead(
  server: BenchServer,
  opts: { calls: number; rounds: number },
): Promise<OverheadResult> {
  const fetchers = pageFetchers(server.baseUrl, 100);
  const batch = Math.ceil(opts.calls / opts.rounds);
  const timedBatch = (fetchOnce: () => Promise<number>) => async (): Promise<Sample> => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      if ((await fetchOnce()) !== 100) throw new Error('a page came back without its 100 results');
    }
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wall: wall / batch, cpu: (used.user + used.system) / 1000 / batch };
  };
  const variants: Record<Variant, () => Promise<Sample>> = {
    raw: timedBatch(fetchers.raw),
    openapiFetch: timedBatch(fetchers.openapiFetch),
    sdkOff: timedBatch(fetchers.sdkOff),
    sdkStrict: timedBatch(fetchers.sdkStrict),
    sdkOffApiOnly: timedBatch(fetchers.sdkOffApiOnly),
    sdkOffTraced: timedBatch(fetchers.sdkOffTraced),
  };
  await interleave(variants, 3); // warm-up: JIT, keep-alive connections, the lazily loaded validators
  const samples = await interleave(variants, opts.rounds);
  const per = (kind: keyof Sample) =>
    Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median((s as Sample[]).map((x) => x[kind]))]));
  const paired = (a: Variant, b: Variant, kind: keyof Sample): PairedRatio => {
    const r = samples[a].map((s, i) => s[kind] / samples[b][i]![kind]);
    return { median: median(r), q1: quantile(r, 0.25), q3: quantile(r, 0.75) };
  };
  const both = (a: Variant, b: Variant) => ({ wall: paired(a, b, 'wall'), cpu: paired(a, b, 'cpu') });
  return {
    calls: batch * opts.rounds,
    rounds: opts.rounds,
    batch,
    wallMsPerCall: per('wall') as Record<Variant, number>,
    cpuMsPerCall: per('cpu') as Record<Variant, number>,
    ratios: {
      offVsOpenapiFetch: both('sdkOff', 'openapiFetch'),
      strictVsOpenapiFetch: both('sdkStrict', 'openapiFetch'),
      strictVsOff: both('sdkStrict', 'sdkOff'),
      apiOnlyVsOff: both('sdkOffApiOnly', 'sdkOff'),
      tracedVsOff: both('sdkOffTraced', 'sdkOff'),
    },
  };
}
