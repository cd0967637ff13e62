// A fetch to hand to the SDK (its `fetch` option) that keeps a note of every response and checks
// each body against the spec with ajv (the schema of the operation the request is for), independently
// of the SDK's own validation and of Prism.
// Only method, URL, status and verdict are kept: never request headers, so never credentials.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { prismErrorKind, prismProblem } from './prism.ts';
import { operationOf, validateBody } from './spec.ts';

export interface ResponseRecord {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  /** sha256 of the body text, to tell bodies apart without keeping them. */
  digest: string;
  /** `spec`: the body was checked against the spec; `prism`: Prism's own problem+json. */
  origin: 'spec' | 'prism';
  valid: boolean;
  issues: string[];
}

export interface RecordingFetch {
  fetch: typeof fetch;
  records: ResponseRecord[];
  /** Records whose body does not match the spec, or that Prism flagged as a response violation. */
  invalid(): ResponseRecord[];
}

/** Wraps `inner` (global fetch by default), adding `headers` to every request. */
export function recordingFetch(
  options: { headers?: Record<string, string>; inner?: typeof fetch } = {},
): RecordingFetch {
  const inner = options.inner ?? globalThis.fetch;
  const records: ResponseRecord[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    for (const [name, value] of Object.entries(options.headers ?? {})) request.headers.set(name, value);
    const response = await inner(request);
    const text = await response.clone().text();
    const contentType = response.headers.get('content-type');
    let body: unknown;
    let parsed = true;
    try {
      body = JSON.parse(text);
    } catch {
      parsed = false;
    }
    const problem = parsed ? prismProblem(contentType, body) : undefined;
    const digest = createHash('sha256').update(text).digest('hex');
    const base = { method: request.method, url: request.url, status: response.status, contentType, digest };
    if (problem) {
      // VIOLATIONS means Prism, as a proxy, caught the upstream answering outside the spec.
      const kind = prismErrorKind(problem);
      const issues = (problem.validation ?? []).map((v) => `${v.location.join('/')}: ${v.message}`);
      records.push({ ...base, origin: 'prism', valid: kind !== 'VIOLATIONS', issues: [`Prism ${kind}`, ...issues] });
    } else if (!parsed || !contentType?.startsWith('application/json')) {
      records.push({
        ...base,
        origin: 'spec',
        valid: false,
        issues: [`not a JSON body (content-type ${contentType ?? 'none'})`],
      });
    } else {
      const operation = operationOf(request.method, request.url);
      records.push({
        ...base,
        origin: 'spec',
        ...(operation
          ? validateBody(response.status, body, operation)
          : { valid: false, issues: [`${request.method} ${request.url} is no operation of the spec`] }),
      });
    }
    return response;
  };
  return { fetch: wrapped, records, invalid: () => records.filter((r) => !r.valid) };
}

/**
 * Registers the named check that closes a test file: every body the file's tests received
 * through `recorder` validates against the spec (and there was at least one).
 */
export function everyBodyConformsTest(recorder: RecordingFetch): void {
  it('schema conformance: every response body received in this file validates against the spec (ajv 2020 + formats)', () => {
    expect(recorder.records.filter((r) => r.origin === 'spec').length).toBeGreaterThan(0);
    expect(recorder.invalid()).toEqual([]);
  });
}
