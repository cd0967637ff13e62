// Log levels: `logLevel` and CXENGAGE_LOG (the option wins), what each level lets through (a line per
// request at debug; retried calls and walk ends at info), every line redacted, a console and a pino
// logger (object first) both fed, and no environment at all (a browser) taken as unset.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedaction } from '../../src/auth/redaction.ts';
import { envLogLevel, leveledLogger } from '../../src/http/log.ts';
import { createInteractionsClient, InvalidInputError, type Logger, type LogLevel } from '../../src/index.ts';
import { CONTACT, clientAnswering, HISTORY_TEMPLATE, interaction, json, page, SENTINEL, TENANT } from '../helpers.ts';

const params = { tenantId: TENANT, contactId: CONTACT };
const HISTORY = `GET ${HISTORY_TEMPLATE}`;

function capture() {
  const lines: [string, string, Record<string, unknown> | undefined][] = [];
  const at = (level: string) => (msg: string, meta?: Record<string, unknown>) => lines.push([level, msg, meta]);
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { logger, lines };
}

/** A client whose first answer is a 503 (Retry-After 0), then pages of `size` over a history of `total`. */
function flaky(logger: Logger, logLevel?: LogLevel) {
  const items = Array.from({ length: 3 }, (_, i) => interaction(i));
  let n = 0;
  return clientAnswering(
    (request) => {
      n += 1;
      if (n === 1) return json({ error: `busy ${SENTINEL}` }, { status: 503, headers: { 'retry-after': '0' } });
      const at = Number(new URL(request.url).searchParams.get('page') ?? 0);
      return json(page(items.slice(at * 2, at * 2 + 2), { limit: 2, page: at, offset: at * 2, total: 3 }));
    },
    { auth: { token: SENTINEL }, logger, maxRetries: 1, tracing: false, ...(logLevel ? { logLevel } : {}) },
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('log levels', () => {
  it('debug: one line per request (method, URL template, status, duration, attempt), redacted', async () => {
    const { logger, lines } = capture();
    const { client } = flaky(logger, 'debug');
    await client.listInteractions({ ...params, limit: 2, page: 0 });
    const requests = lines.filter(([level, msg]) => level === 'debug' && msg.includes('(attempt'));
    expect(requests.map(([, msg]) => msg.replace(/in \d+ ms/, 'in N ms'))).toEqual([
      `cxengage: ${HISTORY} → 503 in N ms (attempt 1)`,
      `cxengage: ${HISTORY} → 200 in N ms (attempt 2)`,
    ]);
    expect(requests[1]![2]).toEqual({
      method: 'GET',
      urlTemplate: HISTORY_TEMPLATE,
      status: 200,
      durationMs: expect.any(Number),
      attempt: 2,
    });
    expect(lines.some(([level, msg]) => level === 'debug' && msg === 'cxengage: retrying request')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(SENTINEL);
  });

  it('info: a call that needed retries, once over, and a walk at its end; no request lines', async () => {
    const { logger, lines } = capture();
    const { client } = flaky(logger, 'info');
    let walked = 0;
    for await (const _ of client.iterateInteractions({ ...params, pageSize: 2 })) walked += 1;
    expect(walked).toBe(3);
    expect(lines.map(([level, msg]) => `${level} ${msg.replace(/in \d+ ms/, 'in N ms')}`)).toEqual([
      `info cxengage: ${HISTORY} → 200 after 2 attempts in N ms`,
      `info cxengage: walk of contact ${CONTACT} ended: pages 2, items 3, requests 3, throttled 0`,
    ]);
  });

  it.each<[LogLevel, string[]]>([
    ['off', []],
    ['error', []],
    ['warn', ['warn']],
  ])('%s: only what that level lets through', async (logLevel, levels) => {
    const { logger, lines } = capture();
    // A page that fails validation under validate: 'warn' is a warning.
    const { client } = clientAnswering(() => json({ ...page([]), total: 'many' }), {
      logger,
      logLevel,
      validate: 'warn',
      tracing: false,
    });
    await client.listInteractions(params);
    expect(lines.map(([level]) => level)).toEqual(levels);
  });

  it('CXENGAGE_LOG sets the level when the option does not; the option wins; a bad value is refused', async () => {
    vi.stubEnv('CXENGAGE_LOG', ' Debug ');
    const fromEnv = capture();
    await flaky(fromEnv.logger, undefined).client.listInteractions({ ...params, limit: 2 });
    expect(fromEnv.lines.filter(([, msg]) => msg.includes('(attempt'))).toHaveLength(2);

    vi.stubEnv('CXENGAGE_LOG', 'off');
    const overridden = capture();
    await flaky(overridden.logger, 'info').client.listInteractions({ ...params, limit: 2 });
    expect(overridden.lines.map(([level]) => level)).toEqual(['info']);

    vi.stubEnv('CXENGAGE_LOG', 'loud');
    expect(() => createInteractionsClient({ auth: { token: 'token-0123456789' } })).toThrow(
      new InvalidInputError('CXENGAGE_LOG', 'loud', 'must be one of off, error, warn, info, debug'),
    );
    // An option makes the variable irrelevant, even a bad one.
    expect(() => createInteractionsClient({ auth: { token: 'token-0123456789' }, logLevel: 'warn' })).not.toThrow();
    expect(() => createInteractionsClient({ auth: { token: 'token-0123456789' }, logLevel: 'loud' as never })).toThrow(
      /Invalid logLevel/,
    );
  });

  it('without a process (a browser), no variable is looked for: the default applies', () => {
    expect(envLogLevel(undefined)).toBeUndefined();
    expect(envLogLevel({})).toBeUndefined();
    expect(envLogLevel({ CXENGAGE_LOG: '' })).toBeUndefined();
    const process = globalThis.process;
    vi.stubGlobal('process', undefined);
    try {
      const logger = leveledLogger(undefined, undefined, createRedaction([]));
      expect([logger.info, logger.debug]).toEqual([undefined, undefined]);
      expect(typeof logger.warn).toBe('function');
    } finally {
      vi.stubGlobal('process', process);
    }
  });

  it('the default console logger is fed at warn, message first; a logger of your own gets every level it has', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const { client } = clientAnswering(() => json({ ...page([]), total: 'many' }), {
      validate: 'warn',
      tracing: false,
    });
    await client.listInteractions(params);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('cxengage:'),
      expect.objectContaining({ pointer: '/total' }),
    );
    expect(debug).not.toHaveBeenCalled();

    const own: string[] = [];
    const legacy: Logger = { warn: () => {}, debug: (msg) => own.push(msg) }; // the shape before levels existed
    await flaky(legacy).client.listInteractions({ ...params, limit: 2 });
    expect(own.filter((msg) => msg.includes('(attempt'))).toHaveLength(2);
    expect(own).toContain('cxengage: retrying request');
  });

  it('a pino logger gets the object first and the message second, as pino takes them', async () => {
    const written: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written.push(String(chunk));
        done();
      },
    });
    const log = pino({ level: 'debug', base: undefined, timestamp: false }, sink);
    await flaky(log).client.listInteractions({ ...params, limit: 2 });
    const records = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = records.filter((r) => String(r['msg']).includes('(attempt'));
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({
      level: 20,
      msg: expect.stringMatching(/^cxengage: GET .* → 200 in \d+ ms \(attempt 2\)$/),
      method: 'GET',
      status: 200,
      attempt: 2,
      urlTemplate: HISTORY_TEMPLATE,
    });
    expect(written.join('')).not.toContain(SENTINEL);
  });

  it('withOptions changes the level and keeps the logger', async () => {
    const { logger, lines } = capture();
    const { client } = flaky(logger, 'warn');
    await client.withOptions({ logLevel: 'debug' }).listInteractions({ ...params, limit: 2 });
    expect(lines.filter(([, msg]) => msg.includes('(attempt'))).toHaveLength(2);
  });
});
