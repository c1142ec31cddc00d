// The entry pages written after Eleventy's build: every entry once, unchanged pages left alone
// under --serve, the pages of removed entries deleted, nothing for JSON output, errors rejected.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { CatalogEntry } from '../../src/catalog/types.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { registerEntryPages, type EntryPageRenderer, type EntryPagesData } from '../../src/site/entryPageWriter.ts';
import type { SiteData } from '../../src/site/siteContext.ts';
import { entryPath } from '../../src/site/urls.ts';
import { loadSettings } from '../../src/settings/loadSettings.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** Creates a stand-in for Eleventy's config that records global data and listeners, to call them by hand. */
function fakeConfig(output: string) {
  const listeners = new Map<string, ((event: unknown) => unknown)[]>();
  const globalData = new Map<string, unknown>();
  const config = {
    directories: { input: 'src/site', output },
    addGlobalData(name: string, value: unknown) {
      globalData.set(name, value);
    },
    on(event: string, listener: (event: never) => unknown) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (event: unknown) => unknown]);
    },
  } as unknown as EleventyConfig;
  const emit = async (event: string, argument: unknown = {}) => {
    for (const listener of listeners.get(event) ?? []) await listener(argument);
  };
  const entryPages = () => (globalData.get('entryPages') as () => EntryPagesData)();
  return { config, emit, entryPages };
}

async function siteData(): Promise<SiteData> {
  const catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'tests/fixtures/site/small' });
  return { catalog, settings: loadSettings(PROJECT_ROOT), searchAssets: undefined };
}

const renderTitle: EntryPageRenderer = (_data, entry) => `<h1>${entry.data.title}</h1>`;

function pageFile(output: string, entry: CatalogEntry): string {
  return path.join(output, ...entryPath(entry).split('/').filter(Boolean), 'index.html');
}

/** Runs one build: before, the entry template capturing `data`, after. */
async function build(fake: ReturnType<typeof fakeConfig>, data: SiteData, event: Record<string, unknown>): Promise<void> {
  await fake.emit('eleventy.before', event);
  fake.entryPages().capture(data);
  await fake.emit('eleventy.after', event);
}

describe('registerEntryPages', () => {
  it('writes the page of every entry under the output folder', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'entry-pages-'));
    folders.push(output);
    const fake = fakeConfig(output);
    registerEntryPages(fake.config, renderTitle);
    const data = await siteData();

    await build(fake, data, { directories: { output }, outputMode: 'fs', runMode: 'build' });

    assert.ok(data.catalog.entries.length > 1);
    for (const entry of data.catalog.entries) {
      assert.equal(await readFile(pageFile(output, entry), 'utf8'), `<h1>${entry.data.title}</h1>`);
    }
  });

  it('under --serve, leaves unchanged pages alone and deletes the pages of removed entries', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'entry-pages-'));
    folders.push(output);
    const fake = fakeConfig(output);
    let suffix = '';
    registerEntryPages(fake.config, (data, entry) => renderTitle(data, entry) + (entry === data.catalog.entries[0] ? suffix : ''));
    const data = await siteData();
    const [first, second, ...rest] = data.catalog.entries;
    assert.ok(first);
    assert.ok(second);
    const event = { directories: { output }, outputMode: 'fs', runMode: 'serve' };

    await build(fake, data, event);
    const before = (await stat(pageFile(output, second))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));

    suffix = ' edited';
    await build(fake, { ...data, catalog: { ...data.catalog, entries: [first, ...rest] } }, event);

    assert.equal(await readFile(pageFile(output, first), 'utf8'), `<h1>${first.data.title}</h1> edited`);
    assert.ok(!existsSync(pageFile(output, second)), 'the page of the removed entry is deleted');
    for (const entry of rest) assert.ok(existsSync(pageFile(output, entry)));

    await build(fake, data, event);
    assert.ok((await stat(pageFile(output, second))).mtimeMs > before, 'the page of an entry that is back is written again');
  });

  it('writes nothing for JSON output or when no template captured the data', async () => {
    const output = path.join(tmpdir(), `entry-pages-none-${process.pid}`);
    const fake = fakeConfig(output);
    registerEntryPages(fake.config, renderTitle);

    await build(fake, await siteData(), { directories: { output }, outputMode: 'json', runMode: 'build' });
    await fake.emit('eleventy.before', {});
    await fake.emit('eleventy.after', { directories: { output }, outputMode: 'fs', runMode: 'build' });

    assert.ok(!existsSync(output));
  });

  it('fails the build when a page cannot be rendered', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'entry-pages-'));
    folders.push(output);
    const fake = fakeConfig(output);
    registerEntryPages(fake.config, () => {
      throw new Error('render failed');
    });

    await assert.rejects(build(fake, await siteData(), { directories: { output }, outputMode: 'fs', runMode: 'build' }), /render failed/);
  });
});
