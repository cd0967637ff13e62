/**
 * Telling setup problems from drift. The first request of a run is a valid one; when it cannot be
 * answered as the spec says because of how the run was set up (credentials refused, nothing listening,
 * a base URL without the API's version path, ids that name nothing), the report says what to fix and
 * the run stops there: these are not findings about the server.
 */
import { spec } from '../../generated/spec.js';
import { TimeoutError } from '../errors.js';
import { ConnectionError } from '../http/failures.js';
import { clean } from './display.js';
import type { Answer } from './transport.js';
import type { ContractSetupProblem } from './types.js';

const operation = spec.operations.listContactInteractions;
const successor = spec.operations.getInteraction;
const list = spec.operations.listTenantInteractions;
/** The API's base path on every server the spec lists (`/v1`). */
const API_PATH = new URL(spec.regions[spec.defaultRegion]).pathname.replace(/\/$/, '');

/** The setup problem the first answer shows, if any. `baseUrl` is the resolved base URL. */
export function setupProblem(answer: Answer, baseUrl: string): ContractSetupProblem | undefined {
  const { request, status } = answer;
  const snippet = clean(answer.text);
  const problem = (kind: ContractSetupProblem['kind'], message: string): ContractSetupProblem => ({
    kind,
    message,
    request,
    status,
    snippet,
  });
  const origin = new URL(baseUrl).origin;
  const base = baseUrl.replace(/\/+$/, '');
  if (answer.failure instanceof TimeoutError) {
    return problem(
      'timeout',
      `no answer from ${origin} in time (${answer.failure.message}): check the base URL and the network`,
    );
  }
  if (answer.failure) {
    const reason = answer.failure instanceof ConnectionError ? causeReason(answer.failure) : undefined;
    return problem(
      'connection',
      `cannot connect to ${origin}${reason ? ` (${reason})` : ''}: check the base URL's host and port, DNS, TLS and any proxy`,
    );
  }
  if (status === 401) {
    return problem('credentials', 'the API refused the credentials (401): check the API key and secret, or the token');
  }
  if (status === 403) {
    return problem(
      'permission',
      `the credentials were refused for this route (403): the API key's role needs ${operation.permission}, for this tenant`,
    );
  }
  if (status === 404 && !new URL(baseUrl).pathname.replace(/\/$/, '').endsWith(API_PATH)) {
    return problem(
      'base-url',
      `route not found (404): the base URL must include the API path ${API_PATH}, e.g. ${base}${API_PATH}`,
    );
  }
  if (status === 404) {
    return problem('not-found', 'tenant or contact not found (404): check the tenant and contact ids');
  }
  if (status !== null && status >= 300 && status < 400) {
    const location = clean(answer.headers?.get('location') ?? 'nowhere', 120);
    return problem('redirect', `the server redirects (${status} to ${location}): use the final URL as the base URL`);
  }
  return undefined;
}

/**
 * The setup problem the first answer of Get a Specific Interaction shows, if any: the key reads
 * histories (the first page came), so a 403 there means it lacks that route's permission.
 */
export function successorSetupProblem(answer: Answer): ContractSetupProblem | undefined {
  if (answer.status !== 403) return undefined;
  return {
    kind: 'successor-permission',
    message: `Get a Specific Interaction refused the credentials (403): the API key's role needs ${successor.permission} for this tenant, or leave the successor's checks out`,
    request: answer.request,
    status: answer.status,
    snippet: clean(answer.text),
  };
}

/** The system error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…) deepest in the cause chain, else its message. */
function causeReason(error: Error): string | undefined {
  let code: string | undefined;
  let message: string | undefined;
  for (let e: unknown = error.cause, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string') code = c;
    message = e.message;
  }
  const reason = code ?? message;
  return reason === undefined ? undefined : clean(reason, 80);
}

/**
 * The setup problem the first answer of Get a List of Interactions shows, if any: the key reads
 * histories, so a 403 there means it lacks that route's permission.
 */
export function listSetupProblem(answer: Answer): ContractSetupProblem | undefined {
  if (answer.status !== 403) return undefined;
  return {
    kind: 'list-permission',
    message: `Get a List of Interactions refused the credentials (403): the API key's role needs ${list.permission} for this tenant, or leave the List's checks out`,
    request: answer.request,
    status: answer.status,
    snippet: clean(answer.text),
  };
}
