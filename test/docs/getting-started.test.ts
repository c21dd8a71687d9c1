import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, type OfflineBrowser, launchOfflineBrowser } from '../support/browser.js';
import { ROOT } from '../support/bundle.js';

const DOCS = `${ROOT}dist/docs`;

const SECTIONS = ['Install', 'First call', 'Tenant override', 'Dates', 'Running the emulator', 'Deploying the functions'];

describe('getting-started page in Chromium', () => {
  let browser: OfflineBrowser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
    }
    if (!existsSync(`${DOCS}/getting-started.html`)) {
      throw new Error(`${DOCS}/getting-started.html not found. Run \`npm run build:spec && npm run docs\` first.`);
    }

    browser = await launchOfflineBrowser();
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(pathToFileURL(`${DOCS}/index.html`).href);
    await page.getByRole('link', { name: 'Getting started with plex-connect' }).click();
    await page.waitForURL(/getting-started\.html$/);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the index', () => {
    expect(page.url()).toBe(pathToFileURL(`${DOCS}/getting-started.html`).href);
  });

  it('has the page title', async () => {
    await expect(page.title()).resolves.toBe('Getting started with plex-connect');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Getting started with plex-connect');
  });

  it.each(SECTIONS)('shows the section %s', async (section) => {
    const heading = page.getByRole('heading', { level: 2, name: section, exact: true });

    await expect(heading.isVisible()).resolves.toBe(true);
  });

  it('shows the first call', async () => {
    const firstCall = "createPlexClient({ apiKey: process.env.PLEX_API_KEY, tier: 'test' })";

    await expect(page.locator('main').textContent()).resolves.toContain(firstCall);
  });

  it('links to the API reference', async () => {
    await page.getByRole('link', { name: 'API reference' }).click();
    await page.waitForSelector('.api-content h1', { timeout: 30_000 });

    await expect(page.locator('.api-content h1').first().textContent()).resolves.toContain('Plex Connect API');
    await page.goBack();
  });

  it('links back to the index', async () => {
    await page.getByRole('link', { name: 'plex-connect docs' }).click();
    await page.waitForURL(/index\.html$/);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('plex-connect documentation');
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('sends no request off the machine', () => {
    expect(browser.blocked).toEqual([]);
  });
});
