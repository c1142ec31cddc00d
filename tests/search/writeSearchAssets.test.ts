import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { readSearchFiles } from '../../src/search/readSearchFiles.ts';
import { runSearch } from '../../src/search/searchQuery.ts';
import { SEARCH_MANIFEST_FILE } from '../../src/search/searchStore.ts';
import { contentHash, listSearchAssets, writeSearchAssets } from '../../src/search/writeSearchAssets.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

let catalog: Catalog;
let output: string;

before(async () => {
  catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'tests/fixtures/search/content' });
  output = await mkdtemp(path.join(os.tmpdir(), 'search-assets-'));
});

after(async () => {
  await rm(output, { recursive: true, force: true });
});

describe('writeSearchAssets', () => {
  it('writes the manifest, hashed shards and scripts', async () => {
    const assets = await writeSearchAssets(output, catalog);
    assert.equal(assets.index, `/assets/search/${SEARCH_MANIFEST_FILE}`);
    assert.match(assets.script, /^\/assets\/search\/search-[A-Z0-9]+\.js$/);

    const loaded = await readSearchFiles(path.join(output, assets.index));
    assert.ok(runSearch(loaded, 'adam').hits.length > 0);
    for (const shard of assets.shards) {
      assert.match(shard, /^\/assets\/search\/shard-\d+-[0-9a-f]{10}\.json$/);
      assert.ok(shard.endsWith(`-${contentHash(await readFile(path.join(output, shard), 'utf8'))}.json`), `${shard} is named by its hash`);
    }

    const script = await readFile(path.join(output, assets.script), 'utf8');
    assert.ok(script.includes('import('), 'the entry script loads the search code lazily');
    assert.ok(!script.includes('lunr'), 'lunr is not in the entry script');
  });

  it('writes gzip and brotli copies', async () => {
    const assets = await writeSearchAssets(output, catalog);
    for (const file of [assets.index, ...assets.shards, assets.script]) {
      const bytes = await readFile(path.join(output, file));
      assert.deepEqual(gunzipSync(await readFile(path.join(output, `${file}.gz`))), bytes, `${file}.gz`);
      assert.deepEqual(brotliDecompressSync(await readFile(path.join(output, `${file}.br`))), bytes, `${file}.br`);
    }
  });

  it('keeps the script name when the content changes', async () => {
    const before = await writeSearchAssets(output, catalog);
    const edited = { ...catalog, entries: catalog.entries.slice(1) };
    const after = await writeSearchAssets(output, edited);
    assert.equal(after.script, before.script);
    assert.equal(after.index, before.index);
    assert.notDeepEqual(after.shards, before.shards);
  });

  it('writes the same files with and without a worker', async () => {
    const onThread = await writeSearchAssets(output, catalog, { worker: false });
    const texts = await Promise.all(onThread.files.map((file) => readFile(path.join(output, file))));
    const inWorker = await writeSearchAssets(output, catalog, { worker: true });
    assert.deepEqual([...inWorker.files].sort(), [...onThread.files].sort());
    for (const [position, file] of onThread.files.entries()) {
      assert.deepEqual(await readFile(path.join(output, file)), texts[position], file);
    }
  });

  it('removes the files of an earlier build', async () => {
    await mkdir(path.join(output, 'assets/search'), { recursive: true });
    await writeFile(path.join(output, 'assets/search/index-0000000000.json'), '{}');
    const assets = await writeSearchAssets(output, catalog);
    const files = await listSearchAssets(output);
    assert.ok(!files.includes('assets/search/index-0000000000.json'));
    assert.deepEqual(files.sort(), [...assets.files].sort());
  });
});
