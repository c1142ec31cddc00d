// Entry links as pages show them: kind labels, arXiv abstract and PDF, and compact links.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Catalog, CatalogEntry } from '../../src/catalog/types.ts';
import { arxivLinks, compactLinks, entryLinks, linkKindLabel } from '../../src/site/entryLinks.ts';
import { entryBySlug, loadSmallCatalog } from '../support/smallCatalog.ts';

let catalog: Catalog;

function entry(slug: string): CatalogEntry {
  return entryBySlug(catalog, slug);
}

before(async () => {
  catalog = await loadSmallCatalog();
});

describe('linkKindLabel', () => {
  const cases: Array<[string, string]> = [
    ['github', 'GitHub'],
    ['project page', 'Project page'],
    ['youtube', 'YouTube'],
    ['slides', 'Slides'],
  ];
  for (const [kind, label] of cases) {
    it(`labels ${kind} as ${label}`, () => {
      assert.equal(linkKindLabel(kind), label);
    });
  }
});

describe('arxivLinks', () => {
  it('gives abstract and PDF URLs', () => {
    assert.deepEqual(arxivLinks(entry('layer-normalization')), {
      id: '1607.06450',
      abstract: 'https://arxiv.org/abs/1607.06450',
      pdf: 'https://arxiv.org/pdf/1607.06450',
    });
  });

  it('returns undefined without an arXiv id', () => {
    assert.equal(arxivLinks(entry('rectified-linear-units')), undefined);
  });
});

describe('entryLinks', () => {
  it('labels each link by kind and label', () => {
    assert.deepEqual(
      entryLinks(entry('deep-residual-learning')).map((link) => link.text),
      ['GitHub: Caffe', 'Project page'],
    );
  });

  it('drops repeated URLs and the entry\'s own arXiv link', () => {
    assert.deepEqual(entryLinks(entry('layer-normalization')).map((link) => link.text), ['GitHub']);
  });
});

describe('compactLinks', () => {
  it('shows arXiv, code and paper', () => {
    assert.deepEqual(compactLinks(entry('gaussian-error-linear-units')).map((link) => link.text), ['arXiv', 'code']);
    assert.deepEqual(compactLinks(entry('rectified-linear-units')).map((link) => link.text), ['paper']);
  });

  it('falls back to the first link', () => {
    assert.deepEqual(compactLinks(entry('understanding-the-backward-pass')).map((link) => link.text), ['blog']);
  });
});
