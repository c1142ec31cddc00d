import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsFor } from '../support/contentFixture.ts';

const FILE = 'content/training-basics/entry.md';

async function entryProblems(...lines: string[]): Promise<string[]> {
  return problemsFor({ 'training-basics/entry.md': `---\n${lines.join('\n')}\n---\n` });
}

describe('checkPlacements', () => {
  it('reports an unknown section', async () => {
    assert.deepEqual(await entryProblems('title: Placed', 'category: normalization/batch-normalisation'), [
      `${FILE}:3:11  error  category: unknown section "normalization/batch-normalisation" in the list "training-basics" (received normalization/batch-normalisation). Fix: did you mean "normalization/batch-normalization"?`,
    ]);
  });

  it('suggests the full path of a subsection', async () => {
    assert.deepEqual(await entryProblems('title: Placed', 'category: relu'), [
      `${FILE}:3:11  error  category: unknown section "relu" in the list "training-basics" (received relu). Fix: did you mean "activation-functions/relu"?`,
    ]);
  });

  it('lists sections when nothing is near', async () => {
    assert.deepEqual(await entryProblems('title: Placed', 'category: generative-models'), [
      `${FILE}:3:11  error  category: unknown section "generative-models" in the list "training-basics" (received generative-models). Fix: use one of the section paths of content/training-basics/_list.md, such as "normalization".`,
    ]);
  });

  it('names the list of another section', async () => {
    assert.deepEqual(await entryProblems('title: Placed', 'category: optimizers'), [
      `${FILE}:3:11  error  category: unknown section "optimizers" in the list "training-basics": that section belongs to the list "optimization-notes" (received optimizers). Fix: move the file into content/optimization-notes/, or choose a section of "training-basics" from its _list.md.`,
    ]);
  });

  it('reports an unknown also section', async () => {
    assert.deepEqual(await entryProblems('title: Placed', 'category: tricks', 'also:', '  - category: optimizers'), [
      `${FILE}:5:15  error  also[0].category: unknown section "optimizers" in the list "training-basics": that section belongs to the list "optimization-notes" (received optimizers). Fix: move the file into content/optimization-notes/, or choose a section of "training-basics" from its _list.md.`,
    ]);
  });

  it('reports also repeating the category', async () => {
    assert.deepEqual(await entryProblems('title: Placed', 'category: tricks', 'also:', '  - category: activation-functions', '  - category: tricks', '  - category: activation-functions'), [
      `${FILE}:6:15  error  also[1].category: the section "tricks" is already the entry's category (received tricks). Fix: remove this item from "also".`,
      `${FILE}:7:15  error  also[2].category: the section "activation-functions" is listed twice under "also" (received activation-functions). Fix: remove one of the two items.`,
    ]);
  });

  it('checks an entry with other errors', async () => {
    assert.deepEqual(await entryProblems('title: 1984', 'category: relu'), [
      `${FILE}:2:8  error  title: must be text, but YAML reads 1984 as a number (received 1984). Fix: put it in quotes: title: "1984".`,
      `${FILE}:3:11  error  category: unknown section "relu" in the list "training-basics" (received relu). Fix: did you mean "activation-functions/relu"?`,
    ]);
  });

  it('reports a list folder without list file', async () => {
    assert.deepEqual(await problemsFor({ 'orphans/adam.md': '---\ntitle: Orphan\ncategory: optimizers\n---\n' }), [
      'content/orphans/_list.md:1:1  error  the list folder content/orphans/ has 1 entry but no list file. Fix: create _list.md in the folder with the list\'s title, description and sections.',
    ]);
  });
});
