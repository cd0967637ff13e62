// Fault injection: every scenario must end in recovery with exactly the fault-free data, or in the
// documented typed error, within its deadline, leaving no unhandled rejection, timer or socket. The
// faulty server is the reference API bent by each scenario's hooks (./scenarios.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClientOptions,
  ConnectionError,
  type CxEngageError,
  createInteractionsClient,
  InvalidResponseError,
  PaginationError,
  type PaginationErrorCode,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from '../../src/index.ts';
import { generateInteractions } from '../../src/testing/index.ts';
import { collectUnhandledRejections, leaksSince, resourceCounts } from './leaks.ts';
import { type FaultOptions, type FaultyApi, type Scenario, scenarios, startFaultyApi } from './scenarios.ts';

const seed = 42;
const total = 230; // five pages of 50, the last one partial
const pageSize = 50;
const token = 'fault-suite-token';
const start = (scenario: Scenario | 'none', options: Partial<FaultOptions> = {}): Promise<FaultyApi> =>
  startFaultyApi(scenario, { seed, total, credentials: { tokens: [{ token }] }, ...options });

type ErrorClass = abstract new (...args: never[]) => CxEngageError;

interface Case {
  name: string;
  scenario: Scenario;
  /** The documented error for this fault; recovering with the fault-free data is also accepted. */
  typed: ErrorClass;
  /** For a PaginationError: the code that names this fault. */
  code?: PaginationErrorCode;
  /** The fault breaks no rule: the walk must recover with the fault-free data. */
  recovers?: true;
  client?: Partial<ClientOptions>;
  server?: Partial<FaultOptions>;
  concurrency?: number;
  /** Generous bound on how long the walk may take before it counts as hung (a hang guard, not a timing check). */
  budgetMs?: number;
  /** When the SDK must give up rather than retry: the exact number of faults the server may inject. */
  injectedExactly?: number;
}

const cases: Case[] = [
  {
    name: '429 with Retry-After in seconds',
    scenario: 'retry-after-seconds',
    typed: RateLimitError,
    server: { retryAfterSeconds: 1 },
  },
  {
    name: '429 with Retry-After as an HTTP date',
    scenario: 'retry-after-http-date',
    typed: RateLimitError,
    server: { retryAfterSeconds: 1 },
  },
  // A Retry-After beyond maxRetryAfterMs is not waited for: the documented RateLimitError after the
  // one 429, with no retry (counted on the server, not timed).
  {
    name: '429 with Retry-After over maxRetryAfterMs',
    scenario: 'retry-after-seconds',
    typed: RateLimitError,
    server: { retryAfterSeconds: 120 },
    injectedExactly: 1,
  },
  // 500 exercises the SDK's own jittered backoff; the others ask for an immediate retry.
  { name: 'burst of 500', scenario: 'burst-500', typed: ServerError },
  { name: 'burst of 502', scenario: 'burst-502', typed: ServerError, server: { retryAfterOn5xx: true } },
  { name: 'burst of 503', scenario: 'burst-503', typed: ServerError, server: { retryAfterOn5xx: true } },
  { name: 'burst of 504', scenario: 'burst-504', typed: ServerError, server: { retryAfterOn5xx: true } },
  {
    name: '503 until retries run out',
    scenario: 'server-errors-exhaust-retries',
    typed: ServerError,
    server: { retryAfterOn5xx: true },
  },
  { name: 'connection reset mid-body', scenario: 'connection-reset-mid-body', typed: ConnectionError },
  {
    name: 'stalled response (timeout)',
    scenario: 'stalled-response',
    typed: TimeoutError,
    client: { timeoutMs: 150, maxRetries: 1, deadlineMs: 1_500 },
  },
  { name: 'truncated JSON', scenario: 'truncated-json', typed: InvalidResponseError },
  { name: 'HTML error page with status 200', scenario: 'html-error-page-200', typed: InvalidResponseError },
  { name: 'wrong content-type', scenario: 'wrong-content-type', typed: InvalidResponseError },
  { name: 'empty body', scenario: 'empty-body', typed: InvalidResponseError },
  { name: 'oversized page (strict)', scenario: 'oversized-page', typed: ResponseValidationError },
  {
    name: 'oversized page (validate off)',
    scenario: 'oversized-page',
    typed: PaginationError,
    code: 'oversized_page',
    client: { validate: 'off' },
  },
  { name: 'total lying upward', scenario: 'total-lies-upward', typed: PaginationError, code: 'short_page' },
  { name: 'total lying downward', scenario: 'total-lies-downward', typed: PaginationError, code: 'total_mismatch' },
  { name: 'pages that never end', scenario: 'never-ending-pages', typed: PaginationError, code: 'overlap_mismatch' },
  { name: 'interactions inserted mid-walk', scenario: 'inserted-mid-walk', typed: PaginationError, recovers: true },
  {
    name: 'interactions inserted mid-walk (concurrency 4)',
    scenario: 'inserted-mid-walk',
    typed: PaginationError,
    recovers: true,
    concurrency: 4,
  },
  { name: 'interactions deleted mid-walk', scenario: 'deleted-mid-walk', typed: PaginationError, code: 'total_shrank' },
  { name: 'an empty page mid-walk', scenario: 'empty-page-mid-walk', typed: PaginationError, code: 'short_page' },
  {
    name: 'pages capped below the size asked for (limit echoed)',
    scenario: 'capped-page-size',
    typed: PaginationError,
    recovers: true,
  },
  {
    name: 'pages capped below the size asked for (limit echoed, concurrency 4)',
    scenario: 'capped-page-size',
    typed: PaginationError,
    recovers: true,
    concurrency: 4,
  },
  {
    name: 'pages capped below the size asked for (requested limit echoed)',
    scenario: 'capped-page-size-silently',
    typed: PaginationError,
    code: 'short_page',
  },
  { name: 'page 0 served again as page 1', scenario: 'repeated-page', typed: PaginationError, code: 'no_new_ids' },
  {
    name: 'one id of page 0 again on page 1',
    scenario: 'duplicate-across-pages',
    typed: PaginationError,
    code: 'duplicate_ids',
  },
  { name: 'a wrong offset', scenario: 'wrong-offset', typed: PaginationError, code: 'offset_mismatch' },
  {
    name: 'a page echo that does not match',
    scenario: 'wrong-page-echo',
    typed: PaginationError,
    code: 'page_mismatch',
  },
  { name: 'oldest first', scenario: 'oldest-first', typed: PaginationError, code: 'out_of_order' },
  { name: 'a total of 2^53 − 1', scenario: 'huge-total', typed: PaginationError, code: 'max_pages_exceeded' },
];

type Outcome = { kind: 'recovered' } | { kind: 'typed'; error: CxEngageError } | { kind: 'wrong'; why: string };
const outcomes: { name: string; injected: number; outcome: Outcome }[] = [];
const silent = { warn: () => {} };
let baseline: string[] = [];
let rejections: ReturnType<typeof collectUnhandledRejections>;

async function walk(
  api: FaultyApi,
  c: Pick<Case, 'client' | 'concurrency' | 'budgetMs'>,
): Promise<{ ids: string[]; error?: unknown; hung: boolean }> {
  const client = createInteractionsClient({
    auth: { token },
    baseUrl: api.baseUrl,
    timeoutMs: 2_000,
    deadlineMs: 5_000,
    maxRetryAfterMs: 2_000,
    logger: silent,
    ...c.client,
  });
  const seen: string[] = [];
  const stop = new AbortController();
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<'hung'>((resolve) => (watchdog = setTimeout(() => resolve('hung'), c.budgetMs ?? 8_000)));
  const run = (async () => {
    for await (const item of client.iterateInteractions({
      tenantId: api.tenantId,
      contactId: api.contactId,
      pageSize,
      concurrency: c.concurrency ?? 1,
      signal: stop.signal,
    })) {
      seen.push(item.interactionId);
    }
  })();
  try {
    const first = await Promise.race([run.then(() => 'done' as const), hung]);
    if (first === 'hung') {
      stop.abort();
      await run.catch(() => {});
      return { ids: seen, hung: true };
    }
    return { ids: seen, hung: false };
  } catch (error) {
    return { ids: seen, error, hung: false };
  } finally {
    clearTimeout(watchdog);
  }
}

function compare(got: string[], expected: string[], allowedExtra: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const id of got) counts.set(id, (counts.get(id) ?? 0) + 1);
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  const expectedSet = new Set(expected);
  const lost = expected.filter((id) => !counts.has(id)).length;
  const unexpected = got.filter((id) => !expectedSet.has(id) && !allowedExtra.has(id)).length;
  const inOrder = got.filter((id) => expectedSet.has(id));
  const orderOk = inOrder.length === expected.length && inOrder.every((id, i) => id === expected[i]);
  if (duplicated || lost || unexpected || !orderOk) {
    return `${lost} lost, ${duplicated} duplicated, ${unexpected} unexpected, order ${orderOk ? 'kept' : 'broken'} (got ${got.length}, expected ${expected.length})`;
  }
  return undefined;
}

describe('fault injection against the reference API', () => {
  beforeAll(async () => {
    rejections = collectUnhandledRejections();
    const server = await start('none');
    try {
      const run = await walk(server, {});
      expect(run.error).toBeUndefined();
      baseline = run.ids;
    } finally {
      await server.close();
    }
    // The fault-free run itself matches the generator's ground truth.
    expect(baseline).toEqual(generateInteractions(total, seed).map((item) => item.interactionId));
  });

  afterAll(() => {
    rejections.uninstall();
    const recovered = outcomes.filter((o) => o.outcome.kind === 'recovered').length;
    const typed = outcomes.filter((o) => o.outcome.kind === 'typed').length;
    const wrong = outcomes.filter((o) => o.outcome.kind === 'wrong');
    const injected = outcomes.reduce((n, o) => n + o.injected, 0);
    console.log(`faults: ${outcomes.length} scenarios, ${injected} faults injected`);
    for (const o of outcomes) {
      const error = o.outcome.kind === 'typed' ? o.outcome.error : undefined;
      const detail = error
        ? `${error.name}${error instanceof PaginationError ? ` ${error.code}` : ''}`
        : o.outcome.kind === 'wrong'
          ? (o.outcome as { why: string }).why
          : 'same data';
      console.log(`  ${o.outcome.kind.padEnd(9)} ${o.name}: ${detail}`);
    }
    console.log(
      `faults: ${outcomes.length} injected, ${recovered} recovered, ${typed} typed failures, ${wrong.length} wrong`,
    );
    expect(wrong).toEqual([]);
  });

  it('covers every scenario', () => {
    expect(new Set(cases.map((c) => c.scenario))).toEqual(new Set(scenarios));
  });

  it.each(cases)('$name', async (c) => {
    const before = resourceCounts();
    const server = await start(c.scenario, c.server);
    let run: Awaited<ReturnType<typeof walk>>;
    try {
      run = await walk(server, c);
    } finally {
      await server.close();
    }
    const injected = server.injected();
    const leaks = await leaksSince(before);

    let outcome: Outcome;
    if (run.hung) outcome = { kind: 'wrong', why: `did not settle within ${c.budgetMs ?? 8_000} ms` };
    else if (run.error === undefined) {
      const why = compare(run.ids, baseline, new Set(server.insertedIds()));
      outcome = why ? { kind: 'wrong', why: `recovered with different data: ${why}` } : { kind: 'recovered' };
    } else if (c.recovers) outcome = { kind: 'wrong', why: `threw ${String(run.error)} where the walk must recover` };
    else if (!(run.error instanceof c.typed))
      outcome = { kind: 'wrong', why: `threw ${String(run.error)} instead of ${c.typed.name}` };
    else if (c.code && (run.error as PaginationError).code !== c.code)
      outcome = { kind: 'wrong', why: `threw ${String(run.error)} instead of code ${c.code}` };
    else outcome = { kind: 'typed', error: run.error as CxEngageError };
    if (outcome.kind !== 'wrong' && leaks.length) outcome = { kind: 'wrong', why: `leaked ${leaks.join(', ')}` };
    if (outcome.kind !== 'wrong' && rejections.reasons.length)
      outcome = { kind: 'wrong', why: `unhandled rejection: ${String(rejections.reasons[0])}` };
    outcomes.push({ name: c.name, injected, outcome });

    expect(injected, 'the fault was injected').toBeGreaterThan(0);
    if (c.injectedExactly !== undefined) {
      expect(injected, 'faults injected (no retry expected)').toBe(c.injectedExactly);
      expect(outcome.kind).toBe('typed');
    }
    expect(leaks).toEqual([]);
    expect(rejections.reasons).toEqual([]);
    expect(outcome).not.toHaveProperty('why');
  });
});
