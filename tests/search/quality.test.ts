// Search quality: real queries against the index that `npm run build` writes for the shipped
// content, run through the same query code the browser bundles.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadSearchFile, runSearch, type LoadedSearch } from '../../src/search/searchQuery.ts';
import { SEARCH_ASSET_DIR } from '../../src/search/writeSearchAssets.ts';
import { readSearchFiles } from '../../src/search/readSearchFiles.ts';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import { buildSearchFile } from '../../src/search/buildSearchFile.ts';
import { SEARCH_FIELDS, type SearchFieldName } from '../../src/search/searchFields.ts';
import { buildSite, PROJECT_ROOT } from '../support/builtSite.ts';
import { QUALITY_QUERIES, type QualityQuery } from './qualityQueries.ts';

let search: LoadedSearch;

/** Titles compared with runs of white space (hair spaces around a dash, for one) as one space. */
function sameTitle(a: string, b: string): boolean {
  const normal = (title: string) => title.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return normal(a) === normal(b);
}

/** Returns the 0-based rank of the first hit with one of `titles`, or -1. */
function rankOf(query: string, titles: string[]): number {
  const hits = runSearch(search, query).hits;
  return hits.findIndex((hit) => titles.some((title) => sameTitle(search.store.entries[hit.entry]?.[0] ?? '', title)));
}

function satisfied(query: QualityQuery): boolean[] {
  return query.expect.map((expectation) => {
    const rank = rankOf(query.query, expectation.titles);
    return rank >= 0 && rank < expectation.within;
  });
}

/** Expectations met and mean reciprocal rank of every expectation, over the whole set. */
function score(loaded: LoadedSearch): { met: number; total: number; reciprocalRank: number } {
  const previous = search;
  search = loaded;
  let met = 0;
  let total = 0;
  let reciprocalRank = 0;
  for (const query of QUALITY_QUERIES) {
    for (const expectation of query.expect) {
      const rank = rankOf(query.query, expectation.titles);
      total += 1;
      if (rank >= 0 && rank < expectation.within) met += 1;
      if (rank >= 0) reciprocalRank += 1 / (rank + 1);
    }
  }
  search = previous;
  return { met, total, reciprocalRank: reciprocalRank / total };
}

before(async () => {
  const site = await buildSite();
  const folder = path.join(site, SEARCH_ASSET_DIR);
  const indexFiles = (await readdir(folder)).filter((name) => /^index-[0-9a-f]+\.json$/.test(name));
  assert.equal(indexFiles.length, 1, `expected one search index in ${folder}, found ${indexFiles.join(', ') || 'none'}`);
  search = await readSearchFiles(path.join(folder, indexFiles[0] ?? ''));
});

describe('search quality', () => {
  it('has at least 30 queries', () => {
    assert.ok(QUALITY_QUERIES.length >= 30);
  });

  for (const query of QUALITY_QUERIES) {
    it(`${query.kind}: ${query.query}`, () => {
      for (const expectation of query.expect) {
        const rank = rankOf(query.query, expectation.titles);
        const top = runSearch(search, query.query)
          .hits.slice(0, 3)
          .map((hit) => search.store.entries[hit.entry]?.[0]);
        assert.ok(
          rank >= 0 && rank < expectation.within,
          `"${expectation.titles[0]}" is at rank ${rank < 0 ? 'none' : rank + 1}, expected within ${expectation.within}; top 3: ${top.join(' | ')}`,
        );
      }
    });
  }

  it('reports precision', (context) => {
    const kinds = new Map<string, { met: number; total: number }>();
    for (const query of QUALITY_QUERIES) {
      const results = satisfied(query);
      const kind = kinds.get(query.kind) ?? { met: 0, total: 0 };
      kind.met += results.filter(Boolean).length;
      kind.total += results.length;
      kinds.set(query.kind, kind);
    }

    const all = [...kinds.values()].reduce((sum, kind) => ({ met: sum.met + kind.met, total: sum.total + kind.total }), { met: 0, total: 0 });
    for (const [kind, { met, total }] of kinds) context.diagnostic(`precision ${kind}: ${met}/${total}`);
    context.diagnostic(`precision over ${QUALITY_QUERIES.length} queries: ${all.met}/${all.total} expectations met (${((100 * all.met) / all.total).toFixed(1)}%)`);
    assert.ok(all.total > 0);
  });

  it('justifies the field boosts', async (context) => {
    const catalog = await loadCatalogOrThrow(PROJECT_ROOT);
    const variants: [string, Partial<Record<SearchFieldName, number>>][] = [
      ['chosen', {}],
      ['every field 1', Object.fromEntries(SEARCH_FIELDS.map((field) => [field.name, 1]))],
      ['intro 1', { intro: 1 }],
      ['section 1', { section: 1 }],
      ['title 20, keywords 10', { title: 20, keywords: 10 }],
    ];

    const chosen = score(search);
    for (const [name, boosts] of variants) {
      const fields = SEARCH_FIELDS.map((field) => ({ ...field, boost: boosts[field.name] ?? field.boost }));
      const result = name === 'chosen' ? chosen : score(loadSearchFile(JSON.parse(JSON.stringify(buildSearchFile(catalog, fields)))));
      context.diagnostic(`boosts ${name}: ${result.met}/${result.total} met, mean reciprocal rank ${result.reciprocalRank.toFixed(3)}`);
      assert.ok(result.met <= chosen.met, `boosts "${name}" meet more expectations than the chosen ones`);
    }
  });
});
