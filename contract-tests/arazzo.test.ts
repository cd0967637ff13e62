// The Arazzo workflow (first page → next page → last page → past the end), run by `redocly respect`
// through Prism's validating proxy in front of the reference API. Inputs, credentials included,
// go through the environment, so they never appear on a command line.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redoclyBin, redoclyEnv, redoclyNode, root } from '../scripts/lib/tools.ts';
import { basicHeader, contract } from './support/client.ts';

const workflow = path.join(root, 'contract-tests/arazzo/interactions.arazzo.yaml');

function respect(overrides: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const c = contract();
  const { total, limit, contactId } = c.arazzoContact;
  const lastPage = Math.floor((total - 1) / limit);
  const env = {
    ...redoclyEnv,
    NO_COLOR: '1',
    ARAZZO_TENANT_ID: c.tenantId,
    ARAZZO_CONTACT_ID: contactId,
    ARAZZO_LIMIT: String(limit),
    ARAZZO_NEXT_PAGE: '1',
    ARAZZO_NEXT_OFFSET: String(limit),
    ARAZZO_LAST_PAGE: String(lastPage),
    ARAZZO_LAST_OFFSET: String(lastPage * limit),
    ARAZZO_PAST_THE_END: String(lastPage + 1),
    ARAZZO_PAST_THE_END_OFFSET: String((lastPage + 1) * limit),
    ARAZZO_API_KEY: c.credentials.apiKey.username,
    ARAZZO_API_SECRET: c.credentials.apiKey.password,
    ...overrides,
  };
  return new Promise((resolve) => {
    execFile(
      redoclyNode(),
      [redoclyBin, 'respect', workflow, '--server', `interactions=${c.proxyUrl}`],
      { cwd: root, env, timeout: 45_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe('arazzo', () => {
  it('redocly respect runs first page → next page → last page → past the end, all checks passing, no secret printed', async () => {
    const { code, output } = await respect();
    expect(output).toMatch(/Workflows: 1 passed, 1 total/);
    expect(output).toMatch(/Steps: 4 passed, 4 total/);
    expect(code).toBe(0);
    expect(output).not.toContain(contract().credentials.apiKey.password);
    expect(output).not.toContain(basicHeader().slice('Basic '.length));
  });

  it('the workflow can fail: a "last page" that is really past the end breaks its criteria', async () => {
    const { total, limit } = contract().arazzoContact;
    const past = Math.floor((total - 1) / limit) + 1;
    const { code, output } = await respect({
      ARAZZO_LAST_PAGE: String(past),
      ARAZZO_LAST_OFFSET: String(past * limit),
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/lastPage/);
    expect(output).not.toContain(contract().credentials.apiKey.password);
  });
});
