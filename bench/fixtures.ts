// The ids and credential every benchmark uses against the reference API it starts.
import { operationPath } from '../src/testing/paths.ts';
import { seededRandom, uuid } from '../src/testing/random.ts';

const random = seededRandom('bench');
export const benchIds = { tenantId: uuid(random), contactId: uuid(random) };
/** The history route of `benchIds` (the spec's path, filled in). */
export const benchPath = operationPath('listContactInteractions', benchIds);
export const benchToken = 'bench-token';
/** Headers for the raw-fetch baselines, which must authenticate like every client. */
export const benchHeaders = { authorization: `Token ${benchToken}` };
