// buildCompactIndex against lunr itself: lunr.Builder, `toJSON()` and compactIndex, the path the
// index was built by before, are the oracle that the one-pass builder must reproduce.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateContent, writeContent } from '../../bench/generate.ts';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { buildShard, buildShardJson, prepareSearchShards, type PreparedShard, type ShardIndexer } from '../../src/search/buildSearchFile.ts';
import { compactIndex, expandIndex } from '../../src/search/compactIndex.ts';
import { buildCompactIndex, buildCompactIndexJson } from '../../src/search/indexBuilder.ts';
import { configureBuilder, lunr } from '../../src/search/lunrPipeline.ts';
import { SEARCH_FIELDS, type SearchField } from '../../src/search/searchFields.ts';
import { addSearchShard, loadSearchManifest, runSearch, type LoadedSearch } from '../../src/search/searchQuery.ts';
import type { SearchManifest, SearchShard } from '../../src/search/searchStore.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';
import { QUALITY_QUERIES } from './qualityQueries.ts';

/** Builds the index with lunr and shrinks it with compactIndex, keeping the same match positions. */
const lunrIndexer: ShardIndexer = (documents, fields, keepBelow) => {
  const index = lunr(function () {
    configureBuilder(this);
    this.ref('ref');
    for (const field of fields) this.field(field.name, { boost: field.boost });
    for (const document of documents) this.add(document);
  });
  return compactIndex(index.toJSON(), (field, ref, start) => start < keepBelow(field, ref));
};

/** Queries beyond the quality set: syntax, prefixes, fields, a misspelling, a word no entry has. */
const EXTRA_QUERIES = ['dropout', 'normaliz', 'title:residual', '+batch -norm', 'learnin~1', 'C++', 't-SNE', '1502.03167', 'zzzqx'];

function prepare(catalog: Catalog, maxEntries?: number): { manifest: SearchManifest; shards: PreparedShard[] } {
  const shards: PreparedShard[] = [];
  const manifest = prepareSearchShards(catalog, (prepared) => shards.push(prepared), maxEntries);
  return { manifest: { ...manifest, shards: manifest.shards.map((shard, number) => ({ ...shard, file: `${number}` })) }, shards };
}

function load(manifest: SearchManifest, shards: readonly SearchShard[]): LoadedSearch {
  const search = loadSearchManifest(structuredClone(manifest));
  for (const shard of shards) addSearchShard(search, JSON.parse(JSON.stringify(shard)) as SearchShard);
  return search;
}

/** Builds every shard of `catalog` both ways and asserts the same JSON and the same query results. */
function assertSameAsLunr(catalog: Catalog, maxEntries?: number): void {
  const { manifest, shards } = prepare(catalog, maxEntries);
  assert.ok(shards.length > 0);
  const built = shards.map((prepared) => buildShard(prepared, SEARCH_FIELDS));
  const oracle = shards.map((prepared) => buildShard(prepared, SEARCH_FIELDS, lunrIndexer));

  shards.forEach((prepared, number) => {
    assert.equal(buildShardJson(prepared, SEARCH_FIELDS), JSON.stringify(oracle[number]), `shard ${number} differs from lunr's`);
  });

  const search = load(manifest, built);
  const lunrSearch = load(manifest, oracle);
  for (const query of [...QUALITY_QUERIES.map((quality) => quality.query), ...EXTRA_QUERIES]) {
    assert.deepEqual(runSearch(search, query), runSearch(lunrSearch, query), `query "${query}"`);
  }
}

describe('buildCompactIndex', () => {
  let generated: string;

  before(async () => {
    generated = await mkdtemp(path.join(tmpdir(), 'index-builder-'));
    await writeContent(generateContent({ entries: 1000 }), path.join(generated, 'content'));
  });

  after(async () => {
    await rm(generated, { recursive: true, force: true });
  });

  it('matches lunr on the shipped content', async () => {
    assertSameAsLunr(await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'content' }));
  });

  it('matches lunr on the search fixtures', async () => {
    const catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'tests/fixtures/search/content' });
    assertSameAsLunr(catalog);
    assertSameAsLunr(catalog, 3);
  });

  it('matches lunr on 1,000 generated entries', async () => {
    assertSameAsLunr(await loadCatalogOrThrow(generated, { contentDir: 'content' }));
  });

  it('matches lunr on edge cases', () => {
    // A boost of 0 counts as 1 in lunr.
    const fields: SearchField[] = [
      { name: 'title', boost: 10 },
      { name: 'notes', boost: 0 },
    ];
    const documents = [
      // Repeated words, words the stemmer changes, a term in two fields, an empty field, CJK and marks.
      { ref: '0', title: 'Training training trains 训练', notes: 'trains' },
      { ref: '1', title: '', notes: 'Réseau ́ constructor __proto__ hasOwnProperty 10 010' },
      { ref: 'a', title: 'constructor 10', notes: '' },
      { ref: '10', title: 'Don’t C++ C# l2 1502.03167v2', notes: 'cs/0112017 t-SNE ResNet-50' },
    ];
    const keepBelow = (field: string, ref: string) => {
      if (field === 'title') return Infinity;
      if (ref === '1') return 8;
      return 0;
    };
    assert.equal(buildCompactIndexJson(documents, fields, keepBelow), JSON.stringify(lunrIndexer(documents, fields, keepBelow)));
  });

  it('builds an index that lunr loads', () => {
    const documents = [{ ref: '0', title: 'Batch normalization', notes: 'accelerates training' }];
    const fields: SearchField[] = [
      { name: 'title', boost: 10 },
      { name: 'notes', boost: 1 },
    ];
    const index = lunr.Index.load(expandIndex(buildCompactIndex(documents, fields, () => Infinity)));
    assert.deepEqual(
      index.search('normalization').map((result) => result.ref),
      ['0'],
    );
  });
});
