// Generated from openapi/ by `npm run generate`. Do not edit.
/** One failed check, as ajv reports it. `instancePath` is a JSON pointer into the data. */
export interface ValidationIssue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: a type guard whose last failures are on `errors`. */
export interface CompiledValidator<T> {
  (data: unknown): data is T;
  errors?: ValidationIssue[] | null;
}

export { validateInteractionPage } from './validate-interaction-page.js';
export { validateInteractionRecordPage } from './validate-interaction-record-page.js';
export { validateInteractionRecord } from './validate-interaction-record.js';
export { validateTokenResponse } from './validate-token-response.js';
