// Output formats. stdout carries only data: these functions return the exact text to write.
// ndjson and csv stream row by row (header first); json and table need every row up front.
import type { Interaction } from '../index.js';

export const formats = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof formats)[number];

/** Interaction's documented fields (the schema also allows undocumented ones). */
type DocumentedField = keyof { [K in keyof Interaction as string extends K ? never : K]: true };

// Exhaustive on purpose: a field added to the spec fails type-checking here until it gets a column.
const csvFieldSet = {
  interactionId: true,
  startTimestamp: true,
  endTimestamp: true,
  channelType: true,
  channelName: true,
  directionType: true,
  directionName: true,
  customer: true,
  note: true,
  csat: true,
  recording: true,
  transcript: true,
  lastAgentId: true,
  lastAgentName: true,
  lastQueueId: true,
  lastQueueName: true,
  lastDispositionId: true,
  lastDispositionName: true,
} as const satisfies Record<DocumentedField, true>;

export const csvColumns = Object.keys(csvFieldSet) as DocumentedField[];

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
  return `${JSON.stringify(item)}\n`;
}

export function jsonDocument(items: readonly Interaction[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function csvHeader(): string {
  return `${csvColumns.join(',')}\r\n`;
}

export function csvRow(item: Interaction): string {
  return `${csvColumns.map((column) => csvField(item[column])).join(',')}\r\n`;
}

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. null is empty. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function table(items: readonly Interaction[], style: Style): string {
  const header = tableColumns.map(([title]) => title);
  const rows = items.map((item) => tableColumns.map(([, field]) => cell(item[field])));
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const head = line(header);
  return `${style.color ? `\x1b[1m${head}\x1b[22m` : head}\n${rows.map((row) => `${line(row)}\n`).join('')}`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  // Control characters from the API must not move the cursor or recolour the terminal.
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
