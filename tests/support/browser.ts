// Launches Debian's Chromium through playwright-core for the browser tests, or returns why the
// browser tier is skipped. Never downloads a browser.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Set to 1 in CI (.ci/run), where a missing Chromium fails the tier instead of skipping it. */
export const REQUIRE_BROWSER_VARIABLE = 'REQUIRE_BROWSER';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Returns the notice to skip the browser tier with when Chromium is not installed, or undefined
 * when the tier can run. With REQUIRE_BROWSER=1 it returns undefined, so that launchBrowser fails.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || process.env[REQUIRE_BROWSER_VARIABLE] === '1') return undefined;
  return `browser tests skipped: no Chromium at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium`;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh profile folder, removed again by `close()`.
 * Throws an Error naming the install command when Chromium is missing.
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is required (${REQUIRE_BROWSER_VARIABLE}=1) but ${CHROMIUM_PATH} does not exist; install it with: apt-get install -y chromium`);
  }

  const profile = await mkdtemp(path.join(os.tmpdir(), 'reading-lists-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });

  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
