/**
 * Reading a response body. Every body the SDK reads (2xx pages and error bodies alike) is read here,
 * inside its attempt, so that one place decides how much of a server's answer is ever held in memory.
 */

/** The whole body as text (UTF-8, as `Response.text()` decodes it). */
export function readBody(response: Response): Promise<string> {
  return response.text();
}
