import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listOfPage, pathPrefixOf } from '../../src/browser/searchEngine.ts';

describe('listOfPage', () => {
  const lists = ['deep-learning', 'optimisation'];
  const cases: [string, string, string | undefined][] = [
    ['/deep-learning/', '/', 'deep-learning'],
    ['/deep-learning/sections/regularization/', '/', 'deep-learning'],
    ['/optimisation/adam/', '/', 'optimisation'],
    ['/repo/optimisation/adam/', '/repo/', 'optimisation'],
    ['/', '/', undefined],
    ['/search/', '/', undefined],
    ['/keywords/adam/', '/', undefined],
    ['/other/optimisation/', '/repo/', undefined],
  ];
  for (const [pagePath, prefix, expected] of cases) {
    it(`reads ${pagePath} under ${prefix}`, () => {
      assert.equal(listOfPage(pagePath, prefix, lists), expected);
    });
  }
});

describe('pathPrefixOf', () => {
  it('reads the prefix before the assets', () => {
    assert.equal(pathPrefixOf('https://example.org/repo/assets/search/searchUi-X.js'), '/repo/');
    assert.equal(pathPrefixOf('https://example.org/assets/search/searchUi-X.js'), '/');
  });
});
