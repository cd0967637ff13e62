// validate.ts on its own: parameter checks read their bounds from the spec and name the parameter;
// 2xx bodies are checked per mode (strict throws with a pointer, warn logs and returns, off is free).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type ParamFacts, spec } from '../../generated/spec.ts';
import { createAjv } from '../../scripts/lib/spec-ajv.ts';
import { InvalidInputError } from '../../src/errors.js';
import { checkPage } from '../../src/validation/page.js';
import { checkIterateParams, checkParams, checkSignal, paramProblem } from '../../src/validation/params.js';
import { ResponseValidationError } from '../../src/validation/response.js';
import { CONTACT, interaction, page, TENANT } from '../helpers.js';

const { limit } = spec.operations.listContactInteractions.parameters;
const ids = { tenantId: TENANT, contactId: CONTACT };

function invalid(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('checkParams', () => {
  it('accepts the spec’s bounds and treats undefined as omitted', () => {
    expect(checkParams({ ...ids, limit: limit.schema.maximum, page: 0 })).toEqual({ ...ids, limit: 100, page: 0 });
    expect(checkParams({ ...ids, limit: undefined })).toEqual(ids);
  });

  it.each([
    [{ ...ids, limit: limit.schema.maximum + 1 }, 'limit'],
    [{ ...ids, limit: limit.schema.minimum - 1 }, 'limit'],
    [{ ...ids, limit: 2 ** 53 }, 'limit'],
    [{ ...ids, page: -1 }, 'page'],
    [{ ...ids, page: 1.5 }, 'page'],
    [{ ...ids, tenantId: 'not-a-uuid' }, 'tenantId'],
    [{ contactId: CONTACT }, 'tenantId'],
    [{ ...ids, extra: 1 }, 'extra'],
    // An own `__proto__` key (JSON.parse makes one) is an unknown key like any other, named as it is.
    [{ ...JSON.parse('{"__proto__": 1}'), ...ids }, '__proto__'],
  ])('%j names %s', (params, param) => {
    expect(invalid(() => checkParams(params)).param).toBe(param);
  });

  it('refuses what is not an object', () => {
    for (const bad of [null, 'x', [ids]]) expect(invalid(() => checkParams(bad)).param).toBe('params');
  });
});

describe('paramProblem', () => {
  // The interpreter over the spec's parameter facts agrees with ajv compiling the same facts as a schema:
  // same verdict, same parameter, same wording, on valid and invalid parameter objects alike.
  const ajv = createAjv({ allErrors: false, strict: true }, 'fast');
  const value = fc.oneof(
    fc.uuid(),
    fc.string(),
    fc.integer({ min: -5, max: 120 }),
    fc.double(),
    fc.constantFrom(NaN, Infinity, 2 ** 53, 0, 1, 100, 101, null, true),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  for (const [operationId, op] of Object.entries(spec.operations)) {
    const parameters = op.parameters as Record<string, ParamFacts>;
    const names = Object.keys(parameters);
    if (names.length === 0) continue;
    const validate = ajv.compile({
      type: 'object',
      required: names.filter((n) => parameters[n]!.required),
      properties: Object.fromEntries(names.map((n) => [n, parameters[n]!.schema])),
      additionalProperties: false,
    });
    it(`${operationId}: agrees with ajv on the same facts`, () => {
      const params = fc.dictionary(fc.constantFrom(...names, 'extra'), value, { maxKeys: names.length + 1 });
      fc.assert(
        fc.property(params, (p) => {
          const problem = paramProblem(parameters, p);
          const ok = validate(p);
          expect(problem === undefined).toBe(ok);
          if (ok) return;
          const issue = validate.errors![0]!;
          const param =
            (issue.params['missingProperty'] as string | undefined) ??
            (issue.params['additionalProperty'] as string | undefined) ??
            issue.instancePath.split('/')[1];
          expect(problem).toEqual([param, issue.message]);
        }),
        { numRuns: 2000, seed: 20260101 },
      );
    });
  }
});

describe('checkIterateParams', () => {
  it('defaults pageSize to the spec’s maximum limit, last to Infinity and concurrency to 1', () => {
    expect(checkIterateParams(ids)).toMatchObject({
      ...ids,
      pageSize: limit.schema.maximum,
      last: Infinity,
      concurrency: 1,
    });
  });

  it('checks pageSize with the spec’s bounds, under its own name', () => {
    const error = invalid(() => checkIterateParams({ ...ids, pageSize: limit.schema.maximum + 1 }));
    expect(error.param).toBe('pageSize');
  });

  it('says to use pageSize when given limit, and that iterators start at page 0 when given page', () => {
    expect(invalid(() => checkIterateParams({ ...ids, limit: 50 })).message).toMatch(/use pageSize/);
    expect(invalid(() => checkIterateParams({ ...ids, page: 2 })).message).toMatch(/start at page 0/);
  });

  it.each([
    [{ last: -1 }, 'last'],
    [{ last: 1.5 }, 'last'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ concurrency: null }, 'concurrency'],
    [{ signal: 'abort' }, 'signal'],
    [{ bogus: true }, 'bogus'],
  ])('%j names %s', (extra, param) => {
    expect(invalid(() => checkIterateParams({ ...ids, ...extra })).param).toBe(param);
  });
});

describe('checkSignal', () => {
  it('passes undefined and AbortSignals, refuses the rest', () => {
    const signal = new AbortController().signal;
    expect(checkSignal(undefined)).toBeUndefined();
    expect(checkSignal(signal)).toBe(signal);
    expect(invalid(() => checkSignal({ aborted: false })).param).toBe('signal');
  });
});

describe('checkPage', () => {
  const logger = () => ({ warn: vi.fn() });
  const bad = page([interaction(1, { channelType: 'fax' as never })]);

  it('strict: throws ResponseValidationError with the JSON pointer of the first failure', () => {
    const error = (() => {
      try {
        checkPage(bad, 'strict', logger());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).pointer).toBe('/results/0/channelType');
  });

  it('strict: more results than the requested limit is a failure even when the schema allows it', () => {
    const body = page([interaction(1), interaction(2), interaction(3)], { limit: 10 });
    expect(() => checkPage(body, 'strict', logger(), 2)).toThrow(/3 results exceed the page limit of 2/);
  });

  it.each(['total', 'offset', 'page'] as const)('strict: %s beyond 2^53 - 1 is not an exact count', (key) => {
    const body = JSON.parse(
      JSON.stringify(page([interaction(1)], { limit: 10 })).replace(
        `"${key}":`,
        `"${key}":9007199254740993,"x${key}":`,
      ),
    );
    expect(body[key]).toBe(2 ** 53);
    expect(() => checkPage(body, 'strict', logger())).toThrow(ResponseValidationError);
    expect(() => checkPage(body, 'strict', logger())).toThrow(/must be a safe integer/);
  });

  it('warn: logs the failure once and returns the body as it came', () => {
    const log = logger();
    expect(checkPage(bad, 'warn', log)).toBe(bad);
    expect(log.warn).toHaveBeenCalledOnce();
    expect(log.warn.mock.calls[0]![1]).toMatchObject({ pointer: '/results/0/channelType' });
  });

  it('off: returns anything unchecked, null included, and logs nothing', () => {
    const log = logger();
    expect(checkPage(null, 'off', log)).toBeNull();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('a valid page passes every mode untouched', () => {
    const good = page([interaction(1)]);
    for (const mode of ['strict', 'warn', 'off'] as const) expect(checkPage(good, mode, logger())).toBe(good);
  });
});
