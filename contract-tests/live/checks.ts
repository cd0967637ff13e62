// The read-only contract checks that live mode runs against any server (a real tenant, or the
// reference API in tests): SDK strict validation, ajv against the spec, Prism's in-flight
// verdicts, and the pagination invariants the spec documents. Each broken rule is reported with
// the request (never its credentials) and the JSON pointer of the offending value.
import { randomUUID } from 'node:crypto';
import { spec } from '../../generated/spec.ts';
import {
  ApiError,
  type Auth,
  CxEngageError,
  createInteractionsClient,
  type Interaction,
  type InteractionPage,
  ResponseValidationError,
} from '../../src/index.ts';
import { type ResponseRecord, recordingFetch } from '../support/recording-fetch.ts';

export type Rule =
  | 'response-schema'
  | 'status'
  | 'content-type'
  | 'unique-ids'
  | 'offset'
  | 'page-echo'
  | 'limit-echo'
  | 'page-size'
  | 'total'
  | 'order';

export interface Violation {
  rule: Rule;
  /** Method and path+query of the request, relative to the base URL; no credentials. */
  request: string;
  pointer: string;
  detail: string;
}

export interface LiveCheckOptions {
  /** Where requests go: normally a local `prism proxy --errors` in front of the real API. */
  baseUrl: string;
  tenantId: string;
  contactId: string;
  auth: Auth;
  /** Page size of the walk; default the spec's default limit. */
  pageSize?: number;
  /** Stop walking after this many pages (the `total` rule is then skipped); default 100. */
  maxPages?: number;
}

export interface LiveCheckResult {
  violations: Violation[];
  requests: number;
  pagesWalked: number;
  /** True when maxPages stopped the walk before the end. */
  truncated: boolean;
}

export async function runLiveChecks(options: LiveCheckOptions): Promise<LiveCheckResult> {
  const { tenantId, contactId } = options;
  const pageSize = options.pageSize ?? spec.operations.listContactInteractions.parameters.limit.schema.default;
  const maxPages = options.maxPages ?? 100;
  const recorder = recordingFetch();
  const violations: Violation[] = [];
  const base = new URL(options.baseUrl);
  const describe = (record: ResponseRecord | undefined, fallback: string) => {
    if (!record) return fallback;
    const url = new URL(record.url);
    return `${record.method} ${url.pathname.slice(base.pathname.replace(/\/$/, '').length)}${url.search}`;
  };
  const client = (auth: Auth = options.auth) =>
    createInteractionsClient({
      baseUrl: options.baseUrl,
      auth,
      fetch: recorder.fetch,
      validate: 'strict',
      maxRetries: 0,
      allowInsecureHttp: true,
    });

  /** One page call; any failure becomes violations, and the page (if any) is returned. */
  async function fetchPage(
    params: { limit?: number; page?: number },
    label: string,
  ): Promise<InteractionPage | undefined> {
    const before = recorder.records.length;
    try {
      const page = await client().listInteractions({ tenantId, contactId, ...params });
      const record = recorder.records.at(-1);
      conformance(record, 200);
      return page;
    } catch (error) {
      const record = recorder.records.length > before ? recorder.records.at(-1) : undefined;
      const request = describe(record, label);
      if (record && conformance(record, 200)) return undefined;
      if (error instanceof ResponseValidationError) {
        violations.push({
          rule: 'response-schema',
          request,
          pointer: error.pointer || '/',
          detail: `SDK strict validation: ${error.message}`,
        });
      } else if (error instanceof ApiError) {
        violations.push({
          rule: 'status',
          request,
          pointer: '',
          detail: `expected 200, got ${error.status}: ${error.message}`,
        });
      } else {
        violations.push({
          rule: 'status',
          request,
          pointer: '',
          detail: error instanceof CxEngageError ? error.message : String(error),
        });
      }
      return undefined;
    }
  }

  /** Status, content type and schema of one response; true when it broke a rule. */
  function conformance(record: ResponseRecord | undefined, expectedStatus: number): boolean {
    if (!record) return false;
    const request = describe(record, '');
    if (record.origin === 'prism' && record.issues[0] === 'Prism VIOLATIONS') {
      for (const issue of record.issues.slice(1)) {
        const [location = '', message = ''] = issue.split(': ');
        violations.push({
          rule: 'response-schema',
          request,
          pointer: prismPointer(location, message),
          detail: `Prism (proxy) response validation: ${message}`,
        });
      }
      return true;
    }
    if (record.status !== expectedStatus) {
      violations.push({
        rule: 'status',
        request,
        pointer: '',
        detail: `expected ${expectedStatus}, got ${record.status}`,
      });
      return true;
    }
    if (!record.contentType?.startsWith('application/json')) {
      violations.push({
        rule: 'content-type',
        request,
        pointer: '',
        detail: `expected application/json, got ${record.contentType ?? 'none'}`,
      });
      return true;
    }
    if (!record.valid) {
      for (const issue of record.issues) {
        const [pointer = '/', message = issue] = issue.split(': ');
        violations.push({ rule: 'response-schema', request, pointer, detail: `ajv against the spec: ${message}` });
      }
      return true;
    }
    return false;
  }

  const lastRequest = () => describe(recorder.records.at(-1), '');
  const check = (ok: boolean, rule: Rule, pointer: string, detail: string) => {
    if (!ok) violations.push({ rule, request: lastRequest(), pointer, detail });
  };

  // 1. Nothing sent: page null, the spec's default limit, offset 0.
  const defaults = await fetchPage({}, 'GET (no params)');
  if (defaults) {
    const defaultLimit = spec.operations.listContactInteractions.parameters.limit.schema.default;
    check(
      defaults.page === null,
      'page-echo',
      '/page',
      `no page was sent, so page must be null; got ${JSON.stringify(defaults.page)}`,
    );
    check(
      defaults.limit === defaultLimit,
      'limit-echo',
      '/limit',
      `no limit was sent, so limit must be the default ${defaultLimit}; got ${defaults.limit}`,
    );
    check(defaults.offset === 0, 'offset', '/offset', `page 0 must have offset 0; got ${defaults.offset}`);
    check(
      defaults.results.length <= defaults.limit,
      'page-size',
      '/results',
      `${defaults.results.length} results exceed limit ${defaults.limit}`,
    );
  }

  // 2. Walk every page (up to maxPages), then one past the end.
  const seen = new Map<string, string>();
  let previous: Interaction | undefined;
  let total: number | undefined;
  let sum = 0;
  let pagesWalked = 0;
  let truncated = false;
  for (let page = 0; ; page++) {
    if (page >= maxPages) {
      truncated = true;
      break;
    }
    const body = await fetchPage({ limit: pageSize, page }, `GET ?limit=${pageSize}&page=${page}`);
    if (!body) break;
    pagesWalked++;
    total ??= body.total;
    check(
      body.page === page,
      'page-echo',
      '/page',
      `page ${page} was sent, so page must be ${page}; got ${JSON.stringify(body.page)}`,
    );
    check(body.limit === pageSize, 'limit-echo', '/limit', `limit ${pageSize} was sent; got ${body.limit}`);
    check(
      body.offset === page * pageSize,
      'offset',
      '/offset',
      `offset must be page × limit = ${page * pageSize}; got ${body.offset}`,
    );
    check(
      body.results.length <= pageSize,
      'page-size',
      '/results',
      `${body.results.length} results exceed limit ${pageSize}`,
    );
    check(body.total === total, 'total', '/total', `total changed during the walk from ${total} to ${body.total}`);
    body.results.forEach((item, i) => {
      const where = `page ${page}, /results/${i}`;
      const first = seen.get(item.interactionId);
      check(
        first === undefined,
        'unique-ids',
        `/results/${i}/interactionId`,
        `interactionId ${item.interactionId} repeats (first seen at ${first}); now at ${where}`,
      );
      seen.set(item.interactionId, where);
      if (previous) {
        check(
          Date.parse(item.startTimestamp) <= Date.parse(previous.startTimestamp),
          'order',
          `/results/${i}/startTimestamp`,
          `not most recent first: ${item.startTimestamp} comes after ${previous.startTimestamp}`,
        );
      }
      previous = item;
    });
    sum += body.results.length;
    if (body.results.length === 0) {
      check(
        page * pageSize >= body.total,
        'total',
        '/results',
        `page ${page} is empty but offset ${page * pageSize} < total ${body.total}`,
      );
      break;
    }
    if (violations.some((v) => v.rule === 'response-schema')) break;
  }
  if (
    !truncated &&
    total !== undefined &&
    !violations.some((v) => v.rule === 'response-schema' || v.rule === 'status')
  ) {
    check(sum === total, 'total', '/total', `the pages hold ${sum} interactions but total is ${total}`);
  }

  // 3. Error statuses the spec declares: wrong credentials (401) and an unknown contact (404).
  await expectError(
    client({ username: `contract-live-${randomUUID()}`, password: randomUUID() }),
    { tenantId, contactId },
    401,
  );
  await expectError(client(), { tenantId, contactId: randomUUID() }, 404);

  async function expectError(
    c: ReturnType<typeof client>,
    params: { tenantId: string; contactId: string },
    status: number,
  ) {
    const error = await c.listInteractions(params).then(
      () => undefined,
      (e: unknown) => e,
    );
    const record = recorder.records.at(-1);
    if (record?.origin === 'prism' && record.issues[0] !== 'Prism VIOLATIONS') return; // Prism answered for the API (e.g. 401 without credentials)
    if (conformance(record, status)) return;
    if (!(error instanceof ApiError) || error.status !== status) {
      violations.push({
        rule: 'status',
        request: lastRequest(),
        pointer: '',
        detail: `expected ${status}, got ${error instanceof ApiError ? error.status : String(error)}`,
      });
    }
  }

  return { violations, requests: recorder.records.length, pagesWalked, truncated };
}

/** Prism reports `["response","body","results","0"]` plus "must have required property 'x'". */
function prismPointer(location: string, message: string): string {
  const parts = location.split('/').filter(Boolean);
  const body = parts[0] === 'response' && parts[1] === 'body' ? parts.slice(2) : parts;
  const missing = /required property '([^']+)'/.exec(message)?.[1];
  return `/${[...body, ...(missing ? [missing] : [])].join('/')}`;
}
