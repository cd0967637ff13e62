// Output formats. stdout carries only data: these functions return the exact text to write.
// ndjson and csv stream row by row (header first); json and table need every row up front.

import { JsonDepthError, stringifyJson } from '../common/exact-json.js';
import { type DocumentedField, documentedFields } from '../common/interaction-fields.js';
import { jsonSafeText, terminalText } from '../common/terminal-text.js';
import type { Interaction } from '../index.js';

export const formats = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof formats)[number];

/** One column per documented field (the schema also allows undocumented ones), in the spec's order. */
export const csvColumns = Object.keys(documentedFields) as DocumentedField[];

const tableColumns: readonly (readonly [string, DocumentedField])[] = [
  ['STARTED', 'startTimestamp'],
  ['CHANNEL', 'channelType'],
  ['DIRECTION', 'directionType'],
  ['CUSTOMER', 'customer'],
  ['AGENT', 'lastAgentName'],
  ['QUEUE', 'lastQueueName'],
  ['INTERACTION', 'interactionId'],
];

export interface Style {
  color: boolean;
}

/** NO_COLOR (any non-empty value, see no-color.org) and non-terminals get plain text. */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function ndjsonLine(item: Interaction): string {
  return `${jsonText(item, 'ndjson')}\n`;
}

export function jsonDocument(items: readonly Interaction[]): string {
  return `${jsonText(items, 'json', 2)}\n`;
}

/** Any one value (a record) as `json` (indented) or `ndjson` (one line), under the same rules as a list. */
export function jsonValue(value: unknown, format: 'json' | 'ndjson'): string {
  return `${jsonText(value, format, format === 'json' ? 2 : undefined)}\n`;
}

/**
 * JSON for stdout. Control, format and separator characters are written as `\uXXXX` escapes
 * (jsonSafeText): the value parses to the same string, a terminal shown the output obeys nothing in it,
 * and readers that split lines on U+2028 and U+2029 (JavaScript's old line terminators, some log
 * shippers) do not cut a record in two. An integer the SDK read exactly (a `bigint`, beyond 2^53 − 1)
 * is written with the digits the API sent. Data nested deeper than the SDK's bound (`MAX_JSON_DEPTH`,
 * which every body the SDK reads already keeps to) is a clear error rather than a stack overflow.
 */
function jsonText(value: unknown, format: string, space?: number): string {
  try {
    return jsonSafeText(stringifyJson(value, space));
  } catch (error) {
    if (error instanceof JsonDepthError) throw new OutputError(`cannot write the ${format} output: ${error.message}`);
    throw error;
  }
}

/** Data that cannot be written in the chosen format (exit code 1). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

export function csvHeader(): string {
  return `${csvColumns.join(',')}\r\n`;
}

/** How CSV cells are written: formulas neutralised (the default), or `raw` (`--csv-raw`). */
export interface CsvOptions {
  raw?: boolean;
}

export function csvRow(item: Interaction, options: CsvOptions = {}): string {
  return `${csvColumns.map((column) => csvField(item[column], options)).join(',')}\r\n`;
}

/**
 * RFC 4180: quote fields holding a comma, quote or line break; double the quotes. null is empty. Text
 * that a spreadsheet would run as a formula is neutralised first ({@link neutraliseFormula}) unless
 * `raw`. Numbers are written as they are (`-3` is a number to a spreadsheet, not a formula; a `bigint`
 * with its exact digits); objects as compact JSON.
 */
export function csvField(value: unknown, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return quoted(neutral(jsonText(value, 'csv'), options));
  return quoted(typeof value === 'string' ? neutral(value, options) : String(value));
}

function neutral(text: string, options: CsvOptions): string {
  return options.raw ? text : neutraliseFormula(text);
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A cell a spreadsheet would take for a formula, per OWASP's CSV-injection guidance: its first
 * character is `=`, `+`, `-`, `@`, TAB or CR (and NUL, per ASVS 5.0). Beyond OWASP's list, also a
 * formula character after leading whitespace (importers may trim it) and the full-width forms `＝＋－＠`
 * (which some locales fold to ASCII). Leading `'`s are looked through, so the rule can be undone
 * exactly (see {@link restoreFormula}).
 */
const FORMULA = /^'*(?:[\t\r\0]|[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * OWASP's CSV-injection rule, the one place it lives: a cell that {@link FORMULA} matches gets a
 * leading `'`, which spreadsheets take as "this is text" (and do not show). So `+15065550100` is
 * written `'+15065550100`.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** The inverse of {@link neutraliseFormula}, for readers of the CSV: drops the `'` it added. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function table(items: readonly Interaction[], style: Style): string {
  const header = tableColumns.map(([title]) => title);
  const rows = items.map((item) => tableColumns.map(([, field]) => cell(item[field])));
  // A loop, not Math.max(...rows): spreading 100 000 rows as arguments overflows the stack.
  const widths = header.map((title, i) => rows.reduce((max, row) => Math.max(max, row[i]!.length), title.length));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const head = line(header);
  return `${style.color ? `\x1b[1m${head}\x1b[22m` : head}\n${rows.map((row) => `${line(row)}\n`).join('')}`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  // Server data must not move the cursor, recolour the terminal or reorder what is shown.
  return terminalText(typeof value === 'object' ? jsonText(value, 'table') : String(value));
}
