// The contract suite's fixed data: ids of the seeded data sets and the credentials the reference
// API accepts. Deterministic, so global setup and every test agree without passing state around.
import { seededRandom, uuid } from '../../src/testing/random.ts';

/** Data set sizes the pagination checks walk (issue 4). */
export const dataSetSizes = [0, 1, 9, 10, 11, 100, 101, 250, 1000] as const;
/** Page sizes every data set is walked with. */
export const pageSizes = [1, 7, 10, 100] as const;

const id = (name: string) => uuid(seededRandom(`contract-tests/${name}`));

export const referenceSeed = 'contract-tests';
export const tenantId = id('tenant');
/** A well-formed tenant id the reference API does not know. */
export const unknownTenantId = id('unknown-tenant');
/** A well-formed contact id the reference API does not know. */
export const unknownContactId = id('unknown-contact');
export const contactIdForSize = (size: number): string => id(`contact-${size}`);
/** The contact the Arazzo workflow walks: 25 interactions, so limit 10 gives pages 0, 1, 2 (5 items), 3 (empty). */
export const arazzoContact = { contactId: id('arazzo-contact'), total: 25, limit: 10 };

export const dataSets = [
  ...dataSetSizes.map((size) => ({ tenantId, contactId: contactIdForSize(size), interactions: size })),
  { tenantId, contactId: arazzoContact.contactId, interactions: arazzoContact.total },
];
