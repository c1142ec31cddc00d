import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { atomEntryId, recentlyAddedAcrossLists, renderListFeed, renderSiteFeed } from '../../src/outputs/atomFeed.ts';
import { fixtureCatalog, HOSTILE_TITLE, settings } from '../fixtures/outputs/catalog.ts';

describe('renderSiteFeed', () => {
  const catalog = fixtureCatalog();
  const xml = renderSiteFeed(catalog, settings);
  const feed = parseFeed(xml);

  it('writes well-formed Atom 1.0', () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.deepEqual(feed.meta, { type: 'atom', version: '1.0' });
  });

  it('names the site, its home page and itself', () => {
    assert.equal(feed.title, settings.title);
    assert.equal(feed.description, settings.description);
    assert.equal(feed.url, 'https://lists.example.org/reading/');
    assert.equal(feed.self, 'https://lists.example.org/reading/feed.xml');
    assert.equal(feed.language, 'en');
  });

  it('carries every dated entry, newest first', () => {
    const titles = feed.items.map((item) => item.title);
    assert.deepEqual(titles, [
      'Adam: A Method for Stochastic Optimization',
      'SNIPER: Efficient Multi-Scale Training',
      HOSTILE_TITLE,
      'Deep Learning using Rectified Linear Units (ReLU)',
      'Old-style arXiv paper',
      'Rectified linear units improve restricted boltzmann machines',
    ]);
  });

  it('dates the feed by its newest entry', () => {
    assert.equal(feed.updated?.toISOString(), '2019-05-01T00:00:00.000Z');
  });

  it('falls back to the given time without dated entries', () => {
    const empty = { ...catalog, lists: catalog.lists.map((list) => ({ ...list, recentlyAdded: [] })) };
    const parsed = parseFeed(renderSiteFeed(empty, settings, { now: new Date('2024-01-02T03:04:05Z') }));
    assert.equal(parsed.items.length, 0);
    assert.equal(parsed.updated?.toISOString(), '2024-01-02T03:04:05.000Z');
  });

  it('keeps at most the limit', () => {
    const parsed = parseFeed(renderSiteFeed(catalog, settings, { limit: 2 }));
    assert.equal(parsed.items.length, 2);
    assert.equal(parsed.items[0]?.title, 'Adam: A Method for Stochastic Optimization');
  });
});

describe('feed entries', () => {
  const catalog = fixtureCatalog();
  const feed = parseFeed(renderSiteFeed(catalog, settings));
  const relu = feed.items.find((item) => item.title === 'Deep Learning using Rectified Linear Units (ReLU)');

  it('link to the entry page under the path prefix', () => {
    assert.equal(relu?.url, 'https://lists.example.org/reading/deep-learning/deep-learning-using-rectified-linear-units-relu/');
  });

  it('have tag URIs as ids', () => {
    assert.equal(relu?.id, 'tag:lists.example.org,2018-03-26:deep-learning/deep-learning-using-rectified-linear-units-relu');
  });

  it('keep their id when the path prefix changes', () => {
    const moved = parseFeed(renderSiteFeed(catalog, { ...settings, pathPrefix: '/' }));
    assert.deepEqual(
      moved.items.map((item) => item.id),
      feed.items.map((item) => item.id),
    );
  });

  it('summarise with the intro lines', () => {
    assert.equal(relu?.description, 'Adamson University');
  });

  it('take categories from section and keywords', () => {
    assert.deepEqual(
      relu?.categories.map((category) => category.term),
      ['activation-functions/relu', 'ReLU', 'activation'],
    );
    assert.equal(relu?.categories[0]?.label, 'Activation functions › ReLU');
  });

  it('are dated by their added date', () => {
    assert.equal(relu?.published?.toISOString(), '2018-03-26T00:00:00.000Z');
    assert.equal(relu?.updated?.toISOString(), '2018-03-26T00:00:00.000Z');
  });

  it('keep hostile text as text', () => {
    const hostile = feed.items.find((item) => item.id?.endsWith(':deep-learning/hostile'));
    assert.equal(hostile?.title, HOSTILE_TITLE);
    assert.equal(hostile?.description, '</script> & "intro" · second line');
    assert.ok(hostile?.categories.some((category) => category.term === 'a<b & "c"'));
  });

  it('drop characters XML forbids', () => {
    const noisy = fixtureCatalog();
    const entry = noisy.lists[1]?.recentlyAdded[0];
    assert.ok(entry);
    entry.data = { ...entry.data, title: 'Bell\u0007 and \uFFFF end' };
    const xml = renderSiteFeed(noisy, settings);
    assert.equal(XMLValidator.validate(xml), true);
    assert.equal(parseFeed(xml).items[0]?.title, 'Bell and  end');
  });
});

describe('renderListFeed', () => {
  const catalog = fixtureCatalog();
  const list = catalog.lists[0];
  assert.ok(list);
  const feed = parseFeed(renderListFeed(list, settings));

  it('carries only the list\'s dated entries, newest first', () => {
    assert.deepEqual(
      feed.items.map((item) => item.url),
      list.recentlyAdded.map((entry) => `https://lists.example.org/reading/deep-learning/${entry.slug}/`),
    );
    assert.equal(feed.items.length, 5);
  });

  it('names the list, its page and itself', () => {
    assert.equal(feed.title, 'Deep learning');
    assert.equal(feed.url, 'https://lists.example.org/reading/deep-learning/');
    assert.equal(feed.self, 'https://lists.example.org/reading/deep-learning/feed.xml');
    assert.equal(feed.copyright, 'Copyright (c) 2019 someone, MIT licence');
  });
});

describe('recentlyAddedAcrossLists', () => {
  it('orders by date across lists', () => {
    const dates = recentlyAddedAcrossLists(fixtureCatalog(), 50).map((entry) => entry.data.added);
    assert.deepEqual(dates, ['2019-05-01', '2018-06-04', '2018-06-04', '2018-03-26', '2017-01-02', '2016-02-29']);
  });
});

describe('atomEntryId', () => {
  it('rejects an undated entry', () => {
    const undated = fixtureCatalog().entries.find((entry) => entry.data.added === undefined);
    assert.ok(undated);
    assert.throws(() => atomEntryId(undated, settings), /has no feed id/);
  });
});
