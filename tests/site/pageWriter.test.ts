// The pages written after Eleventy's build: every entry, section and keyword page once, unchanged
// pages left alone under --serve, the pages of removed entries, sections and keywords deleted,
// nothing for JSON output or --dryrun, errors rejected.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { catalogPages } from '../../src/site/pages/catalogPages.11ty.ts';
import { registerPageWriter, writePages, type PageLister, type PageWriterData } from '../../src/site/pageWriter.ts';
import type { SiteData } from '../../src/site/siteContext.ts';
import { entryPath, keywordPath, sectionPath } from '../../src/site/urls.ts';
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
  const pageWriter = () => (globalData.get('pageWriter') as () => PageWriterData)();
  return { config, emit, pageWriter };
}

async function siteData(): Promise<SiteData> {
  const catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir: 'tests/fixtures/site/small' });
  return { catalog, settings: loadSettings(PROJECT_ROOT), searchAssets: undefined };
}

/** Lists the catalog's pages, each rendered as its path only. */
const listPaths: PageLister = (data) => [...catalogPages(data)].map((page) => ({ path: page.path, render: () => page.path }));

function pageFile(output: string, pagePath: string): string {
  return path.join(output, ...pagePath.split('/').filter(Boolean), 'index.html');
}

/** Runs one build: before, the capturing template, after. */
async function build(fake: ReturnType<typeof fakeConfig>, data: SiteData, event: Record<string, unknown>): Promise<void> {
  await fake.emit('eleventy.before', event);
  fake.pageWriter().capture(data);
  await fake.emit('eleventy.after', event);
}

describe('catalogPages', () => {
  it('lists every entry, section and keyword once', async () => {
    const { catalog } = await siteData();
    const listed = [...catalogPages({ catalog, settings: loadSettings(PROJECT_ROOT), searchAssets: undefined })].map((page) => page.path);
    const sections = catalog.lists.flatMap((list) => [...list.sectionsByPath.values()]);

    assert.ok(sections.length > 1);
    assert.ok(catalog.keywords.length > 1);
    assert.deepEqual(listed, [...sections.map(sectionPath), ...catalog.keywords.map(keywordPath), ...catalog.entries.map(entryPath)]);
  });

  it('renders each page with its own title', async () => {
    const data = await siteData();
    for (const page of catalogPages(data)) {
      assert.match(page.render(), /^<!DOCTYPE html>\n[^]*<h1>[^]+<\/h1>[^]*<\/html>\n$/, page.path);
    }
  });
});

describe('registerPageWriter', () => {
  it('writes every page under the output folder', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    folders.push(output);
    const fake = fakeConfig(output);
    registerPageWriter(fake.config, listPaths);
    const data = await siteData();

    await build(fake, data, { directories: { output }, outputMode: 'fs', runMode: 'build' });

    for (const page of listPaths(data)) {
      assert.equal(await readFile(pageFile(output, page.path), 'utf8'), page.path);
    }
  });

  it('under --serve, leaves unchanged pages alone and deletes the pages of removed entries', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    folders.push(output);
    const fake = fakeConfig(output);
    let suffix = '';
    registerPageWriter(fake.config, (data) => [...catalogPages(data)].map((page) => ({ path: page.path, render: () => page.path + (page.path === entryPath(data.catalog.entries[0]!) ? suffix : '') })));
    const data = await siteData();
    const [first, second, ...rest] = data.catalog.entries;
    assert.ok(first);
    assert.ok(second);
    const event = { directories: { output }, outputMode: 'fs', runMode: 'serve' };

    await build(fake, data, event);
    const before = (await stat(pageFile(output, entryPath(second)))).mtimeMs;
    const unchangedBefore = (await stat(pageFile(output, entryPath(rest[0]!)))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));

    suffix = ' edited';
    await build(fake, { ...data, catalog: { ...data.catalog, entries: [first, ...rest] } }, event);

    assert.equal(await readFile(pageFile(output, entryPath(first)), 'utf8'), `${entryPath(first)} edited`);
    assert.ok(!existsSync(pageFile(output, entryPath(second))), 'the page of the removed entry is deleted');
    assert.ok(!existsSync(path.dirname(pageFile(output, entryPath(second)))), 'the empty folder of the removed entry is deleted');
    assert.equal((await stat(pageFile(output, entryPath(rest[0]!)))).mtimeMs, unchangedBefore, 'an unchanged page is not written again');
    for (const entry of rest) assert.ok(existsSync(pageFile(output, entryPath(entry))));

    await build(fake, data, event);
    assert.ok((await stat(pageFile(output, entryPath(second)))).mtimeMs > before, 'the page of an entry that is back is written again');
  });

  it('deletes pages of removed sections and keywords', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    folders.push(output);
    const fake = fakeConfig(output);
    registerPageWriter(fake.config, listPaths);
    const data = await siteData();
    const [list, ...otherLists] = data.catalog.lists;
    const [keyword, ...otherKeywords] = data.catalog.keywords;
    assert.ok(list);
    assert.ok(keyword);
    const [removedSection, ...keptSections] = list.sectionsByPath.values();
    assert.ok(removedSection);
    const event = { directories: { output }, outputMode: 'fs', runMode: 'watch' };

    await build(fake, data, event);
    assert.ok(existsSync(pageFile(output, sectionPath(removedSection))));
    assert.ok(existsSync(pageFile(output, keywordPath(keyword))));

    const sectionsByPath = new Map(keptSections.map((section) => [section.path, section]));
    const catalog = { ...data.catalog, lists: [{ ...list, sectionsByPath }, ...otherLists], keywords: otherKeywords };
    await build(fake, { ...data, catalog }, event);

    assert.ok(!existsSync(pageFile(output, sectionPath(removedSection))), 'the page of the removed section is deleted');
    assert.ok(!existsSync(pageFile(output, keywordPath(keyword))), 'the page of the removed keyword is deleted');
    for (const section of keptSections) assert.ok(existsSync(pageFile(output, sectionPath(section))), sectionPath(section));
  });

  it('writes nothing for JSON, dryrun or no data', async () => {
    const output = path.join(tmpdir(), `page-writer-none-${process.pid}`);
    const fake = fakeConfig(output);
    registerPageWriter(fake.config, listPaths);

    await build(fake, await siteData(), { directories: { output }, outputMode: 'json', runMode: 'build' });
    await fake.emit('eleventy.before', {});
    await fake.emit('eleventy.after', { directories: { output }, outputMode: 'fs', runMode: 'build' });
    process.argv.push('--dryrun');
    try {
      await build(fake, await siteData(), { directories: { output }, outputMode: 'fs', runMode: 'build' });
    } finally {
      process.argv.pop();
    }

    assert.ok(!existsSync(output));
  });

  it('fails the build when a page cannot be rendered', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    folders.push(output);
    const fake = fakeConfig(output);
    registerPageWriter(fake.config, () => [
      {
        path: '/broken/',
        render: () => {
          throw new Error('render failed');
        },
      },
    ]);

    await assert.rejects(build(fake, await siteData(), { directories: { output }, outputMode: 'fs', runMode: 'build' }), /render failed/);
  });

  it('fails the build with the file that cannot be written', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    folders.push(folder);
    // An output folder name over the 255 bytes that Linux file systems take makes every mkdir fail.
    const output = path.join(folder, 'x'.repeat(300));
    const fake = fakeConfig(output);
    registerPageWriter(fake.config, listPaths);
    const data = await siteData();
    const first = pageFile(output, [...listPaths(data)][0]!.path);

    await assert.rejects(build(fake, data, { directories: { output }, outputMode: 'fs', runMode: 'build' }), (error: Error) => {
      assert.equal(error.message.split(': ')[0], `failed to write ${first}`);
      assert.match(error.message, /ENAMETOOLONG/);
      return true;
    });
  });
});

describe('writePages', () => {
  it('writes the same pages with a worker', async () => {
    const data = await siteData();
    const withoutWorker = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    const withWorker = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    folders.push(withoutWorker, withWorker);

    const files = await writePages(catalogPages(data), withoutWorker, { worker: false });
    const workerFiles = await writePages(catalogPages(data), withWorker, { worker: true });

    assert.ok(files.size > 10);
    assert.deepEqual([...workerFiles].map((file) => path.relative(withWorker, file)), [...files].map((file) => path.relative(withoutWorker, file)));
    for (const file of files) {
      const relative = path.relative(withoutWorker, file);
      assert.equal(await readFile(path.join(withWorker, relative), 'utf8'), await readFile(file, 'utf8'), relative);
    }
  });

  it('waits for queued writes before a render error rejects', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'page-writer-'));
    folders.push(output);
    const pages = [
      ...Array.from({ length: 100 }, (_, index) => ({ path: `/list/entry-${index}/`, render: () => `entry ${index}` })),
      {
        path: '/broken/',
        render: (): string => {
          throw new Error('render failed');
        },
      },
    ];

    await assert.rejects(writePages(pages, output, { worker: true }), /render failed/);

    for (let index = 0; index < 100; index++) assert.equal(await readFile(pageFile(output, `/list/entry-${index}/`), 'utf8'), `entry ${index}`);
  });
});
