// Browser tests' shared setup: headless Chromium (Debian `chromium` at /usr/bin/chromium or
// CHROMIUM_PATH, driven by playwright-core; no browser download), pages that record their errors and
// the hosts they contact, and screenshots saved as test artifacts in test-output/ (git-ignored).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { packageRoot } from '../../src/db/local-server/package-root';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go (git-ignored). */
export const ARTIFACTS_DIR = path.join(packageRoot(), 'test-output');

/** Headless Chromium without network side channels (no updates, sync or QUIC). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

export interface WatchedPage {
  page: Page;
  /** Uncaught exceptions in the page (`pageerror`), in order. */
  errors: string[];
  /** Every host the page sent a request to (data: URLs excluded). */
  hosts: Set<string>;
}

/** A new page that records its errors and the hosts it contacts; `timeoutMs` caps every wait on it. */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; timeoutMs?: number } = {},
): Promise<WatchedPage> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1400, height: options.height ?? 850 },
  });
  if (options.timeoutMs) page.setDefaultTimeout(options.timeoutMs);
  const watched: WatchedPage = { page, errors: [], hosts: new Set() };
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:') watched.hosts.add(url.hostname);
  });
  return watched;
}

/** Saves a screenshot as test-output/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage });
  return file;
}
