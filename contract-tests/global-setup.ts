// Starts the contract suite's servers in parallel on free loopback ports, hands their URLs, the
// data-set ids and the credentials to the tests (vitest provide/inject), and stops them by PID.
//   1. a Prism mock of the bundled spec: its examples, or with `Prefer: dynamic=true, seed=N` a body
//      generated from that seed (`dynamicMock(N)`, the same body a `-d` mock gives for `Prefer: seed=N`)
//   2. the stateful reference API (in this process), seeded with the fixtures' data sets
//   3. `prism proxy --errors` in front of the reference API; files with a reference API of their own reach
//      it through this one proxy too (support/shared-proxy.ts)
import type { TestProject } from 'vitest/node';
import { type RunningProcess, startPrism } from '../scripts/lib/servers.ts';
import { type ReferenceApi, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom } from '../src/testing/random.ts';
import {
  arazzoContact,
  contactIdForSize,
  dataSetSizes,
  dataSets,
  referenceSeed,
  tenantId,
  unknownContactId,
  unknownTenantId,
} from './support/fixtures.ts';
import { forwardToOwnApi } from './support/shared-proxy.ts';

export interface ContractContext {
  /** Prism's mock: the spec's examples, or generated bodies with `dynamicMock(seed)` (support/client.ts). */
  mockUrl: string;
  /** The reference API itself, `http://127.0.0.1:PORT/v1`. */
  referenceUrl: string;
  /**
   * Prism's validating proxy in front of the reference API (no /v1: Prism adds the upstream's), or in
   * front of a file's own reference API through `toOwnApi` (support/shared-proxy.ts).
   */
  proxyUrl: string;
  tenantId: string;
  unknownTenantId: string;
  unknownContactId: string;
  /** Data-set size → contact id. */
  contacts: Record<string, string>;
  arazzoContact: { contactId: string; total: number; limit: number };
  credentials: {
    apiKey: { username: string; password: string };
    token: string;
    /** A valid key whose role lacks CONTACTS_INTERACTION_HISTORY_READ. */
    keyWithoutPermission: { username: string; password: string };
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    contract: ContractContext;
  }
}

// Seeded, like everything else the suite makes up: secrets only need to be unguessable by accident.
const secretSource = seededRandom('contract-credentials');
const secret = () => Array.from({ length: 24 }, () => Math.floor(secretSource() * 36).toString(36)).join('');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const credentials: ContractContext['credentials'] = {
    apiKey: { username: 'contract-key', password: secret() },
    token: secret(),
    keyWithoutPermission: { username: 'contract-key-no-history', password: secret() },
  };
  const reference: ReferenceApi = await startReferenceApi({
    seed: referenceSeed,
    dataSets,
    intercept: forwardToOwnApi,
    credentials: {
      apiKeys: [
        { key: credentials.apiKey.username, secret: credentials.apiKey.password },
        {
          key: credentials.keyWithoutPermission.username,
          secret: credentials.keyWithoutPermission.password,
          permissions: ['CONTACTS_READ'],
        },
      ],
      tokens: [{ token: credentials.token }],
    },
  });

  const started = await Promise.allSettled([
    startPrism({ mode: 'mock' }),
    startPrism({ mode: 'proxy', upstream: reference.baseUrl }),
  ]);
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const teardown = async () => {
    await Promise.all([...running.map((p: RunningProcess) => p.stop()), reference.close()]);
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  const [mock, proxy] = running as [RunningProcess, RunningProcess];

  project.provide('contract', {
    mockUrl: mock.url,
    referenceUrl: reference.baseUrl,
    proxyUrl: proxy.url,
    tenantId,
    unknownTenantId,
    unknownContactId,
    contacts: Object.fromEntries(dataSetSizes.map((size) => [String(size), contactIdForSize(size)])),
    arazzoContact,
    credentials,
  });
  return teardown;
}
