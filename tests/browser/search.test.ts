// Search in a real browser: typing, keyboard navigation, the URL and Back, hostile queries and
// entry text, under a path prefix, with no console errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { buildSite } from '../support/builtSite.ts';
import { startStaticServer, type StaticServer } from '../support/staticServer.ts';
import { SETTLE_MS } from '../../src/browser/searchUi.ts';

const PREFIX = '/reading-lists/';
const CONTENT = 'tests/fixtures/search/content';

let browser: LaunchedBrowser;
let server: StaticServer;
const problems: string[] = [];
const indexRequests: string[] = [];

/** Opens `path` (relative to the site root) in a new tab that records console errors and page errors. */
async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (message) => {
    // NOTE: Chromium requests /favicon.ico, outside the path prefix, and the site has none.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      problems.push(`${path}: console ${message.text()} ${message.location().url}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`${path}: a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (/\/assets\/search\/index-[0-9a-f]+\.json$/.test(request.url())) indexRequests.push(request.url());
  });
  await page.goto(new URL(path, server.url).href);
  return page;
}

async function resultTitles(page: Page, scope = '.search-results'): Promise<string[]> {
  return page.locator(`${scope} .search-result-title`).allTextContents();
}

const skip = browserSkipReason();

describe('search in the browser', { skip }, () => {
  before(async () => {
    const site = await buildSite({ contentDir: CONTENT, pathPrefix: PREFIX });
    server = await startStaticServer(site, PREFIX);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the index only on first focus', async () => {
    const page = await open('');
    await page.waitForLoadState('networkidle');
    assert.equal(indexRequests.length, 0);

    await Promise.all([page.waitForRequest(/\/assets\/search\/index-[0-9a-f]+\.json$/), page.keyboard.press('/')]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search-input');
    assert.equal(indexRequests.length, 1);
    assert.ok(indexRequests[0]?.includes(`${PREFIX}assets/search/`));
    await page.close();
  });

  it('shows results as you type', async () => {
    const page = await open('');
    await page.keyboard.press('/');
    await page.keyboard.type('adam');
    const panel = page.locator('#search-panel');
    await page.waitForFunction(() => document.querySelector('#search-panel .search-status')?.textContent?.includes('“adam”'));

    assert.deepEqual(await resultTitles(page, '#search-panel'), ['Adam: A Method for Stochastic Optimization']);
    assert.equal(await panel.locator('.search-status').textContent(), '1 result for “adam”.');
    assert.equal(await panel.locator('.search-result-title mark').first().textContent(), 'Adam');
    assert.equal(await panel.locator('.search-result-path').first().textContent(), 'Optimization');
    assert.equal(await panel.locator('a.search-result-title').first().getAttribute('href'), `${PREFIX}search-cases/adam/`);
    await page.close();
  });

  it('moves through results with the keyboard', async () => {
    const page = await open('');
    await page.keyboard.press('/');
    await page.keyboard.type('dropout');
    await page.waitForFunction(() => document.querySelector('#search-panel .search-status')?.textContent?.includes('“dropout”'));

    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('ArrowDown');
    assert.ok((await focusedText()).startsWith('Dropout: A Simple Way'));
    await page.keyboard.press('ArrowDown');
    assert.ok((await focusedText()).startsWith('Dropout as a Bayesian'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search-input');

    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#search-panel').isHidden(), true);

    await page.keyboard.type(' ');
    await page.locator('#search-panel').waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(`**${PREFIX}search-cases/dropout-a-simple-way/`), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('opens the search page on Enter', async () => {
    const page = await open('');
    await page.keyboard.press('/');
    await page.keyboard.type('adam');
    await Promise.all([page.waitForURL(`**${PREFIX}search/?q=adam`), page.keyboard.press('Enter')]);
    await page.locator('.search-result').first().waitFor();
    assert.deepEqual(await resultTitles(page), ['Adam: A Method for Stochastic Optimization']);
    await page.close();
  });

  it('keeps the query in the URL and goes back', async () => {
    const page = await open('search/?q=dropout');
    await page.locator('.search-result').first().waitFor();
    assert.equal(await page.locator('#site-search-input').inputValue(), 'dropout');
    assert.equal((await resultTitles(page))[0], 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting');

    await page.locator('#site-search-input').fill('adam');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=adam$/);
    assert.deepEqual(await resultTitles(page), ['Adam: A Method for Stochastic Optimization']);

    await page.goBack();
    await page.waitForURL(/\?q=dropout$/);
    await page.waitForFunction(() => document.querySelector('.search-result-title')?.textContent?.startsWith('Dropout'));
    assert.equal(await page.locator('#site-search-input').inputValue(), 'dropout');

    await Promise.all([page.waitForURL(/dropout-a-simple-way/), page.locator('.search-result-title').first().click()]);
    await page.goBack();
    await page.locator('.search-result').first().waitFor();
    assert.equal(await page.locator('#site-search-input').inputValue(), 'dropout');
    await page.close();
  });

  it('makes each settled query one history step', async () => {
    const page = await open('search/');
    const input = page.locator('#site-search-input');
    const status = (query: string) =>
      page.waitForFunction((expected) => document.querySelector('.search-status')?.textContent?.includes(`“${expected}”`), query);

    await input.fill('adam');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=adam$/);

    // Typed letter by letter without a pause: one step, whatever the intermediate queries.
    await input.selectText();
    await page.keyboard.type('dropout', { delay: 30 });
    await status('dropout');
    await page.waitForTimeout(SETTLE_MS + 300);

    await input.selectText();
    await page.keyboard.type('relu', { delay: 30 });
    await status('relu');
    await page.waitForURL(/\?q=relu$/);

    await page.goBack();
    await page.waitForURL(/\?q=dropout$/);
    await status('dropout');
    assert.equal(await input.inputValue(), 'dropout');

    await page.goBack();
    await page.waitForURL(/\?q=adam$/);
    await status('adam');
    assert.equal(await input.inputValue(), 'adam');

    await page.goBack();
    await page.waitForURL(/\/search\/$/);
    assert.equal(await input.inputValue(), '');
    await page.close();
  });

  it('keeps keys typed while the script loads', async () => {
    const page = await browser.context.newPage();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/searchUi-[A-Za-z0-9]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(new URL('search/', server.url).href, { waitUntil: 'domcontentloaded' });
    await page.locator('#site-search-input').fill('adam');
    release();

    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('“adam”'));
    assert.equal(await page.locator('#site-search-input').inputValue(), 'adam');
    assert.deepEqual(await resultTitles(page), ['Adam: A Method for Stochastic Optimization']);
    await page.close();
  });

  it('says when nothing matches', async () => {
    const page = await open('search/?q=qqqzzzxxx');
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
    assert.equal(await page.locator('.search-status').textContent(), 'No results for “qqqzzzxxx”.');
    assert.equal(await page.locator('.search-result').count(), 0);
    await page.close();
  });

  it('filters by section', async () => {
    const page = await open('search/?q=regularization');
    await page.locator('.search-result').first().waitFor();
    await page.locator('#search-filter-section').selectOption('regularization/dropout');
    await page.waitForURL(/section=regularization%2Fdropout/);
    const titles = await resultTitles(page);
    assert.ok(titles.length > 0);
    assert.ok(titles.every((title) => title.startsWith('Dropout')), titles.join(' | '));
    assert.match((await page.locator('.search-status').textContent()) ?? '', /in Regularization › Dropout/);
    await page.close();
  });

  it('survives hostile queries', async () => {
    const page = await open('search/');
    const input = page.locator('#site-search-input');
    const hostile = ['title:', 'C++', '~', '^', '-', ':', 'title:adam', '+dropout -bayesian', '- dropout', 'x'.repeat(2000), `${'x'.repeat(500)}~2`];
    for (const query of [...hostile, '<img src=x onerror=alert(1)>', '{{ x }}']) {
      await input.fill(query);
      await page.keyboard.press('Enter');
      await page.waitForFunction((expected) => document.querySelector('.search-status')?.textContent?.includes(`“${expected}”`), query);
    }
    assert.deepEqual(await resultTitles(page), ['{{ x }} <script>alert(1)</script> <img src=x onerror=alert(2)> & "quotes"']);

    await input.fill('title:adam');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('title:adam'));
    assert.deepEqual(await resultTitles(page), ['Adam: A Method for Stochastic Optimization']);
    await page.close();
  });

  it('renders entry text as text', async () => {
    const page = await open('search/?q=script+alert');
    await page.locator('.search-result').first().waitFor();
    assert.equal(await page.locator('.search-results script, .search-results img, .search-results b').count(), 0);
    assert.equal(await page.locator('.search-result-snippet').first().textContent(), '<b>bold</b> {% raw %} &amp; text');
    await page.close();
  });

  it('logs no console errors', () => {
    assert.deepEqual(problems, []);
  });
});
