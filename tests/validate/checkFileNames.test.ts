import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOwnSlug } from '../../src/validate/checkFileNames.ts';
import { slugify } from '../../src/text/slug.ts';
import { problemsFor } from '../support/contentFixture.ts';

function entry(title: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\ncategory: tricks\n---\n`;
}

describe('checkFileNames', () => {
  it('reports a name not in slug form', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/Dropout_Paper.md': entry('Dropout') }), [
      'content/training-basics/Dropout_Paper.md:1:1  error  the file name "Dropout_Paper.md" is not a slug: lower-case letters and digits joined by single hyphens, with Latin letters unaccented (received Dropout_Paper.md). Fix: rename the file to "dropout.md", the slug of its title.',
    ]);
  });

  it('suggests the name form when the title slug is taken', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/Noisy_Gradients.md': entry('Gradient Noise') }), [
      'content/training-basics/Noisy_Gradients.md:1:1  error  the file name "Noisy_Gradients.md" is not a slug: lower-case letters and digits joined by single hyphens, with Latin letters unaccented (received Noisy_Gradients.md). Fix: rename the file to "noisy-gradients.md".',
    ]);
  });

  it('reports an accented name', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/réseau.md': entry('Réseau') }), [
      'content/training-basics/réseau.md:1:1  error  the file name "réseau.md" is not a slug: lower-case letters and digits joined by single hyphens, with Latin letters unaccented (received réseau.md). Fix: rename the file to "reseau.md", the slug of its title.',
    ]);
  });

  it('accepts a name that is not the title slug', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/dropout.md': entry('Dropout: A Simple Way to Prevent Neural Networks from Overfitting') }), []);
  });

  it('accepts a name in another script', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/深度学习.md': entry('深度学习') }), []);
  });

  it('accepts names in every script', async () => {
    const files = {
      'training-basics/が.md': entry('が'),
      'training-basics/ディープラーニングの学習.md': entry('ディープラーニングの学習'),
      'training-basics/हिन्दी-क्या.md': entry('हिन्दी क्या'),
      'training-basics/привет-мир.md': entry('Привет мир'),
    };
    assert.deepEqual(await problemsFor(files), []);
  });

  it('reports a name not in NFC', async () => {
    const problems = await problemsFor({ 'training-basics/\u304b\u3099.md': entry('Ga') });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /is not a slug/);
    assert.match(problems[0]!, /Fix: rename the file to "ga\.md", the slug of its title\.$/);
  });

  it('reports the reserved name sections', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/sections.md': entry('Sections') }), [
      'content/training-basics/sections.md:1:1  error  the file name "sections.md" is reserved: the site uses /training-basics/sections/ for its own pages. Fix: rename the file, such as to "sections-2.md".',
    ]);
  });

  it('suggests the next free name for sections', async () => {
    const problems = await problemsFor({ 'training-basics/sections.md': entry('Sections'), 'training-basics/sections-2.md': entry('Sections, again') });
    assert.deepEqual(problems, [
      'content/training-basics/sections.md:1:1  error  the file name "sections.md" is reserved: the site uses /training-basics/sections/ for its own pages. Fix: rename the file, such as to "sections-3.md".',
    ]);
  });

  it('reports colliding slugs', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/Dropout.md': entry('Dropout'), 'training-basics/dropout.md': entry('Dropout, again') }), [
      'content/training-basics/Dropout.md:1:1  error  the file name "Dropout.md" is not a slug: lower-case letters and digits joined by single hyphens, with Latin letters unaccented (received Dropout.md). Fix: rename the file to "dropout-2.md".',
      'content/training-basics/Dropout.md:1:1  error  the file name gives the slug "dropout", as does content/training-basics/dropout.md, so both would have the page /training-basics/dropout/. Fix: rename one of the files so that their slugs differ.',
      'content/training-basics/dropout.md:1:1  error  the file name gives the slug "dropout", as does content/training-basics/Dropout.md, so both would have the page /training-basics/dropout/. Fix: rename one of the files so that their slugs differ.',
    ]);
  });

  it('reports slugs equal in another Unicode form', async () => {
    const composed = 'caf\u00e9-notes';
    const decomposed = 'cafe\u0301-notes';
    const problems = await problemsFor({ [`training-basics/${composed}.md`]: entry('Cafe one'), [`training-basics/${decomposed}.md`]: entry('Cafe two') });
    assert.equal(problems.filter((problem) => problem.includes('gives the slug "cafe-notes"')).length, 2);
  });

  it('own slugs are unchanged by slugify', () => {
    const names = ['adam', 'a-b', 'resnet-50', '2016', 'x'.repeat(80), 'x'.repeat(81), 'a--b', '-a', 'a-', 'A-b', 'a_b', 'a b', 'café', 'a.b', '', 'sections'];
    for (const name of names) {
      if (isOwnSlug(name)) assert.equal(slugify(name, ''), name, name);
    }
    assert.deepEqual(names.filter(isOwnSlug), ['adam', 'a-b', 'resnet-50', '2016', 'x'.repeat(80), 'sections']);
  });
});
