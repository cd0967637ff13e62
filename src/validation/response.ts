/**
 * The server's side of validation, what every check of a 2xx body shares: a body is checked per the
 * client's {@link ValidationMode} (`strict` throws, `warn` logs and returns, `off` never gets here) by a
 * validator compiled from the spec, and a failure is a {@link ResponseValidationError} with the JSON
 * pointer of the first problem (defined here, with the checks that throw it: a client that neither
 * validates nor walks pages never downloads it). An integer the reader kept exactly (a `bigint`) is checked as the JSON
 * number it is (`asJsonNumbers`, by each answer's check). Each answer's own check is a module of its own (`page.ts`, `record.ts`),
 * which the client loads, with its validator, on its first call that validates that answer: a bundle on
 * `validate: 'off'` never downloads a validator, one that lists pages never the record's.
 */
import type { CompiledValidator, ValidationIssue } from '../../generated/validators.js';
import type { Logger, ValidationMode } from '../http/types.js';
import { CxEngageError } from '../http/up-front.js';

export type { ValidationIssue };

/** A 2xx body that does not match the spec (`validate: 'strict'`). */
export class ResponseValidationError extends CxEngageError {
  /** JSON pointer into the body of the first failure, e.g. `/results/3/channelType`. */
  readonly pointer: string;
  /** Every failure the validator reported. */
  readonly issues: ValidationIssue[];
  constructor(pointer: string, issues: ValidationIssue[], problem: string) {
    super(`Response failed validation at ${pointer || '/'}: ${problem}`);
    this.name = 'ResponseValidationError';
    this.pointer = pointer;
    this.issues = issues;
  }
}

/**
 * `body` per `mode`, given its first failure (or none): `strict` throws it, `warn` logs it and returns the
 * body, `off` returns the body unchecked, whatever it is (`null` included).
 */
export function judged<T>(
  body: unknown,
  mode: ValidationMode,
  logger: Logger,
  failure: ResponseValidationError | undefined,
): T {
  if (failure && mode !== 'off') {
    if (mode === 'strict') throw failure;
    logger.warn(`cxengage: ${failure.message}`, { pointer: failure.pointer, issues: failure.issues });
  }
  return body as T;
}

/** The first failure of a compiled validator on `body`, as a typed error with its JSON pointer. */
export function schemaFailure<T>(validator: CompiledValidator<T>, body: unknown): ResponseValidationError | undefined {
  if (validator(body)) return undefined;
  const issues = validator.errors ?? [];
  const first = issues[0];
  const child = first?.params['missingProperty'] ?? first?.params['additionalProperty'];
  const pointer = (first?.instancePath ?? '') + (typeof child === 'string' ? `/${escapePointer(child)}` : '');
  return new ResponseValidationError(pointer, issues, first?.message ?? 'does not match the spec');
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
