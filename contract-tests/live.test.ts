// Proves live mode: `contract-tests/live/main.ts` (what `npm run test:contract:live` runs) as a
// subprocess against reference APIs started here, one correct and one per drift switch.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProcess, startPrism } from '../scripts/lib/servers.ts';
import { root } from '../scripts/lib/tools.ts';
import { type ReferenceApi, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom, uuid } from '../src/testing/random.ts';
import { type Drift, drifting, driftModes } from './support/drift.ts';

const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const liveMain = path.join(root, 'contract-tests/live/main.ts');
const contactId = uuid(seededRandom('live/contact'));
const key = 'live-key';
const secret = `live-secret-${uuid(seededRandom('live/secret'))}`;

/** The rule each drift must be reported under. */
const expectedRule: Record<Drift, string> = {
  'field-renamed': 'response-schema',
  'type-changed': 'response-schema',
  'offset-off-by-one': 'offset',
  'page-not-echoed': 'page-echo',
  'duplicate-across-pages': 'unique-ids',
  'oldest-first': 'order',
};

function runLive(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CONTRACT_')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsxCli, liveMain],
      { cwd: root, env: { ...clean, ...env }, timeout: 50_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}\n${stderr}`,
        });
      },
    );
  });
}

// One reference API hosts the correct server and every drift (drift is chosen per tenant), behind
// one shared `prism proxy --errors`. Most runs use that proxy (CONTRACT_PROXY_URL) to keep the
// suite fast; the first correct run starts its own proxy, as live mode does for users.
const tenants = Object.fromEntries(
  (['none', ...driftModes] as const).map((d) => [d, uuid(seededRandom(`live/tenant/${d}`))]),
) as Record<Drift | 'none', string>;
let api: ReferenceApi;
let proxy: RunningProcess;

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'live',
    transformPage: drifting(Object.fromEntries(driftModes.map((d) => [tenants[d], d]))),
    dataSets: Object.values(tenants).map((tenantId) => ({ tenantId, contactId, interactions: 25 })),
    credentials: { apiKeys: [{ key, secret }], tokens: [{ token: 'live-token' }] },
  });
  proxy = await startPrism({ mode: 'proxy', upstream: api.baseUrl });
});
afterAll(async () => {
  await Promise.all([proxy?.stop(), api?.close()]);
});

const envFor = (drift: Drift | 'none', ownProxy = false) => ({
  CONTRACT_BASE_URL: api.baseUrl,
  CONTRACT_TENANT_ID: tenants[drift],
  CONTRACT_CONTACT_ID: contactId,
  CONTRACT_API_KEY: key,
  CONTRACT_API_SECRET: secret,
  ...(ownProxy ? {} : { CONTRACT_PROXY_URL: proxy.url }),
});

describe('live mode', () => {
  it('missing configuration: usage message, exit 2', async () => {
    const { code, output } = await runLive({ CONTRACT_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(code).toBe(2);
    expect(output).toMatch(
      /Missing: CONTRACT_TENANT_ID, CONTRACT_CONTACT_ID, CONTRACT_API_KEY \+ CONTRACT_API_SECRET, or CONTRACT_TOKEN/,
    );
    expect(output).toMatch(/Usage:/);
  });

  describe.concurrent('against the reference API', () => {
    it('a correct server passes (live mode starts its own prism proxy): exit 0', async () => {
      const { code, output } = await runLive(envFor('none', true));
      expect(output).toMatch(/OK: no drift from the spec/);
      expect(code).toBe(0);
      expect(output).not.toContain(secret);
    });

    it('a correct server passes with the Token scheme too', async () => {
      const { CONTRACT_API_KEY: _k, CONTRACT_API_SECRET: _s, ...rest } = envFor('none');
      const { code, output } = await runLive({ ...rest, CONTRACT_TOKEN: 'live-token' });
      expect(output).toMatch(/OK: no drift/);
      expect(code).toBe(0);
    });

    it.each(driftModes)(
      'drift %s: exit 1, the rule named with request and pointer, no secret printed',
      async (drift) => {
        const { code, output } = await runLive(envFor(drift));
        expect(code).toBe(1);
        expect(output).toContain(`DRIFT [${expectedRule[drift]}]`);
        expect(output).toMatch(/request: GET \/tenants\//);
        expect(output).toMatch(/pointer: \/\S+/);
        expect(output).not.toContain(secret);
      },
    );
  });
});
