import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import type { CatalogList } from '../../src/catalog/types.ts';
import { exportAddedDates, exportListMarkdown } from '../../src/export/markdownDocument.ts';
import { importDocument, type ImportOptions } from '../../src/import/importDocument.ts';
import { writeListFolder } from '../../src/import/writeListFolder.ts';
import { fixtureNames, fixtureOptions, readFixture, REPOSITORY_ROOT } from '../import/importFixtures.ts';

const SHIPPED_LIST = 'training-deep-neural-networks';
const scratch = mkdtempSync(path.join(tmpdir(), 'export-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Returns the import options that reproduce a list from its exported document and dates. */
function optionsFor(list: CatalogList, addedText: string | undefined): ImportOptions {
  const source = list.data.source;
  return {
    listId: list.id,
    source: 'exported.md',
    title: list.data.title,
    description: list.data.description,
    baseUrl: source?.baseUrl,
    origin: source === undefined ? undefined : { url: source.url, licence: source.licence, licenceUrl: source.licenceUrl, copyright: source.copyright, revision: source.revision },
    added: addedText === undefined ? undefined : { text: addedText, file: 'exported.added.tsv' },
  };
}

function readFolder(folder: string): Map<string, string> {
  return new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
}

/** Exports the list, imports the document again, and checks that every file comes back byte for byte. */
function assertRoundTrip(list: CatalogList, folder: string): void {
  const hasDates = list.entries.some((entry) => entry.data.added !== undefined);
  const document = exportListMarkdown(list);
  const reimported = importDocument(document, optionsFor(list, hasDates ? exportAddedDates(list) : undefined));
  assert.ok(reimported.ok, reimported.ok ? '' : reimported.problems.map((problem) => problem.message).join('\n'));

  const original = readFolder(folder);
  const again = new Map(reimported.files.map((file) => [file.name, file.text]));
  assert.deepEqual([...again.keys()].sort(), [...original.keys()]);
  for (const [name, text] of original) assert.equal(again.get(name), text, `${list.id}/${name} differs after the round trip`);
}

describe('exportListMarkdown', () => {
  it('round-trips the shipped list', async () => {
    const { catalog } = await loadCatalog(REPOSITORY_ROOT);
    const list = catalog?.lists.find((candidate) => candidate.id === SHIPPED_LIST);
    assert.ok(list, 'the shipped list does not load; run npm run check');
    assertRoundTrip(list, path.join(REPOSITORY_ROOT, 'content', SHIPPED_LIST));
  });

  for (const name of fixtureNames()) {
    const result = importDocument(readFixture(name), fixtureOptions(name));
    if (!result.ok) continue;

    it(`round-trips the fixture ${name}`, async () => {
      const root = path.join(scratch, name);
      const folder = path.join(root, 'content', 'fixture');
      await writeListFolder(folder, result.files);
      const { catalog, problems } = await loadCatalog(root);
      assert.ok(catalog, `the imported fixture does not pass the check: ${problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`).join('; ')}`);
      assertRoundTrip(catalog.lists[0]!, folder);
    });
  }

  it('writes the source front matter and headings', async () => {
    const { catalog } = await loadCatalog(REPOSITORY_ROOT);
    const list = catalog?.lists.find((candidate) => candidate.id === SHIPPED_LIST);
    assert.ok(list);
    const document = exportListMarkdown(list);
    assert.ok(document.startsWith('---\nlayout: post\ncategory: deep_learning\ntitle: Training Deep Neural Networks\ndate: 2015-10-09\n---\n\n# Tutorials\n'));
    assert.match(document, /^### Backward pass of BN$/m);
    assert.match(document, /^- github\(TensorFlow\): \[https:\/\/github\.com\/JianGoForIt\/YellowFin\]\(https:\/\/github\.com\/JianGoForIt\/YellowFin\)$/m);
  });
});

describe('exportAddedDates', () => {
  it('writes one line per dated entry', async () => {
    const { catalog } = await loadCatalog(REPOSITORY_ROOT);
    const list = catalog?.lists.find((candidate) => candidate.id === SHIPPED_LIST);
    assert.ok(list);
    const lines = exportAddedDates(list).trimEnd().split('\n');
    assert.equal(lines[0], 'first_seen\ttitle');
    assert.equal(lines.length - 1, new Set(list.entries).size);
  });
});
