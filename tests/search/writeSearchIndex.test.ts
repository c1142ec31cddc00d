import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateContent, writeContent } from '../../bench/generate.ts';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { searchPlugin } from '../../src/search/eleventyPlugin.ts';
import { buildSearchShards } from '../../src/search/buildSearchFile.ts';
import { SEARCH_MANIFEST_FILE, type SearchManifest } from '../../src/search/searchStore.ts';
import { writeSearchIndex } from '../../src/search/writeSearchIndex.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

let catalog: Catalog;
let output: string;

before(async () => {
  catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'tests/fixtures/search/content' });
  output = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
});

after(async () => {
  await rm(output, { recursive: true, force: true });
});

describe('writeSearchIndex', () => {
  for (const worker of [false, true]) {
    it(`writes the shards of buildSearchShards ${worker ? 'in a worker' : 'on the calling thread'}`, async () => {
      const written = await writeSearchIndex(output, catalog, { worker });
      const manifest = JSON.parse(await readFile(path.join(output, written.manifest), 'utf8')) as SearchManifest;
      const built = buildSearchShards(catalog);

      assert.equal(written.manifest, SEARCH_MANIFEST_FILE);
      assert.deepEqual(manifest.shards.map((shard) => shard.file), written.shards);
      assert.deepEqual({ ...manifest, shards: manifest.shards.map(({ file: _file, ...shard }) => shard) }, built.manifest);
      for (const [number, file] of written.shards.entries()) {
        assert.deepEqual(JSON.parse(await readFile(path.join(output, file), 'utf8')), built.shards[number]);
      }
    });
  }

  it('builds only changed shards with reuse', async () => {
    const root = path.join(output, 'generated');
    await writeContent(generateContent({ entries: 60, lists: 2 }), path.join(root, 'content'));
    const generated = await loadCatalogOrThrow(root, { contentDir: 'content' });
    const folder = path.join(output, 'reuse');
    await mkdir(folder);
    const reuse = new Map<string, string>();

    const first = await writeSearchIndex(folder, generated, { reuse });
    assert.equal(first.shards.length, 2);
    const firstWritten = await stat(path.join(folder, first.shards[0]!));

    const lastEntry = generated.entries.at(-1)!;
    const edited = { ...generated, entries: [...generated.entries.slice(0, -1), { ...lastEntry, data: { ...lastEntry.data, title: 'An edited title' } }] };
    const second = await writeSearchIndex(folder, edited, { reuse });
    assert.equal(second.shards[0], first.shards[0]);
    assert.notEqual(second.shards[1], first.shards[1]);
    assert.equal((await stat(path.join(folder, second.shards[0]!))).mtimeMs, firstWritten.mtimeMs, 'the unchanged shard is not written again');
    assert.deepEqual([...reuse.values()], second.shards);
  });

  it('names the worker when it fails', async () => {
    const missing = path.join(output, 'missing-folder');
    await assert.rejects(writeSearchIndex(missing, catalog, { worker: true }), /^Error: the search index worker failed: .*ENOENT/);
  });

  it('rejects with the write error on the calling thread', async () => {
    const missing = path.join(output, 'missing-folder');
    await assert.rejects(writeSearchIndex(missing, catalog, { worker: false }), { code: 'ENOENT' });
  });
});

describe('searchPlugin', () => {
  it('finishes the build only when the index is written', async () => {
    const handlers = new Map<string, (() => Promise<void> | void)[]>();
    let searchAssets: (() => Promise<{ script: string }>) | undefined;
    const pluginOutput = path.join(output, 'site');
    const config = {
      directories: { output: pluginOutput },
      addWatchTarget: () => {},
      on: (event: string, handler: () => Promise<void> | void) => handlers.set(event, [...(handlers.get(event) ?? []), handler]),
      addGlobalData: (name: string, value: () => Promise<{ script: string }>) => {
        if (name === 'searchAssets') searchAssets = value;
      },
    } as unknown as EleventyConfig;
    searchPlugin(config, { loadCatalog: () => catalog });

    for (const handler of handlers.get('eleventy.before') ?? []) await handler();
    const data = await searchAssets?.();
    assert.match(data?.script ?? '', /^\/assets\/search\/search-[A-Z0-9]+\.js$/);
    for (const handler of handlers.get('eleventy.after') ?? []) await handler();

    const manifest = JSON.parse(await readFile(path.join(pluginOutput, 'assets/search', SEARCH_MANIFEST_FILE), 'utf8')) as SearchManifest;
    assert.equal(manifest.shards.length, 1);
  });
});
