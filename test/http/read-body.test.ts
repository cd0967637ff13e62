import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_RESPONSE_BYTES, readBody } from '../../src/http/read-body.js';
import { CxEngageError, createInteractionsClient, ResponseTooLargeError, TimeoutError } from '../../src/index.js';
import { CONTACT, json, page, TENANT } from '../helpers.js';

/** A body streamed in the given chunks; records whether the reader cancelled it. */
function streamed(chunks: (Uint8Array | string)[], init: ResponseInit = {}, endless = false) {
  const state = { cancelled: false, pulled: 0 };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      if (i < chunks.length) {
        const chunk = chunks[i++]!;
        controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
      } else if (endless) controller.enqueue(new Uint8Array(64 * 1024));
      else controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body, init), state };
}

describe('readBody', () => {
  it('decodes as Response.text() does: BOM dropped, invalid bytes replaced, characters split across chunks', async () => {
    const euro = new TextEncoder().encode('€'); // three bytes
    const { response } = streamed([
      new Uint8Array([0xef, 0xbb, 0xbf]),
      'a',
      euro.slice(0, 1),
      euro.slice(1),
      new Uint8Array([0xff, 0x41]),
    ]);
    expect(await readBody(response, 100)).toBe('a€\ufffdA');
  });

  it('a body of exactly the limit is read; one byte more is ResponseTooLargeError, and the rest is cancelled', async () => {
    expect(await readBody(streamed(['x'.repeat(10)]).response, 10)).toBe('x'.repeat(10));
    const { response, state } = streamed(['x'.repeat(6), 'x'.repeat(5), 'never read'], { status: 502 });
    const error = await readBody(response, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(CxEngageError);
    expect(error).toMatchObject({ limitBytes: 10, status: 502 });
    expect((error as Error).message).toMatch(/exceeds maxResponseBytes \(10 bytes\)/);
    expect(state.cancelled).toBe(true);
  });

  it('an endless body stops at the limit', async () => {
    const { response, state } = streamed([], {}, true);
    await expect(readBody(response, 1024 * 1024)).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(state.pulled).toBeLessThanOrEqual(1024 / 64 + 2);
    expect(state.cancelled).toBe(true);
  });

  it('a declared length over the limit is refused before reading', async () => {
    const { response, state } = streamed(['small'], { headers: { 'content-length': '999999' } });
    await expect(readBody(response, 100)).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(state.cancelled).toBe(true);
  });

  it('no body is the empty string', async () => {
    expect(await readBody(new Response(null, { status: 204 }), 10)).toBe('');
  });

  it('the client option: default 8 MiB, checked, and enforced for 2xx and error bodies, without retry', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(8 * 1024 * 1024);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1024']) {
      expect(() => createInteractionsClient({ auth: { token: 'tok' }, maxResponseBytes: bad as number })).toThrowError(
        /Invalid maxResponseBytes/,
      );
    }
    let calls = 0;
    const fetch = async (input: RequestInfo | URL) => {
      calls++;
      const status = String(input instanceof Request ? input.url : input).includes('page=1') ? 503 : 200;
      return json(page([], { total: 0, note: 'x'.repeat(2000) } as never), { status });
    };
    const client = createInteractionsClient({ auth: { token: 'tok' }, fetch, maxResponseBytes: 1000, maxRetries: 3 });
    const params = { tenantId: TENANT, contactId: CONTACT };
    await expect(client.listInteractions(params)).rejects.toMatchObject({ name: 'ResponseTooLargeError', status: 200 });
    await expect(client.listInteractions({ ...params, page: 1 })).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      status: 503,
      limitBytes: 1000,
    });
    expect(calls).toBe(2);
  });

  it('a body that trickles in forever, under the cap, still meets the per-attempt timeout', async () => {
    vi.useFakeTimers();
    try {
      let pulls = 0;
      const trickle = () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async pull(controller) {
              pulls++;
              await new Promise((resolve) => setTimeout(resolve, 100));
              controller.enqueue(new TextEncoder().encode(' '));
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        );
      const client = createInteractionsClient({
        auth: { token: 'tok' },
        fetch: async () => trickle(),
        timeoutMs: 1000,
        maxRetries: 0,
      });
      const result = client.listInteractions({ tenantId: TENANT, contactId: CONTACT }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1500);
      const error = await result;
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ scope: 'attempt', timeoutMs: 1000 });
      expect(pulls).toBeGreaterThan(5);
    } finally {
      vi.useRealTimers();
    }
  });
});
