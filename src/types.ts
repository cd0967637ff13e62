/**
 * The spec's data shapes: what the API sends, as `generated/schema.d.ts` types it from `openapi/`. Every
 * other public type belongs to the folder whose code it describes (`client/types.ts`, `http/types.ts`,
 * `auth/types.ts`, `jobs/types.ts`, `contract/types.ts`, and the testing kit's own). This module imports
 * nothing from `src/`, so any module (the testing kit's included) may import it without a cycle.
 */
import type { components } from '../generated/schema.js';

/** One interaction of the contact. Extra (undocumented) properties are kept. */
export type Interaction = components['schemas']['Interaction'];

/** One page of a contact's interactions. */
export type InteractionPage = components['schemas']['InteractionPage'];

/** An error body in any of the vendor's three shapes. */
export type ErrorBody = components['schemas']['ErrorBody'];

/** One interaction in full, as Get a Specific Interaction returns it. Only `interactionId` is sure to be there. */
export type InteractionRecord = components['schemas']['InteractionRecord'];

/** One page of Get a List of Interactions: a tenant's interactions in full, in the List's envelope. */
export type InteractionRecordPage = components['schemas']['InteractionRecordPage'];
