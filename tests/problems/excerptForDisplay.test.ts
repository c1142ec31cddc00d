import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeControlCharacters, excerptForDisplay, MAX_DISPLAY_LENGTH, sentenceForDisplay } from '../../src/problems/excerptForDisplay.ts';

describe('excerptForDisplay', () => {
  it('keeps short text', () => {
    assert.equal(excerptForDisplay('title: Größe\t— 大'), 'title: Größe\t— 大');
    assert.equal(excerptForDisplay('x'.repeat(MAX_DISPLAY_LENGTH)), 'x'.repeat(MAX_DISPLAY_LENGTH));
  });

  it('cuts long text with a mark', () => {
    assert.equal(excerptForDisplay('x'.repeat(10240)), `${'x'.repeat(MAX_DISPLAY_LENGTH)}... [10,240 characters, cut]`);
    assert.equal(excerptForDisplay('abcdef', 3), 'abc... [6 characters, cut]');
  });

  it('keeps surrogate pairs whole', () => {
    assert.equal(excerptForDisplay('ab😀cd', 3), 'ab... [6 characters, cut]');
  });

  it('escapes control characters', () => {
    assert.equal(excerptForDisplay('a\rb\nc\u0000d\u001b[31m\u007f\u0085'), 'a\\rb\\nc\\x00d\\x1B[31m\\x7F\\x85');
  });
});

describe('escapeControlCharacters', () => {
  it('escapes without cutting', () => {
    const long = `${'x'.repeat(1000)}\u001b`;
    assert.equal(escapeControlCharacters(long), `${'x'.repeat(1000)}\\x1B`);
  });

  it('can keep line breaks', () => {
    assert.equal(escapeControlCharacters('a\r\nb\u0007\u009b', { keepLineBreaks: true }), 'a\r\nb\\x07\\x9B');
    assert.equal(escapeControlCharacters('a\r\nb'), 'a\\r\\nb');
  });
});

describe('sentenceForDisplay', () => {
  it('keeps a short sentence', () => {
    assert.equal(sentenceForDisplay('unknown key "titel"', 1000), 'unknown key "titel"');
  });

  it('cuts a long quoted value', () => {
    const message = `unknown section "${'c'.repeat(200_000)}" in the list "x"`;
    assert.equal(sentenceForDisplay(message, 1000), `unknown section "${'c'.repeat(MAX_DISPLAY_LENGTH)}... [200,000 characters, cut]" in the list "x"`);
  });

  it('cuts each quoted value', () => {
    const long = 'a'.repeat(300);
    assert.equal(sentenceForDisplay(`"${long}" and "${long}"`, 1000), `"${'a'.repeat(200)}... [300 characters, cut]" and "${'a'.repeat(200)}... [300 characters, cut]"`);
  });

  it('reads escaped quotes inside a value', () => {
    const inner = `\\"${'b'.repeat(300)}`;
    assert.equal(sentenceForDisplay(`the text "${inner}" here`, 1000), `the text "${inner.slice(0, 200)}... [302 characters, cut]" here`);
  });

  it('leaves a value cut before', () => {
    const message = `marked as "${excerptForDisplay('j'.repeat(5000))}"`;
    assert.equal(sentenceForDisplay(message, 1000), message);
  });

  it('escapes control characters', () => {
    assert.equal(sentenceForDisplay('the title "A\u001b[2J" is used\n', 1000), 'the title "A\\x1B[2J" is used\\n');
  });

  it('cuts the whole sentence', () => {
    // A quote inside the value ends the quoted span early and leaves the rest outside quotes.
    const message = `unknown key "a"${'z'.repeat(5000)}"`;
    const displayed = sentenceForDisplay(message, 1000);
    assert.equal(displayed, `${message.slice(0, 1000)}... [5,016 characters, cut]`);
  });
});
