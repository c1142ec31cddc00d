import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusText } from '../../src/browser/renderResults.ts';

describe('statusText', () => {
  it('counts results', () => {
    assert.equal(statusText(2, 2, 'adam', false, ''), '2 results for “adam”.');
  });

  it('says that more parts are loading', () => {
    const text = statusText(1, 1, 'adam', false, '', { pending: 3, failed: 0, total: 4 });
    assert.equal(text, '1 result for “adam”. 3 more parts of the index are loading; results will be added as they arrive.');
  });

  it('says no results yet while loading', () => {
    const text = statusText(0, 0, 'xyzzy', false, '', { pending: 1, failed: 0, total: 2 });
    assert.match(text, /^No results for “xyzzy” yet\. 1 more part of the index is loading/);
  });

  it('says when parts failed', () => {
    const text = statusText(1, 1, 'adam', false, '', { pending: 0, failed: 1, total: 2 });
    assert.match(text, /1 part of the index could not be loaded/);
  });

  it('says nothing more once loaded', () => {
    assert.equal(statusText(1, 1, 'adam', false, '', { pending: 0, failed: 0, total: 2 }), '1 result for “adam”.');
  });
});
