// Hostile content in the built site: markup and template syntax in titles and notes are shown as
// typed, unsafe links never reach a page, Unicode titles get distinct slugs, and a very long
// title wraps on a 360 px phone.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { slugify } from '../../src/text/slug.ts';
import { browserSkipReason, launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { buildSite } from '../support/builtSite.ts';
import { startStaticServer, type StaticServer } from '../support/staticServer.ts';
import { readPage, readPages } from './siteFiles.ts';

const CONTENT = 'tests/fixtures/site/hostile';
const LIST = '/hostile-list/';
const SCRIPT_TITLE = '<script>alert(1)</script> {{ 7 * 7 }} {% include "x" %}';
const SCRIPT_PAGE = `${LIST}scriptalert1script-7-7-include-x/`;
const LONG_SLUG = 'supercalifragilistic'.repeat(4);

let site: string;

before(async () => {
  site = await buildSite({ contentDir: CONTENT });
});

describe('hostile titles', () => {
  it('entry heading shows the title as typed', async () => {
    const { $ } = await readPage(site, SCRIPT_PAGE);

    assert.equal($('h1').text(), SCRIPT_TITLE);
    assert.equal($('title').text(), `${SCRIPT_TITLE} · Reading lists`);
    assert.equal($('.breadcrumbs [aria-current="page"]').text(), SCRIPT_TITLE);
  });

  it('summaries show the title as typed', async () => {
    for (const pagePath of [LIST, `${LIST}sections/tricky/`, '/keywords/7-7/', '/']) {
      const { $ } = await readPage(site, pagePath);
      const link = $(`a.entry-title[href="${SCRIPT_PAGE}"]`);

      assert.equal(link.first().text(), SCRIPT_TITLE, `summary on ${pagePath}`);
    }
  });

  it('list, section and keyword names stay text', async () => {
    const list = await readPage(site, LIST);
    const keyword = await readPage(site, '/keywords/7-7/');

    assert.equal(list.$('h1').text(), 'Hostile <b>list</b> {{ 7 * 7 }}');
    assert.equal(list.$('h2#section-tricky a').text(), 'Tricky {{ 7 * 7 }} <i>section</i>');
    assert.match(keyword.$('h1').text(), /\{\{ 7 \* 7 \}\}$/);
  });

  it('list body stays text', async () => {
    const { $ } = await readPage(site, LIST);

    assert.equal($('.list-body script').length, 0);
    assert.equal($('.list-body').text().trim(), '{{ 7 * 7 }} and {% include "x" %} in the list\'s body; <script>alert("body")</script>');
  });

  it('no page has an inline script or event handler', async () => {
    for (const page of await readPages(site)) {
      const inline = page.$('script:not([src]):not([type="application/ld+json"])').length;
      const jsonLd = page.$('script[type="application/ld+json"]').text();
      const handlers = page.$('*').toArray().filter((element) => Object.keys(page.$(element).attr() ?? {}).some((name) => name.startsWith('on')));

      assert.equal(inline, 0, `inline script in ${page.file}`);
      assert.doesNotMatch(jsonLd, /</, `unescaped < in the JSON-LD of ${page.file}`);
      assert.equal(handlers.length, 0, `event handler attribute in ${page.file}`);
    }
  });
});

describe('hostile notes', () => {
  it('raw HTML is escaped', async () => {
    const { $ } = await readPage(site, SCRIPT_PAGE);
    const notes = $('section.notes');

    assert.equal(notes.find('script, img, b').length, 0);
    assert.match(notes.text(), /<script>alert\("notes"\)<\/script>/);
    assert.match(notes.text(), /<img src=x onerror=alert\(2\)> <b>bold<\/b>/);
    assert.match(notes.text(), /\{\{ 7 \* 7 \}\} \{% include "x" %\}/);
  });

  it('section description HTML is escaped', async () => {
    const { $ } = await readPage(site, `${LIST}sections/tricky/`);

    assert.equal($('.section-description img').length, 0);
    assert.match($('.section-description').text(), /Raw <img src=x onerror=alert\(1\)>/);
  });

  it('no URL uses a scheme other than http or https', async () => {
    for (const page of await readPages(site)) {
      for (const element of page.$('[href], [src], [action]').toArray()) {
        for (const attribute of ['href', 'src', 'action']) {
          const url = page.$(element).attr(attribute);
          if (url === undefined) continue;

          assert.doesNotMatch(url, /^\s*(?!https?:)[a-z][a-z0-9+.-]*:/i, `${attribute}="${url}" in ${page.file}`);
        }
      }
    }
  });
});

describe('Unicode titles', () => {
  const cases = [
    { title: '深度学习的训练方法', slug: '深度学习的训练方法' },
    { title: 'Réseaux de neurones profonds', slug: 'reseaux-de-neurones-profonds' },
    { title: '🚀 Rocket-fast training', slug: 'rocket-fast-training' },
  ];

  for (const { title, slug } of cases) {
    it(`"${title}" has the page /${slug}/`, async () => {
      const { $ } = await readPage(site, `${LIST}${slug}/`);

      assert.equal(slugify(title), slug);
      assert.equal($('h1').text(), title);
    });
  }

  it('two rocket titles keep distinct pages', async () => {
    const first = await readPage(site, `${LIST}rocket-fast-training/`);
    const second = await readPage(site, `${LIST}rocket-fast-training-2/`);

    assert.equal(first.$('h1').text(), '🚀 Rocket-fast training');
    assert.equal(second.$('h1').text(), 'Rocket fast training, second edition 🚀🚀');
  });

  it('keywords differing in case and accents share a page', async () => {
    const { $ } = await readPage(site, '/keywords/elan/');

    assert.equal($('ul.entries > li').length, 2);
    assert.ok(existsSync(path.join(site, 'keywords', '训练', 'index.html')));
  });
});

describe('very long title', () => {
  it('stylesheet lets headings and titles wrap anywhere', async () => {
    const css = await readFile(path.join(site, 'assets', 'site.css'), 'utf8');

    assert.match(css, /h1,\s*h2,[^{]*\{[^}]*overflow-wrap: anywhere/);
    assert.match(css, /\.entry-title \{[^}]*overflow-wrap: anywhere/);
  });

  describe('in Chromium at 360 px', () => {
    const skip = browserSkipReason();
    let browser: LaunchedBrowser | undefined;
    let server: StaticServer | undefined;

    before(async () => {
      if (skip) return;
      server = await startStaticServer(site);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const pagePath of [`${LIST}${LONG_SLUG}/`, LIST, '/', `${LIST}sections/tricky/`]) {
      it(`${pagePath} has no horizontal scroll`, { skip }, async () => {
        assert.ok(browser);
        assert.ok(server);
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(new URL(pagePath.slice(1), server.url).href);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        await page.close();

        assert.ok(widths.scroll <= widths.client, `scrollWidth ${widths.scroll} > clientWidth ${widths.client}`);
      });
    }
  });
});
