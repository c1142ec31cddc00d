import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Catalog, CatalogList } from '../../src/catalog/types.ts';
import { renderListBibtex } from '../../src/outputs/bibtex.ts';
import { buildExport, renderEntriesJson } from '../../src/outputs/entriesJson.ts';
import { catalogPages, renderSitemap, renderSitemapRoot, splitSitemap } from '../../src/outputs/sitemap.ts';
import { writeCatalogOutputs } from '../../src/outputs/writeCatalogOutputs.ts';
import { fixtureCatalog, settings } from '../fixtures/outputs/catalog.ts';

const folders: string[] = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function writeInto(catalog: Catalog, maxSitemapUrls?: number): Promise<{ folder: string; written: string[]; read: (file: string) => Promise<string> }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'catalog-outputs-'));
  folders.push(folder);
  const written = await writeCatalogOutputs(catalog, settings, folder, maxSitemapUrls);
  return { folder, written, read: (file) => readFile(path.join(folder, file), 'utf8') };
}

/** Builds the fixture catalog with its first list's entries repeated under new slugs, so that the exports take several runs and writes. */
function catalogWithLongList(copies: number): Catalog {
  const catalog = fixtureCatalog();
  const [first, ...others] = catalog.lists;
  assert.ok(first);
  const entries = Array.from({ length: copies }, (_, copy) => first.entries.map((entry) => ({ ...entry, slug: `${entry.slug}-${copy}` }))).flat();
  const long: CatalogList = { ...first, entries };
  const lists = [long, ...others];
  return { ...catalog, lists, entries: lists.flatMap((list) => list.entries) };
}

describe('renderEntriesJson', () => {
  it('writes the text of JSON.stringify of buildExport', () => {
    const catalog = catalogWithLongList(3);
    const cases: CatalogList[][] = [catalog.lists, ...catalog.lists.map((list) => [list]), [], [{ ...(catalog.lists[1] as CatalogList), entries: [] }]];
    for (const lists of cases) {
      assert.equal(renderEntriesJson(lists, settings), `${JSON.stringify(buildExport(lists, settings), null, 2)}\n`, lists.map((list) => list.id).join());
    }
  });
});

describe('writeCatalogOutputs', () => {
  it('writes the same files as the renderers', async () => {
    const catalog = catalogWithLongList(150);
    const { read } = await writeInto(catalog);

    assert.equal(await read('entries.json'), renderEntriesJson(catalog.lists, settings));
    for (const list of catalog.lists) {
      assert.equal(await read(`${list.id}/entries.json`), renderEntriesJson([list], settings), list.id);
      assert.equal(await read(`${list.id}/references.bib`), renderListBibtex(list), list.id);
    }
    assert.equal(await read('sitemap.xml'), renderSitemapRoot(catalogPages(catalog), settings));
  });

  it('replaces longer files of an earlier build', async () => {
    const catalog = fixtureCatalog();
    const { folder, written } = await writeInto(catalog);
    const before = new Map<string, string>();
    for (const file of written) {
      before.set(file, await readFile(file, 'utf8'));
      await writeFile(file, `${before.get(file)}${'x'.repeat(5000)}`);
    }

    const again = await writeCatalogOutputs(catalog, settings, folder);

    assert.deepEqual(again, written);
    for (const file of written) assert.equal(await readFile(file, 'utf8'), before.get(file), file);
  });

  it('returns every file it wrote', async () => {
    const catalog = fixtureCatalog();
    const { folder, written } = await writeInto(catalog);
    const files = await readdir(folder, { recursive: true, withFileTypes: true });
    const onDisk = files.filter((file) => file.isFile()).map((file) => path.join(file.parentPath, file.name));
    assert.deepEqual(written.toSorted(), onDisk.toSorted());
    // entries.json and sitemap.xml, and each list's entries.json and references.bib.
    assert.equal(written.length, 2 + 2 * catalog.lists.length);
  });

  it('splits the sitemap under an index', async () => {
    const catalog = fixtureCatalog();
    const pages = catalogPages(catalog);
    const maxUrls = Math.ceil(pages.length / 3);
    const { read } = await writeInto(catalog, maxUrls);

    const parts = splitSitemap(pages, maxUrls);
    assert.equal(parts.length, 3);
    assert.equal(await read('sitemap.xml'), renderSitemapRoot(pages, settings, maxUrls));
    for (const [index, part] of parts.entries()) assert.equal(await read(`sitemap-${index + 1}.xml`), renderSitemap(part, settings));
    await assert.rejects(read(`sitemap-${parts.length + 1}.xml`), { code: 'ENOENT' });
  });
});
