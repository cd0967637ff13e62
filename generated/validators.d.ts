// Generated from openapi/ by `npm run generate`. Do not edit.
import type { components } from './schema.js';

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

export declare const validateInteractionPage: CompiledValidator<components['schemas']['InteractionPage']>;
export declare const validateInteractionRecordPage: CompiledValidator<components['schemas']['InteractionRecordPage']>;
export declare const validateInteractionRecord: CompiledValidator<components['schemas']['InteractionRecord']>;
export declare const validateTokenResponse: CompiledValidator<components['schemas']['TokenResponse']>;
