import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createRedactor, SHORT_SECRET_LENGTH, safeCause } from '../../src/auth/redact.js';
import { credentialSecrets, REDACTED, utf8Base64 } from '../../src/auth/secrets.js';
import { ApiError, CxEngageError, createInteractionsClient } from '../../src/index.js';
import { CONTACT, json, SENTINEL, TENANT } from '../helpers.js';

const b64 = (text: string) => utf8Base64(text);
const b64url = (text: string) => b64(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const jsonInner = (text: string) => JSON.stringify(text).slice(1, -1);
/** JSON as ASCII-only encoders write it (Python's json.dumps): every non-ASCII character as \uXXXX. */
const asciiJson = (text: string) =>
  jsonInner(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const upperHexJson = (text: string) =>
  asciiJson(text).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`);
const phpJson = (text: string) => jsonInner(text).replaceAll('/', '\\/');
const lowerPercent = (text: string) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase());
const formEncoded = (text: string) => new URLSearchParams({ v: text }).toString().slice(2);

/** Every spelling an echo can give a secret. */
const forms: Record<string, (secret: string) => string> = {
  raw: (s) => s,
  'JSON.stringify': jsonInner,
  'ASCII-only JSON': asciiJson,
  'upper-case \\u hex': upperHexJson,
  'JSON with \\/': phpJson,
  encodeURIComponent: encodeURIComponent,
  'lower-case %xx': lowerPercent,
  'form-encoded (+ for space)': formEncoded,
  base64: b64,
  'base64 unpadded': (s) => b64(s).replace(/=+$/, ''),
  base64url: b64url,
  'base64 of key:secret': (s) => b64(`key:${s}`),
  'Basic header value': (s) => `Basic ${b64(`key:${s}`)}`,
  'Token header value': (s) => `Token ${s}`,
  'JSON-escaped base64 of key:secret': (s) => phpJson(b64(`key:${s}`)),
  'URL-encoded base64': (s) => encodeURIComponent(b64(s)),
};

const secrets = [
  SENTINEL,
  'pa"ss\\word/with-quotes',
  'sp ace+plus&amp=eq',
  'ünïcødé-pässwörd',
  'emoji-😀-secret',
  'line\nbreak\ttab\u0001ctl',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a secret made of regex metacharacters, on purpose
  '.*+?^${}()|[]\\-regex',
  'x'.repeat(300),
];

describe('a redactor finds every form of a secret', () => {
  for (const secret of secrets) {
    const redact = createRedactor(credentialSecrets({ username: 'key', password: secret }));
    for (const [name, form] of Object.entries(forms)) {
      it(`${JSON.stringify(secret.slice(0, 24))}: ${name}`, () => {
        const text = `before ${form(secret)} after`;
        const out = redact(text);
        expect(out).toMatch(/^before .*\[redacted\].* after$/);
        expect(out).not.toContain(form(secret));
        // Not even the secret's longest run of word characters survives.
        const core = secret.match(/[\p{L}\p{N}]{6,}/u)?.[0];
        if (core) expect(out).not.toContain(core);
      });
    }
  }

  it('a token, and its header value', () => {
    const redact = createRedactor(credentialSecrets({ token: 'tok-0123456789.abc' }));
    expect(redact('Authorization: Token tok-0123456789.abc')).toBe(`Authorization: Token ${REDACTED}`);
    expect(redact(`{"h":"Token tok-0123456789.abc"}`)).toBe(`{"h":"Token ${REDACTED}"}`);
  });

  it('a secret learnt at runtime (add)', () => {
    const redact = createRedactor([]);
    expect(redact('runtime-token-42')).toBe('runtime-token-42');
    redact.add('runtime-token-42');
    redact.add('runtime-token-42');
    expect(redact('a runtime-token-42 b')).toBe(`a ${REDACTED} b`);
  });
});

describe('short secrets', () => {
  it(`forms shorter than ${SHORT_SECRET_LENGTH} characters are redacted only as whole tokens`, () => {
    const redact = createRedactor(['c']);
    expect(redact('cxengage-interactions: Invalid auth.password (got c)')).toBe(
      `cxengage-interactions: Invalid auth.password (got ${REDACTED})`,
    );
    expect(redact('c')).toBe(REDACTED);
    expect(redact('{"password":"c"}')).toBe(`{"password":"${REDACTED}"}`);
    expect(redact('password=c&x=1')).toBe(`password=${REDACTED}&x=1`);
    expect(redact('accept, cc, c2')).toBe('accept, cc, c2');
  });

  it('its base64 form also only as a whole token', () => {
    const redact = createRedactor(['c']); // base64 "Yw"
    expect(redact('Basic Yw==')).toBe(`Basic ${REDACTED}==`);
    expect(redact('Ywing')).toBe('Ywing');
  });

  it('a short secret of punctuation, and one in another script', () => {
    const redact = createRedactor(['!!', 'пар']);
    expect(redact('pw: !! .')).toBe(`pw: ${REDACTED} .`);
    expect(redact('пароль пар')).toBe(`пароль ${REDACTED}`);
  });

  it('a secret of 8 characters or more is found inside words too', () => {
    const redact = createRedactor(['hunter22']);
    expect(redact('xxhunter22yy')).toBe(`xx${REDACTED}yy`);
  });
});

describe('overlaps and structure', () => {
  it('overlapping secrets are merged into one marker, revealing neither', () => {
    const redact = createRedactor(['secretAB', 'ABcdefgh']);
    expect(redact('x secretABcdefgh y')).toBe(`x ${REDACTED} y`);
    expect(createRedactor(['aaaaaaaa'])('aaaaaaaaaaa!')).toBe(`${REDACTED}!`);
  });

  it('regular-expression metacharacters are plain characters', () => {
    const redact = createRedactor(['.*(a|b)+$']);
    expect(redact('xyz .*(a|b)+$ abba')).toBe(`xyz ${REDACTED} abba`);
  });

  it('object keys, nested values and arrays; null-prototype objects; depth-bounded', () => {
    const redact = createRedactor([SENTINEL]);
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { [SENTINEL]: [SENTINEL] });
    const out = redact({ [`k-${SENTINEL}`]: { list: [`v ${SENTINEL}`] }, bare });
    expect(JSON.stringify(out)).not.toContain(SENTINEL);
    let deep: unknown = SENTINEL;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(JSON.stringify(redact({ deep }).deep).length).toBeLessThan(200);
  });

  it('cause chains (safeCause), util.inspect and toJSON of errors', async () => {
    const redact = createRedactor([SENTINEL]);
    const cause = safeCause(
      new Error(`outer ${SENTINEL}`, { cause: new Error(`inner ${encodeURIComponent(SENTINEL)}`) }),
      redact,
    );
    expect(inspect(cause, { depth: Infinity })).not.toContain(SENTINEL);
    const client = createInteractionsClient({
      auth: { username: 'key', password: SENTINEL },
      maxRetries: 0,
      fetch: async () =>
        json(
          { error: { message: `bad ${jsonInner(SENTINEL)}`, attribute: { [SENTINEL]: [b64(`key:${SENTINEL}`)] } } },
          { status: 400, headers: { 'x-echo': encodeURIComponent(SENTINEL) } },
        ),
    });
    const error = await client.listInteractions({ tenantId: TENANT, contactId: CONTACT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(CxEngageError);
    for (const text of [
      inspect(error, { depth: Infinity, showHidden: true }),
      JSON.stringify(error),
      JSON.stringify((error as ApiError).toJSON()),
      String((error as Error).stack),
    ]) {
      expect(text).not.toContain(SENTINEL);
      expect(text).not.toContain(b64(`key:${SENTINEL}`));
    }
  });
});
