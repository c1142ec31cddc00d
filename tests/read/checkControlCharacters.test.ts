import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkControlCharacters } from '../../src/read/checkControlCharacters.ts';

const FILE = 'content/list/entry.md';

describe('checkControlCharacters', () => {
  it('accepts tab, CR, LF and BOM', () => {
    assert.equal(checkControlCharacters('\uFEFF---\r\ntitle:\tA\u00a0B \u2028 é\r\n---\n\tcode\n', FILE), undefined);
  });

  const cases: [string, string, number, number, string][] = [
    ['NUL in a title', '---\ntitle: A\u0000B\n---\n', 2, 9, 'U+0000 (NUL)'],
    ['escape in the body', '---\ntitle: A\n---\nred \u001b[31m\n', 4, 5, 'U+001B (escape)'],
    ['form feed after a BOM', '\uFEFF\u000c---\n', 1, 1, 'U+000C (form feed)'],
    ['noncharacter U+FFFF', '---\ntitle: \uffff\n---\n', 2, 8, 'U+FFFF,'],
    ['unit separator', '---\r\nkeywords: [a\u001fb]\r\n---\r\n', 2, 13, 'U+001F,'],
    ['DEL in a title', '---\ntitle: A\u007fB\n---\n', 2, 9, 'U+007F (delete)'],
    ['next line (C1) in the body', '---\ntitle: A\n---\nline\u0085end\n', 4, 5, 'U+0085 (next line)'],
    ['control sequence introducer', '---\ntitle: \u009b31mred\n---\n', 2, 8, 'U+009B (control sequence introducer)'],
    ['last C1 control', '---\ntitle: a\u009f\n---\n', 2, 9, 'U+009F,'],
  ];
  it('names UTF-16 without a BOM', () => {
    const text = Buffer.from('---\ntitle: A\n', 'utf16le').toString('utf8');
    const problem = checkControlCharacters(text, FILE);
    assert.deepEqual([problem?.line, problem?.column], [1, 2]);
    assert.equal(problem?.fix, 'save the file as UTF-8 in your editor: a NUL after every other character means that it is saved as UTF-16');
  });

  it('accepts the characters around the C1 range', () => {
    assert.equal(checkControlCharacters('---\ntitle: ~ \u00a0 \u00ff\n---\n', FILE), undefined);
  });

  it('says why a C1 control is rejected', () => {
    const problem = checkControlCharacters('---\ntitle: A\u0085B\n---\n', FILE);
    assert.equal(problem?.message, 'the file contains U+0085 (next line), a control character that a browser does not show and a terminal may act on');
  });

  it('names text saved as UTF-8 twice', () => {
    // A curly quote (E2 80 9C) read as Latin-1 is "â", U+0080 and U+009C.
    const text = Buffer.from(Buffer.from('---\ntitle: “Quoted”\n---\n').toString('latin1'), 'utf8').toString('utf8');
    const problem = checkControlCharacters(text, FILE);
    assert.deepEqual([problem?.line, problem?.column], [2, 9]);
    assert.match(problem?.fix ?? '', /read as Latin-1 and saved as UTF-8 again$/);
  });

  it('gives the usual fix for a C1 control alone', () => {
    assert.match(checkControlCharacters('---\ntitle: A\u0085B\n', FILE)?.fix ?? '', /^delete the character/);
  });

  it('gives the usual fix for one NUL', () => {
    assert.match(checkControlCharacters('---\ntitle: A\u0000B\n', FILE)?.fix ?? '', /^delete the character/);
  });

  for (const [name, text, line, column, shown] of cases) {
    it(`reports ${name}`, () => {
      const problem = checkControlCharacters(text, FILE);
      assert.equal(problem?.code, 'control-character');
      assert.equal(problem?.severity, 'error');
      assert.deepEqual([problem?.line, problem?.column], [line, column]);
      assert.ok(problem?.message.includes(shown), problem?.message);
    });
  }
});
