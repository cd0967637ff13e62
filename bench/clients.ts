// The clients the benchmarks compare, all fetching the same page from the same server.
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.d.ts';
import { spec } from '../generated/spec.ts';
import { type ClientOptions, createInteractionsClient } from '../src/index.ts';
import { benchHeaders, benchIds, benchPath, benchToken } from './fixtures.ts';

const interactionsPath = spec.operations.listContactInteractions.path;

export type FetchOnce = () => Promise<number>;

/** Each returns the number of results read, so no variant can skip parsing unnoticed. */
export function pageFetchers(
  baseUrl: string,
  limit: number,
): Record<'raw' | 'openapiFetch' | 'sdkOff' | 'sdkStrict', FetchOnce> {
  const url = `${baseUrl}${benchPath}?limit=${limit}&page=0`;
  const bare = createClient<paths>({ baseUrl, headers: benchHeaders });
  const sdk = (validate: 'off' | 'strict') =>
    createInteractionsClient({ auth: { token: benchToken }, baseUrl, validate });
  const off = sdk('off');
  const strict = sdk('strict');
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
  };
}

export function sdkClient(baseUrl: string, options: Partial<ClientOptions> = {}) {
  return createInteractionsClient({ auth: { token: benchToken }, baseUrl, ...options });
}
