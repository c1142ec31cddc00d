import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicUrl } from '../../src/outputs/outputPaths.ts';
import { absoluteUrl } from '../../src/site/urls.ts';

/** Returns what publicUrl returned before it appended plain paths itself: the URL parser's reading of the joined URL. */
function parsedUrl(settings: { baseUrl: string; pathPrefix: string }, sitePath: string): string {
  return new URL(absoluteUrl(settings.baseUrl, settings.pathPrefix, sitePath)).href;
}

const AT_ROOT = { baseUrl: 'https://lists.example.org', pathPrefix: '/' };
const UNDER_PREFIX = { baseUrl: 'https://lists.example.org/', pathPrefix: '/reading-lists/' };

const SETTINGS = [
  AT_ROOT,
  UNDER_PREFIX,
  { baseUrl: 'HTTPS://Example.GitHub.io:443', pathPrefix: '/a.b~c/d-e/' },
  { baseUrl: 'http://localhost:8080', pathPrefix: '/x/../y/./' },
];

const PATHS = [
  '/',
  '/list/entry-slug/',
  '/list/sections/a/b-c/',
  '/entries.json',
  "/list/it's-a&b+c=d;e,f:g@h!i$j*k(l)/",
  '/list/深度学习/',
  '/list/café/',
  '/list/100%25/',
  '/list/%2e%2e/x/',
  '/list/../escape/',
  '/list/./here/',
  '/./',
  '/..',
  '/list/.hidden/..dots../',
  '/list/a b/',
  '/list/a"b<c>d`e{f}g^h|i\\j/',
  '/list/query?x=1',
  '/list/fragment#x',
  '//double//slash/',
  '/list/\u0001control/',
  '/list/\ud83d\ude00/',
];

describe('publicUrl', () => {
  it('matches the URL parser for every path and setting', () => {
    for (const settings of SETTINGS) {
      for (const sitePath of PATHS) {
        assert.equal(publicUrl(settings, sitePath), parsedUrl(settings, sitePath), `${settings.baseUrl} ${settings.pathPrefix} ${sitePath}`);
      }
    }
  });

  it('follows settings changed between calls', () => {
    assert.equal(publicUrl(AT_ROOT, '/a/'), 'https://lists.example.org/a/');
    assert.equal(publicUrl(UNDER_PREFIX, '/a/'), 'https://lists.example.org/reading-lists/a/');
    assert.equal(publicUrl(AT_ROOT, '/a/'), 'https://lists.example.org/a/');
  });

  it('percent-encodes non-ASCII paths', () => {
    assert.equal(publicUrl(AT_ROOT, '/list/é/'), 'https://lists.example.org/list/%C3%A9/');
  });
});
