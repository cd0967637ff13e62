// Generated from openapi/ by `npm run generate`. Do not edit.
import type { components } from './schema.js';
import type { CompiledValidator } from './validators.js';

export declare const validateInteractionPage: CompiledValidator<components['schemas']['InteractionPage']>;
