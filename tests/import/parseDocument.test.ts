import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arxivIdFromText, arxivIdFromUrl } from '../../src/import/arxivId.ts';
import { correctKey, KNOWN_KEYS, parseFieldLine } from '../../src/import/fieldLine.ts';
import { isBareLinkLine, parseDocument, titleOfLine } from '../../src/import/parseDocument.ts';
import { fixtureNames, readFixture } from './importFixtures.ts';

const known = new Set(KNOWN_KEYS);

describe('titleOfLine', () => {
  const cases: [string, ReturnType<typeof titleOfLine>][] = [
    ['**Fast R-CNN**', { text: 'Fast R-CNN', unclosed: false }],
    ['  **Spaced title**  ', { text: 'Spaced title', unclosed: false }],
    ['**Learning Bag-of-Features Pooling', { text: 'Learning Bag-of-Features Pooling', unclosed: true }],
    ['**Title with *emphasis***', { text: 'Title with emphasis', unclosed: false, written: 'Title with *emphasis*' }],
    ['**Title with **bold** inside**', { text: 'Title with bold inside', unclosed: false, written: 'Title with **bold** inside' }],
    ['**Paper B** (CVPR 2016)', { text: 'Paper B', unclosed: false, trailing: '(CVPR 2016)' }],
    ['__Underscore title__', { text: 'Underscore title', unclosed: false }],
    ['__Underscore title__ (2017)', { text: 'Underscore title', unclosed: false, trailing: '(2017)' }],
    ['**[Linked Title](https://linked.example.org)**', { text: 'Linked Title', unclosed: false, url: 'https://linked.example.org', written: '[Linked Title](https://linked.example.org)' }],
    ['**[Image](javascript:alert(1))**', { text: '[Image](javascript:alert(1))', unclosed: false }],
    ['**Note**: not a title', undefined],
    ['**A** and **B**', undefined],
    ['__init__.py', undefined],
    ['__Unclosed underscores', undefined],
    ['***bold italic***', undefined],
    ['    **indented code**', undefined],
    ['****', undefined],
    ['plain text', undefined],
  ];
  for (const [line, expected] of cases) {
    it(`reads ${JSON.stringify(line)}`, () => assert.deepEqual(titleOfLine(line), expected));
  }
});

describe('isBareLinkLine', () => {
  const cases: [string, boolean][] = [
    ['[https://a.org/x](https://a.org/x)', true],
    ['[PDF](https://a.org/x.pdf)', true],
    ['[https://a.org/a](https://a.org/a), [https://a.org/b](https://a.org/b)', true],
    ['https://a.org/bare', true],
    ['<https://a.org/auto>', true],
    ['See [this](https://a.org/x) post', false],
    ['![](https://a.org/x.png)', false],
    ['no link at all', false],
  ];
  for (const [line, expected] of cases) {
    it(`reads ${JSON.stringify(line)}`, () => assert.equal(isBareLinkLine(line), expected));
  }
});

describe('parseFieldLine', () => {
  it('reads key, qualifier and value', () => {
    assert.deepEqual(parseFieldLine('github(official, Pytorch): [u](u)', known), { key: 'github', writtenKey: 'github', qualifier: 'official, Pytorch', value: '[u](u)' });
  });

  it('keeps a key with spaces', () => {
    assert.equal(parseFieldLine('project page: [u](u)', known)?.key, 'project page');
  });

  it('splits at the first colon', () => {
    assert.equal(parseFieldLine('intro: Attention: the paper', known)?.value, 'Attention: the paper');
  });

  it('reads no key from a URL', () => {
    assert.equal(parseFieldLine('https://example.org/x', known), undefined);
  });

  it('reads no key from a sentence', () => {
    assert.equal(parseFieldLine('this is a long sentence that ends: with a colon', known), undefined);
  });
});

describe('correctKey', () => {
  const cases: [string, string | undefined][] = [
    ['gihtub', 'github'],
    ['gtihub', 'github'],
    ['arixv', 'arxiv'],
    ['inro', 'intro'],
    ['projet page', 'project page'],
    ['ipn', undefined],
    ['gitxiv', undefined],
    ['projpage', undefined],
  ];
  for (const [key, expected] of cases) {
    it(`corrects ${key}`, () => assert.equal(correctKey(key, known), expected));
  }
});

describe('arxivIdFromUrl', () => {
  const cases: [string, string | undefined][] = [
    ['https://arxiv.org/abs/1502.03167', '1502.03167'],
    ['http://arxiv.org/abs/1502.03167v2', '1502.03167v2'],
    ['https://arxiv.org/pdf/1207.0580.pdf', '1207.0580'],
    ['https://arxiv.org/abs/cs/0112017', 'cs/0112017'],
    ['https://example.org/abs/1502.03167', undefined],
    ['https://arxiv.org/list/cs.LG', undefined],
  ];
  for (const [url, expected] of cases) {
    it(`reads ${url}`, () => assert.equal(arxivIdFromUrl(url), expected));
  }

  it('reads an id written as text', () => {
    assert.equal(arxivIdFromText('arXiv:1502.03160'), '1502.03160');
  });
});

describe('parseDocument', () => {
  it('covers every line of each fixture', () => {
    for (const name of fixtureNames()) {
      const text = readFixture(name).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
      const parsed = parseDocument(text, name);
      if (parsed.problems.length > 0) continue;

      const lines = text.split('\n');
      const frontEnd = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
      const covered = new Set<number>();
      for (const block of parsed.blocks) for (let line = block.line; line <= block.endLine; line++) covered.add(line);
      lines.forEach((line, index) => {
        if (index < frontEnd || line.trim() === '') return;
        assert.ok(covered.has(index + 1), `${name}:${index + 1} is in no block: ${line}`);
      });
    }
  });

  it('keeps the front matter values', () => {
    const parsed = parseDocument('---\nlayout: post\ndate: 2015-10-09\ncomments: true\n---\n\n# A\n', 'x.md');
    assert.deepEqual(parsed.frontmatter, { layout: 'post', date: '2015-10-09', comments: true });
  });

  it('reports invalid front matter with its line', () => {
    const parsed = parseDocument('---\ntitle: a\ntitle: b\n---\n', 'x.md');
    assert.equal(parsed.problems[0]?.code, 'invalid-yaml');
  });

  it('reports unclosed front matter', () => {
    assert.equal(parseDocument('---\ntitle: a\n\n# A\n', 'x.md').problems[0]?.code, 'unclosed-frontmatter');
  });
});
