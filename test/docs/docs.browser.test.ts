// The docs site in a real browser: Debian's Chromium driven by playwright-core, one launch shared by a
// desktop and a phone-sized context, the page served from loopback. Every request is routed: any that
// leaves loopback is recorded (and refused, so the run stays offline) and fails the last test.
// Missing Chromium is a loud skip on a laptop and a failure in CI.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spec } from '../../generated/spec.ts';
import { buildDocs, type DocsServer, docsDir, docsPage, docsStale, serveDocs } from '../../scripts/build-docs.ts';
import { bundledSpec } from '../../scripts/lib/tools.ts';
import { needs } from '../support/needs.ts';

const installHint = 'apt-get update && apt-get install -y chromium';
const chromiumPath = findChromium();
const screenshot = path.join(docsDir, 'screenshot.png');
const bundle = parse(readFileSync(bundledSpec, 'utf8'));
// The history operation, found through the spec's own path so more operations and tags change nothing.
const operation = bundle.paths[spec.operations.listContactInteractions.path].get;
const codeSamples = operation['x-codeSamples'] as { lang: string; label?: string; source: string }[];
// The 200 response's first example, the one Redoc shows (resolved from its $ref in the bundle).
const examples200 = operation.responses['200'].content['application/json'].examples;
const firstExample = Object.values(examples200)[0] as { $ref: string };
const seedSample = bundle.components.examples[firstExample.$ref.split('/').pop()!].value as {
  results: { interactionId: string }[];
};
// Get a List of Interactions (1.2.0): its filters and the vendor's samples, the default one and `green=false`.
const listOperation = bundle.paths[spec.operations.listTenantInteractions.path].get;
const listExamples = Object.values(listOperation.responses['200'].content['application/json'].examples).map(
  (ref) =>
    bundle.components.examples[(ref as { $ref: string }).$ref.split('/').pop()!] as { summary: string; value: unknown },
);
const [defaultSample, nullValuesSample] = ['listSample', 'nullValuesSample'].map(
  (name) => bundle.components.examples[name] as { summary: string; value: unknown },
);
const filters = Object.entries(spec.operations.listTenantInteractions.parameters).flatMap(([name, p]) =>
  p.in === 'query' ? [name] : [],
);
const desktop = { width: 1400, height: 1000 };
const phone = { width: 390, height: 844 };

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

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Words of the page's headings that the browser split across two lines, as "word (heading)". */
function wordsSplitAcrossLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    for (const heading of document.querySelectorAll('h1, h2, h3')) {
      if (heading.getClientRects().length === 0) continue;
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) split.push(`${match[0]} (${heading.textContent})`);
        }
      }
    }
    return split;
  });
}

const hasChromium = needs('Chromium (docs browser test)', chromiumPath !== undefined, installHint);

describe.runIf(hasChromium)('docs site in Chromium', () => {
  let docs: DocsServer;
  let browser: Browser;
  const pages: Record<'desktop' | 'phone', Page> = {} as never;
  const external: string[] = [];
  const consoleErrors: string[] = [];

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const context: BrowserContext = await browser.newContext({ viewport });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      external.push(url);
      return route.abort('blockedbyclient');
    });
    // Fail fast with a clear locator error instead of hitting the test timeout.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('websocket', (socket) => {
      if (!isLoopback(socket.url())) external.push(socket.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    return page;
  }

  async function landing(page: Page): Promise<void> {
    await page.goto(docs.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  const sidebarOperation = (page: Page) => page.getByTestId('menu-item-label').filter({ hasText: operation.summary });

  async function showOperation(page: Page): Promise<void> {
    if (page.url().includes(operation.operationId.toLowerCase())) return;
    await landing(page);
    await sidebarOperation(page).click();
    await page.getByRole('heading', { name: operation.summary }).waitFor();
  }

  /** Opens Get a List of Interactions from the sidebar (the phone's menu first, when it has one). */
  async function showList(page: Page, menu = false): Promise<void> {
    await landing(page);
    if (menu) await page.getByTestId('floating-button').click();
    await page.getByTestId('menu-item-label').filter({ hasText: listOperation.summary }).click();
    await expect.poll(() => page.url()).toContain(listOperation.operationId.toLowerCase());
    await page.getByRole('heading', { name: listOperation.summary }).waitFor();
  }

  /** Every filter of the route is on the page, with its type; the page size with its bounds and default. */
  async function expectFilters(page: Page): Promise<void> {
    expect(filters).toEqual(
      expect.arrayContaining(['contactId', 'startTimeRange', 'endTimeRange', 'hookType', 'green']),
    );
    for (const name of filters) {
      const text = squash(await page.locator(`[id$="in=query&path=${name.toLowerCase()}"]`).innerText());
      expect(text.startsWith(`${name} `), text).toBe(true);
    }
    const { limit } = spec.operations.listTenantInteractions.parameters;
    const limitText = await page.locator('[id$="in=query&path=limit"]').innerText();
    expect(limitText).toContain(`integer, [ ${limit.schema.minimum} .. ${limit.schema.maximum} ]`);
    expect(limitText).toMatch(new RegExp(`Default:\\s*${limit.schema.default}\\b`));
    expect(squash(await page.locator('[id$="in=query&path=green"]').innerText())).toMatch(
      /^green boolean .*Default: true/,
    );
  }

  /** The 200 samples: the default one open, fully expanded; the null-values one a pick away in the same viewer. */
  async function expectSamples(page: Page): Promise<void> {
    const panel = page.getByTestId('right-panel').filter({ has: page.getByText('Response', { exact: true }) });
    const viewer = panel.getByTestId('json-viewer');
    await viewer.getByTestId('collapse-all').waitFor();
    const shown = async () => JSON.parse(await viewer.getByTestId('source-code').innerText());
    expect(await shown()).toEqual(defaultSample!.value);
    const picker = panel.getByTestId('dropdown').filter({ hasText: defaultSample!.summary }).getByRole('button');
    await picker.click();
    // The menu renders after the click resolves: polled until it is there, never slept for.
    await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).toEqual(listExamples.map((e) => e.summary));
    await page.getByRole('menuitem', { name: nullValuesSample!.summary, exact: true }).click();
    await expect.poll(shown).toEqual(nullValuesSample!.value);
    expect(await viewer.getByTestId('source-code').innerText()).toContain('"ivrAbandoned": null');
  }

  beforeAll(async () => {
    if (docsStale()) buildDocs();
    docs = await serveDocs(0);
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      headless: true,
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
    pages.desktop = await open(desktop);
    pages.phone = await open(phone);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await docs?.close();
  });

  describe(`desktop (${desktop.width} px)`, () => {
    it('shows the operation in the sidebar of the landing view and opens it in one click', async () => {
      const page = pages.desktop;
      await landing(page);
      // Visible with nothing expanded first: its tag is open by default.
      expect(await sidebarOperation(page).isVisible()).toBe(true);
      await sidebarOperation(page).click();
      await expect.poll(() => page.url()).toContain(operation.operationId.toLowerCase());
      await page.getByRole('heading', { name: operation.summary }).waitFor();
      const body = await page.locator('body').innerText();
      expect(body).toContain(spec.operations.listContactInteractions.path);
      expect(body).toContain('Returns one page of a contact');
      await page.screenshot({ path: screenshot });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    });

    it('shows the bounds and defaults of limit and page', async () => {
      const page = pages.desktop;
      await showOperation(page);
      const { limit, page: pageParam } = spec.operations.listContactInteractions.parameters;
      const limitText = await page.locator('[id$="in=query&path=limit"]').innerText();
      expect(limitText).toContain(`integer, [ ${limit.schema.minimum} .. ${limit.schema.maximum} ]`);
      expect(limitText).toMatch(new RegExp(`Default:\\s*${limit.schema.default}\\b`));
      const pageText = await page.locator('[id$="in=query&path=page"]').innerText();
      expect(pageText).toContain(`integer, >= ${pageParam.schema.minimum}`);
      expect(pageText).toMatch(new RegExp(`Default:\\s*${pageParam.schema.default}\\b`));
    });

    it('opens the 200 example fully expanded, with no click', async () => {
      const page = pages.desktop;
      await showOperation(page);
      const panel = page.getByTestId('right-panel').filter({ has: page.getByText('Response', { exact: true }) });
      const viewer = panel.getByTestId('json-viewer');
      // Collapsed nodes would read `{ … }` and not parse; fully open, the viewer offers only "Collapse all".
      await viewer.getByTestId('collapse-all').waitFor();
      expect(await viewer.getByTestId('expand-all').count()).toBe(0);
      const json = await viewer.getByTestId('source-code').innerText();
      expect(seedSample.results.length).toBeGreaterThan(0);
      for (const { interactionId } of seedSample.results) expect(json).toContain(`"${interactionId}"`);
      expect(JSON.parse(json)).toEqual(seedSample);
    });

    it('shows every code sample the spec ships, the TypeScript SDK first', async () => {
      const page = pages.desktop;
      await showOperation(page);
      const panel = page.locator('.panel-request-samples');
      const language = panel.getByTestId('dropdown').last().getByRole('button');
      const typescript = codeSamples.find((s) => s.lang === 'TypeScript');
      expect(typescript?.source).toContain('createInteractionsClient');
      expect(squash(await language.innerText())).toBe(typescript!.label ?? typescript!.lang);
      expect(codeSamples.length).toBeGreaterThan(1);
      for (const sample of [...codeSamples.filter((s) => s !== typescript), typescript!]) {
        const label = sample.label ?? sample.lang;
        if (squash(await language.innerText()) !== label) {
          await language.click();
          await page.getByRole('menuitem', { name: label, exact: true }).click();
        }
        await expect.poll(async () => squash(await language.innerText())).toBe(label);
        const code = panel.getByTestId('source-code');
        await expect.poll(async () => squash(await code.innerText())).toBe(squash(sample.source));
      }
    });

    it('shows Get a List of Interactions: its path, its permission, every filter with its bounds', async () => {
      const page = pages.desktop;
      await showList(page);
      const body = await page.locator('body').innerText();
      expect(body).toContain(spec.operations.listTenantInteractions.path);
      expect(body).toContain(spec.operations.listTenantInteractions.permission);
      expect(body).toContain('list-time-range-spelling');
      await expectFilters(page);
    });

    it("shows the List's two vendor samples: the default one open, the null-values one a pick away", async () => {
      const page = pages.desktop;
      await showList(page);
      await expectSamples(page);
    });

    it('finds the operation by search', async () => {
      const page = pages.desktop;
      // Back to the landing view inside the page (no reload), then search from there.
      await page.getByTestId('menu-item-label').filter({ hasText: bundle.info.title }).click();
      await expect.poll(() => page.url()).not.toContain(operation.operationId.toLowerCase());
      await page.getByTestId('search-trigger').click();
      await page.getByPlaceholder('Search docs...').fill('last N interactions');
      const results = page.getByTestId('search-dialog').locator('a[data-component-name="Search/SearchItem"]');
      const hit = results.filter({ hasText: operation.summary }).first();
      await hit.click();
      await expect.poll(() => page.url()).toContain(operation.operationId.toLowerCase());
      await page.getByRole('heading', { name: operation.summary }).waitFor();
    });
  });

  describe(`phone (${phone.width} px)`, () => {
    it('breaks no word of the title across lines', async () => {
      const page = pages.phone;
      await landing(page);
      const title = page.getByRole('heading', { level: 1 }).first();
      expect(await title.innerText()).toContain(bundle.info.title);
      const box = (await title.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
      expect(await wordsSplitAcrossLines(page)).toEqual([]);
    });

    it('lists the operation as soon as the menu opens, and breaks no word of its title', async () => {
      const page = pages.phone;
      await page.getByTestId('floating-button').click();
      expect(await sidebarOperation(page).isVisible()).toBe(true);
      await sidebarOperation(page).click();
      await page.getByRole('heading', { name: operation.summary }).waitFor();
      expect(await wordsSplitAcrossLines(page)).toEqual([]);
    });

    it('shows Get a List of Interactions with every filter and both samples, breaking no word of its title', async () => {
      const page = pages.phone;
      await showList(page, true);
      expect(await wordsSplitAcrossLines(page)).toEqual([]);
      await expectFilters(page);
      await expectSamples(page);
    });
  });

  it('turns off reader telemetry in the page it serves', () => {
    const options = /const __redoc_options = (\{.*?\});/.exec(readFileSync(docsPage, 'utf8'));
    expect(JSON.parse(options![1]!)).toMatchObject({ disableTelemetry: true });
  });

  it('asked for nothing outside loopback and logged no error, on either viewport', () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
