// The catalog loaded on a worker before Eleventy starts: the worker's message, and its handover
// to the first build.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { CATALOG_PRELOAD_KEY, hasPreloadedCatalog, loadPreloadMessage, takePreloadedCatalog, type CatalogPreload, type CatalogPreloadMessage } from '../../src/site/catalogPreload.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

const FIXTURE = 'tests/fixtures/site/small';

/** The worker's message for `contentDir`, as the main thread receives it: copied by the structured clone of postMessage. */
async function workerMessage(contentDir: string): Promise<CatalogPreloadMessage> {
  return structuredClone(await loadPreloadMessage(PROJECT_ROOT, contentDir));
}

/** Leaves `message` under the key the build script uses, with a stand-in worker that counts `ref` calls. */
function leavePreload(message: CatalogPreloadMessage | undefined): { refs: () => number } {
  let refs = 0;
  const preload = { worker: { ref: () => void refs++ }, message: Promise.resolve(message) } as unknown as CatalogPreload;
  (globalThis as { [CATALOG_PRELOAD_KEY]?: CatalogPreload })[CATALOG_PRELOAD_KEY] = preload;
  return { refs: () => refs };
}

function clearPreload(): void {
  delete (globalThis as { [CATALOG_PRELOAD_KEY]?: CatalogPreload })[CATALOG_PRELOAD_KEY];
}

describe('loadPreloadMessage', () => {
  it('posts the catalog that loadCatalog assembles, shared objects included', async () => {
    const message = await workerMessage(FIXTURE);
    const { catalog } = await loadCatalog(PROJECT_ROOT, { contentDir: FIXTURE });

    assert.equal(message.root, PROJECT_ROOT);
    assert.equal(message.contentDir, FIXTURE);
    assert.ok(message.catalog);
    assert.deepStrictEqual(message.catalog, catalog);
    // An entry's section is the very section object that lists the entry, as in a catalog loaded here.
    const entry = message.catalog.entries[0]!;
    assert.ok(entry.section.entries.includes(entry));
  });

  it('posts no catalog for content with errors', async () => {
    const content = await mkdtemp(path.join(tmpdir(), 'reading-lists-preload-'));
    try {
      await cp(FIXTURE, content, { recursive: true });
      await writeFile(path.join(content, 'deep-learning-basics', 'bad-entry.md'), '---\ntitle: A bad entry\ncategory: no-such-section\n---\n');

      const message = await workerMessage(content);

      assert.equal(message.catalog, undefined);
      assert.equal(message.contentDir, content);
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });

  it('posts no catalog when the content folder cannot be read', async () => {
    const message = await workerMessage('tests/fixtures/site/no-such-folder');

    assert.equal(message.catalog, undefined);
  });
});

describe('takePreloadedCatalog', () => {
  const catalog = { lists: [], entries: [], keywords: [] } as Catalog;

  it('gives nothing when no worker was started', () => {
    clearPreload();

    assert.equal(hasPreloadedCatalog(), false);
    assert.equal(takePreloadedCatalog(PROJECT_ROOT, 'content'), undefined);
  });

  it('gives the same folder\'s catalog once', async () => {
    const { refs } = leavePreload({ root: `${PROJECT_ROOT}/`, contentDir: 'content', catalog });

    assert.equal(hasPreloadedCatalog(), true);
    const preloaded = takePreloadedCatalog(PROJECT_ROOT, path.join(PROJECT_ROOT, 'content'));

    assert.equal(await preloaded, catalog);
    assert.equal(refs(), 1);
    assert.equal(hasPreloadedCatalog(), false);
    assert.equal(takePreloadedCatalog(PROJECT_ROOT, 'content'), undefined);
  });

  it('gives undefined for another content folder or project', async () => {
    leavePreload({ root: PROJECT_ROOT, contentDir: 'content', catalog });
    assert.equal(await takePreloadedCatalog(PROJECT_ROOT, FIXTURE), undefined);

    leavePreload({ root: PROJECT_ROOT, contentDir: path.join(PROJECT_ROOT, 'content'), catalog });
    assert.equal(await takePreloadedCatalog(tmpdir(), path.join(PROJECT_ROOT, 'content')), undefined);
  });

  it('gives undefined when the worker sent no catalog or no message', async () => {
    leavePreload({ root: PROJECT_ROOT, contentDir: 'content', catalog: undefined });
    assert.equal(await takePreloadedCatalog(PROJECT_ROOT, 'content'), undefined);

    leavePreload(undefined);
    assert.equal(await takePreloadedCatalog(PROJECT_ROOT, 'content'), undefined);
  });
});
