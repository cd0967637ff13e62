/**
 * What the walk and the sync rely on in a page, whatever the validation mode: when a page breaks it, the
 * failure is a {@link ResponseValidationError} of its own (`#/invariant/…`), never a crash or a short
 * result. Apart from `response.ts` so that the walk does not carry the compiled validators.
 */
import { ResponseValidationError } from './response.js';

/**
 * Throws the {@link ResponseValidationError} for a page that breaks what `invariant` (the walk, the sync)
 * relies on: checked whatever the validation mode, so a bad page is a typed error, never a crash.
 */
export function invariantBroken(invariant: string, pointer: string, keyword: string, message: string): never {
  throw new ResponseValidationError(
    pointer,
    [{ instancePath: pointer, schemaPath: `#/invariant/${invariant}`, keyword, params: {}, message }],
    message,
  );
}
