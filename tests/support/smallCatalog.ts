// The catalog of the small site fixture, for unit tests of the page helpers.
import assert from 'node:assert/strict';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { Catalog, CatalogEntry } from '../../src/catalog/types.ts';
import { PROJECT_ROOT } from './builtSite.ts';

/** Loads tests/fixtures/site/small. Throws the loader's ContentError when the fixture is invalid. */
export function loadSmallCatalog(): Promise<Catalog> {
  return loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'tests/fixtures/site/small' });
}

/** Finds the entry with `slug`, failing the test when there is none. */
export function entryBySlug(catalog: Catalog, slug: string): CatalogEntry {
  const found = catalog.entries.find((candidate) => candidate.slug === slug);
  assert.ok(found, `no entry ${slug}`);
  return found;
}
