import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import matter from 'gray-matter';
import { parseFrontmatter, quoteValue, REJECTING_ENGINES, RejectedLanguageError } from '../../src/read/parseFrontmatter.ts';
import { formatProblem } from '../../src/problems/format.ts';
import { locateField } from '../../src/validate/locateField.ts';

const FILE = 'content/list/entry.md';

function messages(text: string): string[] {
  return parseFrontmatter(text, FILE).problems.map(formatProblem);
}

/** JavaScript frontmatter that, if run, sets a global and writes a file. */
function payload(language: string, traceFile: string): string {
  const code = `{ title: (globalThis.__frontmatterRan = true, require("fs").writeFileSync(${JSON.stringify(traceFile)}, "ran"), "x") }`;
  return `---${language}\n${code}\n---\nbody\n`;
}

describe('parseFrontmatter', () => {
  it('reads YAML frontmatter and body', () => {
    const parsed = parseFrontmatter('---\ntitle: Adam\ncategory: optimizers\n---\nSome notes.\n', FILE);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.frontmatter?.data, { title: 'Adam', category: 'optimizers' });
    assert.equal(parsed.body, 'Some notes.');
  });

  it('keeps file positions of fields', () => {
    const parsed = parseFrontmatter('---\ntitle: Adam\nlinks:\n  - kind: paper\n    url: https://example.org\n---\n', FILE);
    const location = locateField(parsed.frontmatter, ['links', 0, 'url']);
    assert.equal(location.line, 5);
    assert.equal(location.column, 10);
    assert.equal(location.source, 'https://example.org');
  });

  for (const language of ['js', 'javascript', 'JS', ' javascript ']) {
    it(`rejects ${JSON.stringify('---' + language)} without running it`, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'frontmatter-trace-'));
      const trace = path.join(folder, 'trace');
      try {
        const result = messages(payload(language, trace));
        assert.deepEqual(result, [
          `${FILE}:1:1  error  the frontmatter is marked as "${language.trim()}", but only YAML frontmatter is read (it is never run as code) (received ---${language}). Fix: write the frontmatter in YAML and open it with a plain "---" line.`,
        ]);
        assert.equal(existsSync(trace), false);
        assert.equal((globalThis as { __frontmatterRan?: boolean }).__frontmatterRan, undefined);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  it('payload runs under stock gray-matter', () => {
    // Shows that the payload above is live code: gray-matter's own engine runs it.
    const folder = mkdtempSync(path.join(tmpdir(), 'frontmatter-trace-'));
    const trace = path.join(folder, 'trace');
    try {
      matter(payload('js', trace), { engines: { js: undefined } } as unknown as Parameters<typeof matter>[1]);
      assert.equal(existsSync(trace), true);
    } finally {
      delete (globalThis as { __frontmatterRan?: boolean }).__frontmatterRan;
      rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const language of ['js', 'javascript']) {
    it(`rejecting engines stop ---${language}`, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'frontmatter-trace-'));
      const trace = path.join(folder, 'trace');
      try {
        assert.throws(() => matter(payload(language, trace), { engines: REJECTING_ENGINES } as Parameters<typeof matter>[1]), RejectedLanguageError);
        assert.equal(existsSync(trace), false);
        assert.equal((globalThis as { __frontmatterRan?: boolean }).__frontmatterRan, undefined);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  it('rejects other languages', () => {
    assert.deepEqual(messages('---json\n{"title": "x"}\n---\n'), [
      `${FILE}:1:1  error  the frontmatter is marked as "json", but only YAML frontmatter is read (it is never run as code) (received ---json). Fix: write the frontmatter in YAML and open it with a plain "---" line.`,
    ]);
    assert.equal(parseFrontmatter('---coffee\ntitle: "x"\n---\n', FILE).problems[0]?.code, 'frontmatter-language');
  });

  it('accepts ---yaml', () => {
    const parsed = parseFrontmatter('---yaml\ntitle: Adam\n---\n', FILE);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.frontmatter?.data, { title: 'Adam' });
  });

  it('accepts a UTF-8 BOM', () => {
    const parsed = parseFrontmatter('\uFEFF---\ntitle: Adam\nlinks: 3\n---\n', FILE);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.frontmatter?.data, { title: 'Adam', links: 3 });
    const location = locateField(parsed.frontmatter, ['links']);
    assert.deepEqual([location.line, location.column], [3, 8]);
  });

  it('accepts CRLF line endings', () => {
    const parsed = parseFrontmatter('---\r\ntitle: Adam\r\narxiv: "1412.6980"\r\n---\r\nNotes.\r\n', FILE);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.frontmatter?.data, { title: 'Adam', arxiv: '1412.6980' });
    assert.equal(parsed.body, 'Notes.');
    const location = locateField(parsed.frontmatter, ['arxiv']);
    assert.deepEqual([location.line, location.column], [3, 8]);
  });

  it('keeps last CRLF value clean', () => {
    const parsed = parseFrontmatter('---\r\ntitle: Adam\r\n---\r\n', FILE);
    assert.deepEqual(parsed.frontmatter?.data, { title: 'Adam' });
  });

  it('reports an empty file', () => {
    assert.deepEqual(messages(''), [
      `${FILE}:1:1  error  the file is empty. Fix: start the file with frontmatter between two "---" lines, such as "---\\ntitle: ...\\n---".`,
    ]);
    assert.equal(parseFrontmatter('\uFEFF \n\n', FILE).problems[0]?.code, 'empty-file');
  });

  it('reports a file without frontmatter', () => {
    assert.deepEqual(messages('# Adam\n\nA method for stochastic optimization.\n'), [
      `${FILE}:1:1  error  the file has no frontmatter: its first line must be "---" (received # Adam). Fix: start the file with frontmatter between two "---" lines, such as "---\\ntitle: ...\\n---".`,
    ]);
  });

  it('reports an unclosed frontmatter', () => {
    assert.deepEqual(messages('---\ntitle: Adam\n'), [
      `${FILE}:1:1  error  the frontmatter is not closed: no line "---" follows it. Fix: end the frontmatter with a line "---".`,
    ]);
  });

  it('reports CR line endings', () => {
    assert.deepEqual(messages('---\rtitle: Adam\r---\rNotes.\r'), [
      `${FILE}:1:4  error  the line ends with a carriage return (CR) alone, as in classic Mac OS files, but only LF and CRLF line endings are read. Fix: convert the line endings of the file to LF (or CRLF) in your editor.`,
    ]);
  });

  it('reports a line that ends frontmatter early', () => {
    // gray-matter would end the frontmatter at "---x" and move "category: tricks" into the body.
    const parsed = parseFrontmatter('---\ntitle: Adam\n---x\ncategory: tricks\n---\nNotes.\n', FILE);
    assert.deepEqual(parsed.problems.map(formatProblem), [
      `${FILE}:3:1  error  the frontmatter ends at the first line that starts with "---", but this line has more text after the "---" (received ---x). Fix: write the line that ends the frontmatter as "---" alone, and start no other frontmatter line with "---".`,
    ]);
    assert.equal(parsed.frontmatter, undefined);
  });

  it('reports text after the closing ---', () => {
    assert.equal(parseFrontmatter('---\r\ntitle: Adam\r\n--- notes\r\n', FILE).problems[0]?.code, 'invalid-frontmatter-end');
  });

  it('accepts spaces after the closing ---', () => {
    const parsed = parseFrontmatter('---\ntitle: Adam\n--- \t\r\nNotes.\n', FILE);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.body, 'Notes.');
  });

  it('cuts a long line in a YAML error', () => {
    const value = 'x'.repeat(10 * 1024);
    const [problem] = parseFrontmatter(`---\ntitle: Long\nintro: Attention: ${value}\n---\n`, FILE).problems;
    assert.equal(problem?.received, `intro: Attention: ${value}`, 'the problem keeps the whole line');
    assert.equal(problem?.fix, 'put the value in double quotes, because a colon followed by a space starts a new key');
    assert.equal(
      formatProblem(problem!),
      `${FILE}:3:8  error  invalid YAML: Nested mappings are not allowed in compact mappings (received intro: Attention: ${'x'.repeat(182)}... [10,258 characters, cut]). Fix: put the value in double quotes, because a colon followed by a space starts a new key.`,
    );
  });

  it('cuts a long frontmatter language', () => {
    const language = 'j'.repeat(5000);
    const message = messages(`---${language}\ntitle: A\n---\n`)[0] ?? '';
    assert.ok(message.length < 700, `${message.length} characters`);
    assert.ok(message.includes('"jjj'), message.slice(0, 100));
    assert.ok(message.includes('... [5,000 characters, cut]'), message.slice(-200));
  });

  it('keeps a leading code block', () => {
    const parsed = parseFrontmatter('---\ntitle: Adam\n---\n\n  \r\n    m = 0\n    v = 0\n\nNotes.  \n\n', FILE);
    assert.equal(parsed.body, '    m = 0\n    v = 0\n\nNotes.');
  });

  it('reads a frontmatter of comments as empty', () => {
    const parsed = parseFrontmatter('---\n# nothing yet\n---\n', FILE);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.frontmatter?.data, {});
  });

  it('reports a colon that breaks YAML', () => {
    assert.deepEqual(messages('---\ntitle: Attention\ncategory: tricks\nintro: Attention: the paper\n---\n'), [
      `${FILE}:4:8  error  invalid YAML: Nested mappings are not allowed in compact mappings (received intro: Attention: the paper). Fix: put the value in double quotes, because a colon followed by a space starts a new key: intro: "Attention: the paper".`,
    ]);
  });

  it('reports an unclosed quote where it opens', () => {
    assert.deepEqual(messages('---\ntitle: "abc\ncategory: tricks\n---\n'), [
      `${FILE}:2:8  error  invalid YAML: Missing closing "quote (received title: "abc). Fix: close the value with " on the same line, or put the whole value in double quotes.`,
    ]);
    assert.deepEqual(messages("---\ncategory: tricks\ntitle: 'abc\norder: 1\n---\n"), [
      `${FILE}:3:8  error  invalid YAML: Missing closing 'quote (received title: 'abc). Fix: close the value with ' on the same line, or put the whole value in double quotes.`,
    ]);
  });

  it('reports an unclosed bracket where it opens', () => {
    assert.deepEqual(messages('---\ntitle: A\ncategory: tricks\nkeywords: [a, b\norder: 1\n---\n'), [
      `${FILE}:4:11  error  invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (received keywords: [a, b). Fix: close the value with ] on the same line, or put the whole value in double quotes.`,
    ]);
    assert.deepEqual(messages('---\ntitle: [broken\ncategory: tricks\n---\n'), [
      `${FILE}:2:8  error  invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (received title: [broken). Fix: close the value with ] on the same line, or put the whole value in double quotes.`,
    ]);
  });

  it('reports a repeated key', () => {
    assert.deepEqual(messages('---\ntitle: A\ntitle: B\n---\n'), [
      `${FILE}:3:1  error  invalid YAML: Map keys must be unique (received title: B). Fix: remove one of the two keys or merge their values.`,
    ]);
  });

  it('reports an alias cycle', () => {
    assert.deepEqual(messages('---\ntitle: A\nsections: &top\n  - id: a\n    title: A\n    sections: *top\n---\n'), [
      `${FILE}:6:15  error  sections[0].sections: the section tree has a cycle: the alias *top refers to a value that contains it, which makes an endless loop (received *top). Fix: write the value out instead of using a YAML alias.`,
    ]);
  });

  it('reports too many aliases', () => {
    const lines = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 0; level < 6; level++) lines.push(`${'bcdefg'[level]}: &${'bcdefg'[level]} [${Array(10).fill(`*${level === 0 ? 'a' : 'bcdefg'[level - 1]}`).join(', ')}]`);
    lines.push('---', '');
    const parsed = parseFrontmatter(lines.join('\n'), FILE);
    assert.equal(parsed.problems[0]?.code, 'invalid-yaml');
    assert.equal(parsed.frontmatter?.data, undefined);
  });
});

describe('quoteValue', () => {
  const cases: [string, string | undefined][] = [
    ['intro: Attention: the paper', 'intro: "Attention: the paper"'],
    ['title: Dropout: A Simple Way', 'title: "Dropout: A Simple Way"'],
    ['  - Attention: the paper', '- "Attention: the paper"'],
    ['  - text: Slides: part 1', '- text: "Slides: part 1"'],
    ['title: "already" quoted: x', 'title: "\\"already\\" quoted: x"'],
    ['Attention: the paper', undefined],
  ];
  for (const [line, expected] of cases) {
    it(`quotes ${JSON.stringify(line)}`, () => {
      assert.equal(quoteValue(line), expected);
    });
  }

});
