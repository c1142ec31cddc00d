import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'cheerio';
import { jsonForScript, renderHeadMeta } from '../../src/outputs/headMeta.ts';
import type { PageMeta } from '../../src/site/layout.ts';
import type { EntryData } from '../../schemas/entry.ts';
import type { CatalogEntry } from '../../src/catalog/types.ts';
import { entryPath, listPath } from '../../src/site/urls.ts';
import { fixtureCatalog, HOSTILE_TITLE, settings } from '../fixtures/outputs/catalog.ts';

const catalog = fixtureCatalog();
const list = catalog.lists[0];
assert.ok(list);

function entryMeta(title: string): PageMeta {
  const entry = catalog.entries.find((candidate) => candidate.data.title === title);
  assert.ok(entry, `no fixture entry titled ${title}`);
  return { title, description: `About ${title}`, path: entryPath(entry), kind: 'entry', list, entry };
}

/** Returns the page meta of a fixture entry whose data is replaced by `data` (slug and list kept). */
function entryMetaWith(title: string, data: Omit<EntryData, 'category'>): PageMeta {
  const fixture = entryMeta(title).entry;
  assert.ok(fixture);
  const entry: CatalogEntry = { ...fixture, data: { ...data, category: fixture.data.category } };
  return { title: data.title, description: `About ${data.title}`, path: entryPath(entry), kind: 'entry', list, entry };
}

function jsonLd($: ReturnType<typeof load>): Record<string, unknown> {
  return JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
}

function head(meta: PageMeta) {
  return load(`<head>${String(renderHeadMeta(meta, settings))}</head>`);
}

function metaContent($: ReturnType<typeof load>, attribute: 'name' | 'property', key: string): string[] {
  return $(`meta[${attribute}="${key}"]`)
    .map((_, element) => $(element).attr('content') ?? '')
    .get();
}

describe('renderHeadMeta on the home page', () => {
  const $ = head({ title: settings.title, description: settings.description, path: '/', kind: 'home' });

  it('links the canonical URL and the site feed', () => {
    assert.equal($('link[rel="canonical"]').attr('href'), 'https://lists.example.org/reading/');
    const feeds = $('link[rel="alternate"][type="application/atom+xml"]');
    assert.equal(feeds.length, 1);
    assert.equal(feeds.attr('href'), 'https://lists.example.org/reading/feed.xml');
  });

  it('writes Open Graph tags', () => {
    assert.deepEqual(metaContent($, 'property', 'og:title'), [settings.title]);
    assert.deepEqual(metaContent($, 'property', 'og:type'), ['website']);
    assert.deepEqual(metaContent($, 'property', 'og:url'), ['https://lists.example.org/reading/']);
    assert.deepEqual(metaContent($, 'property', 'og:description'), [settings.description]);
    assert.deepEqual(metaContent($, 'property', 'og:site_name'), [settings.title]);
  });

  it('writes no citation tags', () => {
    assert.equal($('meta[name^="citation_"]').length, 0);
    assert.equal($('script').length, 0);
  });
});

describe('renderHeadMeta on the 404 page', () => {
  const $ = head({ title: 'Page not found', description: 'There is no page at this address.', path: '/404.html', kind: 'not-found' });

  it('names no canonical URL', () => {
    assert.equal($('link[rel="canonical"]').length, 0);
    assert.equal($('meta[property="og:url"]').length, 0);
  });
});

describe('renderHeadMeta on a list page', () => {
  const $ = head({ title: list.data.title, description: list.data.description, path: listPath(list), kind: 'list', list });

  it('links the list feed too', () => {
    const feeds = $('link[rel="alternate"][type="application/atom+xml"]')
      .map((_, element) => $(element).attr('href'))
      .get();
    assert.deepEqual(feeds, ['https://lists.example.org/reading/feed.xml', 'https://lists.example.org/reading/deep-learning/feed.xml']);
  });
});

describe('renderHeadMeta on an arXiv entry page', () => {
  const $ = head(entryMeta('Deep Learning using Rectified Linear Units (ReLU)'));

  it('writes the citation tags the data supports', () => {
    assert.deepEqual(metaContent($, 'name', 'citation_title'), ['Deep Learning using Rectified Linear Units (ReLU)']);
    assert.deepEqual(metaContent($, 'name', 'citation_arxiv_id'), ['1803.08375']);
    assert.deepEqual(metaContent($, 'name', 'citation_pdf_url'), ['https://arxiv.org/pdf/1803.08375']);
    assert.deepEqual(metaContent($, 'name', 'citation_abstract_html_url'), ['https://arxiv.org/abs/1803.08375']);
    assert.deepEqual(metaContent($, 'name', 'citation_publication_date'), ['2018']);
    assert.deepEqual(metaContent($, 'name', 'citation_keywords'), ['ReLU; activation']);
    assert.equal($('meta[name="citation_author"]').length, 0);
  });

  it('marks the page an article', () => {
    assert.deepEqual(metaContent($, 'property', 'og:type'), ['article']);
  });

  it('describes a ScholarlyArticle in JSON-LD', () => {
    const article = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    assert.equal(article['@context'], 'https://schema.org');
    assert.equal(article['@type'], 'ScholarlyArticle');
    assert.equal(article.name, 'Deep Learning using Rectified Linear Units (ReLU)');
    assert.equal(article.url, 'https://arxiv.org/abs/1803.08375');
    assert.equal(article.mainEntityOfPage, 'https://lists.example.org/reading/deep-learning/deep-learning-using-rectified-linear-units-relu/');
    assert.deepEqual(article.identifier, { '@type': 'PropertyValue', propertyID: 'arXiv', value: '1803.08375' });
    assert.equal(article.datePublished, '2018-03');
    assert.deepEqual(article.keywords, ['ReLU', 'activation']);
  });
});

describe('renderHeadMeta on an entry without arXiv', () => {
  const $ = head(entryMeta('Rectified linear units improve restricted boltzmann machines'));

  it('takes the PDF from the paper link', () => {
    assert.deepEqual(metaContent($, 'name', 'citation_pdf_url'), ['http://machinelearning.wustl.edu/mlpapers/paper_files/icml2010_NairH10.pdf']);
    assert.equal($('meta[name="citation_arxiv_id"]').length, 0);
    assert.equal($('meta[name="citation_publication_date"]').length, 0);
  });
});

describe('renderHeadMeta on a blog entry', () => {
  // The shipped entry "Dropout with Theano": a blog post with a notebook, no arXiv id, no paper.
  const meta = entryMetaWith('SNIPER: Efficient Multi-Scale Training', {
    title: 'Dropout with Theano',
    added: '2016-10-14',
    links: [
      { kind: 'blog', url: 'http://rishy.github.io/ml/2016/10/12/dropout-with-theano/' },
      { kind: 'ipn', url: 'http://nbviewer.jupyter.org/github/rishy/rishy.github.io/blob/master/ipy_notebooks/Dropout-Theano.ipynb' },
    ],
  });
  const $ = head(meta);

  it('writes no citation tags', () => {
    assert.equal($('meta[name^="citation_"]').length, 0);
  });

  it('describes a BlogPosting at its own URL', () => {
    const work = jsonLd($);
    assert.equal(work['@type'], 'BlogPosting');
    assert.equal(work.name, 'Dropout with Theano');
    assert.equal(work.url, 'http://rishy.github.io/ml/2016/10/12/dropout-with-theano/');
    assert.equal(work.mainEntityOfPage, `https://lists.example.org/reading${meta.path}`);
    assert.equal(work.identifier, undefined);
    assert.equal(work.datePublished, undefined);
  });
});

describe('renderHeadMeta on a code entry', () => {
  const $ = head(
    entryMetaWith('SNIPER: Efficient Multi-Scale Training', {
      title: 'Caffe',
      links: [
        { kind: 'github', url: 'https://github.com/BVLC/caffe' },
        { kind: 'gist', url: 'https://gist.github.com/example/1' },
      ],
    }),
  );

  it('writes no citation tags', () => {
    assert.equal($('meta[name^="citation_"]').length, 0);
  });

  it('describes SoftwareSourceCode at its repository', () => {
    const work = jsonLd($);
    assert.equal(work['@type'], 'SoftwareSourceCode');
    assert.equal(work.url, 'https://github.com/BVLC/caffe');
    assert.equal(work.codeRepository, 'https://github.com/BVLC/caffe');
  });
});

describe('renderHeadMeta on other work', () => {
  it('describes a CreativeWork at its first link', () => {
    const $ = head(
      entryMetaWith('SNIPER: Efficient Multi-Scale Training', {
        title: 'A talk with its code',
        links: [
          { kind: 'video', url: 'https://example.com/talk' },
          { kind: 'github', url: 'https://github.com/example/talk' },
        ],
      }),
    );
    assert.equal($('meta[name^="citation_"]').length, 0);
    assert.equal(jsonLd($)['@type'], 'CreativeWork');
    assert.equal(jsonLd($).url, 'https://example.com/talk');
  });

  it('leaves out url without links', () => {
    const meta = entryMeta('A work without links or date');
    const work = jsonLd(head(meta));
    assert.equal(work['@type'], 'CreativeWork');
    assert.equal(work.url, undefined);
    assert.equal(work.mainEntityOfPage, `https://lists.example.org/reading${meta.path}`);
  });
});

describe('renderHeadMeta on a paper without arXiv', () => {
  const $ = head(entryMeta('Rectified linear units improve restricted boltzmann machines'));

  it('writes citation tags', () => {
    assert.deepEqual(metaContent($, 'name', 'citation_title'), ['Rectified linear units improve restricted boltzmann machines']);
  });

  it('describes a ScholarlyArticle at the paper', () => {
    const work = jsonLd($);
    assert.equal(work['@type'], 'ScholarlyArticle');
    assert.equal(work.url, 'http://machinelearning.wustl.edu/mlpapers/paper_files/icml2010_NairH10.pdf');
  });
});

describe('renderHeadMeta with a hostile title', () => {
  const markup = String(renderHeadMeta(entryMeta(HOSTILE_TITLE), settings));
  const $ = load(`<head>${markup}</head>`);

  it('keeps one script element', () => {
    assert.equal($('script').length, 1);
    assert.equal(markup.match(/<\/script>/g)?.length, 1);
  });

  it('keeps the title intact in every tag', () => {
    assert.deepEqual(metaContent($, 'property', 'og:title'), [HOSTILE_TITLE]);
    const article = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    assert.equal(article.name, HOSTILE_TITLE);
  });

  it('writes no raw angle bracket or quote in attributes', () => {
    for (const tag of markup.match(/<(?:meta|link) [^>]*>/g) ?? []) {
      const values = [...tag.matchAll(/="([^"]*)"/g)].map((match) => match[1] ?? '');
      for (const value of values) assert.doesNotMatch(value, /[<>"]/, tag);
    }
  });
});

describe('jsonForScript', () => {
  it('escapes what could end the script', () => {
    assert.equal(jsonForScript({ a: '</script><!-- & \u2028' }), '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  });
});
