// The ids and credential every benchmark uses against the reference API it starts.
import { seededRandom, uuid } from '../src/testing/random.ts';

const random = seededRandom('bench');
export const benchIds = { tenantId: uuid(random), contactId: uuid(random) };
export const benchToken = 'bench-token';
/** Headers for the raw-fetch baselines, which must authenticate like every client. */
export const benchHeaders = { authorization: `Token ${benchToken}` };
