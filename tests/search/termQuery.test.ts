// scoreIndexTerms and queryClauses against lunr's own Index.query, on the index of the shipped list.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import { buildSearchFile } from '../../src/search/buildSearchFile.ts';
import { indexInternals, Query, QueryParser } from '../../src/search/lunrInternals.ts';
import type { lunr } from '../../src/search/lunrPipeline.ts';
import { loadSearchFile } from '../../src/search/searchQuery.ts';
import type { SearchFile } from '../../src/search/searchStore.ts';
import { matchMetadata, queryClauses, scoreIndexTerms, type MatchMetadata, type ScoredEntry } from '../../src/search/termQuery.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

type Clause = [term: string, boost: number];

let index: lunr.Index;
/** Every term of the index, sorted. */
let terms: string[];

before(async () => {
  const catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'content' });
  // Through JSON, as the browser receives it.
  const file = JSON.parse(JSON.stringify(buildSearchFile(catalog))) as SearchFile;
  index = loadSearchFile(file).indexes[0]!;
  terms = Object.keys(indexInternals(index).invertedIndex).sort();
});

/** Maps each matched entry's ref to its score and its metadata as plain JSON. */
function byRef(results: readonly { ref: string; score: number; metadata: object }[]): Map<string, { score: number; metadata: unknown }> {
  return new Map(results.map((result) => [result.ref, { score: result.score, metadata: JSON.parse(JSON.stringify(result.metadata)) }]));
}

/** Scores `clauses` and reads each entry's metadata, in the shape of lunr's Index.query results. */
function queryIndexTerms(clauses: readonly Clause[]): { ref: string; score: number; metadata: MatchMetadata }[] {
  return scoreIndexTerms(index, clauses).map((entry) => ({ ref: entry.ref, score: entry.score, metadata: matchMetadata(entry) }));
}

function lunrQuery(clauses: readonly Clause[]) {
  const results = index.query((query) => {
    for (const [term, boost] of clauses) query.term(term, { usePipeline: false, boost });
  });
  return results.map((result) => ({ ref: result.ref, score: result.score, metadata: result.matchData.metadata }));
}

function assertSameAsLunr(clauses: readonly Clause[]): void {
  const expected = byRef(lunrQuery(clauses));
  const actual = byRef(queryIndexTerms(clauses));
  const label = clauses.map(([term, boost]) => `${term}^${boost}`).join(' ');

  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${label}: matched refs`);
  for (const [ref, want] of expected) {
    const got = actual.get(ref);
    assert.equal(got?.score, want.score, `${label}: score of ${ref}`);
    assert.deepEqual(got?.metadata, want.metadata, `${label}: metadata of ${ref}`);
  }
}

/** Returns the `count` terms with the most entries, most first. */
function commonTerms(count: number): string[] {
  const postings = indexInternals(index).invertedIndex as Record<string, Record<string, object>>;
  const entriesOf = (term: string) => {
    const refs = new Set<string>();
    for (const [field, byField] of Object.entries(postings[term] ?? {})) {
      if (field !== '_index') for (const ref of Object.keys(byField)) refs.add(ref);
    }
    return refs.size;
  };
  return [...terms].sort((a, b) => entriesOf(b) - entriesOf(a)).slice(0, count);
}

describe('scoreIndexTerms', () => {
  it('scores one common term as lunr does', () => {
    for (const term of commonTerms(5)) assertSameAsLunr([[term, 3]]);
  });

  it('scores words, stems and boosts as lunr does', () => {
    const clauses: Clause[] = [
      ['batch', 3],
      ['normal', 3],
      ['normalization', 1],
      ['bn', 1.5],
      ['dropout', 3],
      ['learn', 1],
      ['rate', 1],
    ];
    for (const [term] of clauses) assert.ok(terms.includes(term), `the shipped index has no term ${term}`);
    assertSameAsLunr(clauses);
    assertSameAsLunr([...clauses].reverse());
  });

  it('scores samples of the whole dictionary as lunr does', () => {
    const boosts = [3, 1, 1.5, 2.5];
    const step = Math.max(1, Math.floor(terms.length / 200));
    const sample = terms.filter((_, position) => position % step === 0);
    for (let start = 0; start < sample.length; start += 6) {
      assertSameAsLunr(sample.slice(start, start + 6).map((term, position): Clause => [term, boosts[position % boosts.length]!]));
    }
  });

  it('scores a mix of common and rare terms as lunr does', () => {
    const rare = terms.filter((_, position) => position % 97 === 13).slice(0, 10);
    assertSameAsLunr([...commonTerms(8), ...rare].map((term, position): Clause => [term, position % 2 === 0 ? 3 : 1]));
  });

  it('returns nothing for no clause', () => {
    assert.deepEqual(queryIndexTerms([]), []);
  });
});

/** Parses `text` with lunr's query parser into the clauses Index.query would run. */
function parse(text: string): lunr.Query.Clause[] {
  return new QueryParser(text, new Query(indexInternals(index).fields)).parse().clauses;
}

/** Runs `text` through lunr's Index.query and through queryClauses, and requires the same results in the same order. */
function assertClausesSameAsLunr(text: string): void {
  const clauses = parse(text);
  const expected = index.query((query) => {
    for (const clause of clauses) query.clause({ ...clause });
  });
  const scored = queryClauses(index, clauses);
  assert.ok(scored !== undefined, `${text}: queryClauses runs the query`);

  // Index.query sorts by score with a stable sort: the same sort of queryClauses's order gives its order.
  const actual = [...scored].sort((a: ScoredEntry, b: ScoredEntry) => b.score - a.score);
  assert.deepEqual(
    actual.map((result) => result.ref),
    expected.map((result) => result.ref),
    `${text}: refs in order`,
  );
  actual.forEach((result, position) => {
    const want = expected[position]!;
    assert.equal(result.score, want.score, `${text}: score of ${want.ref}`);
    assert.deepEqual(JSON.parse(JSON.stringify(matchMetadata(result))), JSON.parse(JSON.stringify(want.matchData.metadata)), `${text}: metadata of ${want.ref}`);
  });
}

describe('queryClauses', () => {
  it('runs presence, fields and boosts as lunr does', () => {
    const queries = [
      'dropout',
      '+dropout -bayesian',
      '+batch +normalization',
      '+batch normalization -layer',
      'title:dropout',
      'title:batch intro:normalization',
      '+title:network -intro:deep',
      '+keywords:optimization adam',
      'dropout^10 regularization',
      'title:adam^2 +sgd',
      'deep learning',
      'learning learning',
      '+learning -learning',
      '+xyzzy dropout',
    ];
    for (const text of queries) assertClausesSameAsLunr(text);
  });

  it('expands wildcards and edit distances as lunr does', () => {
    const queries = ['drop*', 'norm*', '*tion', 'n*l*zation', 'dropuot~1', 'optimizaton~2', '+adam~1 -title:sgd', 'title:res* net*', 'intro:batch~1 normal*'];
    for (const text of queries) assertClausesSameAsLunr(text);
  });

  it('runs samples of the whole dictionary as lunr does', () => {
    const step = Math.max(1, Math.floor(terms.length / 120));
    const sample = terms.filter((_, position) => position % step === 0 && /^[a-z]+$/.test(terms[position]!));
    const fields = indexInternals(index).fields;
    for (let start = 0; start + 3 <= sample.length; start += 3) {
      const [a, b, c] = [sample[start]!, sample[start + 1]!, sample[start + 2]!];
      const field = fields[start % fields.length]!;
      for (const text of [`+${a} ${b} -${c}`, `${field}:${a} ${b}^3`, `+${a} +${field}:${b}`, `${a.slice(0, 3)}* -${c}`, `${a}~1 ${b}`]) {
        assertClausesSameAsLunr(text);
      }
    }
  });

  it('leaves queries of only prohibited terms to lunr', () => {
    assert.equal(queryClauses(index, parse('-dropout')), undefined);
  });
});
