// The built site has every page the catalog calls for: each entry on its own page, on its
// section pages and on its list's page, each section and keyword with the right counts, and
// the same page structure everywhere.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { loadSettings } from '../../src/settings/loadSettings.ts';
import { entryAnchor, entryPath, keywordIndexPath, keywordPath, listPath, sectionAnchor, sectionPath } from '../../src/site/urls.ts';
import { buildSite, PROJECT_ROOT } from '../support/builtSite.ts';
import { readPage, readPages, type BuiltPage } from './siteFiles.ts';

const CONTENT_FOLDERS = ['content', 'tests/fixtures/site/small'];

for (const contentDir of CONTENT_FOLDERS) {
  describe(`site built from ${contentDir}`, () => {
    let site: string;
    let catalog: Catalog;
    const pages = new Map<string, BuiltPage>();

    /** Returns the parsed page at a URL path, reading each page once. */
    async function page(urlPath: string): Promise<BuiltPage> {
      const cached = pages.get(urlPath);
      if (cached) return cached;
      const read = await readPage(site, urlPath);
      pages.set(urlPath, read);
      return read;
    }

    before(async () => {
      site = await buildSite({ contentDir, pathPrefix: '/' });
      const loaded = await loadCatalog(PROJECT_ROOT, { contentDir });
      assert.ok(loaded.catalog, `the content of ${contentDir} does not load`);
      catalog = loaded.catalog;
    });

    it('has at least one list with entries', () => {
      assert.ok(catalog.lists.length > 0);
      assert.ok(catalog.entries.length > 0);
    });

    it('gives every entry a page', async () => {
      const settings = loadSettings(PROJECT_ROOT);
      for (const entry of catalog.entries) {
        const { $ } = await page(entryPath(entry));

        assert.equal($('h1').text(), entry.data.title, entry.file);
        assert.equal($('.edit-link a').attr('href'), `${settings.repository}/edit/${settings.branch}/${entry.file.split('/').map(encodeURIComponent).join('/')}`, entry.file);
        assert.ok($('pre[data-copy] code').text().startsWith('@'), `${entry.file}: no citation`);
        if (entry.data.arxiv) assert.equal($(`a[href="https://arxiv.org/abs/${entry.data.arxiv}"]`).length > 0, true, `${entry.file}: no arXiv link`);
      }
    });

    it('lists every entry on each of its section pages', async () => {
      for (const entry of catalog.entries) {
        for (const section of [entry.section, ...entry.alsoIn]) {
          const { $ } = await page(sectionPath(section));

          assert.equal($(`main > ul.entries a.entry-title[href="${entryPath(entry)}"]`).length, 1, `${entry.file} on ${sectionPath(section)}`);
        }
      }
    });

    it('lists every entry on its list page under its section', async () => {
      for (const list of catalog.lists) {
        const { $ } = await page(listPath(list));
        for (const entry of list.entries) {
          const summary = $(`li[id="${entryAnchor(entry)}"]`);
          const heading = summary.closest('section.section-block').children('h2, h3, h4, h5, h6').first();

          assert.equal(summary.length, 1, `${entry.file} on ${listPath(list)}`);
          assert.equal(summary.find('a.entry-title').attr('href'), entryPath(entry));
          assert.equal(heading.attr('id'), sectionAnchor(entry.section), `${entry.file} is under the wrong section`);
        }
      }
    });

    it('keeps the document order on the list page', async () => {
      for (const list of catalog.lists) {
        const { $ } = await page(listPath(list));
        const headings = $('section.section-block > :header').toArray().map((element) => $(element).attr('id'));

        assert.deepEqual(headings, [...list.sectionsByPath.values()].map(sectionAnchor));
      }
    });

    it('gives every section a page with its count', async () => {
      for (const list of catalog.lists) {
        for (const section of list.sectionsByPath.values()) {
          const { $ } = await page(sectionPath(section));

          assert.equal($('h1').text(), section.title);
          assert.match($('.list-stats').first().text(), new RegExp(`^${section.totalEntries} entr`), sectionPath(section));
        }
      }
    });

    it('shows section counts on the home page', async () => {
      const { $ } = await page('/');
      for (const list of catalog.lists) {
        for (const section of list.sectionsByPath.values()) {
          const item = $(`a[href="${sectionPath(section)}"]`).first();

          assert.equal(item.next('.count').text().replace(/\D+/g, ''), String(section.totalEntries), sectionPath(section));
        }
      }
    });

    it('states keyword coverage on the home page', async () => {
      const { $ } = await page('/');
      const intro = $('main p').filter((_, element) => $(element).text().startsWith('Search above')).first();
      const withKeywords = catalog.entries.filter((entry) => entry.data.keywords !== undefined).length;

      assert.ok(withKeywords > 0, `${contentDir} has no entry with keywords`);
      assert.ok(withKeywords < catalog.entries.length, `${contentDir} should have an entry without keywords`);
      assert.match(intro.text(), new RegExp(`index of ${catalog.keywords.length} keywords, carried by ${withKeywords} of ${catalog.entries.length} entries\\.$`));
      assert.doesNotMatch(intro.text(), /every entry/i);
      assert.equal(intro.find('a').attr('href'), keywordIndexPath());
    });

    it('matches keyword counts on the index and keyword pages', async () => {
      const index = await page(keywordIndexPath());
      for (const keyword of catalog.keywords) {
        const link = index.$(`a[href="${keywordPath(keyword)}"]`);
        const { $ } = await page(keywordPath(keyword));
        const listed = $('ul.entries a.entry-title').toArray().map((element) => $(element).attr('href'));

        assert.equal(link.text(), keyword.term);
        assert.equal(link.next('.count').text().replace(/\D+/g, ''), String(keyword.entries.length), keyword.term);
        assert.deepEqual(listed, keyword.entries.map(entryPath), keyword.term);
      }
    });

    it('gives every page the same structure', async () => {
      for (const built of await readPages(site)) {
        const { $, file } = built;
        const search = $('header form[role="search"]');
        const inputId = search.find('input[type="search"][name="q"]').attr('id');

        assert.equal($('h1').length, 1, `${file}: h1 count`);
        assert.equal($('main#main').length, 1, `${file}: main`);
        assert.equal($('a.skip-link[href="#main"]').length, 1, `${file}: skip link`);
        assert.equal(search.attr('action'), '/search/', `${file}: search form`);
        assert.equal(search.find(`label[for="${inputId}"]`).length, 1, `${file}: search label`);
        if (file !== 'index.html' && file !== '404.html' && file !== 'search/index.html') {
          assert.equal($('nav.breadcrumbs').length, 1, `${file}: breadcrumbs`);
        }
      }
    });

    it('has a 404 page', async () => {
      const { $ } = await page('/404.html');

      assert.equal($('h1').text(), 'Page not found');
    });
  });
}
