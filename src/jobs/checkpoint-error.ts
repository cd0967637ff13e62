/**
 * The error a sync checkpoint (or export progress) that cannot be used is refused with, beside the code
 * that reads them back (`checkpoint.ts`). The package root exports it.
 */
import { InvalidInputError } from '../errors.js';

/** Why a checkpoint was refused. */
export type CheckpointErrorCode = 'malformed' | 'unsupported_version' | 'other_tenant' | 'other_contact';

/**
 * A sync checkpoint (or export progress) that cannot be used: not one this SDK wrote, a version it does
 * not read, or one written for another tenant or contact. Thrown before any request is sent.
 */
export class CheckpointError extends InvalidInputError {
  /** Why: `malformed`, `unsupported_version`, `other_tenant` or `other_contact`. */
  readonly code: CheckpointErrorCode;
  constructor(code: CheckpointErrorCode, param: string, value: unknown, problem: string) {
    super(param, value, problem);
    this.name = 'CheckpointError';
    this.code = code;
  }
}
