import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sectionPaths } from '../../src/validate/checkSectionTree.ts';
import { problemsFor } from '../support/contentFixture.ts';

const FILE = 'content/third/_list.md';

async function listProblems(...lines: string[]): Promise<string[]> {
  return problemsFor({ 'third/_list.md': `---\n${lines.join('\n')}\n---\n` });
}

describe('checkSectionTree', () => {
  it('lists section paths depth first', () => {
    const paths = sectionPaths({
      sections: [
        { id: 'a', title: 'A', sections: [{ id: 'b', title: 'B', sections: [{ id: 'c', title: 'C' }] }, { id: 'd', title: 'D' }] },
        { id: 'e', title: 'E' },
      ],
    });
    assert.deepEqual(paths, ['a', 'a/b', 'a/b/c', 'a/d', 'e']);
  });

  it('reports duplicate sibling ids', async () => {
    assert.deepEqual(
      await listProblems(
        'title: Third',
        'description: A list with repeated section ids.',
        'sections:',
        '  - id: papers',
        '    title: Papers',
        '    sections:',
        '      - id: blogs',
        '        title: Blogs',
        '      - id: blogs',
        '        title: More blogs',
        '  - id: code',
        '    title: Code',
        '    sections:',
        '      - id: blogs',
        '        title: Blogs',
        '  - id: papers',
        '    title: Papers again',
      ),
      [
        `${FILE}:10:13  error  sections[0].sections[1].id: the section id "blogs" is already used by a sibling section on line 8, so the path "papers/blogs" would name two sections (received blogs). Fix: give one of the two sections another id, such as "blogs-2".`,
        `${FILE}:17:9  error  sections[2].id: the section id "papers" is already used by a sibling section on line 5, so the path "papers" would name two sections (received papers). Fix: give one of the two sections another id, such as "papers-2".`,
      ],
    );
  });

  it('reports duplicates beside other errors', async () => {
    assert.deepEqual(
      await listProblems('title: Third', 'descripton: typo', 'sections:', '  - id: a', '    title: A', '  - id: a', '    title: B'),
      [
        `${FILE}:2:1  error  description: is required but missing. Fix: add a line "description: ...".`,
        `${FILE}:3:1  error  descripton: unknown key "descripton". Fix: did you mean "description"?`,
        `${FILE}:7:9  error  sections[1].id: the section id "a" is already used by a sibling section on line 5, so the path "a" would name two sections (received a). Fix: give one of the two sections another id, such as "a-2".`,
      ],
    );
  });

  it('still checks the entries of the list', async () => {
    const problems = await problemsFor({
      'third/_list.md': '---\ntitle: Third\ndescription: A list.\nsections:\n  - id: a\n    title: A\n  - id: a\n    title: B\n---\n',
      'third/placed.md': '---\ntitle: Placed\ncategory: optimizers\n---\n',
      'third/fine.md': '---\ntitle: Fine\ncategory: a\n---\n',
    });
    assert.deepEqual(problems, [
      `${FILE}:7:9  error  sections[1].id: the section id "a" is already used by a sibling section on line 5, so the path "a" would name two sections (received a). Fix: give one of the two sections another id, such as "a-2".`,
      'content/third/placed.md:3:11  error  category: unknown section "optimizers" in the list "third": that section belongs to the list "optimization-notes" (received optimizers). Fix: move the file into content/optimization-notes/, or choose a section of "third" from its _list.md.',
    ]);
  });

  it('reports duplicates made by an alias', async () => {
    assert.deepEqual(
      await listProblems('title: Third', 'description: Aliased.', 'sections:', '  - &first', '    id: a', '    title: A', '  - *first'),
      [`${FILE}:8:5  error  sections[1].id: the section id "a" is already used by a sibling section on line 6, so the path "a" would name two sections (received a). Fix: give one of the two sections another id, such as "a-2".`],
    );
  });

  it('reports a cycle', async () => {
    assert.deepEqual(
      await listProblems('title: Third', 'description: Cyclic.', 'sections: &tree', '  - id: a', '    title: A', '    sections: *tree'),
      [
        `${FILE}:7:15  error  sections[0].sections: the section tree has a cycle: the alias *tree refers to a value that contains it, which makes an endless loop (received *tree). Fix: write the value out instead of using a YAML alias.`,
      ],
    );
  });

  it('reports a list without sections', async () => {
    assert.deepEqual(await listProblems('title: Third', 'description: Empty.', 'sections: []'), [
      `${FILE}:4:11  error  sections: must have at least one section (received []). Fix: add a section with an id and a title, such as "- id: papers" and "title: Papers".`,
    ]);
    assert.deepEqual(await listProblems('title: Third', 'description: Empty.'), [
      `${FILE}:2:1  error  sections: is required but missing. Fix: add a line "sections: ...".`,
    ]);
  });

  it('reports an invalid section', async () => {
    assert.deepEqual(await listProblems('title: Third', 'description: Bad.', 'sections:', '  - id: Papers', '    titel: Papers'), [
      `${FILE}:5:5  error  sections[0].title: is required but missing. Fix: add a line "title: ...".`,
      `${FILE}:5:9  error  sections[0].id: must be lower-case words joined by hyphens, such as "batch-normalization" (received Papers). Fix: use lower-case words joined by hyphens, such as batch-normalization.`,
      `${FILE}:6:5  error  sections[0].titel: unknown key "titel". Fix: did you mean "title"?`,
    ]);
  });
});
