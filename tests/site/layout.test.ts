// The page shell: the header and footer that pages of one build share, and the header's parts
// that depend on the page (the current navigation item and the search query).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { load } from 'cheerio';
import type { Catalog } from '../../src/catalog/types.ts';
import { html } from '../../src/site/html.ts';
import { renderPage, type PageMeta } from '../../src/site/layout.ts';
import { siteContext, type SiteContext } from '../../src/site/siteContext.ts';
import { keywordIndexPath, listPath } from '../../src/site/urls.ts';
import { loadSettings } from '../../src/settings/loadSettings.ts';
import { loadSmallCatalog } from '../support/smallCatalog.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

let catalog: Catalog;
let context: SiteContext;

before(async () => {
  catalog = await loadSmallCatalog();
  context = siteContext({ catalog, settings: loadSettings(PROJECT_ROOT), searchAssets: undefined });
});

function render(meta: Pick<PageMeta, 'path' | 'title'>, query?: string) {
  return load(renderPage(context, { meta: { ...meta, description: 'A page.', kind: 'keyword' }, breadcrumbs: [], main: html`<h1>${meta.title}</h1>`, query }));
}

describe('renderPage', () => {
  it('marks the current navigation item on every render', () => {
    const list = catalog.lists[0];
    assert.ok(list);
    assert.ok(catalog.lists.length <= 3, 'the fixture has few enough lists for the header');

    const otherPage = render({ path: '/other/', title: 'Other' });
    const keywords = render({ path: keywordIndexPath(), title: 'Keywords' });
    const listPage = render({ path: listPath(list), title: list.data.title });
    const anotherPage = render({ path: '/another/', title: 'Another' });

    assert.equal(otherPage('[aria-current="page"]').length, 0);
    assert.equal(keywords('.site-nav [aria-current="page"]').text(), 'Keywords');
    assert.equal(listPage('.site-nav [aria-current="page"]').text(), list.data.title);
    assert.equal(anotherPage('[aria-current="page"]').length, 0);
  });

  it('shows each page its own search query', () => {
    const first = render({ path: '/search/', title: 'Search' }, 'dropout');
    const second = render({ path: '/other/', title: 'Other' });
    const third = render({ path: '/search/', title: 'Search' }, 'adam');

    assert.equal(first('#site-search-input').attr('value'), 'dropout');
    assert.equal(second('#site-search-input').attr('value'), '');
    assert.equal(third('#site-search-input').attr('value'), 'adam');
  });

  it('credits the lists a page shows', () => {
    const [list] = catalog.lists;
    assert.ok(list);
    const other = { ...list, id: 'another-list', data: { ...list.data, title: 'Another List' } };
    const twoLists = siteContext({ catalog: { ...catalog, lists: [list, other] }, settings: context.settings, searchAssets: undefined });
    const page = (meta: PageMeta, otherListIds?: string[]) => load(renderPage(twoLists, { meta, breadcrumbs: [], main: html`<h1>${meta.title}</h1>`, otherListIds }));

    const listPage = page({ title: list.data.title, description: 'A list.', path: listPath(list), kind: 'list', list });
    const otherPage = page({ title: 'Another List', description: 'A list.', path: '/another-list/', kind: 'list', list: other });
    const keywordsPage = page({ title: 'Keywords', description: 'Keywords.', path: keywordIndexPath(), kind: 'keywords' });
    const withRelated = page({ title: 'Entry', description: 'An entry.', path: '/another-list/entry/', kind: 'entry', list: other }, [list.id]);

    const credits = ($: typeof listPage) => $('footer .source-credit').map((_, credit) => $(credit).text()).get();
    assert.deepEqual(credits(listPage).map((text) => text.includes(list.data.title)), [true]);
    assert.deepEqual(credits(otherPage).map((text) => text.includes('Another List')), [true]);
    assert.equal(credits(keywordsPage).length, 2);
    assert.equal(credits(withRelated).length, 2);
  });

  it('repeats the footer on every page', () => {
    const first = render({ path: '/a/', title: 'A' });
    const second = render({ path: '/b/', title: 'B' });

    assert.ok(first('footer.site-footer').html());
    assert.equal(second('footer.site-footer').html(), first('footer.site-footer').html());
  });
});
