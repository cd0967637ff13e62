// A tenant that behaves in a way the vendor never documented and the SDK does not rely on has not
// drifted: `runContractChecks` against the corpus' reference API, behind a fetch that bends one such
// behaviour, must pass, with the judgement calls the bend touches reported as refuted and every other
// call as on an honest server. The bends differ on purpose from contract-tests' lawful variants (other
// statuses, the first value instead of the last, other bodies and forms), so that together they cover
// more of the class than either. Each run is bounded: maxPages 3, a budget of 2 × 3 + 36 = 42 requests.
import { expect } from 'vitest';
import { runContractChecks } from '../../src/contract/index.ts';
import { pathPattern } from '../../src/testing/index.ts';
import { CLI_KEY, CLI_SECRET } from './cli-cases.ts';
import { type CaseGroup, CONTACT, type Context, type HostileCase, TENANT } from './corpus.ts';

const MAX_PAGES = 3;
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const history = pathPattern('listContactInteractions');
const record = pathPattern('getInteraction');

/** How a bend changes one exchange: the request's URL before the server reads it, or the answer. */
interface Bend {
  request?: (url: URL) => void;
  answer?: (url: URL, response: Response) => Response | Promise<Response>;
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** Path ids of either route, when one of them is not a uuid. */
const malformedIds = (url: URL) => {
  const match = history.exec(url.pathname) ?? record.exec(url.pathname);
  return match?.slice(1).some((id) => !UUID.test(decodeURIComponent(id))) ?? false;
};

/** Rewrites every value of `limit` and `page` by `change` (`undefined`: the value left out). */
const eachParameter = (change: (name: string, value: string) => string | undefined) => (url: URL) => {
  for (const name of ['limit', 'page']) {
    const values = url.searchParams.getAll(name);
    url.searchParams.delete(name);
    for (const value of values) {
      const changed = change(name, value);
      if (changed !== undefined) url.searchParams.append(name, changed);
    }
  }
};

/** A 200 record of Get a Specific Interaction, rewritten by `change`. */
const recordBody =
  (change: (body: Record<string, unknown>) => Record<string, unknown>) =>
  async (url: URL, response: Response): Promise<Response> =>
    record.test(url.pathname) && response.status === 200 ? json(200, change(await response.json())) : response;

/** A 200 record of Get a Specific Interaction, its times rewritten by `time`. */
const recordTimes = (time: (iso: string) => string) =>
  recordBody((body) => {
    for (const key of ['startTimestamp', 'endTimestamp'])
      if (typeof body[key] === 'string') body[key] = time(body[key] as string);
    return body;
  });

/** A 200 page of the history, rewritten by `change`. */
const page =
  (change: (body: Record<string, unknown>) => Record<string, unknown>) =>
  async (url: URL, response: Response): Promise<Response> =>
    history.test(url.pathname) && response.status === 200 ? json(200, change(await response.json())) : response;

const bends: { input: string; bend: Bend; refutes: string[] }[] = [
  {
    input: 'ids that are not uuids answered 403 on both routes',
    bend: {
      answer: (url, response) =>
        malformedIds(url) ? json(403, { error: { code: 403, message: 'Forbidden.' } }) : response,
    },
    refutes: ['rejects-malformed-ids', 'successor-rejects-malformed-ids'],
  },
  {
    input: 'ids that are not uuids answered 422 problem+json (not the vendor’s error shape)',
    bend: {
      answer: (url, response) =>
        malformedIds(url)
          ? json(422, { type: 'about:blank', title: 'Unprocessable', status: 422 }, 'application/problem+json')
          : response,
    },
    refutes: ['rejects-malformed-ids', 'successor-rejects-malformed-ids', 'error-body-shapes'],
  },
  {
    input: 'a repeated parameter: the first value taken',
    bend: {
      request: (url) => {
        for (const name of ['limit', 'page']) {
          const [first] = url.searchParams.getAll(name);
          if (first !== undefined) url.searchParams.set(name, first);
        }
      },
    },
    refutes: ['rejects-repeated-parameter'],
  },
  {
    input: 'an empty `limit=` or `page=` taken as not sent',
    bend: { request: eachParameter((_name, value) => (value === '' ? undefined : value)) },
    refutes: ['rejects-wrong-type'],
  },
  {
    input: 'a fractional `limit` or `page` truncated (1.5 → 1)',
    bend: { request: eachParameter((_name, value) => (/^\d+\.\d+$/.test(value) ? value.split('.')[0] : value)) },
    refutes: ['rejects-wrong-type'],
  },
  {
    input: '`limit=0` taken as the default, `page=-1` as page 0',
    bend: {
      request: eachParameter((name, value) =>
        name === 'limit' && value === '0' ? undefined : name === 'page' && value === '-1' ? '0' : value,
      ),
    },
    refutes: ['rejects-below-minimum'],
  },
  {
    input: 'an unknown contact answered 403',
    bend: {
      answer: (url, response) =>
        history.test(url.pathname) && response.status === 404
          ? json(403, { error: 'Forbidden for this contact.' })
          : response,
    },
    refutes: ['unknown-contact'],
  },
  {
    input: 'an unknown contact answered 200 with an empty history',
    bend: {
      answer: (url, response) =>
        history.test(url.pathname) && response.status === 404
          ? json(200, { page: null, limit: 10, offset: 0, total: 0, results: [] })
          : response,
    },
    refutes: ['unknown-contact'],
  },
  {
    input: 'every error answered in plain text',
    bend: {
      answer: (_url, response) =>
        response.status >= 400
          ? new Response(`Error ${response.status}`, {
              status: response.status,
              headers: { 'content-type': 'text/plain' },
            })
          : response,
    },
    refutes: ['error-body-shapes'],
  },
  {
    input: '`page` null on every page, sent or not',
    bend: { answer: page((body) => ({ ...body, page: null })) },
    refutes: ['page-echoed-when-sent'],
  },
  {
    // Since spec 1.2.0 the vendor's samples document the form (ISO 8601 strings: the schema rule), not
    // the instants: other instants than the history's are a call, not drift.
    input: 'the record’s times without milliseconds (other instants than the history’s)',
    bend: { answer: recordTimes((iso) => iso.replace(/\.\d{3}Z$/, 'Z')) },
    refutes: ['record-instants-as-history'],
  },
  {
    input: 'the record’s keys without a value sent as null and [], as `green=false` would',
    bend: { answer: recordBody((body) => ({ ...body, ivrAbandoned: null, campaignId: null, monitors: [] })) },
    refutes: ['record-null-scope'],
  },
  {
    input: 'JSON pages and records with no content-type at all',
    bend: {
      answer: async (_url, response) =>
        response.status === 200
          ? new Response(new Uint8Array(await response.arrayBuffer()), { status: 200 })
          : response,
    },
    refutes: [],
  },
  {
    input: 'JSON pages and records as application/vnd.cxengage+json; charset=utf-8',
    bend: {
      answer: async (_url, response) =>
        response.status === 200
          ? new Response(await response.text(), {
              status: 200,
              headers: { 'content-type': 'application/vnd.cxengage+json; charset=utf-8' },
            })
          : response,
    },
    refutes: [],
  },
];

/** Sends each request through `bend` to the reference API. */
function bent(bend: Bend): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    bend.request?.(url);
    const response = await fetch(new Request(url, request));
    return bend.answer ? bend.answer(url, response) : response;
  };
}

function lawfulCase({ input, bend, refutes }: (typeof bends)[number]): HostileCase {
  return {
    input: `${input}: not drift${refutes.length ? `; refuted: ${refutes.join(', ')}` : ''}`,
    check: async ({ reference }: Context) => {
      const report = await runContractChecks({
        baseUrl: reference.baseUrl,
        allowInsecureHttp: true,
        auth: { username: CLI_KEY, password: CLI_SECRET },
        tenantId: TENANT,
        contactId: CONTACT,
        maxPages: MAX_PAGES,
        maxRetries: 0,
        fetch: bent(bend),
      });
      expect(report.setup).toBeUndefined();
      expect(report.rules.filter((r) => r.status === 'failed').map((r) => [r.id, r.findings[0]?.message])).toEqual([]);
      expect(report.outcome).toBe('pass');
      const refuted = report.judgementCalls.filter((c) => c.verdict === 'refuted').map((c) => c.id);
      expect(refuted.sort()).toEqual([...refutes].sort());
      expect(report.requests.budget).toBe(2 * MAX_PAGES + 36);
      expect(report.requests.total).toBeLessThanOrEqual(report.requests.budget);
    },
  };
}

export const contractGroups: CaseGroup[] = [
  { name: 'contract: a tenant’s undocumented but lawful behaviour is not drift', cases: bends.map(lawfulCase) },
];
