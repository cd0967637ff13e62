// Schema conformance: the SDK (strict) and ajv both accept every named example of the static
// mock and 200 dynamic-mock bodies, each drawn with a different seed.
import { describe, expect, it } from 'vitest';
import { contract, dynamicMock, sdkClient } from './support/client.ts';
import { everyBodyConformsTest, recordingFetch } from './support/recording-fetch.ts';
import { namedExamples, validateBody } from './support/spec.ts';

// Distinct bodies wanted; a few seeds happen to give the same body, so a few more seeds are tried.
const DISTINCT_BODIES = 200;
const MAX_SEEDS = 260;
const IN_FLIGHT = 4;
const recorder = recordingFetch();
const params = () => ({ tenantId: contract().tenantId, contactId: contract().contacts['10']! });

describe('schema conformance: static mock', () => {
  const examples = namedExamples(200);

  it('the spec declares named 200 examples', () => {
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(2);
  });

  it.each(Object.keys(examples))('named example %s parses through the SDK in strict mode, unchanged', async (name) => {
    const chosen = recordingFetch({ headers: { prefer: `example=${name}` }, inner: recorder.fetch });
    const page = await sdkClient(contract().mockUrl, chosen).listInteractions(params());
    expect(page).toEqual(examples[name]);
  });
});

describe('schema conformance: dynamic mock', () => {
  it(`${DISTINCT_BODIES} distinct bodies (Prefer: dynamic=true, seed=N) are schema-valid and parse through the SDK in strict mode`, async () => {
    const bodies = new Set<string>();
    let parsed = 0;
    let seed = 0;
    // One seed per request; a few in flight so the SDK's and ajv's work overlaps Prism's generation.
    // The spec pins the mock's generated `limit` to the maximum (x-faker), because Prism fills
    // `results` to maxItems: so every dynamic page honours "at most `limit` results" and must parse.
    const one = async (seedToUse: number) => {
      const perSeed = recordingFetch({ headers: dynamicMock(seedToUse), inner: recorder.fetch });
      // One retry, as the SDK's default would: on a loaded machine Prism, busy generating, can close a
      // kept-alive connection as the next request goes out (ECONNRESET, no response). Only responses are
      // recorded, so a retried 5xx would still show as a second record and fail below.
      const client = sdkClient(contract().mockUrl, perSeed, { maxRetries: 1 });
      const page = await client.listInteractions({ ...params(), limit: 100 });
      expect(page.results.length).toBeLessThanOrEqual(page.limit);
      parsed++;
      const record = perSeed.records.at(-1)!;
      expect(record.valid, `seed ${seedToUse}: ${record.issues.join('; ')}`).toBe(true);
      expect(perSeed.records).toHaveLength(1);
      expect(perSeed.records[0]!.status).toBe(200);
      bodies.add(perSeed.records[0]!.digest);
    };
    while (bodies.size < DISTINCT_BODIES && seed < MAX_SEEDS) {
      const batch = Array.from(
        { length: Math.min(IN_FLIGHT, DISTINCT_BODIES - bodies.size, MAX_SEEDS - seed) },
        () => ++seed,
      );
      await Promise.all(batch.map(one));
    }
    expect(parsed).toBe(seed);
    expect(bodies.size).toBe(DISTINCT_BODIES);
  });
});

describe('schema conformance: the ajv check itself', () => {
  it('rejects a body that breaks the spec (so a passing conformance check means something)', () => {
    const example = Object.values(namedExamples(200))[0] as { results: Record<string, unknown>[] };
    const broken = { ...example, results: [{ ...example.results[0], note: true }] };
    expect(validateBody(200, example).valid).toBe(true);
    expect(validateBody(200, broken)).toMatchObject({ valid: false });
  });
});

everyBodyConformsTest(recorder);
