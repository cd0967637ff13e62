// The docs site in a real browser: Debian's Chromium driven by playwright-core, the page served
// from loopback, every other request blocked. Missing Chromium is a loud skip on a laptop and a
// failure in CI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spec } from '../../generated/spec.ts';
import { buildDocs, type DocsServer, docsDir, docsStale, serveDocs } from '../../scripts/build-docs.ts';
import { bundledSpec } from '../../scripts/lib/tools.ts';
import { needs } from '../support/needs.ts';

const installHint = 'apt-get update && apt-get install -y chromium';
const chromiumPath = findChromium();
const screenshot = path.join(docsDir, 'screenshot.png');
const operationHash = '#/contact-interactions/listcontactinteractions';
const document = parse(readFileSync(bundledSpec, 'utf8'));
const operation = document.paths[spec.operations.listContactInteractions.path].get;
// The seed's sample, the example Redoc shows first (resolved from its $ref in the bundle).
const seedSample = document.components.examples.seedSample.value as { results: { interactionId: string }[] };

function findChromium(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

describe.runIf(needs('Chromium (docs browser test)', chromiumPath !== undefined, installHint))(
  'docs site in Chromium',
  () => {
    let docs: DocsServer;
    let userDataDir: string;
    let context: BrowserContext;
    let page: Page;
    const blocked: string[] = [];
    const externalFinished: string[] = [];
    const consoleErrors: { text: string; url: string }[] = [];

    beforeAll(async () => {
      if (docsStale()) buildDocs();
      docs = await serveDocs(0);
      userDataDir = mkdtempSync(path.join(tmpdir(), 'cxi-chromium-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath!,
        headless: true,
        viewport: { width: 1400, height: 1000 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isLoopback(url)) return route.continue();
        blocked.push(url);
        return route.abort('blockedbyclient');
      });
      context.on('requestfinished', (request) => {
        if (!isLoopback(request.url())) externalFinished.push(request.url());
      });
      // Fail fast with a clear locator error instead of hitting the test timeout.
      context.setDefaultTimeout(10_000);
      page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
      });
      page.on('pageerror', (error) => consoleErrors.push({ text: `pageerror: ${error.message}`, url: '' }));
      await page.goto(docs.url);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      await docs?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    it('renders the operation when picked from the sidebar', async () => {
      await page.locator('a[href="/contact-interactions"]').first().click();
      await page.locator(`a[href="${operationHash}"]`).first().click();
      await expect.poll(() => page.url()).toContain(operationHash);
      await page.getByRole('heading', { name: operation.summary }).waitFor();
      const body = await page.locator('body').innerText();
      expect(body).toContain(spec.operations.listContactInteractions.path);
      expect(body).toContain('Returns one page of a contact');
      await page.screenshot({ path: screenshot });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    });

    it('shows the bounds and defaults of limit and page', async () => {
      const { limit, page: pageParam } = spec.operations.listContactInteractions.parameters;
      const limitText = await page.locator('[id$="in=query&path=limit"]').innerText();
      expect(limitText).toContain(`integer, [ ${limit.schema.minimum} .. ${limit.schema.maximum} ]`);
      expect(limitText).toMatch(new RegExp(`Default:\\s*${limit.schema.default}\\b`));
      const pageText = await page.locator('[id$="in=query&path=page"]').innerText();
      expect(pageText).toContain(`integer, >= ${pageParam.schema.minimum}`);
      expect(pageText).toMatch(new RegExp(`Default:\\s*${pageParam.schema.default}\\b`));
    });

    it('shows interactions in the 200 example', async () => {
      expect(operation.responses['200'].content['application/json'].examples.seedSample.$ref).toBe(
        '#/components/examples/seedSample',
      );
      const panel = page.getByTestId('right-panel').filter({ has: page.getByText('Response', { exact: true }) });
      await panel.getByRole('button', { name: '200', exact: true }).click();
      const viewer = panel.getByTestId('json-viewer');
      await viewer.getByTestId('expand-all').click();
      const json = await viewer.getByTestId('source-code').innerText();
      expect(seedSample.results.length).toBeGreaterThan(0);
      for (const { interactionId } of seedSample.results) expect(json).toContain(`"${interactionId}"`);
      expect(json).toContain('"channelType"');
      expect(JSON.parse(json)).toEqual(seedSample);
    });

    it('finds the operation by search', async () => {
      await page.goto(docs.url);
      await page.getByTestId('search-trigger').click();
      const input = page.getByPlaceholder('Search docs...');
      await input.fill('last N interactions');
      const results = page.getByTestId('search-dialog').locator('a[data-component-name="Search/SearchItem"]');
      await expect.poll(() => results.first().getAttribute('href')).toBe(operationHash);
      expect(await results.first().innerText()).toContain(operation.summary);
      await results.first().click();
      await expect.poll(() => page.url()).toContain(operationHash);
      await page.getByRole('heading', { name: operation.summary }).waitFor();
    });

    it('has no console errors except the blocked logo, and no external request succeeded', () => {
      expect(externalFinished).toEqual([]);
      const unexpected = consoleErrors.filter(
        (e) => !(e.text.includes('ERR_BLOCKED_BY_CLIENT') && blocked.includes(e.url)),
      );
      expect(unexpected).toEqual([]);
      // What was blocked is the page's logo only; anything else would mean the page needs the network.
      for (const url of blocked) expect(url).toMatch(/logo/i);
    });
  },
);
