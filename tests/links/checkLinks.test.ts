import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkLinks, type CheckLinksOptions } from '../../src/links/checkLinks.ts';
import { LinkCache } from '../../src/links/LinkCache.ts';
import { startLinkTestServer, type LinkTestServer } from './linkTestServer.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('checkLinks', () => {
  let server: LinkTestServer;
  let folder: string;

  before(async () => {
    server = await startLinkTestServer();
    folder = await mkdtemp(path.join(tmpdir(), 'links-'));
  });
  after(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  const optionsWith = (cache: LinkCache, extra: Partial<CheckLinksOptions> = {}): CheckLinksOptions => ({
    cache,
    maxConcurrency: 4,
    hostDelayMs: 20,
    timeoutMs: 300,
    retries: 1,
    backoffMs: 10,
    maxRedirects: 5,
    userAgent: 'reading-lists-test',
    ...extra,
  });

  it('checks each distinct URL once', async () => {
    const cache = LinkCache.empty(path.join(folder, 'unused.json'));
    const before = server.requests.length;
    const occurrences = [
      { url: `${server.origin}/ok`, file: 'a.md', line: 3 },
      { url: `${server.origin}/ok`, file: 'b.md', line: 5 },
      { url: `${server.origin}/gone`, file: 'b.md', line: 6 },
    ];

    const report = await checkLinks(occurrences, optionsWith(cache));

    assert.equal(report.checked, 2);
    assert.deepEqual(report.links.map((link) => [link.file, link.line, link.result.status]), [
      ['a.md', 3, 'ok'],
      ['b.md', 5, 'ok'],
      ['b.md', 6, 'dead'],
    ]);
    // HEAD /ok; HEAD /gone, then GET /gone.
    assert.equal(server.requests.length - before, 3);
  });

  it('sends one request at a time to a host', async () => {
    const cache = LinkCache.empty(path.join(folder, 'unused.json'));
    const paths = ['/ok', '/moved', '/temporary', '/gone', '/no-head'];
    const before = server.requests.length;
    const maxBefore = server.maxInFlight();

    await checkLinks(paths.map((urlPath) => ({ url: `${server.origin}${urlPath}`, file: 'a.md', line: 1 })), optionsWith(cache));
    const requests = server.requests.slice(before);

    assert.ok(server.maxInFlight() <= Math.max(maxBefore, 1));
    for (let index = 1; index < requests.length; index += 1) {
      const gap = requests[index]!.start - requests[index - 1]!.end;
      assert.ok(gap >= 15, `gap ${gap} ms before request ${index}`);
    }
  });

  it('reuses cached results on a re-run', async () => {
    const file = path.join(folder, 'links.json');
    const urls = [`${server.origin}/ok`, `${server.origin}/moved`];
    const first = await LinkCache.load(file);
    await checkLinks(urls.map((url) => ({ url, file: 'a.md', line: 1 })), optionsWith(first));
    await first.save(Date.now());

    const second = await LinkCache.load(file);
    const before = server.requests.length;
    const report = await checkLinks(
      [...urls, `${server.origin}/temporary`].map((url) => ({ url, file: 'a.md', line: 1 })),
      optionsWith(second),
    );

    assert.equal(report.fromCache, 2);
    assert.equal(report.checked, 1);
    assert.deepEqual(server.requests.slice(before).map((request) => request.path), ['/temporary', '/ok']);
    assert.equal(report.links[1]!.result.status, 'moved');
  });

  it('rechecks expired results', async () => {
    const file = path.join(folder, 'expiry.json');
    const url = `${server.origin}/ok`;
    const cache = await LinkCache.load(file);
    await checkLinks([{ url, file: 'a.md', line: 1 }], optionsWith(cache));
    await cache.save(Date.now());

    const reloaded = await LinkCache.load(file);
    const eightDaysLater = () => Date.now() + 8 * DAY_MS;
    const report = await checkLinks([{ url, file: 'a.md', line: 1 }], optionsWith(reloaded, { now: eightDaysLater }));

    assert.equal(report.fromCache, 0);
    assert.equal(report.checked, 1);
  });

  it('does not cache unverified results', async () => {
    const file = path.join(folder, 'unverified.json');
    const cache = await LinkCache.load(file);
    await checkLinks([{ url: `${server.origin}/error`, file: 'a.md', line: 1 }], optionsWith(cache));
    await cache.save(Date.now());

    const saved = JSON.parse(await readFile(file, 'utf8')) as { results: Record<string, unknown> };
    assert.deepEqual(Object.keys(saved.results), []);
  });

  it('starts afresh from a corrupt cache file', async () => {
    const file = path.join(folder, 'corrupt.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, '{ not json'));

    const cache = await LinkCache.load(file);

    assert.equal(cache.get(`${server.origin}/ok`, Date.now()), undefined);
  });
});
