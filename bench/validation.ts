// Figure 5: strict validation throughput on 100-item pages, against JSON.parse of the same page,
// and the SDK's strict mode against its validation-off mode with an in-memory fetch (no network).
import { validateInteractionPage } from '../generated/validators.js';
import { generateInteractions } from '../src/testing/index.ts';
import { sdkClient } from './clients.ts';
import { benchIds } from './fixtures.ts';
import { interleave, median } from './measure.ts';

export interface ValidationResult {
  pages: number;
  pagesPerSecond: { validate: number; jsonParse: number; sdkStrict: number; sdkOff: number };
}

export async function measureValidation(opts: { pages: number; rounds: number }): Promise<ValidationResult> {
  const results = generateInteractions(100, 'bench-validation');
  const text = JSON.stringify({ page: 0, limit: 100, offset: 0, total: 1000, results });
  const parsed = JSON.parse(text) as unknown;
  const inMemory = (async () =>
    new Response(text, { headers: { 'content-type': 'application/json' } })) as typeof fetch;
  const strict = sdkClient('http://127.0.0.1:9/v1', { fetch: inMemory, validate: 'strict' });
  const off = sdkClient('http://127.0.0.1:9/v1', { fetch: inMemory, validate: 'off' });
  const params = { ...benchIds, limit: 100, page: 0 };
  const { pages } = opts;
  const perSecond = (ms: number) => (pages / ms) * 1_000;
  const loop = (fn: () => unknown) => async () => {
    const start = performance.now();
    for (let i = 0; i < pages; i++) if (!fn()) throw new Error('a valid page failed validation');
    return performance.now() - start;
  };
  const sdkLoop = (client: typeof strict) => async () => {
    const start = performance.now();
    for (let i = 0; i < pages; i++) await client.listInteractions(params);
    return performance.now() - start;
  };
  const variants = {
    validate: loop(() => validateInteractionPage(parsed)),
    jsonParse: loop(() => JSON.parse(text)),
    sdkStrict: sdkLoop(strict),
    sdkOff: sdkLoop(off),
  };
  await interleave(variants, 1);
  const samples = await interleave(variants, opts.rounds);
  return {
    pages,
    pagesPerSecond: {
      validate: perSecond(median(samples.validate)),
      jsonParse: perSecond(median(samples.jsonParse)),
      sdkStrict: perSecond(median(samples.sdkStrict)),
      sdkOff: perSecond(median(samples.sdkOff)),
    },
  };
}
