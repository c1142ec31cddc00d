import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import { buildSearchFile } from '../../src/search/buildSearchFile.ts';
import { buildSearchShards } from '../../src/search/buildSearchFile.ts';
import {
  addSearchShard,
  entryInSection,
  loadSearchFile,
  loadSearchManifest,
  MAX_QUERY_LENGTH,
  mergeMarks,
  runSearch,
  type LoadedSearch,
} from '../../src/search/searchQuery.ts';
import type { SearchFile, SearchManifest, SearchShard } from '../../src/search/searchStore.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

const FIXTURE = 'tests/fixtures/search/content';
let search: LoadedSearch;
/** The same entries in shards of four, every shard loaded. */
let sharded: LoadedSearch;
/** Only the first shard of `sharded` loaded. */
let firstShardOnly: LoadedSearch;
/** The manifest and shards of `sharded`, as JSON text. */
let shardTexts: { manifest: string; shards: string[] };

/** Titles of the hits for `query`, best first. */
function titles(query: string): string[] {
  return runSearch(search, query).hits.map((hit) => search.store.entries[hit.entry]?.[0] ?? '');
}

function top(query: string): string | undefined {
  return titles(query)[0];
}

before(async () => {
  const catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: FIXTURE });
  // Through JSON, as the browser receives it.
  search = loadSearchFile(JSON.parse(JSON.stringify(buildSearchFile(catalog))) as SearchFile);
  const built = buildSearchShards(catalog, 4);
  shardTexts = { manifest: JSON.stringify(built.manifest), shards: built.shards.map((shard) => JSON.stringify(shard)) };
  sharded = loadSearchManifest(JSON.parse(JSON.stringify(built.manifest)) as SearchManifest);
  for (const shard of built.shards) addSearchShard(sharded, JSON.parse(JSON.stringify(shard)) as SearchShard);
  firstShardOnly = loadSearchManifest(JSON.parse(JSON.stringify(built.manifest)) as SearchManifest);
  addSearchShard(firstShardOnly, JSON.parse(JSON.stringify(built.shards[0])) as SearchShard);
});

describe('runSearch tokenising', () => {
  const cases: [string, string][] = [
    ['1502.03167', 'Batch Normalization'],
    ['1502.03167v2', 'Batch Normalization'],
    ['1512.03385', 'Deep Residual Learning'],
    ['arxiv.org/abs/1412.6980v9', 'Adam:'],
    ['https://arxiv.org/abs/1502.03167', 'Batch Normalization'],
    ['cs/0112017', 'Support vector machines'],
    ['t-SNE', 'Visualizing Data using t-SNE'],
    ['tsne', 'Visualizing Data using t-SNE'],
    ['t sne', 'Visualizing Data using t-SNE'],
    ['ResNet-50', 'Deep Residual Learning'],
    ['resnet50', 'Deep Residual Learning'],
    ['Leaky ReLU', 'Rectifier Nonlinearities'],
    ['LReLU', 'Rectifier Nonlinearities'],
    ["Don't decay", 'Don’t Decay'],
    ['Don’t', 'Don’t Decay'],
    ['dont', 'Don’t Decay'],
    ['C++', 'A C++ Library'],
    ['Réseaux', 'Réseaux de neurones'],
    ['reseaux', 'Réseaux de neurones'],
    ['BN', 'Batch Normalization'],
    ['L2', 'A New Angle on L2'],
    ['all you need is a good init', 'All you need is a good init'],
    ['学习', '深度学习的训练方法'],
    ['caffe', 'A C++ Library'],
    ['exploding gradients', 'Tricks of the trade'],
    ['warm-up', 'Tricks of the trade'],
  ];

  for (const [query, expected] of cases) {
    it(`finds ${JSON.stringify(query)}`, () => {
      assert.ok(top(query)?.startsWith(expected), `top hit for ${query}: ${top(query)}`);
    });
  }
});

describe('runSearch typing', () => {
  it('keeps results while a word is typed', () => {
    const word = 'normalization';
    for (let length = 4; length <= word.length; length += 1) {
      const prefix = word.slice(0, length);
      assert.ok(titles(`batch ${prefix}`).some((title) => title.startsWith('Batch Normalization')), `no result for "batch ${prefix}"`);
    }
  });

  it('finds misspellings', () => {
    assert.ok(top('adma')?.startsWith('Adam'));
    assert.ok(top('dropuot')?.startsWith('Dropout'));
    assert.equal(runSearch(search, 'adma').mode, 'fuzzy');
  });

  it('ranks a paper named by the query first', () => {
    assert.ok(top('dropout')?.startsWith('Dropout: A Simple Way'));
    assert.ok(top('adam')?.startsWith('Adam:'));
  });

  it('returns one hit per entry', () => {
    const hits = runSearch(search, 'dropout dropout regularization').hits.map((hit) => hit.entry);
    assert.equal(new Set(hits).size, hits.length);
  });
});

describe('runSearch syntax', () => {
  it('searches one field', () => {
    const outcome = runSearch(search, 'title:adam');
    assert.equal(outcome.mode, 'syntax');
    assert.deepEqual(outcome.hits.map((hit) => search.store.entries[hit.entry]?.[0]), ['Adam: A Method for Stochastic Optimization']);
  });

  it('requires and excludes terms', () => {
    const found = titles('+dropout -bayesian');
    assert.ok(found.some((title) => title.startsWith('Dropout: A Simple Way')));
    assert.ok(!found.some((title) => title.includes('Bayesian')));
  });

  it('accepts term boosts', () => {
    const outcome = runSearch(search, 'dropout^10 bayesian');
    assert.equal(outcome.mode, 'syntax');
    assert.ok(outcome.hits.length >= 2);
  });

  it('accepts wildcards and edit distances', () => {
    assert.ok(top('regulari*')?.includes('Regularization'));
    assert.ok(top('dropuot~1')?.startsWith('Dropout'));
  });

  it('reads an unknown field as plain words', () => {
    assert.equal(runSearch(search, 'Adam: A Method').mode, 'plain');
    assert.ok(top('Adam: A Method')?.startsWith('Adam:'));
  });

  const hostile = ['title:', 'C++', '~', '^', '-', ':', '+', '*', '**', 'title:~', 'adam^', 'adam~', '-dropout', '"', '\\', '((', 'a:b:c', '^^^2', '~~~', 'x^-1', '<script>', '{{ x }}', '', 'constructor', 'constructor:x', '__proto__', 'toString'];
  for (const query of hostile) {
    it(`never throws on ${JSON.stringify(query)}`, () => {
      assert.doesNotThrow(() => runSearch(search, query));
    });
  }

  it('finds the hostile entry by its words', () => {
    assert.ok(top('script alert')?.startsWith('{{ x }}'));
  });
});

describe('runSearch bounded time', () => {
  const mixPieces = ['normalization', 'x', 'title:', 'dropuot~9', '+adam', '-', 'regulari*', '*e*e*e*e*', 'C++', '1502.03167', 'Réseaux', '^3', '学习', "don't", 't-SNE', ':', '~'];
  let mix = '';
  for (let i = 0; mix.length < 5000; i += 1) mix += `${mixPieces[(i * 7) % mixPieces.length] ?? ''}${i % 3 === 0 ? '' : ' '}`;

  const cases: [string, string][] = [
    ['2,000 x', 'x'.repeat(2000)],
    ['1,000 x with an edit distance', `${'x'.repeat(1000)}~2`],
    ['normalization x 20 as one word', 'normalization'.repeat(20)],
    ['normalization x 20 as words', Array.from({ length: 20 }, () => 'normalization').join(' ')],
    ['30 distinct unknown words', Array.from({ length: 30 }, (_, i) => `qwertyuiopasdfghjklzxcv${i}`).join(' ')],
    ['a 5,000-character mix', mix.slice(0, 5000)],
  ];

  for (const [name, query] of cases) {
    it(`returns quickly for ${name}`, () => {
      const started = performance.now();
      runSearch(search, query);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 500, `${name}: ${elapsed.toFixed(0)} ms`);
    });
  }

  it('reads only the first MAX_QUERY_LENGTH characters', () => {
    const padded = `dropout ${'x'.repeat(MAX_QUERY_LENGTH)} adam`;
    assert.ok(top(padded)?.startsWith('Dropout: A Simple Way'));
    assert.ok(!titles(padded).some((title) => title.startsWith('Adam')));
  });
});

describe('runSearch lone signs', () => {
  it('reads a lone - as plain text', () => {
    assert.deepEqual(titles('- dropout'), titles('dropout'));
    assert.equal(runSearch(search, '- dropout').mode, 'plain');
  });

  it('does not exclude the word after a lone -', () => {
    assert.ok(titles('dropout - bayesian').some((title) => title.startsWith('Dropout as a Bayesian')));
    assert.ok(titles('dropout + bayesian').some((title) => title.startsWith('Dropout as a Bayesian')));
  });

  it('still excludes with an attached -', () => {
    assert.ok(!titles('dropout -bayesian').some((title) => title.includes('Bayesian')));
  });
});

describe('runSearch syntax ranking', () => {
  for (const query of ['title:dropout', '+dropout -bayesian', 'dropout^10', '+dropout', 'dropo*']) {
    it(`puts the named paper first for ${JSON.stringify(query)}`, () => {
      assert.equal(runSearch(search, query).mode, 'syntax');
      assert.ok(top(query)?.startsWith('Dropout: A Simple Way'), `top hit: ${top(query)}`);
    });
  }

  it('ranks entries with more words first', () => {
    for (const query of ['+dropout bayesian', 'dropout^10 bayesian']) {
      const found = titles(query);
      assert.ok(found[0]?.startsWith('Dropout as a Bayesian'), `${query}: ${found.join(' | ')}`);
      assert.ok(found[1]?.startsWith('Dropout: A Simple Way'), `${query}: ${found.join(' | ')}`);
    }
  });
});

describe('runSearch fuzzy mode', () => {
  it('is plain for an exact arXiv id after a prefix', () => {
    const outcome = runSearch(search, 'arXiv:1502.03167');
    assert.equal(outcome.mode, 'plain');
    assert.equal(outcome.hits.length, 1);
    assert.ok(top('arXiv:1502.03167')?.startsWith('Batch Normalization'));
  });

  it('is plain when some words match exactly', () => {
    assert.equal(runSearch(search, 'cyclical learning rate').mode, 'plain');
    assert.equal(runSearch(search, 'adam dropuot').mode, 'plain');
  });

  it('is fuzzy when only near spellings match', () => {
    assert.equal(runSearch(search, 'dropuot').mode, 'fuzzy');
    assert.equal(runSearch(search, 'adma dropuot').mode, 'fuzzy');
  });
});

describe('runSearch highlights', () => {
  it('marks title words', () => {
    const hit = runSearch(search, 'batch normalization').hits[0];
    assert.deepEqual(hit?.titleMarks, [[0, 5], [6, 13]]);
  });

  it('marks snippet words', () => {
    const hit = runSearch(search, 'imagenet').hits[0];
    const stored = hit ? search.store.entries[hit.entry] : undefined;
    const [start, length] = hit?.snippetMarks[0] ?? [0, 0];
    assert.equal(stored?.[3].slice(start, start + length), 'ImageNet');
  });

  it('merges touching marks', () => {
    assert.deepEqual(mergeMarks([[5, 2], [0, 3], [3, 2]]), [[0, 7]]);
  });
});

describe('entryInSection', () => {
  it('includes subsections and further sections', () => {
    const hit = runSearch(search, 'bayesian approximation').hits[0];
    assert.ok(hit);
    const sectionNumber = (path: string) => search.store.sections.findIndex(([, sectionPath]) => sectionPath === path);
    assert.ok(entryInSection(search.store, hit.entry, sectionNumber('regularization')));
    assert.ok(entryInSection(search.store, hit.entry, sectionNumber('optimization')));
    assert.ok(!entryInSection(search.store, hit.entry, sectionNumber('normalization')));
  });
});

describe('runSearch over shards', () => {
  const queries = ['adam', 'batch normalization', 't-SNE', 'dropuot', 'title:adam', '+dropout -bayesian', '1502.03167', 'normaliz'];

  it('finds the entries of a single index', () => {
    for (const query of queries) {
      const single = new Set(runSearch(search, query).hits.map((hit) => hit.entry));
      const split = new Set(runSearch(sharded, query).hits.map((hit) => hit.entry));
      assert.deepEqual([...split].sort(), [...single].sort(), query);
    }
  });

  it('finds only loaded entries', () => {
    for (const query of queries) {
      for (const hit of runSearch(firstShardOnly, query).hits) {
        assert.ok(firstShardOnly.store.entries[hit.entry], `${query}: entry ${hit.entry} is not loaded`);
      }
    }
  });

  it('finds completions of shards added later', () => {
    // Each query runs after each shard arrives, so that completions found before a shard was added are not reused after.
    // The first shard has no word that starts like the last three queries.
    const typed = [...queries, 'dropo', 'stochas', 'visualiz'];
    const growing = loadSearchManifest(JSON.parse(shardTexts.manifest) as SearchManifest);
    for (const [count, shard] of shardTexts.shards.entries()) {
      addSearchShard(growing, JSON.parse(shard) as SearchShard);
      const fresh = loadSearchManifest(JSON.parse(shardTexts.manifest) as SearchManifest);
      for (const text of shardTexts.shards.slice(0, count + 1)) addSearchShard(fresh, JSON.parse(text) as SearchShard);

      for (const query of typed) {
        const expected = runSearch(fresh, query).hits.map((hit) => hit.entry);
        assert.deepEqual(runSearch(growing, query).hits.map((hit) => hit.entry), expected, `${query} after ${count + 1} shards`);
      }
    }
  });

  it('returns nothing before any shard', () => {
    const empty = loadSearchManifest({ version: 2, lists: [], sections: [], shards: [] });
    assert.deepEqual(runSearch(empty, 'adam').hits, []);
    assert.deepEqual(runSearch(empty, 'title:adam').hits, []);
  });
});

describe('runSearch compounds', () => {
  it('finds the same entries while the last part is typed', () => {
    assert.equal(top('t-SNE'), top('t-SNE '));
    assert.equal(top('t-S'), 'Visualizing Data using t-SNE');
  });
});
