// splitFrontmatter against gray-matter 4.0.3, whose cut it keeps: the same block and body for
// every file that parseFrontmatter lets through to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import matter from 'gray-matter';
import { splitFrontmatter } from '../../src/read/splitFrontmatter.ts';

/** Returns the block that gray-matter passes to its YAML engine (undefined when it calls none) and its trimmed body. */
function cutByGrayMatter(content: string): { source: string | undefined; body: string } {
  let source: string | undefined;
  const engine = {
    parse(text: string) {
      source = text.endsWith('\r') ? text.slice(0, -1) : text;
      return {};
    },
  };
  const result = matter(content, { language: 'yaml', engines: { yaml: engine, yml: engine, YAML: engine } } as unknown as Parameters<typeof matter>[1]);
  return { source, body: result.content.trim() };
}

const CASES: Array<[string, string]> = [
  ['plain', '---\ntitle: Adam\n---\nSome notes.\n'],
  ['CRLF', '---\r\ntitle: Adam\r\ncategory: x\r\n---\r\n\r\nBody\r\n'],
  ['yaml language', '---yaml\ntitle: Adam\n---\nBody'],
  ['upper-case language', '---YAML \ntitle: Adam\n---\nBody'],
  ['language of spaces', '---   \ntitle: Adam\n---\nBody'],
  ['empty block', '---\n---\nBody'],
  ['comments only', '---\n# a comment\n\n  # another\n---\nBody'],
  ['comment then key', '---\n# note\ntitle: Adam\n---\n'],
  ['closing line with text', '---\ntitle: Adam\n---x\nmore: 1\n---\nBody'],
  ['closing line of four dashes', '---\ntitle: Adam\n----\n---\nBody'],
  ['closing line at the end', '---\ntitle: Adam\n---'],
  ['closing line with spaces', '---\ntitle: Adam\n---  \nBody'],
  ['body starting with CR', '---\ntitle: Adam\n---\r\rBody'],
  ['body with a second block', '---\na: 1\n---\n---\nb: 2\n---\n'],
  ['lone CR in the block', '---\ntitle: a\rb\n---\nBody'],
  ['multi-byte text', '---\ntitle: Größe — 大\n---\n本文 ✓\n'],
];

describe('splitFrontmatter', () => {
  for (const [name, content] of CASES) {
    it(`cuts like gray-matter: ${name}`, () => {
      const firstLine = content.split(/\r?\n/, 1)[0]!;
      const expected = cutByGrayMatter(content);
      const actual = splitFrontmatter(content, firstLine);

      assert.equal(actual.source, expected.source);
      assert.equal(actual.body, expected.body);
    });
  }

  it('keeps line 1 the opening line', () => {
    const { source } = splitFrontmatter('---yaml\ntitle: Adam\n---\n', '---yaml');
    assert.equal(source, '\ntitle: Adam');
  });
});
