import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonBytes } from '../../src/search/jsonBytes.ts';

describe('JsonBytes', () => {
  const strings = [
    '',
    'title/12',
    'quote " and backslash \\',
    'tab\tnew line\ncontrol \u0001 delete \u007f',
    'Réseau, 深度学习, emoji 😀',
    'lone surrogate \ud800 end',
    '</script> and \u2028',
  ];

  for (const text of strings) {
    it(`writes ${JSON.stringify(text)} as JSON.stringify does`, () => {
      const out = new JsonBytes(4);
      out.string(text);
      assert.equal(out.toString(), JSON.stringify(text));
      assert.deepEqual(out.bytes(), Buffer.from(JSON.stringify(text)));
    });
  }

  it('writes integers as JSON.stringify does', () => {
    const values = [0, 1, 9, 10, 99, 100, 12345, 4294967295, 2 ** 53 - 1];
    const out = new JsonBytes(1);
    values.forEach((value, position) => {
      if (position > 0) out.byte(0x2c);
      out.integer(value);
    });
    assert.equal(out.toString(), values.map((value) => JSON.stringify(value)).join(','));
  });

  it('writes JSON text as UTF-8 after ASCII', () => {
    const text = JSON.stringify({ ascii: 'plain', other: ['Réseau', '😀', '深'] });
    const out = new JsonBytes(2);
    out.ascii('[');
    out.json(text);
    out.ascii(']');
    assert.deepEqual(out.bytes(), Buffer.from(`[${text}]`));
    assert.equal(out.byteLength, Buffer.byteLength(`[${text}]`));
  });

  it('keeps earlier bytes when it grows', () => {
    const out = new JsonBytes(16);
    const pieces = Array.from({ length: 2000 }, (_, index) => `"piece ${index}"`);
    for (const piece of pieces) out.json(piece);
    assert.equal(out.toString(), pieces.join(''));
  });
});
