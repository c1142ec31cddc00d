import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { runLinks } from '../../src/cli/links.ts';
import { closedPort, startLinkTestServer, type LinkTestServer } from './linkTestServer.ts';

const FAST = ['--delay', '0', '--timeout', '300', '--retries', '0'];

/** Runs the command in `root` and returns its exit status and output. */
async function run(root: string, args: string[], environment: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const status = await runLinks(args, { stdout, stderr, environment, root });
  return { status, stdout: out, stderr: err };
}

function entry(title: string, urls: string[]): string {
  const links = urls.map((url) => `  - kind: paper\n    url: ${url}\n`).join('');
  return `---\ntitle: ${title}\ncategory: papers\nlinks:\n${links}---\n`;
}

describe('links command', () => {
  let server: LinkTestServer;
  let root: string;
  let refused: string;

  before(async () => {
    server = await startLinkTestServer();
    refused = `http://127.0.0.1:${await closedPort()}/paper`;
    root = await mkdtemp(path.join(tmpdir(), 'links-command-'));
    const list = path.join(root, 'content', 'local');
    await mkdir(list, { recursive: true });
    await writeFile(path.join(list, '_list.md'), '---\ntitle: Local\ndescription: Links to a local server.\nsections:\n  - id: papers\n    title: Papers\n---\n');
    await writeFile(path.join(list, 'alive.md'), entry('Alive', [`${server.origin}/ok`, `${server.origin}/temporary`]));
    await writeFile(path.join(list, 'broken.md'), entry('Broken', [`${server.origin}/no-head`, `${server.origin}/gone`, `${server.origin}/moved`, refused]));
    await writeFile(path.join(list, 'failing.md'), entry('Failing', [`${server.origin}/error`, `${server.origin}/slow`]));
  });
  after(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('prints dead and moved links by file and line', async () => {
    const { status, stdout, stderr } = await run(root, ['content/local/broken.md', '--no-cache', ...FAST]);

    assert.equal(stderr, '');
    assert.equal(status, 1);
    const report = stdout.split('\n\n')[0];
    assert.equal(
      report,
      [
        'content/local/broken.md',
        `     8  dead        ${server.origin}/gone  HTTP 404 Not Found`,
        `    10  moved       ${server.origin}/moved -> ${server.origin}/ok (HTTP 301: write the new URL)`,
        `    12  dead        ${refused}  connection refused`,
      ].join('\n'),
    );
    assert.match(stdout, /^checked 4 URLs in \d+\.\d s \(0 from the cache\): 1 ok, 1 moved, 2 dead$/m);
  });

  it('exits 0 on unverified links unless strict', async () => {
    const relaxed = await run(root, ['content/local/failing.md', '--no-cache', ...FAST]);
    const strict = await run(root, ['content/local/failing.md', '--no-cache', '--strict', ...FAST]);

    assert.equal(relaxed.status, 0);
    assert.match(relaxed.stdout, /unverified {2}http:\/\/127\.0\.0\.1:\d+\/error {2}HTTP 500 Internal Server Error/);
    assert.match(relaxed.stdout, /unverified {2}http:\/\/127\.0\.0\.1:\d+\/slow {2}timed out after 300 ms/);
    assert.equal(strict.status, 1);
  });

  it('exits 0 when every link works', async () => {
    const { status, stdout } = await run(root, ['content/local/alive.md', '--no-cache', ...FAST]);

    assert.equal(status, 0);
    assert.match(stdout, /^checked 2 URLs in \d+\.\d s \(0 from the cache\): 1 ok, 1 redirected$/m);
  });

  it('lists redirected links with --verbose', async () => {
    const { stdout } = await run(root, ['content/local/alive.md', '--no-cache', '--verbose', ...FAST]);

    assert.match(stdout, /redirected {2}http:\/\/127\.0\.0\.1:\d+\/temporary -> http:\/\/127\.0\.0\.1:\d+\/ok/);
  });

  it('writes annotations on GitHub', async () => {
    const { stdout } = await run(root, ['content/local/broken.md', '--no-cache', ...FAST], { GITHUB_ACTIONS: 'true' });

    assert.ok(stdout.includes(`::error file=content/local/broken.md,line=8,title=dead link::${server.origin}/gone  HTTP 404 Not Found`));
    assert.ok(stdout.includes('::warning file=content/local/broken.md,line=10,title=moved link::'));
  });

  it('checks only new URLs on a re-run', async () => {
    await run(root, ['content/local/alive.md', ...FAST]);
    const cache = JSON.parse(await readFile(path.join(root, '.cache', 'links.json'), 'utf8')) as { results: object };
    const before = server.requests.length;

    const { stdout } = await run(root, ['content/local/alive.md', ...FAST]);

    assert.equal(Object.keys(cache.results).length, 2);
    assert.equal(server.requests.length, before);
    assert.match(stdout, /\(2 from the cache\)/);
  });

  it('checks the whole content by default', async () => {
    const { stdout } = await run(root, ['--no-cache', ...FAST]);

    assert.match(stdout, /^checked 8 URLs in /m);
    assert.ok(stdout.includes('content/local/broken.md\n'));
    assert.ok(stdout.includes('content/local/failing.md\n'));
  });

  it('rejects an invalid number', async () => {
    const { status, stderr } = await run(root, ['--concurrency', '0']);

    assert.equal(status, 2);
    assert.equal(stderr, 'links: --concurrency must be a whole number of at least 1, not "0"\n');
  });
});
