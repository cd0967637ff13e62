import { spec } from '../generated/spec.ts';
import { type ClientOptions, createInteractionsClient, type Interaction, type InteractionPage } from '../src/index.js';
import { apiBasePath } from '../src/testing/index.ts';
import { interactionAt } from '../src/testing/interactions.ts';

export const TENANT = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
export const CONTACT = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';
/** A credential no message, property, JSON or log line may ever contain. */
export const SENTINEL = 'S3NT1NEL-s3cr3t-VALUE-42';

/** A deterministic uuid for item number `n`. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The seed of the fixtures' interactions. */
export const FIXTURE_SEED = 'test-fixture';

/**
 * Interaction number `n` of the one generator (`interactionAt(FIXTURE_SEED, n)`: a larger `n` is older),
 * with `overrides` for what a test needs to state. A test that depends on a value states it here (or reads
 * it from the returned interaction), never assumes it.
 */
export function interaction(n: number, overrides: Partial<Interaction> = {}): Interaction {
  return { ...interactionAt(FIXTURE_SEED, n), ...overrides };
}

export function page(results: Interaction[], extra: Partial<InteractionPage> = {}): InteractionPage {
  return { page: 0, limit: 10, offset: 0, total: results.length, results, ...extra };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

/** A fetch recording every Request it is given, answering with `answer`. */
export function recordingFetch(answer: (request: Request, n: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return answer(request, requests.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A client (a token, no retries, unless `options` say otherwise) whose every request `answer` answers, recorded. */
export function clientAnswering(
  answer: (request: Request, n: number) => Response | Promise<Response>,
  options: Partial<ClientOptions> = {},
) {
  const { fetch, requests } = recordingFetch(answer);
  const client = createInteractionsClient({
    auth: { token: 'test-token-0123456789' },
    fetch,
    maxRetries: 0,
    ...options,
  });
  return { client, requests };
}

/** A fetch that never answers, but rejects with the signal's reason when aborted (as fetch does). */
export function hangingFetch() {
  const requests: Request[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = init?.signal ? new Request(input, { signal: init.signal }) : (input as Request);
    requests.push(request);
    const signal = request.signal;
    return new Promise((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A seeded PRNG, so "random" tests are reproducible (the reference API's own). */
export { seededRandom as seeded } from '../src/testing/random.ts';

/** The history route's URL template under the API's base path, as request logs and spans name it. */
export const HISTORY_TEMPLATE = `${apiBasePath}${spec.operations.listContactInteractions.path}`;

/** `text` as a regular expression source that matches it literally. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
