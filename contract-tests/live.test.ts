// Proves `npm run test:contract:live` (contract-tests/live/main.ts): the shipped contract checks with a
// local `prism proxy` in front as a second opinion. Subprocesses against one reference API (a correct
// tenant and a drifting one) behind one shared proxy; the closed-port run starts its own proxy, as
// live mode does for users. Every deviation is covered without Prism in contract-command.test.ts.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RunningProcess, startPrism } from '../scripts/lib/servers.ts';
import { root } from '../scripts/lib/tools.ts';
import { type ReferenceApi, startReferenceApi } from '../src/testing/index.ts';
import { seededRandom, uuid } from '../src/testing/random.ts';
import { drifting } from './support/drift.ts';

const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const liveMain = path.join(root, 'contract-tests/live/main.ts');
const contactId = uuid(seededRandom('live/contact'));
const key = 'live-key';
const secret = `live-secret-${uuid(seededRandom('live/secret'))}`;
const tenants = { correct: uuid(seededRandom('live/tenant/correct')), drift: uuid(seededRandom('live/tenant/drift')) };

function runLive(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CONTRACT_')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsxCli, liveMain],
      { cwd: root, env: { ...clean, ...env }, timeout: 50_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

let api: ReferenceApi;
let proxy: RunningProcess;

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'live',
    transformPage: drifting({ [tenants.drift]: 'type-changed' }),
    dataSets: Object.values(tenants).map((tenantId) => ({ tenantId, contactId, interactions: 25 })),
    credentials: { apiKeys: [{ key, secret }] },
  });
  proxy = await startPrism({ mode: 'proxy', upstream: api.baseUrl, errors: false });
});
afterAll(async () => {
  await Promise.all([proxy?.stop(), api?.close()]);
});

const envFor = (tenant: string, baseUrl = api.baseUrl, ownProxy = false) => ({
  CONTRACT_BASE_URL: baseUrl,
  CONTRACT_TENANT_ID: tenant,
  CONTRACT_CONTACT_ID: contactId,
  CONTRACT_API_KEY: key,
  CONTRACT_API_SECRET: secret,
  ...(ownProxy ? {} : { CONTRACT_PROXY_URL: proxy.url }),
});

describe('npm run test:contract:live', () => {
  it('missing configuration: usage message, exit 2', async () => {
    const { code, stderr } = await runLive({ CONTRACT_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /Missing: CONTRACT_TENANT_ID, CONTRACT_CONTACT_ID, CONTRACT_API_KEY \+ CONTRACT_API_SECRET, or CONTRACT_TOKEN/,
    );
    expect(stderr).toMatch(/Usage:/);
  });

  describe.concurrent('through prism proxy', () => {
    it('a correct server passes: the probes reach it through the proxy, exit 0', async () => {
      const { code, stdout } = await runLive(envFor(tenants.correct));
      expect(stdout).toMatch(/^PASS +rejects-out-of-range /m);
      expect(stdout).toMatch(/RESULT: pass/);
      expect(code).toBe(0);
      expect(stdout).not.toContain(secret);
    });

    it("a drifting server: exit 1, with Prism's own verdict among the findings", async () => {
      const { code, stdout } = await runLive(envFor(tenants.drift));
      expect(code).toBe(1);
      expect(stdout).toMatch(
        /^ {6}\[response-schema\] GET \/tenants\/\S+ → 200 at \/results\/0\/note: Prism \(proxy\): /m,
      );
      expect(stdout).toMatch(/RESULT: drift: 1 rule\(s\) broken: response-schema/);
    });

    it('a closed upstream port is a setup problem, not "got 500": exit 2', async () => {
      const port = await freePort();
      const { code, stderr } = await runLive(envFor(tenants.correct, `http://127.0.0.1:${port}/v1`, true));
      expect(code).toBe(2);
      expect(stderr).toMatch(
        new RegExp(`setup problem \\(connection\\): cannot connect to http://127.0.0.1:${port} \\(ECONNREFUSED\\)`),
      );
    });
  });
});
