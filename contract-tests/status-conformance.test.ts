// Status conformance: every error status the spec declares, from the static mock and from the
// reference API (through the proxy), maps to the SDK's typed error with a normalised message.
import { describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.ts';
import type { ApiError } from '../src/index.ts';
import { basicHeader, contract, interactionsPath, sdkClient } from './support/client.ts';
import { errorClass, vendorMessage } from './support/errors.ts';
import { prismErrorKind, prismProblem } from './support/prism.ts';
import { everyBodyConformsTest, recordingFetch } from './support/recording-fetch.ts';
import { namedExamples } from './support/spec.ts';

const recorder = recordingFetch();

function expectTypedError(error: unknown, status: number, message: string): void {
  expect(error).toBeInstanceOf(errorClass(status));
  const apiError = error as ApiError;
  expect(apiError.status).toBe(status);
  expect(apiError.message).toContain(String(status));
  expect(apiError.message).toContain(message);
  for (const secret of [contract().credentials.apiKey.password, contract().credentials.token, basicHeader()]) {
    expect(JSON.stringify({ message: apiError.message, body: apiError.body, headers: apiError.headers })).not.toContain(
      secret,
    );
  }
}

describe('status conformance: static mock (Prefer: code=…)', () => {
  const ids = () => ({ tenantId: contract().tenantId, contactId: contract().contacts['10']! });
  it.each(spec.operations.listContactInteractions.errorStatuses)(
    '%i maps to its typed error with the example message',
    async (status) => {
      const examples = namedExamples(status);
      expect(Object.keys(examples).length).toBeGreaterThan(0);
      const [name, example] = Object.entries(examples)[0]!;
      const prefer = recordingFetch({ headers: { prefer: `code=${status}, example=${name}` }, inner: recorder.fetch });
      const error = await sdkClient(contract().mockUrl, prefer)
        .listInteractions(ids())
        .catch((e: unknown) => e);
      expectTypedError(error, status, vendorMessage(example));
      expect((error as ApiError).body).toEqual(example);
      if (status === 400) expect((error as ApiError).fieldErrors).toHaveProperty('limit');
    },
  );

  it("a Prism-made 404 (unknown example name) is recognised as Prism's, not the spec's 404", async () => {
    const url = `${contract().mockUrl}${interactionsPath(ids().tenantId, ids().contactId)}`;
    const prismMade = await recorder.fetch(url, {
      headers: { authorization: basicHeader(), prefer: 'example=noSuchExample' },
    });
    const specMade = await recorder.fetch(url, { headers: { authorization: basicHeader(), prefer: 'code=404' } });
    expect([prismMade.status, specMade.status]).toEqual([404, 404]);
    const prismBody = prismProblem(prismMade.headers.get('content-type'), await prismMade.json());
    expect(prismBody && prismErrorKind(prismBody)).toBe('NOT_FOUND');
    expect(prismProblem(specMade.headers.get('content-type'), await specMade.json())).toBeUndefined();
    expect(recorder.records.at(-2)).toMatchObject({ origin: 'prism', status: 404 });
    expect(recorder.records.at(-1)).toMatchObject({ origin: 'spec', status: 404, valid: true });
  });
});

// 400 and 5xx from the reference API need a queued failure in its store, so they are checked in
// reference-stateful.test.ts (own reference API and proxy). Spec-invalid parameters never reach the
// reference API through the proxy (Prism answers 422, see bounds.test.ts), and a request without
// credentials gets Prism's own 401 (checked in reference-api.test.ts directly against the API).
describe('status conformance: reference API through the validating proxy', () => {
  const c = () => contract();

  it('401 for a wrong secret (Basic)', async () => {
    const client = sdkClient(c().proxyUrl, recorder, {
      auth: { username: c().credentials.apiKey.username, password: 'wrong-secret' },
    });
    const error = await client
      .listInteractions({ tenantId: c().tenantId, contactId: c().contacts['10']! })
      .catch((e: unknown) => e);
    expectTypedError(error, 401, 'Unauthorized');
  });

  it('401 for an unknown token', async () => {
    const client = sdkClient(c().proxyUrl, recorder, { auth: { token: 'not-a-known-token' } });
    const error = await client
      .listInteractions({ tenantId: c().tenantId, contactId: c().contacts['10']! })
      .catch((e: unknown) => e);
    expectTypedError(error, 401, 'Unauthorized');
  });

  it('200 with the Token scheme', async () => {
    const client = sdkClient(c().proxyUrl, recorder, { auth: { token: c().credentials.token } });
    const page = await client.listInteractions({ tenantId: c().tenantId, contactId: c().contacts['10']! });
    expect(page.total).toBe(10);
  });

  it('403 for a key without CONTACTS_INTERACTION_HISTORY_READ', async () => {
    const client = sdkClient(c().proxyUrl, recorder, { auth: { ...c().credentials.keyWithoutPermission } });
    const error = await client
      .listInteractions({ tenantId: c().tenantId, contactId: c().contacts['10']! })
      .catch((e: unknown) => e);
    expectTypedError(error, 403, `Missing permission: ${spec.operations.listContactInteractions.permission}`);
  });

  it('404 for an unknown contact and for an unknown tenant', async () => {
    const client = sdkClient(c().proxyUrl, recorder);
    const contact = await client
      .listInteractions({ tenantId: c().tenantId, contactId: c().unknownContactId })
      .catch((e: unknown) => e);
    expectTypedError(contact, 404, 'Contact not found.');
    const tenant = await client
      .listInteractions({ tenantId: c().unknownTenantId, contactId: c().contacts['10']! })
      .catch((e: unknown) => e);
    expectTypedError(tenant, 404, 'Tenant not found.');
  });
});

everyBodyConformsTest(recorder);
