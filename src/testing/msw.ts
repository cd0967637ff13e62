/**
 * `cxengage-interactions/testing/msw`: the reference API as MSW 2 request handlers, for test suites that
 * mock `fetch` with MSW, where a loopback server is refused (`onUnhandledRequest: 'error'`) or cannot run
 * (jsdom, a browser). The semantics are the loopback server's own (`reference.ts`: the same store, routes,
 * authentication, errors and rate limit), not a copy. By default the handlers answer at every region's
 * base URL in the spec, so code that uses `region` (or the default) needs no change; `msw` 2.x is an
 * optional peer dependency.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { referenceHandlers } from 'cxengage-interactions/testing/msw';
 * const api = referenceHandlers({ dataSets: [{ tenantId, contactId, interactions: 25 }], credentials: { tokens: [{ token: 't' }] } });
 * const server = setupServer(...api.handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * ```
 * @packageDocumentation
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { spec } from '../../generated/spec.js';
import type { ReferenceOptions } from './options.js';
import { createReference } from './reference.js';
import type { ReferenceRequest } from './route.js';
import type { ReferenceStore } from './store.js';

export type { ReferenceOptions } from './options.js';
export type { ReferenceStore } from './store.js';

/** Options of {@link referenceHandlers}: the reference API's, and where it answers. */
export interface ReferenceHandlersOptions extends ReferenceOptions {
  /**
   * The base URLs (with their `/v1`) the handlers answer under. Default: every region's base URL in the
   * spec (`https://api.cxengage.net/v1`, …).
   */
  baseUrl?: string | readonly string[];
}

/** The reference API as MSW handlers, with its store to arrange and inspect. */
export interface ReferenceHandlers {
  /** Give them to `setupServer` (`msw/node`) or `setupWorker` (`msw/browser`), or to `server.use`. */
  handlers: HttpHandler[];
  store: ReferenceStore;
  /** The base URLs answered. */
  baseUrls: readonly string[];
  /** Requests handled so far (every method and path under the base URLs). */
  requests(): number;
  /** Requests answered 429 by `rateLimit` so far. */
  throttled(): number;
}

/** An MSW request as the semantics read it. */
function referenceRequest(request: Request): ReferenceRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    async text(maxBytes) {
      const bytes = new Uint8Array(await request.arrayBuffer());
      return bytes.byteLength > maxBytes ? undefined : new TextDecoder().decode(bytes);
    },
  };
}

/**
 * The reference API as MSW 2 request handlers: one per base URL, answering every path under it as the
 * loopback server (`startReferenceApi`) does, with the same options (no `port`, `host` or wire hooks: to
 * bend an answer, put a handler of your own before these with `server.use`).
 */
export function referenceHandlers(options: ReferenceHandlersOptions = {}): ReferenceHandlers {
  const reference = createReference(options);
  const given = options.baseUrl ?? Object.values(spec.regions);
  const baseUrls = (typeof given === 'string' ? [given] : [...given]).map((url) => url.replace(/\/+$/, ''));
  const latencyMs = options.latencyMs ?? 0;
  const handlers = baseUrls.map((baseUrl) => {
    const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
    return http.all(`${baseUrl}/*`, async ({ request }) => {
      const refused = reference.admit();
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const answer = refused ?? (await reference.answer(referenceRequest(request), basePath)).answer;
      return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers });
    });
  });
  return {
    handlers,
    store: reference.store,
    baseUrls,
    requests: reference.requests,
    throttled: reference.throttled,
  };
}
