import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContentError, loadCatalog, loadCatalogOrThrow } from '../../src/catalog/loadCatalog.ts';
import { ReadError, ValidationError } from '../../src/problems/contentError.ts';
import type { EntryResultCache } from '../../src/validate/validateEntries.ts';
import { makeContent } from '../support/contentFixture.ts';

const BAD_ENTRY = '---\ntitle: 1984\ncategory: tricks\n---\n';

describe('loadCatalog', () => {
  it('returns catalog and summary', async () => {
    const fixture = await makeContent();
    try {
      const result = await loadCatalog(fixture.root);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.summary, { lists: 2, sections: 7, entries: 6 });
      assert.equal(result.catalog?.entries.length, 6);
    } finally {
      await fixture.remove();
    }
  });

  it('returns no catalog on an error', async () => {
    const fixture = await makeContent({ 'training-basics/bad.md': BAD_ENTRY });
    try {
      const result = await loadCatalog(fixture.root);
      assert.equal(result.catalog, undefined);
      assert.equal(result.problems.length, 1);
      assert.deepEqual(result.summary, { lists: 2, sections: 7, entries: 6 });
    } finally {
      await fixture.remove();
    }
  });

  it('keeps the catalog with warnings only', async () => {
    const fixture = await makeContent({ 'training-basics/notes.txt': 'x' });
    try {
      const result = await loadCatalog(fixture.root);
      assert.equal(result.problems[0]?.severity, 'warning');
      assert.ok(result.catalog);
    } finally {
      await fixture.remove();
    }
  });

  it('reports only the given files', async () => {
    const fixture = await makeContent({ 'training-basics/bad.md': BAD_ENTRY, 'training-basics/worse.md': BAD_ENTRY.replace('tricks', 'nowhere') });
    try {
      const result = await loadCatalog(fixture.root, { files: ['content/training-basics/worse.md', `${fixture.root}/content/training-basics/adam.md`, 'README.md'] });
      assert.deepEqual(
        result.problems.map((problem) => `${problem.file} ${problem.code}`),
        ['README.md file-not-found', 'content/training-basics/adam.md file-not-found', 'content/training-basics/worse.md not-text', 'content/training-basics/worse.md unknown-section'],
      );
    } finally {
      await fixture.remove();
    }
  });

  it('reports a given file outside content', async () => {
    const fixture = await makeContent();
    try {
      const result = await loadCatalog(fixture.root, { files: ['content'] });
      assert.deepEqual(result.problems.map((problem) => `${problem.file} ${problem.code}`), ['content file-outside-content']);
    } finally {
      await fixture.remove();
    }
  });

  it('throws ReadError without content folder', async () => {
    await assert.rejects(loadCatalog('/nonexistent-root'), (error: unknown) => {
      assert.ok(error instanceof ReadError);
      assert.ok(error instanceof ContentError);
      assert.match(error.message, /^cannot read the content folder content: ENOENT/);
      assert.ok(error.cause instanceof Error);
      return true;
    });
  });
});

describe('loadCatalogOrThrow', () => {
  it('returns the catalog', async () => {
    const fixture = await makeContent();
    try {
      const catalog = await loadCatalogOrThrow(fixture.root);
      assert.equal(catalog.lists.length, 2);
    } finally {
      await fixture.remove();
    }
  });

  it('throws the report as ValidationError', async () => {
    const fixture = await makeContent({ 'training-basics/bad.md': BAD_ENTRY });
    try {
      await assert.rejects(loadCatalogOrThrow(fixture.root), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.ok(error instanceof ContentError);
        assert.equal(
          error.message,
          [
            'the content has errors, so no site was built:',
            'content/training-basics/bad.md:2:8  error  title: must be text, but YAML reads 1984 as a number (received 1984). Fix: put it in quotes: title: "1984".',
            '1 error, 0 warnings',
          ].join('\n'),
        );
        assert.equal(error.problems.length, 1);
        return true;
      });
    } finally {
      await fixture.remove();
    }
  });
});

describe('loadCatalog given files', () => {
  it('adds problems of the list file', async () => {
    const fixture = await makeContent({ 'optimization-notes/_list.md': '---\ntitle: Optimization Notes\nsections: []\n---\n' });
    try {
      const result = await loadCatalog(fixture.root, { files: ['content/optimization-notes/adam.md'] });
      assert.deepEqual(
        result.problems.map((problem) => `${problem.file} ${problem.field} ${problem.code}`),
        ['content/optimization-notes/_list.md description missing-field', 'content/optimization-notes/_list.md sections too-small'],
      );
    } finally {
      await fixture.remove();
    }
  });
});

describe('loadCatalog with an entry cache', () => {
  const duplicate = '---\ntitle: "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift"\ncategory: tricks\n---\n';
  const distinct = '---\ntitle: A distinct title\ncategory: tricks\n---\n';
  const describeProblems = (result: Awaited<ReturnType<typeof loadCatalog>>) => result.problems.map((problem) => `${problem.file} ${problem.field} ${problem.code}`);

  it('reports and clears a duplicate', async () => {
    const fixture = await makeContent();
    try {
      const cache: EntryResultCache = new Map();
      assert.deepEqual(describeProblems(await loadCatalog(fixture.root, { cache })), []);

      await fixture.write('training-basics/copy.md', duplicate);
      const withCopy = await loadCatalog(fixture.root, { cache });
      assert.deepEqual(describeProblems(withCopy), [
        'content/training-basics/batch-normalization.md title duplicate-title',
        'content/training-basics/copy.md title duplicate-title',
      ]);
      assert.equal(withCopy.catalog, undefined);

      await fixture.write('training-basics/copy.md', distinct);
      const fixed = await loadCatalog(fixture.root, { cache });
      assert.deepEqual(describeProblems(fixed), []);
      assert.equal(fixed.catalog?.entries.length, 7);
    } finally {
      await fixture.remove();
    }
  });

  it('keeps a duplicate of an unchanged list', async () => {
    const fixture = await makeContent({ 'training-basics/copy.md': duplicate });
    try {
      const cache: EntryResultCache = new Map();
      const first = describeProblems(await loadCatalog(fixture.root, { cache }));
      await fixture.write('optimization-notes/extra.md', '---\ntitle: Another optimizer\ncategory: optimizers\n---\n');

      const second = await loadCatalog(fixture.root, { cache });

      assert.equal(first.length, 2);
      assert.deepEqual(describeProblems(second), first);
    } finally {
      await fixture.remove();
    }
  });
});
