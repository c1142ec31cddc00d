import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Link } from '../../schemas/entry.ts';
import { isPaperLink, workTypeOf } from '../../src/outputs/workType.ts';

const link = (kind: string, url: string): Link => ({ kind, url });

describe('workTypeOf', () => {
  const cases: { name: string; arxiv?: string; links?: Link[]; kind: string; main: string | undefined }[] = [
    { name: 'arxiv field only', arxiv: '1502.03167', kind: 'paper', main: undefined },
    { name: 'arXiv link under another kind', links: [link('link', 'https://arxiv.org/abs/1502.03167')], kind: 'paper', main: undefined },
    { name: 'paper link', links: [link('github', 'https://github.com/a/b'), link('paper', 'https://example.com/p')], kind: 'paper', main: 'https://example.com/p' },
    { name: 'openreview link', links: [link('openreview', 'https://openreview.net/forum?id=x')], kind: 'paper', main: 'https://openreview.net/forum?id=x' },
    { name: 'PDF under any kind', links: [link('dropbox', 'https://example.com/a.pdf?dl=0')], kind: 'paper', main: 'https://example.com/a.pdf?dl=0' },
    { name: 'slides PDF', links: [link('slides', 'https://example.com/talk.pdf')], kind: 'other', main: 'https://example.com/talk.pdf' },
    { name: 'blog after code', links: [link('github', 'https://github.com/a/b'), link('blog', 'https://blog.example.com/p')], kind: 'blog', main: 'https://blog.example.com/p' },
    { name: 'code only', links: [link('github', 'https://github.com/a/b'), link('gist', 'https://gist.github.com/c')], kind: 'code', main: 'https://github.com/a/b' },
    { name: 'code and a video', links: [link('github', 'https://github.com/a/b'), link('video', 'https://example.com/v')], kind: 'other', main: 'https://github.com/a/b' },
    { name: 'no links', kind: 'other', main: undefined },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const workType = workTypeOf({ arxiv: testCase.arxiv, links: testCase.links });
      assert.equal(workType.kind, testCase.kind);
      assert.equal(workType.mainLink?.url, testCase.main);
    });
  }
});

describe('isPaperLink', () => {
  it('accepts paper kinds', () => {
    for (const kind of ['paper', 'pdf', 'openreview', 'arxiv']) assert.ok(isPaperLink(link(kind, 'https://example.com/x')), kind);
  });

  it('rejects talks PDFs', () => {
    assert.equal(isPaperLink(link('talks', 'https://example.com/x.PDF')), false);
  });

  it('rejects a blog link', () => {
    assert.equal(isPaperLink(link('blog', 'https://example.com/pdf-tips')), false);
  });
});
