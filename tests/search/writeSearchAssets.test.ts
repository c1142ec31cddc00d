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
  it('writes hashed index and script files', async () => {
    const assets = await writeSearchAssets(output, catalog);
    assert.match(assets.index, /^\/assets\/search\/index-[0-9a-f]{10}\.json$/);
    assert.match(assets.script, /^\/assets\/search\/search-[A-Z0-9]+\.js$/);

    const json = await readFile(path.join(output, assets.index), 'utf8');
    assert.equal(assets.index, `/assets/search/index-${contentHash(json)}.json`);
    const loaded = await readSearchFiles(path.join(output, assets.index));
    assert.ok(runSearch(loaded, 'adam').hits.length > 0);
    for (const shard of assets.shards) assert.match(shard, /^\/assets\/search\/shard-\d+-[0-9a-f]{10}\.json$/);

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

  it('removes the files of an earlier build', async () => {
    await mkdir(path.join(output, 'assets/search'), { recursive: true });
    await writeFile(path.join(output, 'assets/search/index-0000000000.json'), '{}');
    const assets = await writeSearchAssets(output, catalog);
    const files = await listSearchAssets(output);
    assert.ok(!files.includes('assets/search/index-0000000000.json'));
    assert.deepEqual(files.sort(), [...assets.files].sort());
  });
});
