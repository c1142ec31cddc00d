import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESERVED_LIST_IDS } from '../../src/validate/reservedListIds.ts';
import { keywordIndexPath, searchPath, assetPath } from '../../src/site/urls.ts';

describe('RESERVED_LIST_IDS', () => {
  it('contains every top-level page folder', () => {
    assert.deepEqual([...RESERVED_LIST_IDS].sort(), ['assets', 'keywords', 'search']);
  });

  it('follows the path functions', () => {
    for (const sitePath of [keywordIndexPath(), searchPath(), assetPath('site.css')]) {
      const first = sitePath.split('/')[1]!;
      assert.ok(RESERVED_LIST_IDS.has(first), `${first} is reserved`);
    }
  });
});
