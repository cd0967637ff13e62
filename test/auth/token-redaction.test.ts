// Tokens and secrets never leak: a server that echoes them everywhere it can (error bodies, headers,
// status text, the Deprecation header, a token response cut short) and a token function that throws with
// one in its message. Every output is searched: messages, stacks, toJSON, util.inspect, causes, and every
// logger call (warnings and debug lines).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  type ClientOptions,
  CredentialsError,
  createInteractionsClient,
  InvalidResponseError,
  type Logger,
  ResponseValidationError,
} from '../../src/index.js';
import { CONTACT, json, page, recordingFetch, TENANT } from '../helpers.js';

// A secret with characters JSON escapes: the exchange's body carries it escaped.
const SECRET = 'S3CR3T-"quoted"\\-sentinel-9b1d';
const TOKENS = ['T0KEN-first-sentinel-51c0', 'T0KEN-second-sentinel-7e42'];
const params = { tenantId: TENANT, contactId: CONTACT };

/** Everything a user could see of an error and of the logger. */
function outputs(error: unknown, logged: unknown[]): string[] {
  const e = error as Error;
  return [
    String(e.message),
    String(e.stack),
    JSON.stringify(e),
    inspect(e, { depth: 20 }),
    inspect((e as { cause?: unknown }).cause, { depth: 20 }),
    JSON.stringify(logged),
  ];
}

function expectNothingSecret(texts: string[], secrets: readonly string[]): void {
  const forms = secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1), btoa(`key:${s}`)]);
  for (const text of texts) for (const form of forms) expect(text).not.toContain(form);
}

function capture(): { logger: Logger; logged: [string, string, unknown][] } {
  const logged: [string, string, unknown][] = [];
  return {
    logged,
    logger: {
      debug: (msg, meta) => logged.push(['debug', msg, meta]),
      warn: (msg, meta) => logged.push(['warn', msg, meta]),
    },
  };
}

/** An answer echoing every credential the request carried: its Authorization and its body. */
async function echo(request: Request, status: number, extra: Record<string, string> = {}): Promise<Response> {
  const authorization = request.headers.get('authorization') ?? '';
  const body = request.method === 'POST' ? await request.text() : '';
  return new Response(JSON.stringify({ error: { message: `refused ${authorization} ${body}` }, echo: body }), {
    status,
    statusText: `refused ${authorization}`,
    headers: { 'content-type': 'application/json', 'x-echo': authorization, ...extra },
  });
}

function client(fetch: typeof globalThis.fetch, logger: Logger, options: Partial<ClientOptions> = {}) {
  return createInteractionsClient({
    baseUrl: 'http://127.0.0.1:1/v1',
    auth: { username: 'key', password: SECRET, exchange: 'token' },
    fetch,
    logger,
    maxRetries: 1,
    ...options,
  });
}

describe('the token exchange never shows a token or the secret', () => {
  it('tokens echoed by every later answer: retries, a refresh, a second 401 and the deprecation warning', async () => {
    const { logger, logged } = capture();
    let exchanges = 0;
    const { fetch } = recordingFetch(async (request, n) => {
      if (request.method === 'POST') return json({ token: TOKENS[exchanges++], note: 'more secrets here' });
      if (n === 2) return echo(request, 503, { 'retry-after': '0' });
      return echo(request, 401, { deprecation: `@1700000000 ${request.headers.get('authorization')}` });
    });
    const error = await client(fetch, logger)
      .listInteractions(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(exchanges).toBe(2);
    const debug = logged.filter(([level]) => level === 'debug').map(([, msg]) => String(msg));
    expect(debug.filter((msg) => msg.includes('retrying'))).toHaveLength(1); // the retry notice
    expect(debug.filter((msg) => msg.includes(' → '))).toHaveLength(5); // a line per request: 2 exchanges, 3 reads
    expect(logged.filter(([level]) => level === 'warn')).toHaveLength(1); // the deprecation warning
    expect(JSON.stringify(logged)).toContain('[redacted]');
    expect((error as AuthenticationError).message).toContain('[redacted]');
    expectNothingSecret(outputs(error, logged), [SECRET, ...TOKENS]);
  });

  it('an exchange refused with the request body echoed back (the secret, JSON-escaped)', async () => {
    const { logger, logged } = capture();
    const { fetch } = recordingFetch((request) => echo(request, 400));
    const error = await client(fetch, logger)
      .listInteractions(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/^Token exchange \(POST \/tokens\) failed: HTTP 400: refused/);
    expectNothingSecret(outputs(error, logged), [SECRET]);
  });

  it.each([
    ['cut short', `{"token": "${TOKENS[0]}`, InvalidResponseError],
    ['not JSON', `token=${TOKENS[0]}`, InvalidResponseError],
    ['a token no header can carry', `{"token": "${TOKENS[0]}\\n${TOKENS[1]}"}`, ResponseValidationError],
  ] as const)('a token response %s: the error quotes none of it', async (_name, body, Class) => {
    const { logger, logged } = capture();
    const { fetch, requests } = recordingFetch(
      () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const error = await client(fetch, logger)
      .listInteractions(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    expect(requests.map((r) => r.method)).toEqual(['POST']);
    expectNothingSecret(outputs(error, logged), [SECRET, ...TOKENS]);
  });
});

describe('a token function: only what it returns is secret', () => {
  it('a returned token echoed by the server, and a later throw quoting it, both redacted', async () => {
    const { logger, logged } = capture();
    let calls = 0;
    const token = () => {
      calls += 1;
      if (calls === 1) return TOKENS[0]!;
      throw new Error(`token store refused to renew ${TOKENS[0]}`);
    };
    const { fetch } = recordingFetch((request) =>
      request.headers.get('authorization') ? echo(request, 401) : json(page([])),
    );
    const c = client(fetch, logger, { auth: { token } });
    const refused = await c.listInteractions(params).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    const failed = await c.listInteractions(params).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CredentialsError);
    expect(inspect(failed)).toContain('token store refused to renew [redacted]');
    expectNothingSecret([...outputs(refused, logged), ...outputs(failed, logged)], [TOKENS[0]!]);
  });

  it('the function itself is not treated as a secret: its source is never searched for or shown', async () => {
    const marker = 'readable-words-in-the-function';
    const token = () => (marker ? 'fn-token-1' : '');
    const { fetch } = recordingFetch(() => json({ error: `no such route ${marker}` }, { status: 404 }));
    const error = await client(fetch, capture().logger, { auth: { token } })
      .listInteractions(params)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(`HTTP 404: no such route ${marker}`);
  });
});
