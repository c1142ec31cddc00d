import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { formatRejection, NewEntryError } from '../../src/new/NewEntryError.ts';
import { planEntry, type NewEntryRequest } from '../../src/new/planEntry.ts';

const ROOT = fileURLToPath(new URL('../fixtures/new', import.meta.url));

const BASE: NewEntryRequest = { list: 'deep-learning', section: 'regularization', title: 'Dropout', added: '2026-01-31' };

/** Returns the rejection lines that planEntry throws for `request`, or fails when it does not throw. */
function rejections(catalog: Catalog, request: Partial<NewEntryRequest>): string[] {
  try {
    planEntry({ ...BASE, ...request }, catalog);
  } catch (error) {
    assert.ok(error instanceof NewEntryError, String(error));
    return error.rejections.map(formatRejection);
  }
  assert.fail('planEntry accepted the request');
}

describe('planEntry', () => {
  let catalog: Catalog;

  before(async () => {
    const loaded = await loadCatalog(ROOT);
    assert.deepEqual(loaded.problems, []);
    catalog = loaded.catalog!;
  });

  it('names the file after the title', () => {
    const plan = planEntry({ ...BASE, title: 'Dropout: A Simple Way to Prevent Overfitting' }, catalog);

    assert.equal(plan.file, 'content/deep-learning/dropout-a-simple-way-to-prevent-overfitting.md');
  });

  it('names a reserved title as check suggests', () => {
    const plan = planEntry({ ...BASE, title: 'Sections' }, catalog);

    assert.equal(plan.file, 'content/deep-learning/sections-2.md');
  });

  it('writes every field given', () => {
    const plan = planEntry({
      ...BASE,
      arxiv: 'https://arxiv.org/pdf/1207.0580v1.pdf',
      links: ['code(Torch)=https://github.com/example/dropout', 'Slides=https://example.org/slides.pdf'],
      keywords: ['dropout, regularization', 'co-adaptation', 'dropout'],
      intro: ['University of Toronto', '  '],
    }, catalog);

    assert.deepEqual(plan.frontmatter, {
      title: 'Dropout',
      category: 'regularization',
      order: 1,
      added: '2026-01-31',
      intro: ['University of Toronto'],
      keywords: ['dropout', 'regularization', 'co-adaptation'],
      arxiv: '1207.0580v1',
      links: [
        { kind: 'code', label: 'Torch', url: 'https://github.com/example/dropout' },
        { kind: 'slides', url: 'https://example.org/slides.pdf' },
      ],
    });
  });

  const orders: Array<[string, number | undefined]> = [
    ['optimization', 2],
    ['optimization/learning-rate', 5],
    ['regularization', 1],
    ['initialization', 1],
    ['normalization', undefined],
  ];
  for (const [section, order] of orders) {
    it(`places the entry last in ${section}`, () => {
      assert.equal(planEntry({ ...BASE, section }, catalog).frontmatter.order, order);
    });
  }

  it('finds a section by id or title', () => {
    assert.equal(planEntry({ ...BASE, section: 'learning-rate' }, catalog).section.path, 'optimization/learning-rate');
    assert.equal(planEntry({ ...BASE, section: 'Learning Rate' }, catalog).section.path, 'optimization/learning-rate');
  });

  it('accepts a work listed in another list', () => {
    const links = ['paper=https://www.cs.toronto.edu/~rsalakhu/papers/srivastava14a.pdf'];
    const plan = planEntry({ ...BASE, title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting', links }, catalog);

    assert.equal(plan.list.id, 'deep-learning');
  });

  const FIX_DUPLICATE = 'Fix: edit that entry instead; to list it in a second section, add the section to its "also" field.';
  const rejected: Array<[string, Partial<NewEntryRequest>, string[]]> = [
    ['an unknown list', { list: 'deep-lerning' }, ['unknown list "deep-lerning". Fix: did you mean "deep-learning"?']],
    ['a list far from any', { list: 'poetry' }, ['unknown list "poetry". Fix: give one of the lists: deep-learning, other-list.']],
    [
      'an unknown section',
      { section: 'optimisation' },
      ['unknown section "optimisation" in the list "deep-learning". Fix: did you mean "optimization"? Or run "npm run new -- --list deep-learning --sections" to see every section path.'],
    ],
    [
      'a section of another list',
      { section: 'papers' },
      ['unknown section "papers" in the list "deep-learning". Fix: run "npm run new -- --list deep-learning --sections" to see every section path.'],
    ],
    [
      'the same arXiv id',
      { arxiv: 'https://arxiv.org/abs/1412.6980v9' },
      [`content/deep-learning/adam.md already has the arXiv id "1412.6980". ${FIX_DUPLICATE}`],
    ],
    [
      'an arXiv link to a listed paper',
      { links: ['paper=https://www.arxiv.org/pdf/1412.6980v8.pdf'] },
      [`content/deep-learning/adam.md already has the arXiv id "1412.6980". ${FIX_DUPLICATE}`],
    ],
    [
      'the same URL over http with www',
      { links: ['code=http://www.github.com/example/adam'] },
      [`content/deep-learning/adam.md already has the URL https://github.com/example/adam. ${FIX_DUPLICATE}`],
    ],
    [
      'the same URL',
      { links: ['code=https://github.com/example/adam/'] },
      [`content/deep-learning/adam.md already has the URL https://github.com/example/adam. ${FIX_DUPLICATE}`],
    ],
    [
      'the same title',
      { title: 'sgdr - stochastic gradient descent with warm restarts' },
      [`content/deep-learning/sgdr.md already has the title "SGDR: Stochastic Gradient Descent with Warm Restarts". ${FIX_DUPLICATE}`],
    ],
    ['an alias as title', { title: 'Batchnorm' }, [`content/deep-learning/batch-normalization.md already has the title "BatchNorm". ${FIX_DUPLICATE}`]],
    [
      'an invalid arXiv id',
      { arxiv: 'https://example.org/1412.6980' },
      ['--arxiv "https://example.org/1412.6980" is neither an arXiv id nor an arXiv URL. Fix: give an id such as 1502.03167 or cs/0112017, or a URL such as https://arxiv.org/abs/1502.03167.'],
    ],
    [
      'a link without a kind',
      { links: ['https://github.com/example/dropout'] },
      ['--link "https://github.com/example/dropout" is not written as kind=url. Fix: write it as kind=url, such as code=https://github.com/user/repo, or kind(label)=url.'],
    ],
    ['a javascript: link', { links: ['code=javascript:alert(1)'] }, ['the URL of --link "code=javascript:alert(1)" must be an absolute http:// or https:// URL. Fix: give the full address of the page, starting with https:// or http://, such as code=https://github.com/user/repo.']],
    [
      'an invalid link kind',
      { links: ['c#=https://example.org/x'] },
      ['the kind of --link "c#=https://example.org/x" must be a lower-case word such as "paper", "code", "blog", "slides" or "project page". Fix: start the link with a kind such as paper, code, blog or slides, such as code=https://github.com/user/repo.'],
    ],
    ['an empty title', { title: '   ' }, ['--title must not be empty. Fix: give the title on one line, such as --title "Adam: A Method for Stochastic Optimization".']],
    ['a title on two lines', { title: 'Dropout\nRevisited' }, ['--title must be one line, without line breaks. Fix: give the title on one line, such as --title "Adam: A Method for Stochastic Optimization".']],
    ['a keyword over 80 characters', { keywords: ['k'.repeat(81)] }, [`--keyword "${'k'.repeat(81)}" must be at most 80 characters. Fix: give a short term, such as --keyword "batch normalization".`]],
    ['an invalid date', { added: '2026-02-30' }, ['--date "2026-02-30" must be a date written YYYY-MM-DD, such as 2024-05-31. Fix: give a real date written YYYY-MM-DD, or leave out --date for today.']],
  ];
  for (const [name, request, expected] of rejected) {
    it(`rejects ${name}`, () => {
      assert.deepEqual(rejections(catalog, request), expected);
    });
  }

  it('reports every problem at once', () => {
    const lines = rejections(catalog, { title: '', arxiv: 'nope', links: ['code'] });

    assert.equal(lines.length, 3);
  });

  it('rejects a file name that is taken', () => {
    // Slugs are cut at 80 characters, so two titles that differ only near the end share a file name.
    const title = 'Very Deep Convolutional Networks for Large-Scale Image Recognition, with Notes on Training: Part Two';

    assert.deepEqual(rejections(catalog, { title }), [
      'content/deep-learning/very-deep-convolutional-networks-for-large-scale-image-recognition-with-notes.md already exists, and new never overwrites a file. Fix: edit that file, or choose a different title.',
    ]);
  });
});
