// Line feeds counted before an offset, in text and in its UTF-8 bytes alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLineFeeds } from '../../src/text/countLineFeeds.ts';

describe('countLineFeeds', () => {
  const text = 'a\nbc\r\n\nd';
  const cases: [number, number][] = [
    [0, 0],
    [1, 0],
    [2, 1],
    [6, 2],
    [7, 3],
    [100, 3],
  ];
  for (const [end, expected] of cases) {
    it(`counts ${expected} before ${end}`, () => {
      assert.equal(countLineFeeds(text, end), expected);
      assert.equal(countLineFeeds(Buffer.from(text), end), expected);
    });
  }
});
