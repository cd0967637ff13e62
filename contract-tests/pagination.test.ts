// Pagination through Prism's validating proxy in front of the reference API: every data set
// walked with every page size, page by page (raw listInteractions) and with the SDK iterator, whose
// end rule is checked too: it stops at the short (or empty) page that shows the end, and no sooner.
import { describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.ts';
import { PaginationError } from '../src/index.ts';
import { ReferenceStore } from '../src/testing/index.ts';
import { contract, sdkClient } from './support/client.ts';
import { dataSetSizes, pageSizes, referenceSeed } from './support/fixtures.ts';
import { everyBodyConformsTest, recordingFetch } from './support/recording-fetch.ts';

const recorder = recordingFetch();
const client = (via = recorder) => sdkClient(contract().proxyUrl, via);

/**
 * The pages a walk asks for: all of them (up to the first empty one, past the end), except at page size 1
 * over a large data set, where a full walk is one request per interaction (over 2,000 for the 1000-item
 * set, most of this file's traffic): there, the first pages and the last two with the empty one after
 * them, which hold the offset arithmetic at both ends. The iterator's walk at page size 1 is the full one
 * on the small sets; on the large ones it walks in full at every other page size.
 */
const FULL_WALK_AT_PAGE_SIZE_1 = 11;
function pagesToAsk(size: number, limit: number): { pages: number[]; full: boolean } {
  const end = Math.ceil(size / limit); // the first empty page
  if (limit > 1 || size <= FULL_WALK_AT_PAGE_SIZE_1)
    return { pages: Array.from({ length: end + 1 }, (_, p) => p), full: true };
  return { pages: [0, 1, 2, end - 2, end - 1, end], full: false };
}

/** The recorder, noting the page and limit of each request made through it. */
function pagesAsked() {
  const asked: Array<[number, number]> = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push([Number(url.searchParams.get('page')), Number(url.searchParams.get('limit'))]);
    return recorder.fetch(input, init);
  };
  return { via: { ...recorder, fetch }, asked };
}
// The same seed, tenant and contact give the same interactions as the reference API's store.
const expectedData = (size: number) =>
  new ReferenceStore({ seed: referenceSeed }).addContact(contract().tenantId, contract().contacts[String(size)]!, size);

describe.concurrent('pagination: walking every page yields exactly the data set', () => {
  for (const size of dataSetSizes) {
    it(`${size} interactions × page sizes ${pageSizes.join(', ')}: raw pages and the SDK iterator`, async () => {
      const expected = expectedData(size);
      const ids = { tenantId: contract().tenantId, contactId: contract().contacts[String(size)]! };
      expect(new Set(expected.map((i) => i.interactionId)).size).toBe(size);
      for (const limit of pageSizes) {
        const sdk = client();
        const { pages, full } = pagesToAsk(size, limit);
        const walked = [];
        let lengths = 0;
        for (const page of pages) {
          const body = await sdk.listInteractions({ ...ids, limit, page });
          expect({ page: body.page, limit: body.limit, offset: body.offset, total: body.total }).toEqual({
            page,
            limit,
            offset: page * limit,
            total: size,
          });
          expect(body.results.length).toBeLessThanOrEqual(limit);
          expect(body.results.length).toBe(Math.max(0, Math.min(limit, size - page * limit)));
          expect(body.results).toEqual(expected.slice(page * limit, (page + 1) * limit));
          lengths += body.results.length;
          walked.push(...body.results);
          if (body.results.length === 0) expect(page).toBe(Math.ceil(size / limit)); // the first empty page is the one past the end
        }
        expect(pages.at(-1)).toBe(Math.ceil(size / limit));
        if (!full) continue;
        expect(lengths).toBe(size);
        expect(walked).toEqual(expected); // same items, same order: no duplicate, no loss
        const { via, asked } = pagesAsked();
        const iterated = [];
        for await (const item of client(via).iterateInteractions({ ...ids, pageSize: limit })) iterated.push(item);
        expect(iterated).toEqual(expected);
        // Pages 0 … ⌊size / limit⌋: the last one is short, or empty when the one before it was full.
        expect(asked).toEqual(Array.from({ length: Math.floor(size / limit) + 1 }, (_, page) => [page, limit]));
      }
    });
  }
});

describe('pagination: defaults when params are omitted', () => {
  const size = 11;
  const ids = () => ({ tenantId: contract().tenantId, contactId: contract().contacts[String(size)]! });
  const defaultLimit = spec.operations.listContactInteractions.parameters.limit.schema.default;

  it(`no limit and no page: page null, limit ${defaultLimit} (spec default), offset 0`, async () => {
    const body = await client().listInteractions(ids());
    expect(body).toEqual({
      page: null,
      limit: defaultLimit,
      offset: 0,
      total: size,
      results: expectedData(size).slice(0, defaultLimit),
    });
  });

  it('page without limit: the default limit applies and page is echoed', async () => {
    const body = await client().listInteractions({ ...ids(), page: 1 });
    expect(body).toEqual({
      page: 1,
      limit: defaultLimit,
      offset: defaultLimit,
      total: size,
      results: expectedData(size).slice(defaultLimit, 2 * defaultLimit),
    });
  });

  it('limit without page: page 0 is served and page is null', async () => {
    const body = await client().listInteractions({ ...ids(), limit: 3 });
    expect(body).toEqual({ page: null, limit: 3, offset: 0, total: size, results: expectedData(size).slice(0, 3) });
  });

  it('the iterator uses the spec maximum as its default page size', async () => {
    const before = recorder.records.length;
    const all = [];
    for await (const item of client().iterateInteractions({
      tenantId: contract().tenantId,
      contactId: contract().contacts['250']!,
    }))
      all.push(item);
    expect(all).toEqual(expectedData(250));
    const urls = recorder.records.slice(before).map((r) => new URL(r.url).searchParams.get('limit'));
    expect(new Set(urls)).toEqual(
      new Set([String(spec.operations.listContactInteractions.parameters.limit.schema.maximum)]),
    );
  });
});

describe('pagination: the walk is bounded', () => {
  it('maxPages below what total needs: max_pages_exceeded after one request, nothing yielded', async () => {
    const { via, asked } = pagesAsked();
    const ids = { tenantId: contract().tenantId, contactId: contract().contacts['250']! };
    const yielded: unknown[] = [];
    const error = await (async () => {
      for await (const item of client(via).iterateInteractions({ ...ids, pageSize: 10, maxPages: 20 }))
        yielded.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ code: 'max_pages_exceeded', page: 0, expected: 20, actual: 26 });
    expect(yielded).toEqual([]);
    expect(asked).toEqual([[0, 10]]);
  });
});

everyBodyConformsTest(recorder);
