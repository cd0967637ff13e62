// The SDK as the contract tests use it: strict validation, no retries (each request is one
// observation), and every response going through a recording fetch.
import { inject } from 'vitest';
import { type Auth, type ClientOptions, createInteractionsClient, type InteractionsClient } from '../../src/index.ts';
import { operationPath } from '../../src/testing/index.ts';
import type { RecordingFetch } from './recording-fetch.ts';

export const contract = () => inject('contract');

/**
 * Headers that make the suite's Prism mock generate the body (from the spec's schemas, seeded) instead of
 * serving an example: the body a `prism mock -d` gives for `Prefer: seed=N`, without a second Prism.
 */
export function dynamicMock(seed: number): Record<string, string> {
  return { prefer: `dynamic=true, seed=${seed}` };
}

export function basicAuth(): Auth {
  return { ...contract().credentials.apiKey };
}

export function sdkClient(
  baseUrl: string,
  recorder: RecordingFetch,
  overrides: Partial<ClientOptions> = {},
): InteractionsClient {
  return createInteractionsClient({
    baseUrl,
    auth: basicAuth(),
    fetch: recorder.fetch,
    validate: 'strict',
    maxRetries: 0,
    ...overrides,
  });
}

/** Raw request headers for fetch() calls that bypass the SDK. */
export function basicHeader(auth = contract().credentials.apiKey): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}

/** The history route's path (the spec's template, filled in). */
export function interactionsPath(tenantId: string, contactId: string): string {
  return operationPath('listContactInteractions', { tenantId, contactId });
}
