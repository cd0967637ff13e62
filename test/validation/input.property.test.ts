import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.js';
import { InvalidInputError } from '../../src/index.js';
import { operationPath } from '../../src/testing/index.ts';
import { clientAnswering, interaction, json, page } from '../helpers.js';

const { minimum: LIMIT_MIN, maximum: LIMIT_MAX } = spec.operations.listContactInteractions.parameters.limit.schema;
const PAGE_MIN = spec.operations.listContactInteractions.parameters.page.schema.minimum;
// The shape ajv's "uuid" format accepts; used only to keep generated "invalid" strings invalid.
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const BASE = 'https://api.example.test/v1';

const setup = () => clientAnswering(() => json(page([interaction(1)], { limit: 100 })), { baseUrl: BASE });

const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.object(),
  fc.array(fc.string()),
);
const badId = fc.oneof(
  fc.string().filter((s) => !UUID.test(s)),
  notAString,
  fc.constantFrom('../x', '..', '%2e%2e', 'a/b', ''),
);
const notANumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.object(), fc.bigInt());
const badLimit = fc.oneof(
  fc.integer({ max: LIMIT_MIN - 1 }),
  fc.integer({ min: LIMIT_MAX + 1 }),
  fc.double({ min: LIMIT_MIN, max: LIMIT_MAX, noInteger: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2),
  notANumber,
);
const badPage = fc.oneof(
  fc.integer({ max: PAGE_MIN - 1 }),
  fc.double({ min: 0, max: 1e6, noInteger: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, 2 ** 53, 1e300),
  notANumber,
);

/** A valid call with exactly one parameter made invalid (or one unknown key added, or one required key dropped). */
const invalidCall = fc.record({ tenantId: fc.uuid(), contactId: fc.uuid() }).chain((valid) =>
  fc.oneof(
    badId.map((v) => ({ params: { ...valid, tenantId: v }, param: 'tenantId' })),
    badId.map((v) => ({ params: { ...valid, contactId: v }, param: 'contactId' })),
    badLimit.map((v) => ({ params: { ...valid, limit: v }, param: 'limit' })),
    badPage.map((v) => ({ params: { ...valid, page: v }, param: 'page' })),
    fc.constantFrom('tenantId', 'contactId').map((k) => {
      const { [k]: _dropped, ...rest } = valid as Record<string, unknown>;
      return { params: rest, param: k };
    }),
    fc
      .string({ minLength: 1 })
      .filter((k) => !['tenantId', 'contactId', 'limit', 'page', '__proto__'].includes(k))
      .map((k) => ({ params: { ...valid, [k]: 1 }, param: k })),
  ),
);

describe('input validation (property)', () => {
  it('any invalid input: zero requests, and an InvalidInputError naming the parameter', async () => {
    await fc.assert(
      fc.asyncProperty(invalidCall, async ({ params, param }) => {
        const { client, requests } = setup();
        const error = await client.listInteractions(params as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as InvalidInputError).param).toBe(param);
        expect((error as Error).message).toContain(param);
        expect(requests).toHaveLength(0);
      }),
      { numRuns: 300, seed: 20250101 },
    );
  });

  it('any valid input: exactly one request, to the right URL', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uuid(),
        fc.uuid(),
        fc.option(fc.integer({ min: LIMIT_MIN, max: LIMIT_MAX }), { nil: undefined }),
        fc.option(fc.integer({ min: PAGE_MIN, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
        async (tenantId, contactId, limit, pageNo) => {
          const { client, requests } = setup();
          await client.listInteractions({ tenantId, contactId, limit, page: pageNo });
          expect(requests).toHaveLength(1);
          const url = new URL(requests[0]!.url);
          expect(`${url.origin}${url.pathname}`).toBe(
            `${BASE}${operationPath('listContactInteractions', { tenantId, contactId })}`,
          );
          expect(url.searchParams.get('limit')).toBe(limit === undefined ? null : String(limit));
          expect(url.searchParams.get('page')).toBe(pageNo === undefined ? null : String(pageNo));
          expect([...url.searchParams.keys()].sort()).toEqual(
            [...(limit !== undefined ? ['limit'] : []), ...(pageNo !== undefined ? ['page'] : [])].sort(),
          );
        },
      ),
      { numRuns: 200, seed: 20250102 },
    );
  });
});
