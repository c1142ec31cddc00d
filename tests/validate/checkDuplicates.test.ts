import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arxivKey, arxivUrlKey, urlKey } from '../../src/validate/checkDuplicates.ts';
import { problemsFor } from '../support/contentFixture.ts';

const FILE = 'content/training-basics/entry.md';
const BATCH = 'content/training-basics/batch-normalization.md';

async function entryProblems(...lines: string[]): Promise<string[]> {
  return problemsFor({ 'training-basics/entry.md': `---\n${lines.join('\n')}\n---\n` });
}

describe('checkDuplicates', () => {
  it('reports a duplicate arXiv id', async () => {
    assert.deepEqual(await entryProblems('title: Same Paper', 'category: tricks', 'arxiv: "1502.03167v2"'), [
      `${BATCH}:11:8  error  arxiv: the arXiv id "1502.03167" is also used by another entry: ${FILE}:4 (received 1502.03167). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
      `${FILE}:4:8  error  arxiv: the arXiv id "1502.03167v2" is also used by another entry: ${BATCH}:11 (received 1502.03167v2). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
    ]);
  });

  it('reports a duplicate URL', async () => {
    assert.deepEqual(await entryProblems('title: Same Code', 'category: tricks', 'links:', '  - kind: code', '    url: https://GitHub.com/example/batch-norm-caffe/'), [
      `${BATCH}:17:10  error  links[1].url: the URL https://github.com/example/batch-norm-caffe is also used by another entry: ${FILE}:6 (received https://github.com/example/batch-norm-caffe). Fix: keep the link in one entry only; if both entries are the same work, merge them and list the second section under "also".`,
      `${FILE}:6:10  error  links[0].url: the URL https://GitHub.com/example/batch-norm-caffe/ is also used by another entry: ${BATCH}:17 (received https://GitHub.com/example/batch-norm-caffe/). Fix: keep the link in one entry only; if both entries are the same work, merge them and list the second section under "also".`,
    ]);
  });

  it('reports a duplicate normalised title', async () => {
    assert.deepEqual(await entryProblems('title: "layer normalization!"', 'category: tricks'), [
      `${FILE}:2:8  error  title: the title "layer normalization!" is also used by another entry: content/training-basics/layer-normalization.md:2 (received layer normalization!). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
      `content/training-basics/layer-normalization.md:2:8  error  title: the title "Layer Normalization" is also used by another entry: ${FILE}:2 (received Layer Normalization). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
    ]);
  });

  it('reports a title equal to an alias', async () => {
    assert.deepEqual(await entryProblems('title: Batch-Norm', 'category: tricks'), []);
    assert.deepEqual(await entryProblems('title: BatchNorm', 'category: tricks'), [
      `${BATCH}:20:5  error  aliases[0]: the title "BatchNorm" is also used by another entry: ${FILE}:2 (received BatchNorm). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
      `${FILE}:2:8  error  title: the title "BatchNorm" is also used by another entry: ${BATCH}:20 (received BatchNorm). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
    ]);
  });

  it('allows titles that differ in + or #', async () => {
    const files = {
      'training-basics/c-tricks.md': '---\ntitle: C tricks\ncategory: tricks\n---\n',
      'training-basics/c-plus-plus-tricks.md': '---\ntitle: C++ tricks\ncategory: tricks\n---\n',
      'training-basics/c-sharp-tricks.md': '---\ntitle: "C# tricks"\ncategory: tricks\n---\n',
    };
    assert.deepEqual(await problemsFor(files), []);
  });

  it('allows two punctuation titles', async () => {
    const files = {
      'training-basics/questions.md': '---\ntitle: "???"\ncategory: tricks\n---\n',
      'training-basics/exclamations.md': '---\ntitle: "!!!"\ncategory: tricks\n---\n',
    };
    assert.deepEqual(await problemsFor(files), []);
  });

  it('allows the same work in two lists', async () => {
    assert.deepEqual(await problemsFor({ 'optimization-notes/batch-normalization.md': '---\ntitle: Batch Normalization\ncategory: optimizers\narxiv: "1502.03167"\n---\n' }), []);
  });

  it('normalises arXiv ids and URLs', () => {
    assert.equal(arxivKey('1502.03167v2'), '1502.03167');
    assert.equal(arxivKey('cs/0112017v1'), 'cs/0112017');
    assert.equal(urlKey('HTTPS://Example.org/a/#top'), '//example.org/a');
    assert.equal(urlKey('https://example.org/A?q=1'), '//example.org/A?q=1');
  });

  it('ignores scheme, www and default port', () => {
    const key = urlKey('https://example.org/paper');
    for (const url of ['http://example.org/paper', 'https://www.example.org/paper/', 'http://WWW.Example.org:80/paper#abstract', 'https://example.org:443/paper']) {
      assert.equal(urlKey(url), key, url);
    }
    assert.notEqual(urlKey('https://example.org:8080/paper'), key);
    assert.notEqual(urlKey('https://example.org/paper?v=2'), key);
  });

  it('maps arXiv URLs to the id', () => {
    for (const url of ['https://arxiv.org/abs/1412.6980', 'https://arxiv.org/pdf/1412.6980v8.pdf', 'http://www.arxiv.org/abs/1412.6980v2', 'https://export.arxiv.org/abs/1412.6980/']) {
      assert.equal(arxivUrlKey(url), '1412.6980', url);
    }
    assert.equal(arxivUrlKey('https://arxiv.org/abs/cs/0112017v1'), 'cs/0112017');
    assert.equal(arxivUrlKey('https://example.org/abs/1412.6980'), undefined);
    assert.equal(arxivUrlKey('https://arxiv.org/list/cs.LG/recent'), undefined);
  });

  it('reports a URL differing in scheme and www', async () => {
    const problems = await entryProblems('title: Same Code', 'category: tricks', 'links:', '  - kind: code', '    url: http://www.github.com/example/batch-norm-caffe');
    assert.deepEqual(problems.map((problem) => problem.split('  error  ')[0]), [`${BATCH}:17:10`, `${FILE}:6:10`]);
    assert.match(problems[1]!, /the URL http:\/\/www\.github\.com\/example\/batch-norm-caffe is also used by another entry/);
  });

  it('reports an arXiv link matching an arxiv field', async () => {
    assert.deepEqual(await entryProblems('title: Adam again', 'category: tricks', 'links:', '  - kind: paper', '    url: https://www.arxiv.org/pdf/1502.03167v8.pdf'), [
      `${BATCH}:11:8  error  arxiv: the arXiv id "1502.03167" is also used by another entry: ${FILE}:6 (received 1502.03167). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
      `${FILE}:6:10  error  links[0].url: the arXiv paper of https://www.arxiv.org/pdf/1502.03167v8.pdf is also used by another entry: ${BATCH}:11 (received https://www.arxiv.org/pdf/1502.03167v8.pdf). Fix: merge the two entries into one file and list the second section under "also", or correct the one that is wrong.`,
    ]);
  });

  it('reports two arXiv links to one paper', async () => {
    const files = {
      'training-basics/one.md': '---\ntitle: One\ncategory: tricks\nlinks:\n  - kind: paper\n    url: https://arxiv.org/abs/1701.00001\n---\n',
      'training-basics/two.md': '---\ntitle: Two\ncategory: tricks\nlinks:\n  - kind: paper\n    url: http://arxiv.org/pdf/1701.00001v3.pdf\n---\n',
    };
    const problems = await problemsFor(files);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^content\/training-basics\/one\.md:6:10  error  links\[0\]\.url: the arXiv paper of https:\/\/arxiv\.org\/abs\/1701\.00001 is also used by another entry: content\/training-basics\/two\.md:6/);
  });

  it('allows an entry its own arXiv link', async () => {
    assert.deepEqual(await entryProblems('title: Own Link', 'category: tricks', 'arxiv: "1701.00002"', 'links:', '  - kind: paper', '    url: https://arxiv.org/pdf/1701.00002v1.pdf', '  - kind: abstract', '    url: https://www.arxiv.org/abs/1701.00002'), []);
  });
});

describe('checkDuplicates many', () => {
  it('names three others and counts the rest', async () => {
    const files: Record<string, string> = {};
    for (let index = 1; index <= 5; index++) files[`optimization-notes/copy-${index}.md`] = `---\ntitle: Copy ${index}\ncategory: optimizers\nlinks:\n  - kind: code\n    url: https://example.org/shared\n---\n`;
    const problems = await problemsFor(files);
    assert.equal(problems.length, 5);
    assert.equal(
      problems[0],
      'content/optimization-notes/copy-1.md:6:10  error  links[0].url: the URL https://example.org/shared is also used by other entries: content/optimization-notes/copy-2.md:6, content/optimization-notes/copy-3.md:6, content/optimization-notes/copy-4.md:6 and 1 more (received https://example.org/shared). Fix: keep the link in one entry only; if both entries are the same work, merge them and list the second section under "also".',
    );
  });
});
