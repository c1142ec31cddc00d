import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { describe, it } from 'node:test';
import { checkUtf8, findInvalidUtf8 } from '../../src/read/checkUtf8.ts';

const FILE = 'content/list/entry.md';

describe('findInvalidUtf8', () => {
  const cases: [string, number[], number | undefined][] = [
    ['ASCII', [0x61, 0x62, 0x0a], undefined],
    ['two-, three- and four-byte characters', [...Buffer.from('é€😀')], undefined],
    ['byte order mark', [0xef, 0xbb, 0xbf, 0x2d], undefined],
    ['Latin-1 é before ASCII', [0x43, 0x61, 0x66, 0xe9, 0x20], 3],
    ['lone continuation byte', [0x61, 0x80], 1],
    ['overlong two-byte form', [0xc0, 0x80], 0],
    ['overlong three-byte form', [0xe0, 0x80, 0x80], 0],
    ['UTF-16 surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['byte 0xFF', [0xff], 0],
    ['sequence cut at the end', [0x61, 0xe2, 0x82], 1],
    ['continuation replaced by ASCII', [0xf0, 0x9f, 0x98, 0x61], 0],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => {
      assert.equal(findInvalidUtf8(Uint8Array.from(bytes)), expected);
    });
  }

  it('agrees with isUtf8 on random bytes', () => {
    // A fixed linear congruential generator, so that a failure can be repeated.
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 3000; round++) {
      const bytes = new Uint8Array(1 + (next() % 8));
      // Mostly bytes from 0x80 up, so that many multi-byte sequences are tried.
      for (let index = 0; index < bytes.length; index++) bytes[index] = next() % 4 === 0 ? next() % 0x80 : 0x80 + (next() % 0x80);
      const offset = findInvalidUtf8(bytes);
      const hex = Buffer.from(bytes).toString('hex');
      assert.equal(offset === undefined, isUtf8(bytes), hex);
      if (offset !== undefined) assert.equal(isUtf8(bytes.subarray(0, offset)), true, `prefix of ${hex}`);
    }
  });
});

describe('checkUtf8', () => {
  it('accepts UTF-8 with a BOM', () => {
    assert.equal(checkUtf8(Buffer.from('\uFEFF---\ntitle: Größe\n---\n'), FILE), undefined);
  });

  it('gives line and column of the byte', () => {
    const bytes = Buffer.concat([Buffer.from('---\r\ntitle: Größe '), Buffer.from([0xe9]), Buffer.from('\r\n---\r\n')]);
    const problem = checkUtf8(bytes, FILE);
    assert.equal(problem?.code, 'invalid-utf8');
    assert.equal(problem?.stage, 'read');
    assert.equal(problem?.severity, 'error');
    assert.deepEqual([problem?.line, problem?.column], [2, 14]);
    assert.equal(problem?.received, 'title: Größe \\xE9');
  });

  it('leaves out a BOM from the column', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF--'), Buffer.from([0x80])]);
    assert.deepEqual([checkUtf8(bytes, FILE)?.line, checkUtf8(bytes, FILE)?.column], [1, 3]);
  });

  it('reports a bad first byte', () => {
    const problem = checkUtf8(Uint8Array.from([0x80, 0x0a]), FILE);
    assert.deepEqual([problem?.line, problem?.column, problem?.received], [1, 1, '\\x80']);
    assert.equal(problem?.fix, 'save the file as UTF-8 in your editor');
  });

  it('cuts long context', () => {
    const bytes = Buffer.concat([Buffer.from(`title: ${'x'.repeat(100)}`), Buffer.from([0xfc])]);
    assert.equal(checkUtf8(bytes, FILE)?.received, `...${'x'.repeat(40)}\\xFC`);
  });

  it('names a UTF-16 file', () => {
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const text = Buffer.from('\uFEFF---\n', 'utf16le');
      const bytes = encoding === 'utf16le' ? text : text.swap16();
      assert.match(checkUtf8(bytes, FILE)?.message ?? '', /saved as UTF-16/, encoding);
    }
  });

  it('names the Latin-1 letter of a lone lead byte', () => {
    const bytes = Buffer.concat([Buffer.from('title: Caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
    assert.equal(checkUtf8(bytes, FILE)?.fix, 'save the file as UTF-8 in your editor (if it was saved as Latin-1 or Windows-1252, 0xE9 is "é")');
  });

  it('reports an emoji cut short', () => {
    const emoji = Buffer.from('😀');
    const bytes = Buffer.concat([Buffer.from('title: smile '), emoji.subarray(0, 3), Buffer.from(' here\n')]);
    const problem = checkUtf8(bytes, FILE);
    assert.deepEqual([problem?.line, problem?.column], [1, 14]);
    assert.equal(problem?.message, 'the file is not valid UTF-8: the character that starts with the byte 0xF0 is cut short after 3 of its 4 bytes, so it would show as "\uFFFD"');
    assert.doesNotMatch(problem?.fix ?? '', /Latin-1/);
    assert.match(problem?.fix ?? '', /^retype the character/);
  });

  it('reports a character cut at the end', () => {
    const bytes = Buffer.concat([Buffer.from('title: euro '), Buffer.from('€').subarray(0, 2)]);
    assert.match(checkUtf8(bytes, FILE)?.message ?? '', /after 2 of its 3 bytes/);
  });

  it('gives the Latin-1 hint for a bad second byte', () => {
    // 0xF0 0x80 would be an overlong form, so 0xF0 cannot start a sequence there.
    const problem = checkUtf8(Uint8Array.from([0x61, 0xf0, 0x80, 0x80, 0x80]), FILE);
    assert.match(problem?.message ?? '', /the byte 0xF0 is not part of a valid UTF-8 character/);
    assert.match(problem?.fix ?? '', /0xF0 is "ð"/);
  });
});
