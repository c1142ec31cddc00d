// The outputs of real builds: a small fixture list, the hostile fixture and the shipped content,
// each built under a path prefix and read back with a feed parser, ajv, a BibTeX parser and an
// HTML parser.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { FEED_SIZE, recentlyAddedAcrossLists } from '../../src/outputs/atomFeed.ts';
import { SCHEMA_ORG_TYPES } from '../../src/outputs/headMeta.ts';
import { publicUrl } from '../../src/outputs/outputPaths.ts';
import { workTypeOf } from '../../src/outputs/workType.ts';
import { loadSettings } from '../../src/settings/loadSettings.ts';
import { entryPath } from '../../src/site/urls.ts';
import { buildSite, PROJECT_ROOT } from '../support/builtSite.ts';
import { compileExportSchema } from './exportValidator.ts';

const PATH_PREFIX = '/reading-lists/';
// The build reads the same settings file and environment, with the prefix overridden.
const settings = loadSettings(PROJECT_ROOT, { pathPrefix: PATH_PREFIX });
const siteRoot = publicUrl(settings, '/');

const hasShippedContent = readdirSync(path.join(PROJECT_ROOT, 'content'), { withFileTypes: true }).some((entry) => entry.isDirectory());

const BUILDS = [
  { name: 'small fixture', contentDir: 'tests/fixtures/site/small' },
  { name: 'hostile fixture', contentDir: 'tests/fixtures/site/hostile' },
  { name: 'shipped content', contentDir: 'content', skip: hasShippedContent ? false : 'content/ has no list yet' },
];

/** Returns the site path (without prefix) of every HTML file of a built site, except the 404 page. */
function htmlPagePaths(site: string): string[] {
  const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html') && file !== '404.html');
  return files.map((file) => `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, '')).sort();
}

for (const build of BUILDS) {
  describe(`outputs of ${build.name}`, { skip: build.skip }, () => {
    let site = '';
    let catalog: Catalog;
    const read = (sitePath: string) => readFileSync(path.join(site, sitePath), 'utf8');

    before(async () => {
      site = await buildSite({ contentDir: build.contentDir, pathPrefix: PATH_PREFIX });
      catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: build.contentDir });
    });

    it('site feed lists newest entries', () => {
      const xml = read('feed.xml');
      assert.equal(XMLValidator.validate(xml), true);

      const feed = parseFeed(xml);
      const expected = recentlyAddedAcrossLists(catalog, FEED_SIZE);
      assert.equal(feed.items.length, expected.length);
      assert.deepEqual(
        feed.items.map((item) => item.url),
        expected.map((entry) => publicUrl(settings, entryPath(entry))),
      );
      assert.deepEqual(
        feed.items.map((item) => item.title),
        expected.map((entry) => entry.data.title),
      );

      const dates = feed.items.map((item) => item.updated?.getTime() ?? Number.NaN);
      for (let index = 1; index < dates.length; index += 1) {
        assert.ok((dates[index] ?? 0) <= (dates[index - 1] ?? 0), `entry ${index} is newer than the one before it`);
      }
    });

    it('list feeds follow recentlyAdded', () => {
      for (const list of catalog.lists) {
        const xml = read(`${list.id}/feed.xml`);
        assert.equal(XMLValidator.validate(xml), true);

        const feed = parseFeed(xml);
        assert.equal(feed.title, list.data.title);
        assert.equal(feed.self, publicUrl(settings, `/${list.id}/feed.xml`));
        assert.deepEqual(
          feed.items.map((item) => item.url),
          list.recentlyAdded.slice(0, FEED_SIZE).map((entry) => publicUrl(settings, entryPath(entry))),
        );
      }
    });

    it('entries.json validates against its served schema', () => {
      const schema = JSON.parse(read('entries.schema.json')) as Record<string, unknown>;
      assert.equal(schema.$id, publicUrl(settings, '/entries.schema.json'));

      const exported = JSON.parse(read('entries.json')) as { entries: Array<{ id: string; title: string }> };
      const validate = compileExportSchema(schema);
      assert.equal(validate(exported), true, JSON.stringify(validate.errors, null, 2));

      assert.deepEqual(
        exported.entries.map((entry) => entry.id),
        catalog.entries.map((entry) => `${entry.listId}/${entry.slug}`),
      );
      assert.deepEqual(
        exported.entries.map((entry) => entry.title),
        catalog.entries.map((entry) => entry.data.title),
      );
    });

    it('list entries.json validate too', () => {
      const validate = compileExportSchema(JSON.parse(read('entries.schema.json')) as Record<string, unknown>);
      for (const list of catalog.lists) {
        const exported = JSON.parse(read(`${list.id}/entries.json`)) as { entries: unknown[] };
        assert.equal(validate(exported), true, JSON.stringify(validate.errors, null, 2));
        assert.equal(exported.entries.length, list.entries.length);
      }
    });

    it('BibTeX has one record per entry', () => {
      for (const list of catalog.lists) {
        const library = parseBibtex(read(`${list.id}/references.bib`), { sentenceCase: false });
        assert.deepEqual(library.errors, []);

        const keys = library.entries.map((record) => record.key);
        assert.equal(keys.length, list.entries.length);
        assert.equal(new Set(keys).size, keys.length);
        assert.deepEqual(
          library.entries.map((record) => record.fields.title),
          list.entries.map((entry) => entry.data.title),
        );
      }
    });

    it('BibTeX cites arXiv entries as e-prints', () => {
      for (const list of catalog.lists) {
        const library = parseBibtex(read(`${list.id}/references.bib`), { sentenceCase: false });
        for (const entry of list.entries) {
          if (entry.data.arxiv === undefined) continue;
          const record = library.entries.find((candidate) => candidate.key === entry.slug);
          assert.equal(record?.fields.eprint, entry.data.arxiv);
          assert.equal(record?.fields.archiveprefix, 'arXiv');
        }
      }
    });

    it('sitemap lists every HTML page', () => {
      const xml = read('sitemap.xml');
      assert.equal(XMLValidator.validate(xml), true);

      const parsed = new XMLParser({ isArray: (name) => name === 'url', parseTagValue: false }).parse(xml) as {
        urlset: { url: Array<{ loc: string }> };
      };
      const locations = parsed.urlset.url.map((url) => url.loc);
      for (const location of locations) assert.ok(location.startsWith(siteRoot), `${location} is outside ${siteRoot}`);

      const listed = locations.map((location) => decodeURI(`/${location.slice(siteRoot.length)}`)).sort();
      assert.deepEqual(listed, htmlPagePaths(site));
    });

    it('feeds and sitemap carry no markup', () => {
      for (const file of ['feed.xml', 'sitemap.xml', ...catalog.lists.map((list) => `${list.id}/feed.xml`)]) {
        assert.doesNotMatch(read(file), /<script/i, file);
      }
    });

    it('robots.txt names the sitemap', () => {
      assert.match(read('robots.txt'), new RegExp(`^Sitemap: ${publicUrl(settings, '/sitemap.xml').replace(/[.]/g, '\\.')}$`, 'm'));
    });

    it('entry pages carry work metadata', () => {
      for (const entry of catalog.entries) {
        const markup = read(`${decodeURI(entryPath(entry)).slice(1)}index.html`);
        const $ = load(markup);
        assert.equal($('link[rel="canonical"]').attr('href'), publicUrl(settings, entryPath(entry)));
        const workType = workTypeOf(entry.data);
        if (workType.kind === 'paper') {
          assert.equal($('meta[name="citation_title"]').attr('content'), entry.data.title, entry.file);
        } else {
          assert.equal($('meta[name^="citation_"]').length, 0, `${entry.file} is no paper but has citation tags`);
        }
        assert.equal($('meta[property="og:title"]').attr('content'), entry.data.title);
        assert.equal($('link[rel="alternate"][type="application/atom+xml"]').length, 2);

        assert.equal(markup.match(/<\/script>/g)?.length, $('script').length, 'a title closed a script element');

        const work = JSON.parse($('script[type="application/ld+json"]').text()) as { name: string; '@type': string; url?: string; mainEntityOfPage: string };
        assert.equal(work.name, entry.data.title);
        assert.equal(work['@type'], SCHEMA_ORG_TYPES[workType.kind], entry.file);
        assert.equal(work.mainEntityOfPage, publicUrl(settings, entryPath(entry)));
        if (workType.kind !== 'paper') assert.equal(work.url, workType.mainLink?.url, entry.file);
        if (entry.data.arxiv !== undefined) {
          assert.equal($('meta[name="citation_arxiv_id"]').attr('content'), entry.data.arxiv);
          assert.equal($('meta[name="citation_pdf_url"]').attr('content'), `https://arxiv.org/pdf/${entry.data.arxiv}`);
        }
      }
    });

    it('list pages link their outputs', () => {
      for (const list of catalog.lists) {
        const $ = load(read(`${list.id}/index.html`));
        const hrefs = $('main a')
          .map((_, element) => $(element).attr('href'))
          .get();
        for (const output of ['feed.xml', 'references.bib', 'entries.json']) {
          assert.ok(hrefs.includes(`${PATH_PREFIX}${list.id}/${output}`), `no link to ${output}`);
        }
      }
    });
  });
}
