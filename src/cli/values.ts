/** Flag value checks shared by the subcommands: each failure is a `UsageError` naming the flag. */
import { UsageError } from './usage-error.js';

export function required(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

export function integer(value: string, flag: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${flag} must be an integer (got '${value}')`);
  return Number(value);
}

export function optionalInteger(value: unknown, flag: string): number | undefined {
  return value === undefined ? undefined : integer(String(value), flag);
}
