import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import { formatProblem } from '../../src/problems/format.ts';
import { makeContent } from '../support/contentFixture.ts';

/** Returns the code blocks of the README's "Content" section with their languages. */
async function contentBlocks(): Promise<{ language: string; text: string }[]> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /^## Content\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  assert.ok(section, 'README has a "## Content" section');
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1] ?? '', text: match[2] ?? '' }));
}

describe('README content section', () => {
  it('examples pass the check', async () => {
    const [list, entry] = (await contentBlocks()).filter((block) => block.language === 'markdown');
    assert.ok(list);
    assert.ok(entry);
    const fixture = await makeContent({ 'training-deep-neural-networks/_list.md': list.text, 'training-deep-neural-networks/batch-normalization.md': entry.text }, { empty: true });
    try {
      const result = await loadCatalog(fixture.root);
      assert.deepEqual(result.problems.map(formatProblem), []);
      assert.deepEqual(result.summary, { lists: 1, sections: 3, entries: 1 });
    } finally {
      await fixture.remove();
    }
  });

  it('example error is what check prints', async () => {
    const blocks = await contentBlocks();
    const list = blocks.find((block) => block.language === 'markdown')!;
    const shown = blocks.find((block) => block.language === '' && block.text.includes('  error  '))!;
    const fixture = await makeContent(
      { 'training-deep-neural-networks/_list.md': list.text, 'training-deep-neural-networks/adam.md': '---\ntitle: Adam\ncategory: tricks\narxiv: 1412.69800\n---\n' },
      { empty: true },
    );
    try {
      const result = await loadCatalog(fixture.root);
      assert.deepEqual(result.problems.map(formatProblem), [shown.text.trim()]);
    } finally {
      await fixture.remove();
    }
  });
});
