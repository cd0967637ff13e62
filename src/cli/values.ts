/**
 * Flag value checks shared by the subcommands: each failure is a `UsageError` naming the flag. A value
 * echoed in a message is cut short ({@link quoted}): a flag or a line can be a megabyte long.
 */
import { normalId } from '../common/ids.js';
import { snippet } from '../common/snippet.js';
import { UsageError } from './usage-error.js';

/** How a message quotes a value from the command line or a file: in quotes, at most 60 characters. */
export function quoted(value: unknown): string {
  return `'${snippet(String(value), 60)}'`;
}

export function required(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

/** A required id (tenant, contact, interaction) in its normal form: trimmed, lower-case. */
export function requiredId(value: unknown, flag: string): string {
  return normalId(required(value, flag));
}

export function integer(value: string, flag: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${flag} must be an integer (got ${quoted(value)})`);
  return Number(value);
}

export function optionalInteger(value: unknown, flag: string): number | undefined {
  return value === undefined ? undefined : integer(String(value), flag);
}
