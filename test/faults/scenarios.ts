// The fault suite's scenarios, each one the reference API (src/testing) bent through its generic hooks:
// failures queued in the store, a stalled request through `intercept`, damaged bytes on the wire through
// `interceptAnswer`, pages that break the spec's arithmetic through `transformPage`, and interactions
// that arrive or go through the store. The faults target page 1, so each lands mid-walk, after the
// client has trusted page 0; a server-wide trait (a page-size cap, oldest first, a lying or absurd
// total) shows on every page.
import type { ServerResponse } from 'node:http';
import { spec } from '../../generated/spec.ts';
import {
  type Answer,
  generateInteractions,
  type InteractionPage,
  type PageContext,
  type QueuedFailure,
  type ReferenceApiOptions,
  ReferenceStore,
  startReferenceApi,
} from '../../src/testing/index.ts';
import { CONTACT, TENANT } from '../helpers.ts';

export const scenarios = [
  'retry-after-seconds',
  'retry-after-http-date',
  'burst-500',
  'burst-502',
  'burst-503',
  'burst-504',
  'server-errors-exhaust-retries',
  'connection-reset-mid-body',
  'stalled-response',
  'truncated-json',
  'html-error-page-200',
  'wrong-content-type',
  'empty-body',
  'oversized-page',
  'total-lies-upward',
  'total-lies-downward',
  'never-ending-pages',
  'inserted-mid-walk',
  'deleted-mid-walk',
  'empty-page-mid-walk',
  'capped-page-size',
  'capped-page-size-silently',
  'repeated-page',
  'duplicate-across-pages',
  'wrong-offset',
  'wrong-page-echo',
  'oldest-first',
  'huge-total',
] as const;
export type Scenario = (typeof scenarios)[number];

export interface FaultOptions {
  /** The contact's history is `generateInteractions(total, seed)`. */
  seed: number;
  total: number;
  /** The credentials the API accepts. */
  credentials: NonNullable<ReferenceApiOptions['credentials']>;
  /** How many consecutive faults a burst injects before the server behaves. */
  burst?: number;
  /** Seconds sent in Retry-After on 429. */
  retryAfterSeconds?: number;
  /**
   * Send `Retry-After: 0` with injected 5xx: the server asks for an immediate retry, which the SDK
   * honours. Without it the SDK's own jittered backoff (base 500 ms, not configurable) applies.
   */
  retryAfterOn5xx?: boolean;
  insertCount?: number;
  deleteCount?: number;
}

export interface FaultyApi {
  baseUrl: string;
  tenantId: string;
  contactId: string;
  /** Faults actually injected (a scenario that never fires injected nothing). */
  injected(): number;
  requests(): number;
  /** interactionIds inserted mid-walk (newer than the walk's start). */
  insertedIds(): string[];
  close(): Promise<void>;
}

/** The page size of the capping scenarios: any larger `limit` is served as this many. */
const PAGE_CAP = 20;
const { limit: limitParam, page: pageParam } = spec.operations.listContactInteractions.parameters;

const numberParam = (url: URL, name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);
const pageOf = (url: URL) => numberParam(url, 'page', pageParam.schema.default);

type Hooks = Pick<ReferenceApiOptions, 'intercept' | 'transformPage' | 'interceptAnswer'>;
type Rewrite = (page: InteractionPage, context: PageContext) => unknown;

function writeRaw(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** The hooks that make the reference API show `scenario`; `inject` counts each fault as it fires. */
function hooksFor(scenario: Scenario | 'none', o: FaultOptions, store: ReferenceStore, counter: Counter): Hooks {
  const { inject } = counter;
  const injected = () => counter.count;
  /** Rewrites the pages whose index passes `which`. */
  const pages = (which: (index: number) => boolean, rewrite: Rewrite): Hooks => ({
    transformPage: (page, context) => {
      if (!which(context.page)) return page;
      inject();
      return rewrite(page, context);
    },
  });
  const page1 = (rewrite: Rewrite): Hooks => pages((index) => index === 1, rewrite);
  /** Rewrites every page (a trait of the whole server). */
  const everyPage = (rewrite: Rewrite): Hooks => pages(() => true, rewrite);
  /** Answers up to `times` requests for page 1 with a failure queued in the store. */
  const failPage1 = (times: number, failure: () => QueuedFailure): Hooks => ({
    intercept: (_req, _res, url) => {
      if (pageOf(url) === 1 && injected() < times) {
        inject();
        store.queueFailure(failure());
      }
      return false;
    },
  });
  /** Writes page 1's composed 200 answer itself (up to `times` times). */
  const onWire = (write: (answer: Answer, res: ServerResponse) => void, times = Infinity): Hooks => ({
    interceptAnswer: (answer, res, { url, operationId }) => {
      if (operationId !== 'listContactInteractions' || answer.status !== 200 || pageOf(url) !== 1) return false;
      if (injected() >= times) return false;
      inject();
      write(answer, res);
      return true;
    },
  });
  /** Changes the store on the first request for page 1, before it is answered. */
  const onceBeforePage1 = (change: (url: URL) => void): Hooks => ({
    intercept: (_req, _res, url) => {
      if (pageOf(url) === 1 && injected() === 0) {
        inject();
        change(url);
      }
      return false;
    },
  });
  const retryAfter5xx: Record<string, string> = o.retryAfterOn5xx ? { 'retry-after': '0' } : {};
  const retryAfterSeconds = o.retryAfterSeconds ?? 1;

  switch (scenario) {
    case 'none':
      return {};
    case 'retry-after-seconds':
      return failPage1(1, () => ({ status: 429, headers: { 'retry-after': String(retryAfterSeconds) } }));
    case 'retry-after-http-date':
      return failPage1(1, () => ({
        status: 429,
        headers: { 'retry-after': new Date(Date.now() + retryAfterSeconds * 1_000).toUTCString() },
      }));
    case 'burst-500':
    case 'burst-502':
    case 'burst-503':
    case 'burst-504':
      return failPage1(o.burst ?? 2, () => ({ status: Number(scenario.slice(-3)), headers: retryAfter5xx }));
    case 'server-errors-exhaust-retries':
      return failPage1(Infinity, () => ({ status: 503, headers: retryAfter5xx }));
    case 'stalled-response':
      // Headers never come; the client's per-attempt timeout must fire. close() destroys the socket.
      return {
        intercept: (_req, _res, url) => {
          if (pageOf(url) !== 1) return false;
          inject();
          return true;
        },
      };
    case 'connection-reset-mid-body':
      return onWire((answer, res) => {
        res.writeHead(answer.status, answer.headers);
        res.write(answer.body.slice(0, answer.body.length >> 1), () => res.socket?.resetAndDestroy());
      }, 1);
    case 'truncated-json':
      return onWire((answer, res) =>
        writeRaw(res, answer.status, answer.headers, answer.body.slice(0, answer.body.length >> 1)),
      );
    case 'html-error-page-200':
      return onWire((_answer, res) =>
        writeRaw(
          res,
          200,
          { 'content-type': 'text/html; charset=utf-8' },
          '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
        ),
      );
    case 'wrong-content-type':
      return onWire((answer, res) =>
        writeRaw(res, answer.status, { ...answer.headers, 'content-type': 'text/plain; charset=utf-8' }, answer.body),
      );
    case 'empty-body':
      return onWire((answer, res) => writeRaw(res, answer.status, answer.headers, ''));
    case 'oversized-page':
      // The extra items are real: they are the first items of the next page.
      return page1((page, { history, limit }) => ({
        ...page,
        results: history.slice(limit, 2 * limit + Math.ceil(limit / 2)),
      }));
    case 'total-lies-upward':
      return everyPage((page, { limit }) => ({ ...page, total: page.total + 3 * limit }));
    case 'total-lies-downward':
      return everyPage((page, { limit }) => ({ ...page, total: page.total - (limit + 7) }));
    case 'never-ending-pages':
      // Always one more full page, of the generator's next interactions: `total` stays just ahead of the reader.
      return everyPage((page, { limit, page: index }) => ({
        ...page,
        total: index * limit + 2 * limit,
        results: generateInteractions(limit, o.seed, index * limit),
      }));
    case 'inserted-mid-walk':
      // New interactions arrive at the front while the client walks: everything shifts back.
      return onceBeforePage1(() => {
        const arrived = store.insertInteractions(TENANT, CONTACT, o.insertCount ?? 7);
        counter.inserted.push(...arrived.map((item) => item.interactionId));
      });
    case 'deleted-mid-walk':
      // Items the client already read (page 0) disappear: everything after them shifts forward.
      return onceBeforePage1((url) => {
        const from = Math.floor(numberParam(url, 'limit', limitParam.schema.default) / 4);
        const doomed = store.interactions(TENANT, CONTACT)!.slice(from, from + (o.deleteCount ?? 5));
        store.deleteInteractions(
          TENANT,
          CONTACT,
          doomed.map((item) => item.interactionId),
        );
      });
    case 'empty-page-mid-walk':
      return page1((page) => ({ ...page, results: [] }));
    case 'capped-page-size':
      return everyPage((page, { history, limit, page: index }) => {
        const size = Math.min(limit, PAGE_CAP);
        return { ...page, limit: size, offset: index * size, results: history.slice(index * size, (index + 1) * size) };
      });
    case 'capped-page-size-silently':
      return everyPage((page) => ({ ...page, results: page.results.slice(0, PAGE_CAP) }));
    case 'repeated-page':
      return page1((page, { history, limit }) => ({ ...page, results: history.slice(0, limit) }));
    case 'duplicate-across-pages':
      return page1((page, { history, limit }) => ({
        ...page,
        results: [...history.slice(limit - 1, limit), ...page.results.slice(1)],
      }));
    case 'wrong-offset':
      return page1((page) => ({ ...page, offset: page.offset + 1 }));
    case 'wrong-page-echo':
      return page1((page) => ({ ...page, page: 2 }));
    case 'oldest-first':
      return everyPage((page, { history, limit, page: index }) => ({
        ...page,
        results: history
          .slice(0, history.length)
          .reverse()
          .slice(index * limit, (index + 1) * limit),
      }));
    case 'huge-total':
      return everyPage((page) => ({ ...page, total: Number.MAX_SAFE_INTEGER }));
  }
}

interface Counter {
  count: number;
  inject(): void;
  inserted: string[];
}

/** Starts the reference API showing `scenario`, over a history of `generateInteractions(total, seed)`. */
export async function startFaultyApi(scenario: Scenario | 'none', o: FaultOptions): Promise<FaultyApi> {
  const counter: Counter = {
    count: 0,
    inject: () => void counter.count++,
    inserted: [],
  };
  const store = new ReferenceStore({ seed: o.seed });
  const api = await startReferenceApi({
    store,
    dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: generateInteractions(o.total, o.seed) }],
    credentials: o.credentials,
    ...hooksFor(scenario, o, store, counter),
  });
  return {
    baseUrl: api.baseUrl,
    tenantId: TENANT,
    contactId: CONTACT,
    injected: () => counter.count,
    requests: api.requests,
    insertedIds: () => [...counter.inserted],
    close: api.close,
  };
}
