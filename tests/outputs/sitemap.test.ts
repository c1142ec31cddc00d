import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { publicUrl } from '../../src/outputs/outputPaths.ts';
import { catalogPages, renderRobots, renderSitemap, renderSitemapIndex, renderSitemapRoot, sitemapChunks, splitSitemap, type SitemapPage } from '../../src/outputs/sitemap.ts';
import { buildXml } from '../../src/outputs/xml.ts';
import { fixtureCatalog, settings } from '../fixtures/outputs/catalog.ts';

interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

function parseSitemap(xml: string): SitemapUrl[] {
  const parsed = new XMLParser({ isArray: (name) => name === 'url', parseTagValue: false }).parse(xml) as { urlset: { url?: SitemapUrl[] } };
  return parsed.urlset.url ?? [];
}

describe('catalogPages', () => {
  const catalog = fixtureCatalog();
  const pages = catalogPages(catalog);
  const paths = pages.map((page) => page.path);

  it('lists every kind of page', () => {
    for (const expected of ['/', '/search/', '/keywords/', '/deep-learning/', '/second/', '/deep-learning/sections/activation-functions/relu/', '/deep-learning/hostile/', '/keywords/relu/']) {
      assert.ok(paths.includes(expected), `missing ${expected}`);
    }
  });

  it('has one page per entry, section and keyword', () => {
    const sectionCount = catalog.lists.reduce((sum, list) => sum + list.sectionsByPath.size, 0);
    assert.equal(pages.length, 3 + catalog.lists.length + sectionCount + catalog.entries.length + catalog.keywords.length);
    assert.equal(new Set(paths).size, paths.length);
  });

  it('dates pages by their newest entry', () => {
    const lastmod = (path: string) => pages.find((page) => page.path === path)?.lastmod;
    assert.equal(lastmod('/'), '2019-05-01');
    assert.equal(lastmod('/deep-learning/'), '2018-06-04');
    assert.equal(lastmod('/deep-learning/sections/activation-functions/'), '2018-03-26');
    assert.equal(lastmod('/deep-learning/hostile/'), '2018-06-04');
    assert.equal(lastmod('/deep-learning/a-work-without-links-or-date/'), undefined);
    assert.equal(lastmod('/search/'), undefined);
  });
});

describe('renderSitemap', () => {
  const xml = renderSitemap(catalogPages(fixtureCatalog()), settings);
  const urls = parseSitemap(xml);

  it('writes well-formed XML in the sitemap namespace', () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
  });

  it('gives absolute URLs with the path prefix', () => {
    assert.equal(urls[0]?.loc, 'https://lists.example.org/reading/');
    for (const url of urls) assert.ok(url.loc.startsWith('https://lists.example.org/reading/'), url.loc);
  });

  it('writes lastmod only where known', () => {
    assert.equal(urls[0]?.lastmod, '2019-05-01');
    assert.equal(urls.find((url) => url.loc.endsWith('/search/'))?.lastmod, undefined);
  });

  it('lists a repeated path once', () => {
    const twice = parseSitemap(renderSitemapRoot([{ path: '/a/', lastmod: '2020-01-01' }, { path: '/a/' }], settings));
    assert.deepEqual(twice, [{ loc: 'https://lists.example.org/reading/a/', lastmod: '2020-01-01' }]);
  });

  it('percent-encodes non-ASCII paths', () => {
    const [url] = parseSitemap(renderSitemap([{ path: '/list/深度/' }], settings));
    assert.equal(url?.loc, 'https://lists.example.org/reading/list/%E6%B7%B1%E5%BA%A6/');
  });

  it('escapes URLs', () => {
    const escaped = renderSitemap([{ path: '/a&b/' }], settings);
    assert.match(escaped, /<loc>https:\/\/lists\.example\.org\/reading\/a&amp;b\/<\/loc>/);
  });
});

describe('renderSitemap against the XML builder', () => {
  // What renderSitemap and renderSitemapIndex wrote before they formatted the XML themselves.
  const urlSet = (pages: SitemapPage[]) =>
    buildXml({ urlset: { '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', url: pages.map((page) => ({ loc: publicUrl(settings, page.path), lastmod: page.lastmod })) } });
  const hostilePages: SitemapPage[] = [
    { path: "/a&b'c/", lastmod: '2020-01-01' },
    { path: '/list/<x>"y"/' },
    { path: '/list/深度/', lastmod: '' },
    { path: '/list/\u0001\ud800/', lastmod: '2020-01-01\u0002' },
  ];

  it('writes the same text for the fixture, hostile paths and no pages', () => {
    for (const pages of [catalogPages(fixtureCatalog()), hostilePages, []]) assert.equal(renderSitemap(pages, settings), urlSet(pages));
  });

  it('writes the same index', () => {
    const parts = [hostilePages, [{ path: '/b/' }], []];
    const index = buildXml({
      sitemapindex: {
        '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
        sitemap: [
          { loc: publicUrl(settings, '/sitemap-1.xml'), lastmod: '2020-01-01\u0002' },
          { loc: publicUrl(settings, '/sitemap-2.xml') },
          { loc: publicUrl(settings, '/sitemap-3.xml') },
        ],
      },
    });
    assert.equal(renderSitemapIndex(parts, settings), index);
  });

  it('yields the same text in parts', () => {
    const pages = Array.from({ length: 12_345 }, (_, index) => ({ path: `/p/${index}/`, lastmod: index % 2 === 0 ? '2020-01-01' : undefined }));
    const chunks = [...sitemapChunks(pages, settings)];
    assert.ok(chunks.length > 3);
    assert.equal(chunks.join(''), urlSet(pages));
  });
});

describe('splitSitemap', () => {
  const pages = ['/a/', '/b/', '/c/', '/b/', '/d/', '/e/'].map((path) => ({ path }));

  it('cuts at the maximum', () => {
    assert.deepEqual(
      splitSitemap(pages, 2).map((part) => part.map((page) => page.path)),
      [['/a/', '/b/'], ['/c/', '/d/'], ['/e/']],
    );
  });

  it('keeps one empty set', () => {
    assert.deepEqual(splitSitemap([]), [[]]);
  });
});

describe('renderSitemapRoot', () => {
  it('writes one urlset when pages fit', () => {
    const xml = renderSitemapRoot([{ path: '/a/' }, { path: '/b/' }], settings, 2);
    assert.match(xml, /<urlset /);
    assert.equal(parseSitemap(xml).length, 2);
  });

  it('writes an index past the maximum', () => {
    const xml = renderSitemapRoot([{ path: '/a/', lastmod: '2020-01-01' }, { path: '/b/', lastmod: '2021-05-06' }, { path: '/c/' }], settings, 2);
    assert.equal(XMLValidator.validate(xml), true);

    const parsed = new XMLParser({ isArray: (name) => name === 'sitemap', parseTagValue: false }).parse(xml) as {
      sitemapindex: { sitemap: SitemapUrl[] };
    };
    assert.deepEqual(parsed.sitemapindex.sitemap, [
      { loc: 'https://lists.example.org/reading/sitemap-1.xml', lastmod: '2021-05-06' },
      { loc: 'https://lists.example.org/reading/sitemap-2.xml' },
    ]);
  });
});

describe('renderSitemapIndex', () => {
  it('dates each file by its newest page', () => {
    const xml = renderSitemapIndex([[{ path: '/a/', lastmod: '2019-01-01' }, { path: '/b/', lastmod: '2018-01-01' }]], settings);
    assert.match(xml, /<lastmod>2019-01-01<\/lastmod>/);
  });
});

describe('renderRobots', () => {
  it('names the sitemap', () => {
    assert.equal(renderRobots(settings), 'User-agent: *\nAllow: /\n\nSitemap: https://lists.example.org/reading/sitemap.xml\n');
  });
});
