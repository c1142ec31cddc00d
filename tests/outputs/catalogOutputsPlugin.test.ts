import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Catalog } from '../../src/catalog/types.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { catalogOutputsPlugin } from '../../src/site/outputs/catalogOutputsPlugin.ts';
import { fixtureCatalog, settings } from '../fixtures/outputs/catalog.ts';

type AfterHandler = (event: { directories?: { output?: string }; runMode?: string; outputMode?: string }) => Promise<void>;

const folders: string[] = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** Registers the plugin on a stand-in for Eleventy's config and returns its `eleventy.after` handler and output folder. */
async function setUp(loadCatalog: () => Catalog): Promise<{ output: string; afterBuild: AfterHandler }> {
  const output = await mkdtemp(path.join(os.tmpdir(), 'catalog-outputs-plugin-'));
  folders.push(output);
  const handlers: AfterHandler[] = [];
  const config = {
    on: (name: string, listener: AfterHandler) => {
      if (name === 'eleventy.after') handlers.push(listener);
    },
    directories: { input: 'src/site', output },
  } as unknown as EleventyConfig;
  catalogOutputsPlugin(config, { loadCatalog, settings });
  assert.equal(handlers.length, 1);
  return { output, afterBuild: handlers[0] as AfterHandler };
}

function withoutSecondList(catalog: Catalog): Catalog {
  const lists = catalog.lists.slice(0, 1);
  return { ...catalog, lists, entries: lists.flatMap((list) => list.entries) };
}

describe('catalogOutputsPlugin', () => {
  it('writes the outputs into the output folder', async () => {
    const catalog = fixtureCatalog();
    const { output, afterBuild } = await setUp(() => catalog);
    await afterBuild({ directories: { output }, runMode: 'build', outputMode: 'fs' });
    for (const file of ['entries.json', 'sitemap.xml', 'deep-learning/entries.json', 'deep-learning/references.bib', 'second/references.bib']) {
      assert.ok(existsSync(path.join(output, file)), file);
    }
  });

  it('removes the outputs of a deleted list on a watched rebuild', async () => {
    let catalog = fixtureCatalog();
    const { output, afterBuild } = await setUp(() => catalog);
    await afterBuild({ directories: { output }, runMode: 'watch', outputMode: 'fs' });
    assert.ok(existsSync(path.join(output, 'second/entries.json')));

    catalog = withoutSecondList(catalog);
    await afterBuild({ directories: { output }, runMode: 'watch', outputMode: 'fs' });
    assert.equal(existsSync(path.join(output, 'second/entries.json')), false);
    assert.equal(existsSync(path.join(output, 'second/references.bib')), false);
    assert.ok(existsSync(path.join(output, 'deep-learning/entries.json')));
  });

  it('writes nothing for JSON output or --dryrun', async () => {
    const catalog = fixtureCatalog();
    const { output, afterBuild } = await setUp(() => catalog);
    await afterBuild({ directories: { output }, runMode: 'build', outputMode: 'json' });

    process.argv.push('--dryrun');
    try {
      await afterBuild({ directories: { output }, runMode: 'build', outputMode: 'fs' });
    } finally {
      process.argv.pop();
    }
    assert.deepEqual(await readdir(output), []);
  });
});
