// The deprecation signal: a `Deprecation` or `Sunset` header on an answer is warned about through the
// logger, once per client (and the clients derived from it), sanitised and redacted. Checked against the
// reference API sending the headers on the history route, and table by table for the header parsing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.js';
import { deprecationWarning } from '../../src/http/deprecation.js';
import { createInteractionsClient, type Logger } from '../../src/index.js';
import { type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { CONTACT, TENANT } from '../helpers.js';

const TOKEN = 'deprecation-token-5d2e';
const SUNSET = 'Sun, 01 Nov 2026 00:00:00 GMT';
const history = spec.operations.listContactInteractions;
const ROUTE = `${history.method.toUpperCase()} ${history.path}`;
let deprecated: ReferenceApi;
let plain: ReferenceApi;

beforeAll(async () => {
  const common = {
    seed: 'deprecation',
    dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 5 }],
    credentials: { tokens: [{ token: TOKEN }] },
  };
  [deprecated, plain] = await Promise.all([
    startReferenceApi({
      ...common,
      historyDeprecation: { deprecation: '@1767225600', sunset: SUNSET, link: 'https://docs.example.test/migrate' },
    }),
    startReferenceApi(common),
  ]);
});
afterAll(() => Promise.all([deprecated.close(), plain.close()]));

function logged(): { logger: Logger; warnings: [string, Record<string, unknown> | undefined][] } {
  const warnings: [string, Record<string, unknown> | undefined][] = [];
  return { warnings, logger: { warn: (msg, meta) => warnings.push([msg, meta]) } };
}

describe('against the reference API sending Deprecation and Sunset on the history route', () => {
  it('warns once per client family, naming the route, the dates and the link', async () => {
    const { logger, warnings } = logged();
    const client = createInteractionsClient({ baseUrl: deprecated.baseUrl, auth: { token: TOKEN }, logger });
    const params = { tenantId: TENANT, contactId: CONTACT };
    await client.listInteractions(params);
    await client.listInteractions(params);
    await client.withOptions({ maxRetries: 1 }).listInteractions(params);
    for await (const _ of client.iterateInteractions(params));
    expect(warnings).toHaveLength(1);
    const [message, meta] = warnings[0]!;
    expect(message).toBe(
      `cxengage: the API signals that ${ROUTE} is deprecated (Deprecation: @1767225600 (2026-01-01T00:00:00.000Z); ` +
        `Sunset: ${SUNSET}; Link: https://docs.example.test/migrate). ` +
        'See "Moving to Get a Specific Interaction" in the cxengage-interactions README.',
    );
    expect(meta).toEqual({
      route: ROUTE,
      deprecation: '@1767225600',
      deprecationDate: '2026-01-01T00:00:00.000Z',
      sunset: SUNSET,
      link: 'https://docs.example.test/migrate',
    });
  });

  it('a new client warns again; an error answer of the route carries the signal too', async () => {
    const { logger, warnings } = logged();
    const client = createInteractionsClient({ baseUrl: deprecated.baseUrl, auth: { token: TOKEN }, logger });
    await expect(client.listInteractions({ tenantId: TENANT, contactId: TENANT })).rejects.toThrow(/Contact not found/);
    expect(warnings).toHaveLength(1);
  });

  it('no warning when the headers are absent, nor from the successor route', async () => {
    const { logger, warnings } = logged();
    const client = createInteractionsClient({ baseUrl: plain.baseUrl, auth: { token: TOKEN }, logger });
    const [first] = (await client.listInteractions({ tenantId: TENANT, contactId: CONTACT })).results;
    await client.getInteraction({ tenantId: TENANT, interactionId: first!.interactionId });
    const fromDeprecated = createInteractionsClient({ baseUrl: deprecated.baseUrl, auth: { token: TOKEN }, logger });
    await fromDeprecated.getInteraction({ tenantId: TENANT, interactionId: first!.interactionId });
    expect(warnings).toEqual([]);
  });
});

describe('deprecationWarning: header values are server data', () => {
  const warn = (headers: Record<string, string>) => deprecationWarning(new Headers(headers), ROUTE);

  it.each<[string, Record<string, string>, Record<string, string> | undefined]>([
    ['neither header', { link: '<https://x.test>; rel="deprecation"' }, undefined],
    ['Sunset only', { sunset: SUNSET }, { route: ROUTE, sunset: SUNSET }],
    ['an old-style Deprecation: true', { deprecation: 'true' }, { route: ROUTE, deprecation: 'true' }],
    [
      'a Link that is not about deprecation is ignored',
      { deprecation: '@0', link: '<https://x.test/next>; rel="next"' },
      { route: ROUTE, deprecation: '@0', deprecationDate: '1970-01-01T00:00:00.000Z' },
    ],
    [
      'a Link among others',
      { sunset: SUNSET, link: '<https://x.test/a>; rel="next", <https://x.test/b>; rel="sunset"' },
      { route: ROUTE, sunset: SUNSET, link: 'https://x.test/b' },
    ],
  ])('%s', (_name, headers, meta) => {
    expect(warn(headers)?.meta).toEqual(meta);
  });

  it('control characters are made visible (the terminal sanitiser) and long values are cut', () => {
    const { message, meta } = warn({ deprecation: `@1\u001b[31m${'x'.repeat(500)}`, sunset: 'a\u0007b' })!;
    expect(meta['sunset']).toBe('a^Gb');
    expect(meta['deprecation']!.length).toBeLessThanOrEqual(201);
    expect(meta['deprecation']!.endsWith('…')).toBe(true);
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('the logger only ever sees it redacted', async () => {
    const { logger, warnings } = logged();
    const echoing = await startReferenceApi({
      seed: 'deprecation',
      dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 1 }],
      credentials: { tokens: [{ token: TOKEN }] },
      historyDeprecation: { deprecation: `true; by=${TOKEN}`, sunset: TOKEN },
    });
    try {
      const client = createInteractionsClient({ baseUrl: echoing.baseUrl, auth: { token: TOKEN }, logger });
      await client.listInteractions({ tenantId: TENANT, contactId: CONTACT });
    } finally {
      await echoing.close();
    }
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings)).not.toContain(TOKEN);
    expect(JSON.stringify(warnings)).toContain('[redacted]');
  });
});
