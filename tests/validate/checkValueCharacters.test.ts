import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontmatter } from '../../src/read/parseFrontmatter.ts';
import { checkValueCharacters } from '../../src/validate/checkValueCharacters.ts';

const FILE = 'content/list/entry.md';

/** Parses a file with these frontmatter lines and returns what checkValueCharacters reports. */
function check(...lines: string[]) {
  const { frontmatter, problems } = parseFrontmatter(`---\n${lines.join('\n')}\n---\n`, FILE);
  assert.deepEqual(problems, []);
  assert.ok(frontmatter !== undefined);
  return checkValueCharacters(frontmatter.data, frontmatter, FILE);
}

describe('checkValueCharacters', () => {
  it('accepts ordinary escapes', () => {
    assert.deepEqual(check('title: "tab\\there, quote \\" and \\u00e9"', 'keywords: ["a\\\\0b", plain]', 'intro: "line\\nbreak"'), []);
  });

  it('reports NUL in a title', () => {
    assert.deepEqual(check('title: "nul \\0 and \\uFFFE and \\e[2J here"'), [
      {
        stage: 'validate',
        severity: 'error',
        code: 'control-character',
        file: FILE,
        line: 2,
        column: 13,
        field: 'title',
        message: 'contains U+0000 (NUL), written as the YAML escape "\\0", a character that the pages and feeds would drop or replace',
        received: '"nul \\0 and \\uFFFE and \\e[2J here"',
        fix: 'delete the escape "\\0", or write "\\\\0" if the backslash is meant as text',
      },
    ]);
  });

  const cases: [string, string[], string, number, number, string][] = [
    ['bell in a flow list', ['keywords: [ok, "k\\x07bell"]'], 'keywords[1]', 2, 18, 'U+0007, written as the YAML escape "\\x07"'],
    ['U+FFFE in a block list', ['intro:', '  - "a \\uFFFE"'], 'intro[0]', 3, 8, 'U+FFFE, written as the YAML escape "\\uFFFE"'],
    ['escape in a link label', ['links:', '  - kind: code', '    label: "\\e[31m"'], 'links[0].label', 4, 13, 'U+001B (escape), written as the YAML escape "\\e"'],
    ['next line as \\N', ['title: "a\\Nb"'], 'title', 2, 10, 'U+0085 (next line), written as the YAML escape "\\N"'],
    ['DEL as \\x7f', ['title: "a\\x7fb"'], 'title', 2, 10, 'U+007F (delete), written as the YAML escape "\\x7f"'],
    ['eight-digit escape', ['title: "a\\U0000009Bb"'], 'title', 2, 10, 'U+009B (control sequence introducer), written as the YAML escape "\\U0000009B"'],
    ['escape on a folded line', ['title: "first', '  then \\b here"'], 'title', 3, 8, 'U+0008 (backspace), written as the YAML escape "\\b"'],
  ];
  for (const [name, lines, field, line, column, shown] of cases) {
    it(`reports ${name}`, () => {
      const problems = check(...lines);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.field, field);
      assert.deepEqual([problems[0]?.line, problems[0]?.column], [line, column]);
      assert.ok(problems[0]?.message.includes(shown), problems[0]?.message);
    });
  }

  it('reports an escape read by the fast parse', () => {
    // `\u` escapes are the only ones that the fast parse of plainYamlData accepts.
    const problems = check('title: "Clean \\u0007 title"', 'category: tricks');
    assert.deepEqual(problems.map((problem) => [problem.field, problem.line, problem.column]), [['title', 2, 15]]);
  });

  it('reports a backslash meant as text', () => {
    // YAML reads the "\a" of a LaTeX command in double quotes as the escape for U+0007.
    const problems = check('title: "The $\\alpha$ trick"');
    assert.equal(problems[0]?.fix, 'delete the escape "\\a", or write "\\\\a" if the backslash is meant as text');
  });

  it('reports a raw character without an escape', () => {
    // The read stage rejects such a file first; this checks the scan that replaces the walk.
    const problems = check('title: "A\u0000B"');
    assert.deepEqual(problems.map((problem) => [problem.field, problem.line, problem.column]), [['title', 2, 8]]);
    assert.equal(problems[0]?.message, 'contains U+0000 (NUL), a character that the pages and feeds would drop or replace');
  });

  it('reports a key', () => {
    const problems = check('"foo\\u009B31m": 1');
    assert.equal(problems[0]?.field, 'foo\u009b31m');
    assert.deepEqual([problems[0]?.line, problems[0]?.column], [2, 5]);
    assert.match(problems[0]?.message ?? '', /^the key contains U\+009B/);
  });

  it('reports each value once', () => {
    const problems = check('title: "a\\0"', 'keywords: ["b\\a", "c"]', 'intro: ["\\v"]');
    assert.deepEqual(problems.map((problem) => problem.field), ['title', 'keywords[0]', 'intro[0]']);
  });

  it('places a value reached through an alias at the alias', () => {
    const problems = check('title: &bad "a\\0"', 'intro: *bad');
    assert.deepEqual(problems.map((problem) => [problem.field, problem.line, problem.column]), [['title', 2, 15], ['intro', 3, 8]]);
    assert.equal(problems[1]?.message, 'contains U+0000 (NUL), a character that the pages and feeds would drop or replace');
    assert.equal(problems[1]?.fix, 'delete the character from the text, or replace it with a space');
  });
});
