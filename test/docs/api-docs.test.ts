import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, type OfflineBrowser, launchOfflineBrowser } from '../support/browser.js';
import { ROOT } from '../support/bundle.js';

const DOCS = `${ROOT}dist/docs`;

describe('API docs in Chromium', () => {
  let browser: OfflineBrowser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
    }
    if (!existsSync(`${DOCS}/index.html`)) {
      throw new Error(`${DOCS}/index.html not found. Run \`npm run build:spec && npm run docs\` first.`);
    }

    browser = await launchOfflineBrowser();
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(pathToFileURL(`${DOCS}/index.html`).href);
    await page.getByRole('link', { name: 'Plex Connect API' }).click();
    await page.waitForSelector('.api-content h1', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the API title', async () => {
    await expect(page.locator('.api-content h1').first().textContent()).resolves.toContain('Plex Connect API');
  });

  it('shows the key header in the overview', async () => {
    await expect(page.locator('.api-content').textContent()).resolves.toContain('X-Plex-Connect-Api-Key');
  });

  it('opens the list-employees operation', async () => {
    await page.getByText('/mdm/v1/employees', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'List employees' }).first().waitFor({ timeout: 30_000 });

    expect(page.url()).toMatch(/#\/mdm\/listemployees$/);
    await expect(page.locator('.api-content').textContent()).resolves.toContain('/mdm/v1/employees');
  });

  it('shows the API key scheme on the operation', async () => {
    await expect(page.locator('.api-content').textContent()).resolves.toContain('PlexApiKey');
  });

  it('shows the tenant header on the operation', async () => {
    await expect(page.locator('.api-content').textContent()).resolves.toContain('X-Plex-Connect-Tenant-Id');
  });

  it('saves a screenshot', async () => {
    const path = `${ROOT}dist/docs-screenshot.png`;
    await page.screenshot({ path });

    expect(existsSync(path)).toBe(true);
  });

  it('renders the lookup webhook docs', async () => {
    const webhook = await browser.context.newPage();
    webhook.on('pageerror', (error) => consoleErrors.push(error.message));
    await webhook.goto(pathToFileURL(`${DOCS}/lookup-webhook.html`).href);
    await webhook.waitForSelector('.api-content h1', { timeout: 30_000 });

    await expect(webhook.locator('.api-content').textContent()).resolves.toContain('/lookups');
    await webhook.close();
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('sends no request off the machine', () => {
    expect(browser.blocked).toEqual([]);
  });
});
