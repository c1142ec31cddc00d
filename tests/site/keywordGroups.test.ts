// Keywords are grouped by initial, accents ignored, A to Z, then digits, then other scripts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogKeyword } from '../../src/catalog/types.ts';
import { groupKeywordsByInitial } from '../../src/site/keywordGroups.ts';

function keyword(term: string): CatalogKeyword {
  return { slug: term, term, entries: [] };
}

describe('groupKeywordsByInitial', () => {
  it('orders letters, then digits, then other', () => {
    const groups = groupKeywordsByInitial(['训练', '3D', 'ReLU', 'adam', 'Élan', 'batch', '#tag'].map(keyword));

    assert.deepEqual(
      groups.map((group) => [group.label, group.keywords.map((item) => item.term)]),
      [
        ['A', ['adam']],
        ['B', ['batch']],
        ['E', ['Élan']],
        ['R', ['ReLU']],
        ['0–9', ['3D']],
        ['Other', ['训练', '#tag']],
      ],
    );
  });

  it('gives each group a distinct fragment id', () => {
    const ids = groupKeywordsByInitial(['a', 'b', '1', '训练'].map(keyword)).map((group) => group.id);

    assert.deepEqual(ids, ['letter-a', 'letter-b', 'letter-digits', 'letter-other']);
  });

  it('returns no groups for no keywords', () => {
    assert.deepEqual(groupKeywordsByInitial([]), []);
  });
});
