// The search plugin: the script's path for the layout, the search files written, and none for a
// dry run or JSON output.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { searchPlugin } from '../../src/search/eleventyPlugin.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { fixtureCatalog } from '../fixtures/outputs/catalog.ts';

type Handler = (event?: { runMode?: string; outputMode?: string }) => unknown;

const folders: string[] = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** Registers the plugin on a stand-in for Eleventy's config and returns a function that runs one build. */
async function setUp(): Promise<{ output: string; build: (event: { runMode: string; outputMode: string }) => Promise<{ script: string }> }> {
  const output = await mkdtemp(path.join(os.tmpdir(), 'search-plugin-'));
  folders.push(output);
  const handlers = new Map<string, Handler[]>();
  let searchAssets: (() => Promise<{ script: string }>) | undefined;
  const config = {
    on: (name: string, handler: Handler) => handlers.set(name, [...(handlers.get(name) ?? []), handler]),
    addGlobalData: (name: string, data: () => Promise<{ script: string }>) => {
      if (name === 'searchAssets') searchAssets = data;
    },
    addWatchTarget: () => {},
    directories: { input: 'src/site', output },
  } as unknown as EleventyConfig;
  const catalog = fixtureCatalog();
  searchPlugin(config, { loadCatalog: () => catalog });

  const build = async (event: { runMode: string; outputMode: string }) => {
    for (const handler of handlers.get('eleventy.before') ?? []) await handler(event);
    const data = await searchAssets!();
    for (const handler of handlers.get('eleventy.after') ?? []) await handler(event);
    return data;
  };
  return { output, build };
}

describe('searchPlugin', () => {
  it('writes the search files and names the script', async () => {
    const { output, build } = await setUp();

    const { script } = await build({ runMode: 'build', outputMode: 'fs' });

    assert.match(script, /^\/assets\/search\/search-[A-Z0-9]+\.js$/);
    assert.ok(existsSync(path.join(output, script)));
    assert.ok(existsSync(path.join(output, 'assets', 'search', 'index-2.json')));
  });

  it('writes nothing for JSON output or --dryrun', async () => {
    const { output, build } = await setUp();
    const written = await setUp();
    const expected = (await written.build({ runMode: 'build', outputMode: 'fs' })).script;

    const json = await build({ runMode: 'build', outputMode: 'json' });
    process.argv.push('--dryrun');
    let dryRun;
    try {
      dryRun = await build({ runMode: 'build', outputMode: 'fs' });
    } finally {
      process.argv.pop();
    }

    assert.equal(json.script, expected);
    assert.equal(dryRun.script, expected);
    assert.deepEqual(await readdir(output), []);
  });
});
