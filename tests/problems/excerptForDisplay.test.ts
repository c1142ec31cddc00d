import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerptForDisplay, MAX_DISPLAY_LENGTH } from '../../src/problems/excerptForDisplay.ts';

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
