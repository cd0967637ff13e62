import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/auth/redact.ts';
import { errorReport } from '../../src/cli/exit-codes.ts';
import { progressLine, stderrLogger } from '../../src/cli/io.ts';
import { terminalLines, terminalText } from '../../src/common/terminal-text.ts';
import { memoryIo } from '../support/memory-io.ts';

/** Anything a terminal would act on or hide: what must never reach it from server data. */
const UNSAFE = /(?![\n\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('terminalText', () => {
  it.each([
    ['ESC and CSI', 'a\x1b[31mred', 'a^[[31mred'],
    ['OSC window title, BEL-terminated', '\x1b]0;pwned\x07', '^[]0;pwned^G'],
    ['OSC 8 hyperlink, ST-terminated', '\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\', '^[]8;;http://evil^[\\x^[]8;;^[\\'],
    ['CR overwriting the line', 'ok\rFAKE', 'ok^MFAKE'],
    ['LF, TAB, NUL, BS, DEL', 'a\nb\tc\0d\be\x7f', 'a^Jb^Ic^@d^He^?'],
    ['C1 CSI', 'x\x9b31m', 'x<U+009B>31m'],
    ['bidi override and isolates', '\u202eabc\u2066d\u2069', '<U+202E>abc<U+2066>d<U+2069>'],
    ['marks LRM, RLM, ALM', '\u200e\u200f\u061c', '<U+200E><U+200F><U+061C>'],
    ['zero-width space, BOM, soft hyphen', '\u200b\ufeff\u00ad', '<U+200B><U+FEFF><U+00AD>'],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a<U+2028>b<U+2029>'],
    ['a tag character', 'x\u{e0041}', 'x<U+E0041>'],
    ['emoji joined with ZWJ stay', '👨‍👩‍👧 ❤️', '👨‍👩‍👧 ❤️'],
    ['ZWNJ in Persian stays', 'می‌خواهم', 'می‌خواهم'],
    ['plain text', 'Doe, Jane +1506', 'Doe, Jane +1506'],
  ])('%s', (_name, input, shown) => {
    expect(terminalText(input)).toBe(shown);
    expect(terminalText(input).replace(/[\u200c\u200d]/g, '')).not.toMatch(UNSAFE);
  });

  it('terminalLines keeps the CLI’s own line breaks, and only those', () => {
    expect(terminalLines('one\x1b[2J\ntwo\r')).toBe('one^[[2J\ntwo^M');
  });
});

describe('every stderr line is sanitised', () => {
  const hostile = 'evil\x1b]0;title\x07\r\u202eX\x9b2J';

  it('the error report: one line, redacted first', () => {
    const redact = createRedactor(['se\x1bcret-value']);
    const report = errorReport(new Error(`HTTP 400: ${hostile} se\x1bcret-value`), false, redact);
    expect(report.split('\n')).toHaveLength(1);
    expect(report).not.toMatch(UNSAFE);
    expect(report).toBe('cxengage-interactions: HTTP 400: evil^[]0;title^G^M<U+202E>X<U+009B>2J [redacted]');
    const debug = errorReport(new Error(hostile, { cause: new Error(hostile) }), true, redact);
    expect(debug).not.toMatch(UNSAFE);
    expect(debug).toContain('caused by: Error: evil^[');
  });

  it('warnings and retry notices', () => {
    const { io, written } = memoryIo();
    const logger = stderrLogger(io);
    logger.warn(hostile);
    logger.debug?.(hostile);
    expect(written).toHaveLength(2);
    for (const line of written) expect(line.slice(0, -1)).not.toMatch(UNSAFE);
    expect(written[0]).toBe('warning: evil^[]0;title^G^M<U+202E>X<U+009B>2J\n');
  });

  it('the progress line: only its own rewrite sequence', () => {
    const { io, written } = memoryIo({ isTTY: true });
    const progress = progressLine(io.stderr);
    progress.update(hostile);
    progress.done(hostile);
    for (const line of written) expect(line.replace('\r\x1b[2K', '').replace(/\n$/, '')).not.toMatch(UNSAFE);
  });
});
