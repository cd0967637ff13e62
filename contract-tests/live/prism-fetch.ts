// The contract checks through a local `prism proxy` (without --errors, so that the probes of what the
// spec forbids reach the server): a `fetch` that sends each request to the proxy instead of the base
// URL, and an `inspect` hook that turns Prism's verdicts on each answer (its `sl-violations` header)
// into findings. Prism's own answer for an unreachable upstream becomes the network error it stands for.
import type { ContractOptions } from '../../src/contract/types.ts';

interface Violation {
  location?: string[];
  severity?: string;
  message?: string;
}

/** A fetch that reroutes requests for `baseUrl` to `proxyUrl` (Prism adds the upstream's path itself). */
export function proxiedFetch(baseUrl: string, proxyUrl: string): typeof fetch {
  // Normalised as the SDK normalises a base URL, so that every request the checks send matches.
  const parsed = new URL(baseUrl);
  const base = `${parsed.origin}${parsed.pathname.replace(/\/{2,}/g, '/').replace(/\/$/, '')}`;
  const proxy = proxyUrl.replace(/\/+$/, '');
  return async (input, init) => {
    const request = new Request(input, init);
    const url = request.url.startsWith(base) ? `${proxy}${request.url.slice(base.length)}` : request.url;
    const response = await fetch(new Request(url, request), init);
    if (response.status === 500 && response.headers.get('content-type')?.startsWith('application/problem+json')) {
      const problem = (await response.clone().json()) as { type?: string; title?: string };
      if (problem.type === 'FetchError') {
        const code = /\b(E[A-Z_]{3,}|ERR_[A-Z_]+|CERT_[A-Z_]+)\b/.exec(problem.title ?? '')?.[1];
        throw new TypeError('fetch failed', { cause: Object.assign(new Error(problem.title ?? 'upstream'), { code }) });
      }
    }
    return response;
  };
}

/** Prism's response verdicts (errors only; request verdicts are expected: the probes send invalid requests). */
export const prismVerdicts: NonNullable<ContractOptions['inspect']> = ({ headers }) => {
  const header = headers.get('sl-violations');
  if (!header) return [];
  let violations: Violation[];
  try {
    violations = JSON.parse(header) as Violation[];
  } catch {
    return [];
  }
  return violations
    .filter((v) => v.severity === 'Error' && v.location?.[0] === 'response')
    .map((v) => ({
      pointer: `/${(v.location ?? []).slice(v.location?.[1] === 'body' ? 2 : 1).join('/')}`,
      message: `Prism (proxy): ${v.message ?? 'invalid'}`,
    }));
};
