import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import { assembleCatalog, type ValidEntry, type ValidList } from '../../src/catalog/assembleCatalog.ts';
import type { Catalog, CatalogList } from '../../src/catalog/types.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('assembleCatalog', () => {
  let catalog: Catalog;
  let list: CatalogList;

  before(async () => {
    const result = await loadCatalog(ROOT, { contentDir: 'tests/fixtures/content/valid' });
    assert.deepEqual(result.problems, []);
    assert.ok(result.catalog);
    catalog = result.catalog;
    list = catalog.lists.find((candidate) => candidate.id === 'training-basics')!;
  });

  it('orders lists by title', () => {
    assert.deepEqual(catalog.lists.map((candidate) => candidate.data.title), ['Optimization Notes', 'Training Basics']);
  });

  it('keeps list file and body', () => {
    assert.equal(list.file, 'tests/fixtures/content/valid/training-basics/_list.md');
    assert.equal(list.body, 'Notes on training deep neural networks, gathered from papers and blog posts.');
    assert.equal(list.data.source?.licence, 'MIT');
  });

  it('builds sections in document order', () => {
    assert.deepEqual([...list.sectionsByPath.keys()], [
      'normalization',
      'normalization/batch-normalization',
      'normalization/layer-normalization',
      'activation-functions',
      'activation-functions/relu',
      'tricks',
    ]);
    assert.deepEqual(list.sections.map((section) => section.id), ['normalization', 'activation-functions', 'tricks']);
  });

  it('links sections to parents and trails', () => {
    const relu = list.sectionsByPath.get('activation-functions/relu')!;
    assert.equal(relu.depth, 2);
    assert.equal(relu.parent?.path, 'activation-functions');
    assert.deepEqual(relu.trail.map((section) => section.title), ['Activation Functions', 'ReLU']);
    assert.equal(relu.listId, 'training-basics');
    assert.equal(list.sectionsByPath.get('normalization')!.description, 'Layers that keep activations in range.');
    assert.equal(list.sectionsByPath.get('tricks')!.parent, undefined);
  });

  it('places entries by category and also', () => {
    const entries = (path: string) => list.sectionsByPath.get(path)!.entries.map((entry) => entry.slug);
    assert.deepEqual(entries('normalization/batch-normalization'), ['batch-normalization']);
    assert.deepEqual(entries('tricks'), ['batch-normalization', 'gradient-noise']);
    assert.deepEqual(entries('normalization'), []);
    const batch = catalog.entries.find((entry) => entry.slug === 'batch-normalization')!;
    assert.equal(batch.section.path, 'normalization/batch-normalization');
    assert.deepEqual(batch.alsoIn.map((section) => section.path), ['tricks']);
  });

  it('orders entries without order by added then title', () => {
    const relu = list.sectionsByPath.get('activation-functions/relu')!;
    assert.deepEqual(relu.entries.map((entry) => entry.slug), ['delving-deep-into-rectifiers', 'rectified-linear-units']);
  });

  it('counts distinct entries below sections', () => {
    const totals = Object.fromEntries([...list.sectionsByPath].map(([path, section]) => [path, section.totalEntries]));
    assert.deepEqual(totals, {
      normalization: 2,
      'normalization/batch-normalization': 1,
      'normalization/layer-normalization': 1,
      'activation-functions': 2,
      'activation-functions/relu': 2,
      tricks: 2,
    });
  });

  it('lists entries in document order', () => {
    assert.deepEqual(list.entries.map((entry) => entry.slug), [
      'batch-normalization',
      'layer-normalization',
      'delving-deep-into-rectifiers',
      'rectified-linear-units',
      'gradient-noise',
    ]);
    assert.deepEqual(catalog.entries.map((entry) => entry.slug), ['adam', ...list.entries.map((entry) => entry.slug)]);
  });

  it('lists recently added newest first', () => {
    assert.deepEqual(list.recentlyAdded.map((entry) => `${entry.data.added} ${entry.slug}`), [
      '2016-07-21 layer-normalization',
      '2016-03-01 delving-deep-into-rectifiers',
      '2016-03-01 rectified-linear-units',
      '2016-02-29 batch-normalization',
    ]);
  });

  it('groups keywords case-insensitively', () => {
    assert.deepEqual(catalog.keywords.map((keyword) => [keyword.slug, keyword.term, keyword.entries.map((entry) => entry.slug)]), [
      ['batch-normalization', 'Batch Normalization', ['batch-normalization', 'layer-normalization', 'delving-deep-into-rectifiers']],
      ['internal-covariate-shift', 'internal covariate shift', ['batch-normalization']],
      ['optimizer', 'optimizer', ['adam']],
      ['prelu', 'PReLU', ['delving-deep-into-rectifiers']],
      ['recurrent-networks', 'recurrent networks', ['layer-normalization']],
    ]);
    const layer = catalog.entries.find((entry) => entry.slug === 'layer-normalization')!;
    assert.deepEqual(layer.keywords.map((keyword) => keyword.slug), ['batch-normalization', 'recurrent-networks']);
  });

  it('keeps entry data and body', () => {
    const batch = catalog.entries.find((entry) => entry.slug === 'batch-normalization')!;
    assert.equal(batch.file, 'tests/fixtures/content/valid/training-basics/batch-normalization.md');
    assert.equal(batch.body, "Normalises each mini-batch of a layer's inputs.");
    assert.deepEqual(batch.data.intro, ['ICML 2015']);
    assert.equal(batch.listId, 'training-basics');
  });
});

describe('assembleCatalog ordering', () => {
  const lists: ValidList[] = [
    { id: 'l', file: 'content/l/_list.md', body: '', data: { title: 'L', description: 'L', sections: [{ id: 'a', title: 'A', sections: [{ id: 'b', title: 'B' }, { id: 'c', title: 'C' }] }] } },
  ];
  const entry = (slug: string, data: Partial<ValidEntry['data']>): ValidEntry => ({
    listId: 'l',
    slug,
    file: `content/l/${slug}.md`,
    body: '',
    data: { title: slug, category: 'a', ...data },
  });

  it('puts ordered entries first', () => {
    const catalog = assembleCatalog(lists, [
      entry('undated', {}),
      entry('second', { order: 2 }),
      entry('late', { added: '2020-01-01' }),
      entry('first', { order: 1 }),
      entry('early', { added: '2019-01-01' }),
      entry('also-zero', { category: 'a/b', also: [{ category: 'a', order: 0 }] }),
    ]);
    const section = catalog.lists[0]!.sectionsByPath.get('a')!;
    assert.deepEqual(section.entries.map((item) => item.slug), ['also-zero', 'first', 'second', 'early', 'late', 'undated']);
  });

  it('counts an entry once per branch', () => {
    const catalog = assembleCatalog(lists, [entry('twice', { category: 'a/b', also: [{ category: 'a/c' }] }), entry('once', { category: 'a/c' })]);
    const sections = catalog.lists[0]!.sectionsByPath;
    assert.equal(sections.get('a')!.totalEntries, 2);
    assert.equal(sections.get('a/c')!.totalEntries, 2);
    assert.deepEqual(catalog.lists[0]!.entries.map((item) => item.slug), ['twice', 'once']);
  });

  it('makes keyword slugs unique', () => {
    const catalog = assembleCatalog(lists, [entry('x', { keywords: ['C++', 'C', 'c#', 'C#'] }), entry('y', { keywords: ['c#'] })]);
    assert.deepEqual(catalog.keywords.map((keyword) => [keyword.term, keyword.slug, keyword.entries.length]), [
      ['C', 'c', 1],
      ['c#', 'c-2', 2],
      ['C++', 'c-3', 1],
    ]);
  });

  it('throws on an unknown section', () => {
    assert.throws(() => assembleCatalog(lists, [entry('lost', { category: 'z' })]), /content\/l\/lost\.md: the section "z" is not in the list "l"/);
  });
});
