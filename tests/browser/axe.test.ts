// Accessibility: axe finds no violations on the home, list, section, entry and search pages of
// the site built from the shipped content, with search results showing, in light and dark mode.
// The search page also fits a 360 px screen without horizontal scrolling.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { entryPath, listPath, searchPath, sectionPath } from '../../src/site/urls.ts';
import { browserSkipReason, launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { buildSite, PROJECT_ROOT } from '../support/builtSite.ts';
import { startStaticServer, type StaticServer } from '../support/staticServer.ts';

let browser: LaunchedBrowser;
let server: StaticServer;
let catalog: Catalog;

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

async function check(path: string, prepare?: (page: Page) => Promise<void>, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.emulateMedia({ colorScheme });
    await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
    await prepare?.(page);
    assert.deepEqual(await violations(page), [], `axe violations on ${path} in ${colorScheme} mode`);
  } finally {
    await page.close();
  }
}

describe('accessibility', { skip: browserSkipReason() }, () => {
  before(async () => {
    catalog = await loadCatalogOrThrow(PROJECT_ROOT);
    const site = await buildSite();
    server = await startStaticServer(site, '/');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('home page with the search panel open', async () => {
    await check('/', async (page) => {
      await page.keyboard.press('/');
      await page.keyboard.type('batch');
      await page.locator('#search-panel .search-result').first().waitFor();
    });
  });

  it('list page', async () => {
    const list = catalog.lists[0];
    assert.ok(list);
    await check(listPath(list));
  });

  it('section page', async () => {
    const section = catalog.lists[0]?.sections[0];
    assert.ok(section);
    await check(sectionPath(section));
  });

  it('entry page', async () => {
    const entry = catalog.entries.find((candidate) => (candidate.data.links ?? []).length > 0 && candidate.data.arxiv);
    assert.ok(entry);
    await check(entryPath(entry));
  });

  it('search page with results', async () => {
    await check(`${searchPath()}?q=normalization`, async (page) => {
      await page.locator('.search-result').first().waitFor();
    });
  });

  it('search page with results in dark mode', async () => {
    await check(
      `${searchPath()}?q=dropout`,
      async (page) => {
        await page.locator('.search-result mark').first().waitFor();
      },
      'dark',
    );
  });

  it('home page with the search panel open in dark mode', async () => {
    await check(
      '/',
      async (page) => {
        await page.keyboard.press('/');
        await page.keyboard.type('dropout');
        await page.locator('#search-panel .search-result mark').first().waitFor();
      },
      'dark',
    );
  });

  it('search page has no horizontal scroll at 360 px', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(new URL(`${searchPath().replace(/^\//, '')}?q=dropout`, server.url).href);
      await page.locator('.search-result').first().waitFor();
      await page.locator('#search-filter-section').waitFor();
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        select: document.querySelector('#search-filter-section')?.getBoundingClientRect().width ?? 0,
      }));
      assert.ok(widths.scroll <= widths.client, `scrollWidth ${widths.scroll} > clientWidth ${widths.client}`);
      assert.ok(widths.select <= widths.client, `section select is ${widths.select} px wide`);
    } finally {
      await page.close();
    }
  });

  it('search page with no results', async () => {
    await check(`${searchPath()}?q=qqqzzzxxx`, async (page) => {
      await page.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
    });
  });
});
