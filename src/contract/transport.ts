/**
 * How the contract checks talk to the server. They must send what the SDK refuses to send (a `limit`
 * of 0, a `page` of "abc", a malformed id), so they build each URL themselves; every request still
 * goes through the SDK's one request pipeline (`http/pipeline.ts`): the same credentials, timeouts, and
 * polite retries with backoff on 429, 5xx and network errors. Requests are sequential, counted, and capped by a
 * budget fixed before the run starts.
 */
import { spec } from '../../generated/spec.js';
import type { ResolvedOptions } from '../http/options.js';
import { createAnonymousSend, createConnection, createPipeline } from '../http/pipeline.js';
import { abortedError } from '../http/signals.js';
import type { ContractOptions } from './types.js';

/**
 * One request of the run: to the history route (a `contactId`), to Get a Specific Interaction (an
 * `interactionId`) or to Get a List of Interactions (`list`, its filters in `query`). Ids and `query`
 * pairs are sent as given (malformed ids, repeated names, empty values and all).
 */
export type ProbeRequest = (
  | { tenantId: string; contactId: string }
  | { tenantId: string; interactionId: string }
  | { tenantId: string; list: true }
) & {
  query?: readonly (readonly [string, string])[];
  /** The caller's credentials (default), none at all, or a random key no server knows. */
  credentials?: 'given' | 'none' | 'unknown';
};

/** What came back: an HTTP answer (`status`), or `failure` when none did (after retries). */
export interface Answer {
  /** `GET` + path and query relative to the base URL, redacted. */
  request: string;
  status: number | null;
  headers: Headers | null;
  contentType: string | null;
  /** The body text, redacted. */
  text: string;
  /** The connection or timeout error, when no answer came. */
  failure?: Error;
  /** Verdicts of `ContractOptions.inspect` on this answer. */
  verdicts: readonly { pointer: string; message: string }[];
}

export interface Transport {
  send(request: ProbeRequest): Promise<Answer>;
  /** Requests sent and attempts made (retries included) so far. */
  counts(): { requests: number; attempts: number };
}

/** The operation a request is for. */
export const operationOf = (request: ProbeRequest) =>
  'interactionId' in request
    ? spec.operations.getInteraction
    : 'list' in request
      ? spec.operations.listTenantInteractions
      : spec.operations.listContactInteractions;

/** The operation's path with the request's ids filled in (the template names them), relative to the base URL. */
function pathFor(request: ProbeRequest): string {
  const values = request as unknown as Record<string, string | undefined>;
  return operationOf(request).path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

export function createTransport(
  resolved: ResolvedOptions,
  budget: number,
  inspect: ContractOptions['inspect'],
  signal?: AbortSignal,
): Transport {
  let requests = 0;
  let attempts = 0;
  // The client's credentials, whatever their kind (a fixed header, a token function, an exchanged token).
  const connection = createConnection(resolved);
  const hooks = {
    after: () => {
      attempts += 1;
    },
  };
  const { send, bodies } = createPipeline(resolved, connection, hooks);
  const sendAnonymous = createAnonymousSend(resolved, connection, hooks);
  return {
    counts: () => ({ requests, attempts }),
    async send(probe) {
      const { query = [], credentials = 'given' } = probe;
      const redact = await resolved.redaction.redactor();
      const method = operationOf(probe).method.toUpperCase();
      // A guard against a bug in the plan, not a limit a server can reach: the plan is bounded up front.
      if (requests >= budget) throw new Error(`contract checks: request budget of ${budget} exhausted`);
      requests += 1;
      const search = query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
      const relative = `${pathFor(probe)}${search ? `?${search}` : ''}`;
      const headers = new Headers({ Accept: 'application/json' });
      if (credentials === 'unknown') {
        const random = globalThis.crypto.randomUUID();
        headers.set('Authorization', `Basic ${btoa(`contract-probe-${random}:${random}`)}`);
      }
      const request = redact(`${method} ${relative}`);
      let response: Response;
      try {
        const outgoing = new Request(`${resolved.baseUrl}${relative}`, { method, headers });
        response = await (credentials === 'given' ? send : sendAnonymous)(outgoing, signal ? { signal } : {});
      } catch (failure) {
        // Stopped by the caller: the run ends (no answer to judge), never a connection problem.
        if (signal?.aborted) throw abortedError(signal.reason);
        const error = failure instanceof Error ? failure : new Error(String(failure));
        return { request, status: null, headers: null, contentType: null, text: '', failure: error, verdicts: [] };
      }
      const text = response.ok ? (bodies.take(response) ?? '') : await response.text();
      const verdicts = inspect?.({ status: response.status, headers: response.headers }) ?? [];
      return {
        request,
        status: response.status,
        headers: response.headers,
        contentType: response.headers.get('content-type'),
        text: redact(text),
        verdicts: redact(verdicts.map((v) => ({ pointer: v.pointer, message: v.message }))),
      };
    },
  };
}
