// The lazy boundary of redaction: a client loads the redactor (`redact.ts`) only when it has something to
// show, so that a bundle whose calls succeed never downloads it. What must hold across that boundary:
// - a call that succeeds loads nothing; the first thing a client shows loads it;
// - every error and log line a client shows first, before its redactor has loaded, is redacted all the
//   same (one fresh client per way out: an API error, a network failure, a 2xx that is not JSON, a token
//   function that throws, a token exchange refused, the retry notice, a deprecation warning, a warn-mode
//   validation warning, a walk's warning), and still says what happened;
// - the logger delivers lines through the redactor, in order, and withholds a line it cannot redact;
// - no module of the core imports the redactor but through `redaction.ts` (read from the sources).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';
import type { Redactor } from '../../src/auth/redact.js';
import { createRedaction, type Redaction } from '../../src/auth/redaction.js';
import { BodyHandoff } from '../../src/http/body-handoff.js';
import { leveledLogger } from '../../src/http/log.js';
import { createRetryingFetch } from '../../src/http/retry.js';
import {
  BadRequestError,
  type ClientOptions,
  ConnectionError,
  CredentialsError,
  createInteractionsClient,
  InvalidResponseError,
  type Logger,
} from '../../src/index.js';
import { CONTACT, interaction, json, page, recordingFetch, SENTINEL, TENANT } from '../helpers.js';

const params = { tenantId: TENANT, contactId: CONTACT };
/** The forms of the sentinel an echo could give: raw, JSON-escaped, URL-encoded, base64 of it and of `key:` it. */
const FORMS = [SENTINEL, encodeURIComponent(SENTINEL), btoa(SENTINEL).replace(/=+$/, ''), btoa(`key:${SENTINEL}`)];

function capture() {
  const lines: [level: string, msg: string, meta: unknown][] = [];
  const logger: Logger = {
    debug: (msg, meta) => lines.push(['debug', msg, meta]),
    warn: (msg, meta) => lines.push(['warn', msg, meta]),
  };
  return { lines, logger };
}

/** Everything a user could see of an error (message, stack, JSON, inspect, cause chain) and of the log. */
function shown(error: unknown, lines: unknown[]): string {
  const e = error as Error;
  return [e?.message, e?.stack, JSON.stringify(e), inspect(e, { depth: 20 }), JSON.stringify(lines)].join('\n');
}

/** No form of the sentinel in `text`; where it would have been quoted, the marker instead. */
function expectRedacted(text: string, quoted = true): void {
  for (const form of FORMS) expect(text).not.toContain(form);
  if (quoted) expect(text).toContain('[redacted]');
}

/** A token function: the sentinel the first time, then a throw quoting it (only what it returns is a secret). */
function tokenThenThrow() {
  let calls = 0;
  return () => {
    if (calls++ === 0) return SENTINEL;
    throw new Error(`vault refused to renew ${SENTINEL}`);
  };
}

const failing = (status: number) => () =>
  json({ error: `denied for ${SENTINEL}` }, { status, statusText: `no ${SENTINEL}`, headers: { 'x-echo': SENTINEL } });

/**
 * One fresh client per way out, each showing its first thing with the sentinel in what it was given (the
 * validation and walk warnings quote no server data: they must still arrive, and arrive clean).
 */
const firstOutputs: [
  name: string,
  Class: (new (...args: never[]) => Error) | undefined,
  answer: (request: Request, n: number) => Response | Promise<Response>,
  options: Partial<ClientOptions>,
  act?: (client: ReturnType<typeof createInteractionsClient>) => Promise<unknown>,
][] = [
  ['an API error (non-2xx answer)', BadRequestError, failing(400), {}],
  [
    'a network failure, after a retry (the retry notice too)',
    ConnectionError,
    () => {
      throw new TypeError('fetch failed', { cause: new Error(`connect refused ${SENTINEL}`) });
    },
    { maxRetries: 1, maxRetryAfterMs: 0 },
  ],
  [
    'a 2xx that is not JSON',
    InvalidResponseError,
    () => new Response(`not json ${SENTINEL}`, { headers: { 'content-type': 'application/json' } }),
    {},
  ],
  [
    'a token function that throws, quoting the token it returned before (a call that succeeded)',
    CredentialsError,
    () => json(page([])),
    { auth: { token: tokenThenThrow() } },
    async (client) => {
      await client.listInteractions(params);
      return client.listInteractions(params);
    },
  ],
  [
    'a token exchange refused',
    BadRequestError,
    async (request) => json({ error: `bad body ${await request.text()}` }, { status: 400 }),
    { auth: { username: 'key', password: SENTINEL, exchange: 'token' } },
  ],
  [
    'a deprecation warning',
    undefined,
    () => json(page([]), { headers: { deprecation: `@1767225600 ${SENTINEL}` } }),
    {},
  ],
  [
    'a warn-mode validation warning',
    undefined,
    () => json({ ...page([]), [SENTINEL]: true, total: `x ${SENTINEL}` }),
    { validate: 'warn' },
  ],
  [
    "a walk's warning (warn mode: pages out of order)",
    undefined,
    () => json(page([interaction(2), interaction(1, { note: 1, customer: SENTINEL })], { total: 2 })),
    { validate: 'warn' },
    async (client) => {
      for await (const _ of client.iterateInteractions({ ...params, pageSize: 10 }));
    },
  ],
];

describe('the first thing a client shows is redacted, though its redactor had not loaded', () => {
  it.each(firstOutputs)('%s', async (_name, Class, answer, options, act) => {
    const { lines, logger } = capture();
    const { fetch } = recordingFetch(answer);
    const client = createInteractionsClient({
      auth: { token: SENTINEL }, // (replaced by the cases of another kind)
      baseUrl: 'http://127.0.0.1:1/v1',
      fetch,
      logger,
      maxRetries: 0,
      ...options,
    });
    const error = await (act ?? ((c) => c.listInteractions(params)))(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (Class) {
      expect(error).toBeInstanceOf(Class);
      expectRedacted(shown(error, lines));
    } else {
      expect(error).toBeUndefined();
      // Delivered before the call returned (beside the per-request debug lines a logger of your own gets).
      expect(lines.filter(([level]) => level !== 'debug').map(([level]) => level)).toEqual(['warn']);
      expectRedacted(JSON.stringify(lines), _name === 'a deprecation warning');
    }
  });
});

describe('the request loop asks for the redactor only for a failure', () => {
  /** A client's Redaction, counting the calls that asked for the redactor. */
  function counted() {
    const redaction = createRedaction([SENTINEL]);
    const asked = vi.fn(redaction.redactor);
    return { redaction: { ...redaction, redactor: asked }, asked };
  }

  function loop(redaction: Redaction, answer: () => Response) {
    return createRetryingFetch({
      fetch: async () => answer(),
      timeoutMs: 1000,
      deadlineMs: 5000,
      maxRetries: 0,
      maxRetryAfterMs: 0,
      redaction,
      bodies: new BodyHandoff(),
    });
  }

  it('a 2xx: never asked for', async () => {
    const { redaction, asked } = counted();
    await loop(redaction, () => json(page([])))(new Request('http://127.0.0.1:1/x'));
    expect(asked).not.toHaveBeenCalled();
  });

  it('a network failure: asked for before the error is built, which is redacted', async () => {
    const { redaction, asked } = counted();
    const error = await loop(redaction, () => {
      throw new TypeError('fetch failed', { cause: new Error(`reset ${SENTINEL}`) });
    })(new Request('http://127.0.0.1:1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(asked).toHaveBeenCalled();
    expectRedacted(inspect(error, { depth: 20 }));
  });
});

describe('createRedaction', () => {
  it('redacts the secrets given and those added before and after it loaded, with one redactor', async () => {
    const redaction = createRedaction(['first-secret-1234', '']);
    redaction.add('added-before-load-5678');
    const [a, b] = await Promise.all([redaction.redactor(), redaction.redactor()]);
    expect(a).toBe(b);
    expect(await redaction.redactor()).toBe(a);
    redaction.add('added-after-load-9012');
    expect(a('first-secret-1234 added-before-load-5678 added-after-load-9012 kept')).toBe(
      '[redacted] [redacted] [redacted] kept',
    );
  });
});

describe('the SDK logger (leveledLogger) redacts through the redaction', () => {
  /** A Redaction whose redactor arrives when the test says (or never: a failed load). */
  function controlled() {
    const redact = <T>(value: T): T =>
      value === undefined ? value : JSON.parse(JSON.stringify(value).replaceAll('s3cret', '[redacted]'));
    const redactor = Object.assign(redact, { add: () => {}, cause: (e: unknown) => e }) as Redactor;
    let arrive!: () => void;
    let fail!: () => void;
    const ready = new Promise<Redactor>((resolve, reject) => {
      arrive = () => resolve(redactor);
      fail = () => reject(new TypeError('Failed to fetch dynamically imported module'));
    });
    ready.catch(() => {});
    const redaction: Redaction = { add: () => {}, redactor: () => ready };
    return { redaction, arrive, fail };
  }

  it('holds lines while the redactor loads, then delivers them in order, redacted', async () => {
    const { lines, logger } = capture();
    const { redaction, arrive } = controlled();
    const log = leveledLogger(logger, 'debug', redaction);
    log.warn('one s3cret', { n: 1 });
    log.debug?.('two', { s3cret: 2 });
    await Promise.resolve();
    expect(lines).toEqual([]);
    arrive();
    log.warn('three s3cret');
    await new Promise((resolve) => setTimeout(resolve, 0));
    log.warn('four s3cret'); // once loaded: a microtask later, still after every line before it
    await Promise.resolve();
    expect(lines).toEqual([
      ['warn', 'one [redacted]', { n: 1 }],
      ['debug', 'two', { '[redacted]': 2 }],
      ['warn', 'three [redacted]', undefined],
      ['warn', 'four [redacted]', undefined],
    ]);
  });

  it('withholds a line it cannot redact, and says so', async () => {
    const { lines, logger } = capture();
    const { redaction, fail } = controlled();
    leveledLogger(logger, 'debug', redaction).debug?.('retrying s3cret');
    fail();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines).toEqual([
      ['warn', 'cxengage: a log line was withheld: the redaction code could not be loaded', undefined],
    ]);
  });

  it('has no debug where the logger has none (the loop then builds no retry notice)', () => {
    expect(Object.keys(leveledLogger({ warn: () => {} }, 'debug', createRedaction([])))).toEqual(['warn']);
  });
});

describe('the redactor is reached only through redaction.ts', () => {
  it('no module of the core imports redact.ts but as types; redaction.ts loads it with import()', () => {
    const files = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(`${dir}/${entry.name}`)
          : entry.name.endsWith('.ts')
            ? [`${dir}/${entry.name}`]
            : [],
      );
    const NODE_ONLY = /^src\/(cli|contract|testing)\//;
    const importers: string[] = [];
    let loader = '';
    for (const file of files('src').filter((f) => !NODE_ONLY.test(f) && f !== 'src/auth/redact.ts')) {
      const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest);
      const visit = (node: ts.Node): void => {
        const specifier =
          ts.isImportDeclaration(node) || ts.isExportDeclaration(node) ? node.moduleSpecifier : undefined;
        const typeOnly =
          (ts.isImportDeclaration(node) && node.importClause?.isTypeOnly) ||
          (ts.isExportDeclaration(node) && node.isTypeOnly);
        if (specifier && ts.isStringLiteral(specifier) && /\/redact\.js$/.test(specifier.text) && !typeOnly) {
          importers.push(file);
        }
        if (
          ts.isCallExpression(node) &&
          node.expression.kind === ts.SyntaxKind.ImportKeyword &&
          /redact\.js/.test(node.arguments[0]?.getText(source) ?? '')
        ) {
          loader += file;
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(importers).toEqual([]);
    expect(loader).toBe('src/auth/redaction.ts');
  });
});
