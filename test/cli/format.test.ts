import { readFileSync } from 'node:fs';
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
  table,
  useColor,
} from '../../src/cli/format.ts';
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
    ['+15064490906', '+15064490906'],
    ['Doe, Jane', '"Doe, Jane"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes a row in column order', () => {
    const row = csvRow(seed[0]!);
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row.trimEnd().split(',')).toEqual(csvColumns.map((c) => (seed[0]![c] === null ? '' : String(seed[0]![c]))));
  });
});

describe('json and ndjson', () => {
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

  it('uses ANSI bold only when colour is on, and strips control characters from data', () => {
    expect(table(seed, { color: true })).toContain('\x1b[1m');
    expect(table(seed, { color: false })).not.toContain('\x1b');
    expect(table([{ ...seed[0]!, customer: 'evil\x1b[31mred' }], { color: false })).not.toContain('\x1b');
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
