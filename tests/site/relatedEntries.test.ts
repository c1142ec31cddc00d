// Related entries: shared specific keywords first, then neighbours in the same section.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Catalog, CatalogEntry } from '../../src/catalog/types.ts';
import { relatedEntries } from '../../src/site/relatedEntries.ts';
import { entryBySlug, loadSmallCatalog } from '../support/smallCatalog.ts';

let catalog: Catalog;

function entry(slug: string): CatalogEntry {
  return entryBySlug(catalog, slug);
}

before(async () => {
  catalog = await loadSmallCatalog();
});

describe('relatedEntries', () => {
  it('ranks a shared rare keyword above a shared common one', () => {
    const related = relatedEntries(catalog, entry('batch-normalization')).map((other) => other.slug);

    // "batch normalization" is carried by two entries, "activation" by three.
    assert.deepEqual(related.slice(0, 3), ['understanding-the-backward-pass', 'gaussian-error-linear-units', 'rectified-linear-units']);
  });

  it('never returns the entry itself', () => {
    for (const item of catalog.entries) {
      assert.ok(!relatedEntries(catalog, item).includes(item), item.slug);
    }
  });

  it('fills up with entries of the same section', () => {
    const related = relatedEntries(catalog, entry('deep-residual-learning')).map((other) => other.slug);

    assert.deepEqual(related, ['batch-normalization']);
  });

  it('stops at the limit', () => {
    assert.equal(relatedEntries(catalog, entry('batch-normalization'), 2).length, 2);
  });
});
