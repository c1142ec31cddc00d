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
  ];
  it('names UTF-16 without a BOM', () => {
    const text = Buffer.from('---\ntitle: A\n', 'utf16le').toString('utf8');
    const problem = checkControlCharacters(text, FILE);
    assert.deepEqual([problem?.line, problem?.column], [1, 2]);
    assert.equal(problem?.fix, 'save the file as UTF-8 in your editor: a NUL after every other character means that it is saved as UTF-16');
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
