import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags that keep Chromium from calling out: no background networking,
// component updates, sync or QUIC.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OfflineBrowser {
  context: BrowserContext;
  /** URLs of requests that were aborted because they would leave the machine. */
  blocked: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh profile that may load only
 * `file:` and `data:` URLs, plus loopback URLs when `allowLoopback` is set.
 */
export async function launchOfflineBrowser({ allowLoopback = false } = {}): Promise<OfflineBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'plex-connect-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: QUIET_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  const blocked: string[] = [];

  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'file:' || url.protocol === 'data:' || url.protocol === 'blob:';
    const loopback = allowLoopback && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
    if (local || loopback) return route.continue();

    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });

  return {
    context,
    blocked,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
