import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { formatRejection, NewEntryError } from '../../src/new/NewEntryError.ts';
import { renderEntryFile } from '../../src/new/renderEntryFile.ts';
import { writeEntryFile } from '../../src/new/writeEntryFile.ts';

describe('renderEntryFile', () => {
  it('quotes the arXiv id', () => {
    const text = renderEntryFile({ title: 'Fast R-CNN', category: 'detection', arxiv: '1504.08080' });

    assert.equal(text, '---\ntitle: Fast R-CNN\ncategory: detection\narxiv: "1504.08080"\n---\n');
  });

  it('keeps a trailing zero', () => {
    const text = renderEntryFile({ title: 'Deep Residual Learning', category: 'cnn', arxiv: '1502.03160' });
    const frontmatter = parse(text.split('---\n')[1]!) as { arxiv: unknown };

    assert.equal(frontmatter.arxiv, '1502.03160');
  });

  it('quotes YAML-breaking titles', () => {
    const title = 'Attention: the paper # that [matters] {{ 7 * 7 }}';
    const text = renderEntryFile({ title, category: 'nlp', intro: 'Attention: a venue' });
    const frontmatter = parse(text.split('---\n')[1]!) as { title: unknown; intro: unknown };

    assert.equal(frontmatter.title, title);
    assert.equal(frontmatter.intro, 'Attention: a venue');
  });

  it('never folds a long title', () => {
    const title = 'word '.repeat(40).trim();
    const text = renderEntryFile({ title, category: 'long' });

    assert.equal(text.split('\n')[1], `title: ${title}`);
  });

  it('adds a body after the frontmatter', () => {
    assert.equal(renderEntryFile({ title: 'T', category: 'c' }, '  Notes.  '), '---\ntitle: T\ncategory: c\n---\n\nNotes.\n');
  });
});

describe('writeEntryFile', () => {
  it('never replaces a file', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'write-entry-'));
    const file = path.join(folder, 'taken.md');
    await writeFile(file, 'original\n');

    try {
      await assert.rejects(writeEntryFile(file, 'content/list/taken.md', 'new text\n'), (error: unknown) => {
        assert.ok(error instanceof NewEntryError);
        assert.deepEqual(error.rejections.map(formatRejection), [
          'content/list/taken.md already exists, and new never overwrites a file. Fix: edit that file, or choose a different title.',
        ]);
        return true;
      });
      assert.equal(await readFile(file, 'utf8'), 'original\n');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
