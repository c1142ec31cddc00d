import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '@retorquere/bibtex-parser';
import { bibtexForEntry, bibtexTitle, escapeLatex, renderListBibtex } from '../../src/outputs/bibtex.ts';
import type { CatalogEntry } from '../../src/catalog/types.ts';
import { fixtureCatalog, HOSTILE_TITLE } from '../fixtures/outputs/catalog.ts';

/** Parses BibTeX keeping titles as written, without the parser's sentence-casing. */
function parseBibtex(text: string) {
  return parse(text, { sentenceCase: false });
}

function entryTitled(title: string): CatalogEntry {
  const entry = fixtureCatalog().entries.find((candidate) => candidate.data.title === title);
  assert.ok(entry, `no fixture entry titled ${title}`);
  return entry;
}

describe('renderListBibtex', () => {
  const list = fixtureCatalog().lists[0];
  assert.ok(list);
  const library = parseBibtex(renderListBibtex(list));

  it('parses without errors', () => {
    assert.deepEqual(library.errors, []);
  });

  it('has one record per entry, in order', () => {
    assert.deepEqual(
      library.entries.map((record) => record.key),
      list.entries.map((entry) => entry.slug),
    );
  });

  it('gives unique citation keys', () => {
    const keys = library.entries.map((record) => record.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('round-trips every title through escaping', () => {
    assert.deepEqual(
      library.entries.map((record) => record.fields.title),
      list.entries.map((entry) => entry.data.title),
    );
  });
});

describe('bibtexForEntry', () => {
  it('writes an arXiv entry as an e-print', () => {
    const [record] = parseBibtex(bibtexForEntry(entryTitled('Deep Learning using Rectified Linear Units (ReLU)'))).entries;
    assert.equal(record?.type, 'misc');
    assert.equal(record?.fields.eprint, '1803.08375');
    assert.equal(record?.fields.archiveprefix, 'arXiv');
    assert.equal(record?.fields.url, 'https://arxiv.org/abs/1803.08375');
    assert.equal(record?.fields.year, '2018');
    assert.equal(record?.fields.month, '3');
    assert.equal(record?.fields.primaryclass, undefined);
  });

  it('finds the arXiv id in an arXiv link', () => {
    const text = bibtexForEntry(entryTitled('SNIPER: Efficient Multi-Scale Training'));
    assert.match(text, /eprint = \{1805\.09300\}/);
  });

  it('gives an old-style id its primary class', () => {
    const [record] = parseBibtex(bibtexForEntry(entryTitled('Old-style arXiv paper'))).entries;
    assert.equal(record?.fields.eprint, 'cs/0112017');
    assert.equal(record?.fields.primaryclass, 'cs');
    assert.equal(record?.fields.year, '2001');
  });

  it('cites other works by their paper link', () => {
    const text = bibtexForEntry(entryTitled('Rectified linear units improve restricted boltzmann machines'));
    const [record] = parseBibtex(text).entries;
    assert.equal(record?.fields.url, 'http://machinelearning.wustl.edu/mlpapers/paper_files/icml2010_NairH10.pdf');
    assert.match(text, /howpublished = \{\\url\{http:\/\/machinelearning\.wustl\.edu\//);
    assert.doesNotMatch(text, /eprint/);
  });

  it('leaves out the URL without links', () => {
    const text = bibtexForEntry(entryTitled('A work without links or date'));
    assert.equal(text, '@misc{a-work-without-links-or-date,\n  title = {A work without links or date}\n}\n');
  });

  it('escapes a hostile title', () => {
    const text = bibtexForEntry(entryTitled(HOSTILE_TITLE));
    const title = /title = \{(.*)\},\n/.exec(text)?.[1];
    assert.equal(
      title,
      "\\textless{}/script\\textgreater{}\\textless{}script\\textgreater{}alert(\"x\")\\textless{}/script\\textgreater{} \\& 'quoted' \\textbraceleft{}braces\\textbraceright{} 100\\% \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} {ReLU}",
    );
  });

  it('escapes the percent and hash of a URL in howpublished', () => {
    const text = bibtexForEntry(entryTitled(HOSTILE_TITLE));
    assert.match(text, /howpublished = \{\\url\{https:\/\/example\.com\/post\?a=1&b=2\\#part\}\}/);
    assert.match(text, /\n {2}url = \{https:\/\/example\.com\/post\?a=1&b=2#part\}/);
  });

  it('writes intro as note and keywords', () => {
    const [record] = parseBibtex(bibtexForEntry(entryTitled('Deep Learning using Rectified Linear Units (ReLU)'))).entries;
    assert.equal(record?.fields.note, 'Adamson University');
    assert.deepEqual(record?.fields.keywords?.toSorted(), ['ReLU', 'activation']);
  });
});

describe('bibtexTitle', () => {
  const cases: Array<[string, string]> = [
    ['Learning ReLUs via Gradient Descent', 'Learning {ReLUs} via Gradient Descent'],
    ['SNIPER: Efficient Multi-Scale Training', '{SNIPER}: Efficient Multi-Scale Training'],
    ['Deep Learning using Rectified Linear Units (ReLU)', 'Deep Learning using Rectified Linear Units ({ReLU})'],
    ['Deep Residual Learning with ResNet-50', 'Deep Residual Learning with {ResNet-50}'],
    ['Training Better CNNs', 'Training Better {CNNs}'],
    ['A 3D study', 'A {3D} study'],
    ['R&D in AI', '{R\\&D} in {AI}'],
    ['plain lower case', 'plain lower case'],
    ['Approaches of DNNs\u200a—\u200aA Quick Overview', 'Approaches of {DNNs}\u200a—\u200aA Quick Overview'],
    ['Gradient_descent & 100% of {x}', 'Gradient\\_descent \\& 100\\% of \\textbraceleft{}x\\textbraceright{}'],
    ['\u{1D49C}B is braced', '{\u{1D49C}B} is braced'],
    ['\u{1D49C}b is not', '\u{1D49C}b is not'],
  ];
  for (const [title, expected] of cases) {
    it(`protects ${title}`, () => {
      assert.equal(bibtexTitle(title), expected);
    });
  }
});

describe('escapeLatex', () => {
  it('escapes every special character', () => {
    assert.equal(
      escapeLatex('& % $ # _ { } ~ ^ \\ < >'),
      '\\& \\% \\$ \\# \\_ \\textbraceleft{} \\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{} \\textgreater{}',
    );
  });
});
