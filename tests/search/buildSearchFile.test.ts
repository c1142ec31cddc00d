import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { buildSearchFile, buildSearchShards, searchDocument, SNIPPET_MAX_LENGTH } from '../../src/search/buildSearchFile.ts';
import { SCORE_DIGITS } from '../../src/search/compactIndex.ts';
import { SEARCH_FIELD_NAMES } from '../../src/search/searchFields.ts';
import { entryPosition, entryRef, type SearchFile } from '../../src/search/searchStore.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

let catalog: Catalog;
let file: SearchFile;

type Posting = Record<string, Record<string, { position?: [number, number][] }>>;

before(async () => {
  catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'tests/fixtures/search/content' });
  file = buildSearchFile(catalog);
});

describe('buildSearchFile', () => {
  it('stores one entry per catalog entry', () => {
    assert.equal(file.store.entries.length, catalog.entries.length);
    assert.deepEqual(file.store.lists, [['search-cases', 'Search cases']]);
  });

  it('stores title, slug, section and snippet', () => {
    const position = catalog.entries.findIndex((entry) => entry.slug === 'deep-residual-learning');
    const [title, slug, section, snippet] = file.store.entries[position] ?? [];
    assert.equal(title, 'Deep Residual Learning for Image Recognition');
    assert.equal(slug, 'deep-residual-learning');
    assert.equal(file.store.sections[section ?? -1]?.[1], 'other');
    assert.equal(snippet, 'CVPR 2016 · Trains ResNet-50 and deeper residual networks on ImageNet');
  });

  it('takes the snippet from notes without an intro or keywords', () => {
    const position = catalog.entries.findIndex((entry) => entry.slug === 'notes-only');
    const snippet = file.store.entries[position]?.[3] ?? '';
    assert.ok(snippet.startsWith('Gradient clipping keeps exploding gradients in check'));
    assert.ok(snippet.length <= SNIPPET_MAX_LENGTH);
  });

  it('uses base-36 refs', () => {
    assert.equal(entryRef(35), 'z');
    assert.equal(entryPosition('z'), 35);
  });

  it('indexes every field', () => {
    assert.deepEqual((file.index as { fields: string[] }).fields, [...SEARCH_FIELD_NAMES]);
  });

  it('keeps positions only for titles and snippets', () => {
    const inverted = (file.index as { invertedIndex: [string, Posting][] }).invertedIndex;
    const fieldsWithPositions = new Set<string>();
    for (const [, posting] of inverted) {
      for (const [field, byRef] of Object.entries(posting)) {
        if (field === '_index') continue;
        assert.ok(Object.keys(byRef).length > 0, `empty posting kept for ${field}`);
        if (Object.values(byRef).some((metadata) => metadata.position !== undefined)) fieldsWithPositions.add(field);
      }
    }
    assert.deepEqual([...fieldsWithPositions].sort(), ['intro', 'keywords', 'notes', 'title']);
  });
});

describe('searchDocument', () => {
  it('collects every field of an entry', () => {
    const entry = catalog.entries.find((candidate) => candidate.slug === 'batch-normalization');
    assert.ok(entry);
    const document = searchDocument(entry, '0');
    assert.equal(document.arxiv, '1502.03167');
    assert.equal(document.keywords, 'BN, internal covariate shift');
    assert.equal(document.section, 'Normalization');
  });

  it('reads notes as plain text', () => {
    const entry = catalog.entries.find((candidate) => candidate.slug === 'notes-only');
    assert.ok(entry);
    const notes = searchDocument(entry, '0').notes;
    assert.ok(!notes.includes('**'));
    assert.ok(notes.includes('stabilises early training'));
  });
});

describe('buildSearchShards', () => {
  it('splits a list at maxEntries', () => {
    const built = buildSearchShards(catalog, 3);
    const counts = built.manifest.shards.map((shard) => shard.entries);
    assert.equal(counts.reduce((sum, count) => sum + count, 0), catalog.entries.length);
    assert.ok(counts.every((count) => count <= 3));
    assert.equal(built.shards.length, Math.ceil(catalog.entries.length / 3));
  });

  it('numbers entries as buildSearchFile does', () => {
    const built = buildSearchShards(catalog, 3);
    const entries = built.shards.flatMap((shard) => shard.entries);
    assert.deepEqual(entries, file.store.entries);
    assert.deepEqual(built.shards.map((shard) => shard.start), built.shards.map((_, number) => number * 3));
    assert.deepEqual(built.manifest.sections, file.store.sections);
  });

  it('keeps one shard per list by default', () => {
    const built = buildSearchShards(catalog);
    assert.equal(built.shards.length, 1);
    assert.deepEqual(built.manifest.shards, [{ list: 0, entries: catalog.entries.length }]);
  });
});

describe('compactIndex', () => {
  it('rounds field-vector scores', () => {
    const vectors = (file.index as { fieldVectors: [string, number[]][] }).fieldVectors;
    const scores = vectors.flatMap(([, vector]) => vector.filter((_, position) => position % 2 === 1));
    assert.ok(scores.length > 0);
    for (const score of scores) assert.equal(score, Number(score.toPrecision(SCORE_DIGITS)), `score ${score}`);
  });

  it('drops empty field vectors', () => {
    const vectors = (file.index as { fieldVectors: [string, number[]][] }).fieldVectors;
    assert.ok(vectors.every(([, vector]) => vector.length > 0));
  });
});
