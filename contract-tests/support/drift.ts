/**
 * Deviations for the contract suite: each breaks one rule of the history route or of Get a Specific
 * Interaction on purpose, through the reference API's generic hooks (`transformPage` rewrites a page;
 * `intercept` answers, rewrites a request before the reference semantics see it, or rewrites the answer
 * they give), so the tests can prove that the contract checks notice and name the rule. Beside them, the
 * lawful variants: behaviour the vendor never documented and the SDK does not rely on (a malformed id
 * answered 404, the last of a repeated parameter taken…), which must pass, with the judgement calls it
 * touches reported as refuted. They live here, not in the shipped testing kit: only this repository
 * needs them.
 */
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { spec } from '../../generated/spec.ts';
import type { ContractRuleId } from '../../src/contract/types.ts';
import {
  type Interaction,
  type InteractionPage,
  type PageContext,
  pathPattern,
  type ReferenceApiOptions,
} from '../../src/testing/index.ts';

const limitSchema = spec.operations.listContactInteractions.parameters.limit.schema;
const uuidShape = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
/** The page size a `page-size-capped` server never exceeds. */
const CAP = 50;

/** What an intercepting deviation gets besides the request. */
export interface InterceptEnv {
  /** An Authorization header value the reference API accepts. */
  validAuthorization: string;
  /** Contacts that exist. */
  knownContacts: ReadonlySet<string>;
}

interface Behaviour {
  page?: (page: InteractionPage, context: PageContext) => unknown;
  intercept?: (req: IncomingMessage, res: ServerResponse, url: URL, env: InterceptEnv) => boolean;
}

interface Deviation extends Behaviour {
  /** The contract rule the deviation breaks (the one `contract` must name). */
  rule: ContractRuleId;
}

interface Lawful extends Behaviour {
  /** The judgement calls the variant refutes (reported, never failed). */
  refutes: readonly string[];
}

function sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json'): true {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return true;
}

interface Replacement {
  status: number;
  body: unknown;
  type?: string;
}

/**
 * Lets the reference API answer, then sends what `change` makes of its status and JSON body instead
 * (`undefined`: the answer as it was). Returns false, as an intercept that does not take over does.
 */
function rewriting(res: ServerResponse, change: (status: number, body: unknown) => Replacement | undefined): false {
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  let held: { status: number; headers?: Record<string, string | number> } | undefined;
  res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
    held = { status, ...(headers ? { headers } : {}) };
    return res;
  }) as typeof res.writeHead;
  res.end = ((chunk?: unknown, ...rest: never[]) => {
    let body: unknown;
    try {
      body = JSON.parse(String(chunk));
    } catch {
      body = undefined;
    }
    const replaced = held && change(held.status, body);
    if (!replaced) {
      if (held) writeHead(held.status, held.headers);
      return end(chunk, ...rest);
    }
    const text = typeof replaced.body === 'string' ? replaced.body : JSON.stringify(replaced.body);
    writeHead(replaced.status, {
      'content-type': replaced.type ?? 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    return end(text);
  }) as typeof res.end;
  return false;
}

/** Another well-formed uuid than `id` (its last digit changed). */
const uuidAfter = (id: string) => `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;

/** A 200 record of Get a Specific Interaction, rewritten by `change`. */
const rewriteRecord =
  (change: (record: Record<string, unknown>) => Replacement) =>
  (_req: IncomingMessage, res: ServerResponse, url: URL): boolean =>
    successorIdsOf(url) !== undefined &&
    rewriting(res, (status, body) => (status === 200 ? change(body as Record<string, unknown>) : undefined));

/** Text no terminal may be sent raw: OSC (retitle), CSI (clear), CR, bidi override and isolates, C1, DEL. */
export const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\rall good \u202eevil\u2066x\u2067y\u2068z\u2069 \u009b31m\u007f';

/** Every deviation, by name. */
export const deviations = {
  // transformPage: the body of a 200 page.
  'field-renamed': {
    rule: 'response-schema',
    page: (page) => ({
      ...page,
      results: page.results.map(({ interactionId, ...rest }) => ({ ...rest, interactionID: interactionId })),
    }),
  },
  'type-changed': {
    rule: 'response-schema',
    page: (page) => ({ ...page, results: page.results.map((item) => ({ ...item, note: item.note === 1 })) }),
  },
  'offset-off-by-one': { rule: 'offset', page: (page) => ({ ...page, offset: page.offset + 1 }) },
  'page-echo-shifted': { rule: 'page-echo', page: (page, { page: index }) => ({ ...page, page: index + 1 }) },
  'duplicate-across-pages': {
    rule: 'unique-ids',
    page: (page, { history, limit, page: index }) => {
      const start = index * limit;
      return start > 0 ? { ...page, results: history.slice(start - 1, start - 1 + limit) } : page;
    },
  },
  'oldest-first': {
    rule: 'order',
    page: (page, { history, limit, page: index }) => {
      const all: Interaction[] = history.slice(0, history.length).reverse();
      return { ...page, results: all.slice(index * limit, index * limit + limit) };
    },
  },
  'limit-not-echoed': { rule: 'limit-echo', page: (page) => ({ ...page, limit: limitSchema.default }) },
  'page-size-capped': {
    rule: 'limit-honoured',
    page: (page, { history, limit, page: index }) =>
      limit > CAP ? { ...page, results: history.slice(index * limit, index * limit + CAP) } : page,
  },
  'empty-page-mid-history': {
    rule: 'limit-honoured',
    page: (page, { page: index }) => (index === 1 ? { ...page, results: [] } : page),
  },
  'total-inflated': { rule: 'total', page: (page) => ({ ...page, total: page.total + 5 }) },
  'total-counts-page': { rule: 'total', page: (page) => ({ ...page, total: page.results.length }) },
  'order-depends-on-page-size': {
    rule: 'page-sizes-agree',
    page: (page, { history, limit, page: index }) =>
      limit === 1 ? { ...page, results: history.slice(index + 1, index + 2) } : page,
  },
  // intercept: the answer, or the request before the reference API reads it.
  'text-content-type': {
    rule: 'content-type',
    intercept: (_req, res, url) =>
      url.searchParams.get('page') === '1' && sendJson(res, 200, '<html><body>Interactions</body></html>', 'text/html'),
  },
  'refuses-page-two': {
    rule: 'status',
    intercept: (_req, res, url) =>
      url.searchParams.get('page') === '2' &&
      sendJson(res, 400, { error: { code: 400, message: 'Page out of range.' } }),
  },
  'past-the-end-not-found': {
    // The empty page a walk reads to confirm the end, answered 404 instead.
    rule: 'status',
    intercept: (_req, res, url) =>
      idsOf(url) !== undefined &&
      rewriting(res, (status, body) => {
        const page = body as InteractionPage | undefined;
        return status === 200 && page?.results.length === 0 && page.total > 0 && page.offset >= page.total
          ? { status: 404, body: { error: 'Page not found.' } }
          : undefined;
      }),
  },
  'accepts-out-of-range-limit': {
    rule: 'rejects-out-of-range',
    intercept: (_req, _res, url) => {
      const values = url.searchParams.getAll('limit');
      if (values.length === 1 && /^-?\d+$/.test(values[0]!)) {
        const limit = Math.min(limitSchema.maximum, Math.max(limitSchema.minimum, Number(values[0])));
        url.searchParams.set('limit', String(limit));
      }
      return false;
    },
  },
  'unauthenticated-answered': {
    rule: 'unauthenticated',
    intercept: (req, _res, _url, env) => {
      req.headers.authorization = env.validAuthorization;
      return false;
    },
  },
  // Get a Specific Interaction.
  'successor-not-found': {
    rule: 'successor-status',
    intercept: rewriteRecord(() => ({ status: 404, body: { error: 'Interaction not found.' } })),
  },
  'successor-html': {
    rule: 'successor-content-type',
    intercept: rewriteRecord(() => ({ status: 200, body: '<html><body>Interaction</body></html>', type: 'text/html' })),
  },
  'successor-queues-null': {
    rule: 'successor-schema',
    intercept: rewriteRecord((record) => ({ status: 200, body: { ...record, queues: null } })),
  },
  'successor-wrapped': {
    rule: 'successor-unwrapped',
    intercept: rewriteRecord((record) => ({ status: 200, body: { result: record } })),
  },
  'successor-other-interaction': {
    rule: 'successor-matches-history',
    intercept: rewriteRecord((record) => ({
      status: 200,
      body: { ...record, interactionId: uuidAfter(String(record['interactionId'])) },
    })),
  },
  'successor-invents-records': {
    rule: 'successor-unknown-interaction',
    intercept: (_req, res, url) => {
      const ids = successorIdsOf(url);
      return (
        ids !== undefined &&
        rewriting(res, (status) =>
          status === 404 ? { status: 200, body: { interactionId: ids.interactionId } } : undefined,
        )
      );
    },
  },
  // Hostile text where the report shows server data: an id on a page, and raw error bodies.
  'hostile-text': {
    rule: 'response-schema',
    page: (page, { page: index }) =>
      index === 1
        ? { ...page, results: page.results.map((item, i) => (i === 0 ? { ...item, interactionId: HOSTILE } : item)) }
        : page,
    intercept: (req, res, url) => {
      // Refusing a request without credentials with 400 (rule unauthenticated), reading a listed
      // interaction with 404 (rule successor-status): both with the hostile text as the body.
      if (idsOf(url) !== undefined && req.headers.authorization === undefined)
        return sendJson(res, 400, HOSTILE, 'text/plain');
      return (
        successorIdsOf(url) !== undefined &&
        rewriting(res, (status) => (status === 200 ? { status: 404, body: HOSTILE, type: 'text/plain' } : undefined))
      );
    },
  },
} satisfies Record<string, Deviation>;

export type DeviationName = keyof typeof deviations;
export const deviationNames = Object.keys(deviations) as DeviationName[];

/** Keeps one of the values of each repeated query parameter, as many servers do. */
const takingOne =
  (which: 'first' | 'last') =>
  (_req: IncomingMessage, _res: ServerResponse, url: URL): false => {
    for (const name of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(name);
      if (values.length > 1) url.searchParams.set(name, which === 'first' ? values[0]! : values.at(-1)!);
    }
    return false;
  };

/**
 * Behaviour the vendor never documented and the SDK does not rely on: a tenant that behaves so has not
 * drifted. Each must pass `contract`, with the judgement calls it touches reported as refuted.
 */
export const lawful = {
  'malformed-ids-not-found': {
    refutes: ['rejects-malformed-ids', 'successor-rejects-malformed-ids'],
    intercept: (_req, res, url) => {
      const ids = idsOf(url) ?? successorIdsOf(url);
      return ids !== undefined && !Object.values(ids).every((id) => uuidShape.test(id))
        ? sendJson(res, 404, { error: 'Not found.' })
        : false;
    },
  },
  'repeated-takes-last': { refutes: ['rejects-repeated-parameter'], intercept: takingOne('last') },
  'lenient-integers': {
    // Like parseInt on the first value: `abc` and empty are left out (the defaults), `1.5` is 1.
    refutes: ['rejects-wrong-type', 'rejects-repeated-parameter'],
    intercept: (_req, _res, url) => {
      for (const name of ['limit', 'page']) {
        const [first] = url.searchParams.getAll(name);
        if (first === undefined) continue;
        const parsed = Number.parseInt(first, 10);
        url.searchParams.delete(name);
        if (!Number.isNaN(parsed)) url.searchParams.set(name, String(parsed));
      }
      return false;
    },
  },
  'below-minimum-clamped': {
    refutes: ['rejects-below-minimum'],
    // A limit below 1 taken as none (the default), a page below 0 as page 0.
    intercept: (_req, _res, url) => {
      const integer = (name: string) => {
        const values = url.searchParams.getAll(name);
        return values.length === 1 && /^-?\d+$/.test(values[0]!) ? Number(values[0]) : undefined;
      };
      if ((integer('limit') ?? limitSchema.minimum) < limitSchema.minimum) url.searchParams.delete('limit');
      if ((integer('page') ?? 0) < 0) url.searchParams.set('page', '0');
      return false;
    },
  },
  'unknown-contact-empty': {
    refutes: ['unknown-contact'],
    intercept: (_req, res, url, env) => {
      const ids = idsOf(url);
      return ids !== undefined && uuidShape.test(ids.contactId) && !env.knownContacts.has(ids.contactId)
        ? sendJson(res, 200, { page: null, limit: limitSchema.default, offset: 0, total: 0, results: [] })
        : false;
    },
  },
  'problem-json-errors': {
    refutes: ['error-body-shapes'],
    intercept: (_req, res) => {
      // Like a gateway in front of the API: every error answered as problem+json, not the vendor's shape.
      const writeHead = res.writeHead.bind(res);
      const end = res.end.bind(res);
      let replaced: string | undefined;
      res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
        if (status < 400) return writeHead(status, headers);
        replaced = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status });
        return writeHead(status, {
          'content-type': 'application/problem+json',
          'content-length': Buffer.byteLength(replaced),
        });
      }) as typeof res.writeHead;
      res.end = ((chunk?: unknown, ...rest: never[]) => end(replaced ?? chunk, ...rest)) as typeof res.end;
      return false;
    },
  },
  'page-zero-when-omitted': {
    refutes: ['page-null-when-omitted'],
    page: (page, { pageSent }) => (pageSent ? page : { ...page, page: 0 }),
  },
  'page-null-when-sent': { refutes: ['page-echoed-when-sent'], page: (page) => ({ ...page, page: null }) },
  'json-without-content-type': {
    // The client takes JSON without a content-type; the vendor's page does not name the header.
    refutes: [],
    intercept: (_req, res) => {
      const writeHead = res.writeHead.bind(res);
      res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
        const { 'content-type': _dropped, ...rest } = headers ?? {};
        return writeHead(status, rest);
      }) as typeof res.writeHead;
      return false;
    },
  },
  'successor-start-shifted': {
    refutes: ['record-instants-as-history'],
    intercept: rewriteRecord((record) => ({
      status: 200,
      body: {
        ...record,
        startTimestamp: new Date(Date.parse(String(record['startTimestamp'])) + 3_600_000).toISOString(),
      },
    })),
  },
} satisfies Record<string, Lawful>;

export type LawfulName = keyof typeof lawful;
export const lawfulNames = Object.keys(lawful) as LawfulName[];

/** The first deviations, kept by name for the reference API's own test of the transformPage hook. */
export const driftModes = [
  'field-renamed',
  'type-changed',
  'offset-off-by-one',
  'page-echo-shifted',
  'duplicate-across-pages',
  'oldest-first',
] as const satisfies readonly DeviationName[];
export type Drift = (typeof driftModes)[number];

function idsOf(url: URL): { tenantId: string; contactId: string } | undefined {
  const match = pathPattern('listContactInteractions').exec(url.pathname);
  return match ? { tenantId: decodeURIComponent(match[1]!), contactId: decodeURIComponent(match[2]!) } : undefined;
}

/** The ids of a request to Get a Specific Interaction. */
function successorIdsOf(url: URL): { tenantId: string; interactionId: string } | undefined {
  const match = pathPattern('getInteraction').exec(url.pathname);
  return match ? { tenantId: decodeURIComponent(match[1]!), interactionId: decodeURIComponent(match[2]!) } : undefined;
}

/** A deviation or a lawful variant, by name. */
export type VariantName = DeviationName | LawfulName;
const variants: Readonly<Record<VariantName, Behaviour>> = { ...deviations, ...lawful };

/** A `transformPage` hook that applies `drift` to every tenant, or per tenant id (others behave). */
export function drifting(
  drift: VariantName | Readonly<Record<string, VariantName>>,
): NonNullable<ReferenceApiOptions['transformPage']> {
  return (page, context) => {
    const chosen = typeof drift === 'string' ? drift : drift[context.tenantId];
    const variant = chosen ? variants[chosen] : undefined;
    return variant?.page ? variant.page(page, context) : page;
  };
}

/**
 * Both hooks for one reference API hosting many variants: each chosen by the request's tenant, or (for
 * a history request whose tenant id is malformed) by its contact. Others behave.
 */
export function deviating(
  byTenant: Readonly<Record<string, VariantName>>,
  byContact: Readonly<Record<string, VariantName>>,
  env: InterceptEnv,
): Pick<ReferenceApiOptions, 'transformPage' | 'intercept'> {
  return {
    transformPage: drifting(byTenant),
    intercept: (req, res, url) => {
      const ids = idsOf(url) ?? successorIdsOf(url);
      const chosen = ids && (byTenant[ids.tenantId] ?? ('contactId' in ids ? byContact[ids.contactId] : undefined));
      const variant = chosen ? variants[chosen] : undefined;
      return variant?.intercept ? variant.intercept(req, res, url, env) : false;
    },
  };
}
