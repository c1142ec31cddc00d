import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { entrySchema } from '../../schemas/entry.ts';
import { listSchema } from '../../schemas/list.ts';
import { importDocument, type ImportedFile } from '../../src/import/importDocument.ts';
import { formatImportReport } from '../../src/import/importReport.ts';
import { formatProblem } from '../../src/problems/format.ts';
import { FIXTURE_DIR, fixtureNames, fixtureOptions, readFixture } from './importFixtures.ts';

/** Set UPDATE_FIXTURES=1 to rewrite the expected reports from the current output. */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function expectText(file: string, actual: string): void {
  const expectedFile = path.join(FIXTURE_DIR, file);
  if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
  assert.equal(actual, readFileSync(expectedFile, 'utf8'), `output differs from ${file}; rerun with UPDATE_FIXTURES=1 after checking it`);
}

function resultText(name: string): string {
  const result = importDocument(readFixture(name), fixtureOptions(name));
  return result.ok ? `${formatImportReport(result.report)}\n` : `${result.problems.map(formatProblem).join('\n')}\n`;
}

function importOk(name: string): ImportedFile[] {
  const result = importDocument(readFixture(name), fixtureOptions(name));
  assert.ok(result.ok, `import of ${name} failed`);
  return result.files;
}

function frontmatter(file: ImportedFile | undefined): Record<string, unknown> {
  assert.ok(file, 'file is missing');
  const match = /^---\n([\s\S]*?)---\n/.exec(file.text);
  assert.ok(match, `${file.name} has no frontmatter`);
  return parseYaml(match[1]!) as Record<string, unknown>;
}

function bodyOf(file: ImportedFile | undefined): string {
  assert.ok(file);
  return file.text.replace(/^---\n[\s\S]*?---\n/, '').trim();
}

function byName(files: readonly ImportedFile[], name: string): ImportedFile | undefined {
  return files.find((file) => file.name === name);
}

describe('importDocument', () => {
  for (const name of fixtureNames()) {
    it(`reports ${name} as expected`, () => {
      expectText(`${name}.report.txt`, resultText(name));
    });
  }

  it('writes identical files twice', () => {
    for (const name of fixtureNames()) {
      const first = importDocument(readFixture(name), fixtureOptions(name));
      const second = importDocument(readFixture(name), fixtureOptions(name));
      assert.deepEqual(second, first, name);
    }
  });

  it('writes files the schemas accept', () => {
    for (const name of fixtureNames()) {
      const result = importDocument(readFixture(name), fixtureOptions(name));
      if (!result.ok) continue;
      for (const file of result.files) {
        const schema = file.name === '_list.md' ? listSchema : entrySchema;
        const check = schema.safeParse(frontmatter(file));
        assert.ok(check.success, `${name}/${file.name}: ${check.success ? '' : check.error.message}`);
      }
    }
  });

  it('stops a document without entries', () => {
    const result = importDocument(readFixture('bad-no-entries'), fixtureOptions('bad-no-entries'));
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.problems[0]?.code, 'no-entries');
  });

  it('never runs javascript front matter', () => {
    const result = importDocument(readFixture('bad-javascript-frontmatter'), fixtureOptions('bad-javascript-frontmatter'));
    assert.equal(result.ok ? '' : result.problems[0]?.code, 'frontmatter-language');
    assert.equal(existsSync('/tmp/pwned'), false);
  });

  for (const listId of ['keywords', 'search', 'assets']) {
    it(`rejects the reserved list id ${listId}`, () => {
      const result = importDocument(readFixture('bad-key-typo'), { ...fixtureOptions('bad-key-typo'), listId });
      assert.equal(result.ok, false);
      assert.equal(result.ok ? '' : result.problems[0]?.field, '--list');
      assert.match(result.ok ? '' : result.problems[0]!.message, /is reserved/);
    });
  }

  it('rejects a bad list id', () => {
    const result = importDocument(readFixture('bad-key-typo'), { ...fixtureOptions('bad-key-typo'), listId: 'Not An Id' });
    assert.equal(result.ok ? '' : result.problems[0]?.field, '--list');
  });
});

describe('importDocument on the blog-style fixture', () => {
  const files = importOk('blog-style');

  it('keeps a short title before a title as alias', () => {
    const entry = frontmatter(byName(files, 'rich-feature-hierarchies-for-accurate-object-detection-and-semantic-segmentation.md'));
    assert.deepEqual(entry.aliases, ['R-CNN']);
  });

  it('corrects misspelt keys', () => {
    const entry = frontmatter(byName(files, 'rich-feature-hierarchies-for-accurate-object-detection-and-semantic-segmentation.md'));
    assert.deepEqual(entry.intro, ['R-CNN', 'CVPR 2014']);
    assert.equal(entry.arxiv, '1311.2524');
    const links = entry.links as { kind: string; url: string; label?: string; text?: string }[];
    assert.ok(links.some((link) => link.kind === 'github' && link.url === 'https://github.com/rbgirshick/rcnn'));
  });

  it('keeps qualifiers, text beside links and several links', () => {
    const entry = frontmatter(byName(files, 'rich-feature-hierarchies-for-accurate-object-detection-and-semantic-segmentation.md'));
    const links = entry.links as { kind: string; url: string; label?: string; text?: string }[];
    assert.deepEqual(links.find((link) => link.url.endsWith('rcnn-caffe')), { kind: 'github', url: 'https://github.com/rbgirshick/rcnn-caffe', label: 'official, Caffe' });
    assert.equal(links.find((link) => link.kind === 'caffe-pr')?.label, '"Make R-CNN the Caffe detection example"');
    assert.equal(links.find((link) => link.kind === 'slides')?.text, '(ILSVRC workshop)');
    assert.equal(links.find((link) => link.kind === 'notes')?.text, 'PDF');
    assert.equal(links.filter((link) => link.kind === 'mirror').length, 2);
    assert.equal(links.find((link) => link.kind === 'project page')?.url, 'http://example.org/rcnn/');
  });

  it('keeps the arXiv link unless it is the abstract URL', () => {
    const rcnn = frontmatter(byName(files, 'rich-feature-hierarchies-for-accurate-object-detection-and-semantic-segmentation.md'));
    assert.ok((rcnn.links as { url: string }[]).some((link) => link.url === 'http://arxiv.org/abs/1311.2524'));
    const fast = frontmatter(byName(files, 'fast-r-cnn.md'));
    assert.equal(fast.arxiv, '1504.08083');
    assert.deepEqual(fast.links, [{ kind: 'link', url: 'https://github.com/rbgirshick/fast-rcnn' }]);
  });

  it('merges a title repeated in another section', () => {
    const entry = frontmatter(byName(files, 'rich-feature-hierarchies-for-accurate-object-detection-and-semantic-segmentation.md'));
    assert.deepEqual(entry.also, [{ category: 'blogs', order: 1 }]);
    assert.ok((entry.links as { url: string }[]).some((link) => link.url === 'https://example.org/rcnn-explained'));
  });

  it('resolves site-relative images in bodies', () => {
    const body = bodyOf(byName(files, 'rich-feature-hierarchies-for-accurate-object-detection-and-semantic-segmentation.md'));
    assert.match(body, /!\[\]\(https:\/\/example\.org\/assets\/od\/rcnn\.png\)/);
    assert.match(bodyOf(byName(files, '_list.md')), /https:\/\/example\.org\/assets\/od\/cover\.png/);
  });

  it('keeps code blocks out of titles and headings', () => {
    const loop = bodyOf(byName(files, 'training-loop-in-pytorch.md'));
    assert.match(loop, /\*\*not a title\*\*\n# not a heading/);
    const indented = bodyOf(byName(files, 'indented-code.md'));
    assert.equal(indented, '```\n**also not a title**\n# nor a heading\n```');
  });

  it('keeps nested bullets as body', () => {
    const file = byName(files, 'a-list-of-tricks.md');
    assert.match(bodyOf(file), /- tricks:\n {4}- warm-up\n {4}- label smoothing/);
    assert.deepEqual(frontmatter(file).intro, ['several tricks', 'collected from papers']);
  });

  it('builds the section tree with deeper headings', () => {
    const list = frontmatter(byName(files, '_list.md'));
    const sections = list.sections as { id: string; sections?: { id: string; sections?: { id: string }[] }[] }[];
    assert.deepEqual(sections.map((section) => section.id), ['leaderboard', 'papers', '中文资料', 'blogs']);
    assert.deepEqual(sections[1]!.sections?.map((section) => section.id), ['code']);
    assert.deepEqual(sections[1]!.sections?.[0]?.sections?.map((section) => section.id), ['nested-bullets']);
    assert.match(String((sections[0] as { description?: string }).description), /\| Detector \|/);
  });

  it('names Chinese entries by unique slugs', () => {
    assert.ok(byName(files, '深度学习目标检测综述.md'));
    assert.ok(byName(files, '目标检测入门.md'));
  });

  it('keeps the source front matter', () => {
    const list = frontmatter(byName(files, '_list.md'));
    assert.deepEqual((list.source as { frontmatter: unknown }).frontmatter, { layout: 'post', category: 'computer_vision', title: 'Object Detection', date: '2015-10-09' });
    assert.equal(list.created, '2015-10-09');
  });

  it('reads a title after a bullet', () => {
    assert.ok(byName(files, 'title-right-after-a-bullet.md'));
    assert.deepEqual(frontmatter(byName(files, 'object-detection-with-deep-learning-a-survey.md')).links, [{ kind: 'blog', url: 'https://example.org/survey' }]);
  });
});

describe('importDocument on the unusual-titles fixture', () => {
  const files = importOk('unusual-titles');
  const result = importDocument(readFixture('unusual-titles'), fixtureOptions('unusual-titles'));
  const report = result.ok ? formatImportReport(result.report) : '';
  type LinkData = { kind: string; url: string };

  it('keeps each entry its own links', () => {
    const paperA = frontmatter(byName(files, 'paper-a.md'));
    assert.deepEqual(paperA.links, [{ kind: 'github', url: 'https://github.com/example/a' }]);
    assert.equal(paperA.arxiv, undefined);
    assert.equal(bodyOf(byName(files, 'paper-a.md')), '');
  });

  it('reads text after a title as intro', () => {
    const paperB = frontmatter(byName(files, 'paper-b.md'));
    assert.deepEqual(paperB.intro, ['(CVPR 2016)']);
    assert.equal(paperB.arxiv, '1606.00001');
    assert.deepEqual(paperB.links, [{ kind: 'github', url: 'https://github.com/example/b' }]);
    assert.match(report, /md:7 {2}the title "Paper B" is followed on its line by "\(CVPR 2016\)": kept "\(CVPR 2016\)" as an intro line/);
  });

  it('reads links after a title as links', () => {
    assert.deepEqual(frontmatter(byName(files, 'paper-c.md')).links, [{ kind: 'link', url: 'https://example.org/c-project' }]);
  });

  it('reads underscore and nested bold titles', () => {
    assert.equal(frontmatter(byName(files, 'underscore-title.md')).title, 'Underscore title');
    assert.equal(frontmatter(byName(files, 'title-with-bold-inside.md')).title, 'Title with bold inside');
    assert.match(report, /contains emphasis: read as "Title with bold inside"/);
  });

  it('keeps the URL of a linked title', () => {
    const entry = frontmatter(byName(files, 'linked-title.md'));
    assert.equal(entry.title, 'Linked Title');
    assert.deepEqual((entry.links as LinkData[])[0], { kind: 'link', url: 'https://linked.example.org' });
    assert.match(report, /the title is written as a link: read the title "Linked Title"/);
  });

  it('strips emphasis from headings', () => {
    const list = frontmatter(byName(files, '_list.md'));
    const titles = (list.sections as { title: string }[]).map((section) => section.title);
    assert.deepEqual(titles, ['Papers', 'Bold heading', '???', '！！！']);
    assert.match(report, /the heading "\*\*Bold heading\*\*" contains emphasis: read as "Bold heading"/);
  });

  it('warns of bullets after a text line', () => {
    assert.match(report, /md:30 {2}the text line "\*\*Note\*\*: .*" is followed by more bullets of the entry "Paper D"/);
    assert.match(report, /md:67 {2}the text line "\*\*Remark\*\*: .*" is followed by more bullets of the entry "Paper F"/);
  });

  it('keeps C and C++ apart', () => {
    assert.equal(frontmatter(byName(files, 'c-tricks.md')).title, 'C++ tricks');
    assert.equal(frontmatter(byName(files, 'c-tricks-2.md')).title, 'C tricks');
    assert.doesNotMatch(report, /"C tricks" repeats/);
  });

  it('keeps a merged spelling as alias', () => {
    const entry = frontmatter(byName(files, 'dont-decay-the-learning-rate.md'));
    assert.equal(entry.title, "Don't Decay the Learning Rate");
    assert.deepEqual(entry.aliases, ['Don’t Decay the Learning Rate']);
    assert.deepEqual(entry.also, [{ category: 'bold-heading', order: 3 }]);
  });

  it('names both headings of one id', () => {
    assert.match(report, /md:58 {2}the heading "！！！" gives the same section id "section" as the heading "\?\?\?" of line 52/);
  });

  it('locates an unused date in its table', () => {
    assert.match(report, /\n {2}tests\/fixtures\/import\/unusual-titles\.added\.tsv:4 {2}the title "A title that is not in the list"/);
  });
});

describe('importDocument with added dates', () => {
  it('gives a merged entry its earliest date', () => {
    const files = importOk('duplicate-titles');
    assert.equal(frontmatter(byName(files, 'data-augmentation-generative-adversarial-networks.md')).added, '2017-12-09');
    assert.equal(frontmatter(byName(files, 'random-erasing-data-augmentation.md')).added, '2016-05-01');
  });

  it('merges a title repeated in one section without a placement', () => {
    const entry = frontmatter(byName(importOk('duplicate-titles'), 'data-augmentation-generative-adversarial-networks.md'));
    assert.equal(entry.also, undefined);
    assert.equal(entry.arxiv, '1711.04340');
    assert.deepEqual(entry.links, [{ kind: 'github', url: 'https://github.com/AntreasAntoniou/DAGAN' }]);
  });

  it('quotes dates and arXiv ids', () => {
    const text = byName(importOk('duplicate-titles'), 'data-augmentation-generative-adversarial-networks.md')?.text ?? '';
    assert.match(text, /^added: "2017-12-09"$/m);
    assert.match(text, /^arxiv: "1711.04340"$/m);
  });
});

describe('importDocument on keyword lists', () => {
  const document = [
    '# Papers',
    '',
    '**Oxford comma**',
    '',
    '- keywords: momentum correction, momentum factor masking, and warm-up training',
    '',
    '**Or before the last**',
    '',
    '- keywords: SGD, or Adam',
    '',
    '**Single term**',
    '',
    '- keywords: and-or trees',
    '',
  ].join('\n');
  const result = importDocument(document, { listId: 'keyword-lists', source: 'keywords.md' });
  assert.ok(result.ok, 'import of the keyword document failed');

  function keywordsOf(slug: string): unknown {
    return frontmatter(byName(result.ok ? result.files : [], `${slug}.md`)).keywords;
  }

  it('drops "and" before the last keyword', () => {
    assert.deepEqual(keywordsOf('oxford-comma'), ['momentum correction', 'momentum factor masking', 'warm-up training']);
  });

  it('drops "or" before the last keyword', () => {
    assert.deepEqual(keywordsOf('or-before-the-last'), ['SGD', 'Adam']);
  });

  it('keeps a single term as written', () => {
    assert.deepEqual(keywordsOf('single-term'), ['and-or trees']);
  });

  it('reports the dropped word as a correction', () => {
    const corrections = result.ok ? result.report.corrections : [];
    assert.deepEqual(
      corrections.map((item) => [item.line, item.message]),
      [
        [5, 'dropped the "and " before the last keyword "warm-up training" of a comma-separated list'],
        [9, 'dropped the "or " before the last keyword "Adam" of a comma-separated list'],
      ],
    );
  });
});
