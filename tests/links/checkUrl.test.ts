import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkUrl, type CheckUrlOptions } from '../../src/links/checkUrl.ts';
import { HostScheduler } from '../../src/links/HostScheduler.ts';
import { closedPort, startLinkTestServer, type LinkTestServer } from './linkTestServer.ts';

describe('checkUrl', () => {
  let server: LinkTestServer;
  let options: CheckUrlOptions;

  before(async () => {
    server = await startLinkTestServer();
    options = {
      scheduler: new HostScheduler({ maxConcurrency: 4, hostDelayMs: 0 }),
      timeoutMs: 300,
      retries: 2,
      backoffMs: 10,
      maxRedirects: 5,
      userAgent: 'reading-lists-test',
    };
  });
  after(() => server.close());

  const cases = [
    { path: '/ok', status: 'ok', httpStatus: 200 },
    { path: '/temporary', status: 'redirected', httpStatus: 200 },
    { path: '/moved', status: 'moved', httpStatus: 200, newPath: '/ok' },
    { path: '/moved-twice', status: 'moved', httpStatus: 200, newPath: '/ok' },
    { path: '/moved-to-gone', status: 'dead', httpStatus: 404, reason: 'HTTP 404 Not Found' },
    { path: '/gone', status: 'dead', httpStatus: 404, reason: 'HTTP 404 Not Found' },
    { path: '/removed', status: 'dead', httpStatus: 410, reason: 'HTTP 410 Gone' },
    { path: '/error', status: 'unverified', httpStatus: 500, reason: 'HTTP 500 Internal Server Error' },
    { path: '/forbidden', status: 'unverified', httpStatus: 403, reason: 'HTTP 403 Forbidden' },
    { path: '/no-head', status: 'ok', httpStatus: 200 },
    { path: '/flaky', status: 'ok', httpStatus: 200 },
    { path: '/slow', status: 'unverified', reason: 'timed out after 300 ms' },
    { path: '/loop', status: 'dead', reason: 'redirect loop back to {origin}/loop' },
  ] as const;

  for (const expected of cases) {
    it(`${expected.path} is ${expected.status}`, async () => {
      const result = await checkUrl(`${server.origin}${expected.path}`, options);

      assert.equal(result.status, expected.status);
      if ('httpStatus' in expected) assert.equal(result.httpStatus, expected.httpStatus);
      if ('reason' in expected) assert.equal(result.reason, expected.reason.replace('{origin}', server.origin));
      if ('newPath' in expected) assert.equal(result.newUrl, `${server.origin}${expected.newPath}`);
    });
  }

  it('reports each redirect hop', async () => {
    const result = await checkUrl(`${server.origin}/moved-twice`, options);

    assert.deepEqual(
      result.redirects.map((hop) => [hop.status, new URL(hop.url).pathname, new URL(hop.location).pathname]),
      [[308, '/moved-twice', '/moved'], [301, '/moved', '/ok']],
    );
  });

  it('sends GET after a HEAD that fails', async () => {
    const before = server.requests.length;
    await checkUrl(`${server.origin}/no-head`, options);

    assert.deepEqual(server.requests.slice(before).map((request) => request.method), ['HEAD', 'GET']);
  });

  it('retries a 500 with backoff', async () => {
    const before = server.requests.length;
    const result = await checkUrl(`${server.origin}/error`, options);
    const gets = server.requests.slice(before).filter((request) => request.method === 'GET');

    assert.equal(gets.length, 3);
    assert.equal(result.requests, 4);
    assert.ok(gets[2]!.start - gets[1]!.end >= 15, 'the second retry waits twice the backoff');
  });

  it('reports connection refused as dead', async () => {
    const port = await closedPort();
    const result = await checkUrl(`http://127.0.0.1:${port}/anything`, options);

    assert.equal(result.status, 'dead');
    assert.equal(result.reason, 'connection refused');
    assert.equal(result.requests, 3, 'a refused connection is retried');
  });
});

describe('checkUrl with a fake fetch', () => {
  /** Returns a fetch that responds from a table of URL to status and Location, without any network. */
  function fakeFetch(routes: Record<string, [number, string?]>): typeof fetch {
    return (async (input: string | URL | Request) => {
      const [status, location] = routes[String(input)] ?? [404];
      return new Response(null, { status, headers: location === undefined ? {} : { location } });
    }) as typeof fetch;
  }

  const options = (routes: Record<string, [number, string?]>): CheckUrlOptions => ({
    scheduler: new HostScheduler({ maxConcurrency: 1, hostDelayMs: 0 }),
    timeoutMs: 1000,
    retries: 0,
    backoffMs: 0,
    maxRedirects: 5,
    userAgent: 'reading-lists-test',
    fetch: fakeFetch(routes),
  });

  it('does not report an https upgrade', async () => {
    const routes: Record<string, [number, string?]> = {
      'http://example.test/paper': [301, 'https://example.test/paper'],
      'https://example.test/paper': [200],
    };
    const result = await checkUrl('http://example.test/paper', options(routes));

    assert.equal(result.status, 'redirected');
  });

  it('reports a move after an https upgrade', async () => {
    const routes: Record<string, [number, string?]> = {
      'http://example.test/old': [301, 'https://example.test/old'],
      'https://example.test/old': [301, 'https://example.test/new'],
      'https://example.test/new': [200],
    };
    const result = await checkUrl('http://example.test/old', options(routes));

    assert.equal(result.status, 'moved');
    assert.equal(result.newUrl, 'https://example.test/new');
  });
});
