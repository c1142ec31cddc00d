// Cross-checks the shipped list against the document it was imported from. Runs only where
// that document is present in a folder beside the repository.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import type { CatalogEntry, CatalogList } from '../../src/catalog/types.ts';
import { arxivAbstractUrl } from '../../src/import/arxivId.ts';
import { importDocument } from '../../src/import/importDocument.ts';
import { scanInlineLinks } from '../../src/import/inlineLinks.ts';
import { REPOSITORY_ROOT } from './importFixtures.ts';

const SEED = path.resolve(REPOSITORY_ROOT, '../shared/seed');
const DOCUMENT = path.join(SEED, 'training-dnn.md');
const ADDED = path.join(SEED, 'training-dnn.added.tsv');
const PAGE_TEXT = path.join(SEED, '000_1f28617a00adf9e3.txt');
const BASE_URL = 'https://handong1587.github.io';
const skip = existsSync(DOCUMENT) ? false : `no source document at ${path.relative(REPOSITORY_ROOT, DOCUMENT)}: the cross-check of the shipped list needs it`;

/** Straight and curly quotes count as the same character. */
function sameQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').trim();
}

describe('shipped list against its source', { skip }, () => {
  let list: CatalogList;
  let titles: Set<string>;
  const source = skip === false ? readFileSync(DOCUMENT, 'utf8').split('\n') : [];

  before(async () => {
    const { catalog, problems } = await loadCatalog(REPOSITORY_ROOT);
    assert.ok(catalog, `the content does not pass the check: ${problems.map((problem) => problem.message).join('; ')}`);
    const found = catalog.lists.find((candidate) => candidate.id === 'training-deep-neural-networks');
    assert.ok(found, 'the list training-deep-neural-networks is missing');
    list = found;
    titles = new Set(list.entries.flatMap((entry) => [entry.data.title, ...(entry.data.aliases ?? [])]).map(sameQuotes));
  });

  it('matches a fresh import byte for byte', () => {
    const data = list.data;
    const origin = data.source;
    assert.ok(origin, 'the list file has no source');
    const result = importDocument(readFileSync(DOCUMENT, 'utf8'), {
      listId: list.id,
      source: 'training-dnn.md',
      title: data.title,
      description: data.description,
      baseUrl: origin.baseUrl,
      origin: { url: origin.url, licence: origin.licence, licenceUrl: origin.licenceUrl, copyright: origin.copyright, revision: origin.revision },
      added: { text: readFileSync(ADDED, 'utf8'), file: 'training-dnn.added.tsv' },
    });
    assert.ok(result.ok);

    const folder = path.join(REPOSITORY_ROOT, 'content', list.id);
    assert.deepEqual(result.files.map((file) => file.name).sort(), readdirSync(folder).filter((name) => name.endsWith('.md')).sort());
    for (const file of result.files) assert.equal(file.text, readFileSync(path.join(folder, file.name), 'utf8'), `${file.name} differs from a fresh import: run the import command of the README again`);
  });

  it('keeps all 372 bold titles', () => {
    const bold = source.filter((line) => line.startsWith('**')).map((line) => line.trim().replace(/^\*\*/, '').replace(/\*\*$/, '').trim());
    assert.equal(bold.length, 372);
    for (const title of bold) assert.ok(titles.has(sameQuotes(title)), `the title "${title}" is not in the content`);
  });

  it('keeps every URL of the source', () => {
    const kept = new Set<string>();
    const texts: string[] = [list.body, ...[...list.sectionsByPath.values()].map((section) => section.description ?? '')];
    const seen = new Set<CatalogEntry>();
    for (const entry of list.entries) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      for (const link of entry.data.links ?? []) kept.add(link.url);
      if (entry.data.arxiv !== undefined) kept.add(arxivAbstractUrl(entry.data.arxiv));
      texts.push(entry.body, ...(entry.data.intro ?? []), ...(entry.data.details ?? []).map((detail) => detail.text));
    }
    const allText = texts.join('\n');

    let count = 0;
    for (const line of source) {
      for (const span of scanInlineLinks(line)) {
        count += 1;
        const url = span.url.startsWith('/') ? new URL(span.url, BASE_URL).href : span.url;
        assert.ok(kept.has(url) || allText.includes(url), `the URL ${url} is not in the content`);
      }
    }
    assert.ok(count > 500, `only ${count} URLs found in the source`);
  });

  it('applies every added date', () => {
    const earliest = new Map<string, string>();
    for (const line of readFileSync(ADDED, 'utf8').trim().split('\n').slice(1)) {
      const [date, title] = line.split('\t') as [string, string];
      const known = earliest.get(title);
      if (known === undefined || date < known) earliest.set(title, date);
    }
    const byTitle = new Map(list.entries.map((entry) => [entry.data.title, entry.data.added]));
    for (const [title, date] of earliest) assert.equal(byTitle.get(title), date, `the entry "${title}"`);
  });

  it('matches every entry line of the page text', () => {
    const headings = new Set([...list.sectionsByPath.values()].map((section) => section.title));
    const lines = readFileSync(PAGE_TEXT, 'utf8').split('\n').map((line) => line.trim());
    const pageTitle = lines[0];
    let matched = 0;
    for (const line of lines) {
      // Not entry names: blank lines, bullets, section headings and the page's header lines.
      if (line === '' || line.startsWith('•') || headings.has(line) || line === pageTitle || line.startsWith('Published:')) continue;
      const title = line.replace(/^\*\*/, '');
      assert.ok(titles.has(sameQuotes(title)), `the page line "${line}" matches no entry title`);
      matched += 1;
    }
    assert.ok(matched >= 360, `only ${matched} page lines matched`);
  });
});
