// Generated from openapi/ by `npm run generate`. Do not edit.
import type { CompiledValidator } from './validators.js';

export declare const validateListContactInteractionsParams: CompiledValidator<Record<string, unknown>>;
export declare const validateGetInteractionParams: CompiledValidator<Record<string, unknown>>;
