// The shape of the hostile corpus: each case names the bad input or hostile answer and asserts the safe
// behaviour (it throws when that does not hold). Groups live beside this file; corpus.test.ts runs them.
import { expect } from 'vitest';
import {
  type ClientOptions,
  CxEngageError,
  createInteractionsClient,
  type InteractionPage,
  type InteractionsClient,
} from '../../src/index.ts';
import type { ReferenceApi } from '../../src/testing/index.ts';
import type { WireServer } from './wire-server.ts';

export interface Context {
  /** Raw answers over loopback TCP (status lines, headers, lengths). */
  wire: WireServer;
  /** The reference API, for runs that need many honest pages (EPIPE, interrupts). */
  reference: ReferenceApi;
  /** Stalls every request the reference API gets while set (for interrupts). */
  stall: { on: boolean; seen: number };
}

export interface HostileCase {
  /** The input or answer, as a tester would describe it. */
  input: string;
  /** Asserts the safe behaviour. */
  check(context: Context): unknown;
}

export interface CaseGroup {
  name: string;
  cases: HostileCase[];
  /** Cases that share state (a stalled server, child processes) run one at a time. */
  sequential?: boolean;
}

export const TENANT = '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
export const CONTACT = '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';
export const params = { tenantId: TENANT, contactId: CONTACT };
export const TOKEN = 'hostile-token-0123456789';

/** Anything a terminal would act on or hide; the joiners U+200C/U+200D and the CLI's own \n aside. */
export const UNSAFE_ON_TERMINAL = /(?![\n\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** A client on an injected fetch that answers every request with `answer(n)`; counts requests. */
export function fetchClient(
  answer: (n: number, request: Request) => Response | Promise<Response>,
  options: Partial<ClientOptions> = {},
) {
  const state = { requests: 0 };
  const client = createInteractionsClient({
    auth: { token: TOKEN },
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      state.requests++;
      return answer(state.requests, request);
    },
    ...options,
  });
  return { client, state };
}

/** A client on real fetch against `baseUrl`. */
export function httpClient(baseUrl: string, options: Partial<ClientOptions> = {}): InteractionsClient {
  return createInteractionsClient({ auth: { token: TOKEN }, baseUrl, maxRetries: 0, ...options });
}

export type Outcome = { page: InteractionPage; error?: undefined } | { page?: undefined; error: unknown };

export async function outcome(promise: Promise<InteractionPage>): Promise<Outcome> {
  try {
    return { page: await promise };
  } catch (error) {
    return { error };
  }
}

/** The call failed with an SDK error (of `Class` when given), never a TypeError or a stack overflow. */
export function expectTyped(result: Outcome, Class: abstract new (...args: never[]) => Error = CxEngageError): unknown {
  expect(result.error, 'a typed error').toBeInstanceOf(Class);
  expect(result.error).toBeInstanceOf(CxEngageError);
  return result.error;
}

/** Either a page that has what the spec promises, or a typed error: never anything else. */
export function expectPageOrTyped(result: Outcome): void {
  if (result.page === undefined) {
    expect(result.error).toBeInstanceOf(CxEngageError);
    return;
  }
  expect(Array.isArray(result.page.results)).toBe(true);
  expect(Number.isSafeInteger(result.page.total)).toBe(true);
}
