// OpenTelemetry: spans after the HTTP client semantic conventions (a call, its attempts, a walk, a contact's
// sync), `traceparent` on every request through the SDK's own fetch and a caller's, and no secret in any
// attribute. The spans are read back from the SDK's in-memory exporter; the server is the reference API.
import { type Attributes, context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { utf8Base64 } from '../../src/auth/secrets.ts';
import { safeUrl } from '../../src/http/instrument.ts';
import { createInteractionsClient, exportInteractions, syncInteractions } from '../../src/index.ts';
import { operationPath, type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { CONTACT, clientAnswering, HISTORY_TEMPLATE, json, literal, page, TENANT, uuid } from '../helpers.ts';

const KEY = 'trace-key';
const SECRET = 'Tr4ce-s3cret-never-in-a-span';
const HISTORY = HISTORY_TEMPLATE;

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracing = { tracerProvider: provider };
let api: ReferenceApi;
/** The `traceparent` of every request the reference API received, in order. */
const traceparents: (string | undefined)[] = [];

beforeAll(async () => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  api = await startReferenceApi({
    seed: 'tracing',
    dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 250 }],
    credentials: { apiKeys: [{ key: KEY, secret: SECRET }] },
    intercept: (req) => {
      traceparents.push(req.headers.traceparent as string | undefined);
      return false;
    },
  });
});
afterAll(async () => {
  await api.close();
  propagation.disable();
  context.disable();
});
afterEach(() => {
  exporter.reset();
  traceparents.length = 0;
});

const basic = { username: KEY, password: SECRET };

/** The finished spans as a tree, one line each: indent, name, kind, and the attributes a reader checks. */
function tree(spans: readonly ReadableSpan[], shown: readonly string[]): string[] {
  const children = (id: string | undefined) =>
    spans
      .filter((s) => s.parentSpanContext?.spanId === id)
      .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  const kinds = ['INTERNAL', 'SERVER', 'CLIENT'];
  const lines: string[] = [];
  const visit = (span: ReadableSpan, depth: number) => {
    const attributes = shown
      .filter((name) => span.attributes[name] !== undefined)
      .map((name) => `${name}=${String(span.attributes[name])}`);
    lines.push(`${'  '.repeat(depth)}${span.name} [${kinds[span.kind]}] ${attributes.join(' ')}`.trimEnd());
    for (const child of children(span.spanContext().spanId)) visit(child, depth + 1);
  };
  for (const root of children(undefined)) visit(root, 0);
  return lines;
}

/** Every attribute value of every span, as text. */
const attributeText = (spans: readonly ReadableSpan[]) =>
  spans.flatMap((span) => Object.entries(span.attributes as Attributes).map(([k, v]) => `${k}=${String(v)}`));

describe('tracing', () => {
  it('shows a three-page walk with a retry as one tree, and no secret in any attribute', async () => {
    const client = createInteractionsClient({ baseUrl: api.baseUrl, auth: basic, tracing });
    const sizes: number[] = [];
    for await (const walked of client.iteratePages({ tenantId: TENANT, contactId: CONTACT })) {
      sizes.push(walked.results.length);
      // Page 1's first attempt is answered 503 (Retry-After 0): the loop sends it again.
      if (sizes.length === 1) api.store.queueFailure({ status: 503, headers: { 'retry-after': '0' } });
    }
    expect(sizes).toEqual([100, 100, 50]);

    const spans = exporter.getFinishedSpans();
    const shown = [
      'http.response.status_code',
      'http.request.resend_count',
      'error.type',
      'cxengage.attempts',
      'cxengage.walk.pages',
      'cxengage.walk.items',
      'cxengage.walk.requests',
      'cxengage.walk.throttled',
    ];
    const call = `GET ${HISTORY} [INTERNAL]`;
    const attempt = `  GET ${HISTORY} [CLIENT]`;
    expect(tree(spans, shown)).toEqual([
      'cxengage.walk [INTERNAL] cxengage.walk.pages=3 cxengage.walk.items=250 cxengage.walk.requests=4 cxengage.walk.throttled=0',
      `  ${call} http.response.status_code=200 cxengage.attempts=1`,
      `  ${attempt} http.response.status_code=200`,
      `  ${call} http.response.status_code=200 cxengage.attempts=2`,
      `  ${attempt} http.response.status_code=503 error.type=503`,
      `  ${attempt} http.response.status_code=200 http.request.resend_count=1`,
      `  ${call} http.response.status_code=200 cxengage.attempts=1`,
      `  ${attempt} http.response.status_code=200`,
    ]);

    // The attempts carry the semantic conventions' request attributes; the URL is the real one, the
    // template and the name have no ids.
    const attempts = spans.filter((s) => s.kind === 2);
    const port = Number(new URL(api.baseUrl).port);
    for (const span of attempts) {
      expect(span.attributes).toMatchObject({
        'http.request.method': 'GET',
        'url.template': HISTORY,
        'server.address': '127.0.0.1',
        'server.port': port,
      });
      expect(span.attributes['url.full']).toMatch(
        new RegExp(
          `^${literal(api.baseUrl + operationPath('listContactInteractions', { tenantId: TENANT, contactId: CONTACT }))}\\?limit=100&page=[012]$`,
        ),
      );
      expect(span.name).not.toContain(TENANT);
    }
    // One trace; every request carried its own attempt's context, in order.
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(traceparents).toEqual(
      attempts
        .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])
        .map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`),
    );
    // No form of the credentials anywhere: the secret, the Basic header value, the word itself.
    const text = attributeText(spans).join('\n');
    for (const secret of [SECRET, utf8Base64(`${KEY}:${SECRET}`), 'authorization', 'Basic ']) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it('puts traceparent on the request a custom fetch is given, attempt by attempt', async () => {
    // Read as each attempt is sent: a GET's attempts share one Request, whose header each attempt resets.
    const sent: (string | null)[] = [];
    const { client } = clientAnswering(
      (request) => {
        sent.push(request.headers.get('traceparent'));
        return sent.length === 1
          ? json({ error: 'busy' }, { status: 503, headers: { 'retry-after': '0' } })
          : json(page([]));
      },
      { tracing, maxRetries: 1 },
    );
    await client.listInteractions({ tenantId: TENANT, contactId: CONTACT });
    const attempts = exporter.getFinishedSpans().filter((s) => s.kind === 2);
    expect(attempts).toHaveLength(2);
    expect(sent).toEqual(attempts.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`));
    expect(sent[0]).not.toBe(sent[1]);
  });

  it('traces the token exchange as a call of its own, with the password in no attribute', async () => {
    const client = createInteractionsClient({
      baseUrl: api.baseUrl,
      auth: { ...basic, exchange: 'token' },
      tracing,
    });
    await client.listInteractions({ tenantId: TENANT, contactId: CONTACT, limit: 1 });
    const names = exporter.getFinishedSpans().map((s) => `${s.name} ${s.kind === 2 ? 'CLIENT' : 'INTERNAL'}`);
    expect(names).toEqual(
      expect.arrayContaining(['POST /v1/tokens CLIENT', 'POST /v1/tokens INTERNAL', `GET ${HISTORY} CLIENT`]),
    );
    expect(attributeText(exporter.getFinishedSpans()).join('\n')).not.toContain(SECRET);
  });

  it('gives each contact of an export a span with its counts and the 429s its requests got', async () => {
    const client = createInteractionsClient({ baseUrl: api.baseUrl, auth: basic, tracing });
    api.store.queueFailure({ status: 429, headers: { 'retry-after': '0' } });
    const run = exportInteractions(client, {
      tenantId: TENANT,
      contacts: [CONTACT],
      concurrency: 1,
      rateLimit: { requestsPerSecond: 1000 },
    });
    let records = 0;
    for await (const event of run) if (event.type === 'record') records += 1;
    expect(records).toBe(250);
    const sync = exporter.getFinishedSpans().find((s) => s.name === 'cxengage.sync');
    expect(sync?.attributes).toMatchObject({
      'cxengage.contact.id': CONTACT,
      'cxengage.sync.pages': 3,
      'cxengage.sync.records': 250,
      'cxengage.sync.new': 250,
      'cxengage.sync.updated': 0,
      'cxengage.sync.requests': 4,
      'cxengage.sync.throttled': 1,
    });
    const calls = exporter.getFinishedSpans().filter((s) => s.kind === 0 && s.name.startsWith('GET'));
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(call.parentSpanContext?.spanId).toBe(sync?.spanContext().spanId);
  });

  it('marks a failed sync span with the error type', async () => {
    const client = createInteractionsClient({ baseUrl: api.baseUrl, auth: basic, tracing, maxRetries: 0 });
    const run = syncInteractions(client, { tenantId: TENANT, contactId: uuid(99) });
    await expect(async () => {
      for await (const _ of run);
    }).rejects.toThrow(/not found/i);
    const sync = exporter.getFinishedSpans().find((s) => s.name === 'cxengage.sync');
    expect(sync?.attributes['error.type']).toBe('NotFoundError');
    expect(sync?.status.code).toBe(2);
  });

  it('with the global provider, records once an OpenTelemetry SDK registers one, and not before', async () => {
    const sent: (string | null)[] = [];
    const { client } = clientAnswering((request) => {
      sent.push(request.headers.get('traceparent'));
      return json(page([]));
    });
    await client.listInteractions({ tenantId: TENANT, contactId: CONTACT }); // no SDK: nothing to record
    trace.setGlobalTracerProvider(provider);
    try {
      await client.listInteractions({ tenantId: TENANT, contactId: CONTACT });
    } finally {
      trace.disable();
    }
    const attempts = exporter.getFinishedSpans().filter((s) => s.kind === 2);
    expect(attempts).toHaveLength(1);
    expect(sent).toEqual([null, `00-${attempts[0]!.spanContext().traceId}-${attempts[0]!.spanContext().spanId}-01`]);
  });

  it('is off with tracing: false: no span, no traceparent', async () => {
    const { client, requests } = clientAnswering(() => json(page([])), { tracing: false });
    await client.listInteractions({ tenantId: TENANT, contactId: CONTACT });
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(requests[0]!.headers.has('traceparent')).toBe(false);
  });

  it('refuses a tracing option that is neither a boolean nor a tracer provider, before sending', () => {
    expect(() => createInteractionsClient({ auth: { token: 't0123456789' }, tracing: {} as never })).toThrow(
      /tracing.*tracerProvider/,
    );
  });
});

describe('url.full', () => {
  const redact = Object.assign(<T>(value: T) => value, { add() {}, cause: (e: unknown) => e });
  it.each([
    ['https://api.test/v1/x?limit=10&page=2', 'https://api.test/v1/x?limit=10&page=2'],
    ['https://api.test/v1/x?access_token=abc&limit=1', 'https://api.test/v1/x?access_token=REDACTED&limit=1'],
    [
      'https://api.test/v1/x?Signature=abc&X-Api-Key=k&sig=s',
      'https://api.test/v1/x?Signature=REDACTED&X-Api-Key=REDACTED&sig=REDACTED',
    ],
    ['https://user:pass@api.test/v1/x', 'https://REDACTED:REDACTED@api.test/v1/x'],
  ])('%s → %s', (url, shown) => {
    expect(safeUrl(new URL(url), redact)).toBe(shown);
  });
});
