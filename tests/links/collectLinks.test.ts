import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { collectLinks } from '../../src/links/collectLinks.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/links/content', import.meta.url));

describe('collectLinks', () => {
  let root: string;
  let catalog: Catalog;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'collect-links-'));
    await cp(FIXTURE, path.join(root, 'content'), { recursive: true });
    await writeFile(path.join(root, 'NOTES.md'), 'See https://example.org/notes, and <https://example.org/b>.\n');
    const loaded = await loadCatalog(root);
    assert.deepEqual(loaded.problems, []);
    catalog = loaded.catalog!;
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('gives each entry URL its line', async () => {
    const links = await collectLinks(catalog, root, ['content/link-list/dropout.md']);

    assert.deepEqual(links, [
      { url: 'https://arxiv.org/abs/1207.0580', file: 'content/link-list/dropout.md', line: 4 },
      { url: 'https://example.org/dropout.pdf', file: 'content/link-list/dropout.md', line: 7 },
      { url: 'https://github.com/example/dropout', file: 'content/link-list/dropout.md', line: 10 },
      { url: 'https://example.org/dropout-notes', file: 'content/link-list/dropout.md', line: 14 },
    ]);
  });

  it('reads every file of the catalog by default', async () => {
    const links = await collectLinks(catalog, root);
    const files = [...new Set(links.map((link) => link.file))];

    assert.deepEqual(files, ['content/link-list/_list.md', 'content/link-list/dropout.md', 'content/link-list/maxout.md']);
    assert.ok(links.some((link) => link.url === 'https://example.org/link-list.md' && link.line === 5));
  });

  it('finds URLs in any other file given', async () => {
    const links = await collectLinks(catalog, root, [path.join(root, 'NOTES.md')]);

    assert.deepEqual(links, [
      { url: 'https://example.org/notes', file: 'NOTES.md', line: 1 },
      { url: 'https://example.org/b', file: 'NOTES.md', line: 1 },
    ]);
  });

  it('throws for a missing file', async () => {
    await assert.rejects(collectLinks(catalog, root, ['content/link-list/missing.md']), /^Error: cannot read content\/link-list\/missing\.md: ENOENT$/);
  });
});
