/**
 * Reading a response body. Every body the SDK reads (2xx pages and error bodies alike) is read here,
 * inside its attempt, so that one place decides how much of a server's answer is ever held in memory:
 * at most `maxBytes`, counted as the (already decompressed) chunks arrive, so an endless body or a
 * gzip bomb is cut off at the limit rather than read into memory whole.
 */
import { ResponseTooLargeError } from '../errors.js';

/**
 * The default limit of one body: 8 MiB. A full page of 100 interactions is about 56 KB (see the
 * README), so this leaves two orders of magnitude for long extra properties, while a hostile or broken
 * server cannot exhaust memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * The whole body as text (UTF-8, a BOM dropped and invalid bytes replaced, as `Response.text()` decodes
 * it). Rejects with {@link ResponseTooLargeError} as soon as more than `maxBytes` have arrived, and
 * cancels the rest of the body.
 */
export async function readBody(response: Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  // A declared length over the limit is refused before reading; it is only a hint (an encoded length,
  // possibly a lie), so the count below is what enforces the limit.
  const declared = Number(response.headers.get('content-length'));
  if (!response.headers.has('content-encoding') && declared > maxBytes) {
    await body.cancel().catch(() => {});
    throw new ResponseTooLargeError(response.status, maxBytes);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) throw new ResponseTooLargeError(response.status, maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
