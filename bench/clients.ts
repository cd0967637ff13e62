// The clients the benchmarks compare, all fetching the same page from the same server.
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.d.ts';
import { spec } from '../generated/spec.ts';
import { type ClientOptions, createInteractionsClient } from '../src/index.ts';
import { benchHeaders, benchIds, benchPath, benchToken } from './fixtures.ts';

const interactionsPath = spec.operations.listContactInteractions.path;

export type FetchOnce = () => Promise<number>;

/** An exporter that takes every span and keeps none: a tracer's whole cost but the network's. */
const discard: SpanExporter = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} };

/**
 * Each returns the number of results read, so no variant can skip parsing unnoticed. The SDK variants
 * without a tracer take `tracing: false`: the path a process without `@opentelemetry/api` takes after its
 * one failed look-up (this repository has the package, as a dev dependency). `sdkOffApiOnly` is the
 * default where the package is installed but no OpenTelemetry SDK registered (its tracer a no-op);
 * `sdkOffTraced` records every span through an SDK tracer provider.
 */
export function pageFetchers(
  baseUrl: string,
  limit: number,
): Record<'raw' | 'openapiFetch' | 'sdkOff' | 'sdkStrict' | 'sdkOffApiOnly' | 'sdkOffTraced', FetchOnce> {
  const url = `${baseUrl}${benchPath}?limit=${limit}&page=0`;
  const bare = createClient<paths>({ baseUrl, headers: benchHeaders });
  const sdk = (validate: 'off' | 'strict', tracing: ClientOptions['tracing'] = false) =>
    createInteractionsClient({ auth: { token: benchToken }, baseUrl, validate, tracing });
  const off = sdk('off');
  const strict = sdk('strict');
  const apiOnly = sdk('off', true);
  const traced = sdk('off', {
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(discard)] }),
  });
  const params = { ...benchIds, limit, page: 0 };
  return {
    raw: async () =>
      ((await (await fetch(url, { headers: benchHeaders })).json()) as { results: unknown[] }).results.length,
    openapiFetch: async () => {
      const { data } = await bare.GET(interactionsPath, { params: { path: benchIds, query: { limit, page: 0 } } });
      return data?.results.length ?? 0;
    },
    sdkOff: async () => (await off.listInteractions(params)).results.length,
    sdkStrict: async () => (await strict.listInteractions(params)).results.length,
    sdkOffApiOnly: async () => (await apiOnly.listInteractions(params)).results.length,
    sdkOffTraced: async () => (await traced.listInteractions(params)).results.length,
  };
}

export function sdkClient(baseUrl: string, options: Partial<ClientOptions> = {}) {
  return createInteractionsClient({ auth: { token: benchToken }, baseUrl, ...options });
}
