// The build script: bundles of the configuration made once and reused while their sources are
// unchanged, and its errors. Each test builds a copy of the project, so that it has a bundle
// folder of its own and can edit a source file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../support/builtSite.ts';

const FIXTURE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'site', 'small');

/** The files of the project that a build reads, copied; node_modules is linked package by package. */
const COPIED = ['scripts', 'src', 'schemas', '.eleventy.ts', 'site.config.json', 'package.json'];

/** Makes a copy of the project in a new temporary folder and returns its path. */
async function copyProject(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'reading-lists-launcher-'));
  for (const name of COPIED) await cp(path.join(PROJECT_ROOT, name), path.join(copy, name), { recursive: true });
  // A folder of its own with a link per package, so that the bundle cache under
  // node_modules/.cache is the copy's and not the project's.
  await mkdir(path.join(copy, 'node_modules'));
  for (const name of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (name === '.cache') continue;
    await symlink(path.join(PROJECT_ROOT, 'node_modules', name), path.join(copy, 'node_modules', name));
  }
  return copy;
}

/** Runs the copy's build script into `<copy>/<output>` and returns its exit code and output. */
function build(copy: string, output: string, ...extra: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(copy, 'scripts', 'eleventy.mjs'), `--output=${path.join(copy, output)}`, '--quiet', ...extra], {
    cwd: copy,
    env: { ...process.env, SITE_CONTENT_DIR: FIXTURE },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

/** Lists the bundle folder's bundles, and the inode of each manifest, which a rewrite changes. */
async function bundleFolder(copy: string): Promise<{ bundles: string[]; manifests: Map<string, number> }> {
  const folder = path.join(copy, 'node_modules', '.cache', 'reading-lists');
  const names = (await readdir(folder)).sort();
  const manifests = new Map<string, number>();
  for (const name of names.filter((file) => file.includes('manifest'))) manifests.set(name, (await stat(path.join(folder, name))).ino);
  return { bundles: names.filter((name) => name.endsWith('.mjs')), manifests };
}

describe('scripts/eleventy.mjs', () => {
  let copy: string;

  before(async () => {
    copy = await copyProject();
  });

  after(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  it('reuses its bundles until a source changes', async () => {
    const first = build(copy, 'first');
    assert.equal(first.status, 0, first.stderr);
    const firstFolder = await bundleFolder(copy);
    assert.equal(firstFolder.manifests.size, 1);
    assert.equal(firstFolder.bundles.filter((name) => name.includes('-config-')).length, 1);
    assert.equal(firstFolder.bundles.filter((name) => name.includes('-catalogWorker-')).length, 1);

    const second = build(copy, 'second');
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(await bundleFolder(copy), firstFolder);

    // A statement that esbuild keeps, unlike a comment, in a module that the browser scripts do
    // not import, so that no page changes.
    await appendFile(path.join(copy, 'src', 'site', 'sourceCredit.ts'), '\n(globalThis as Record<string, unknown>).launcherTestEdit = true;\n');
    const third = build(copy, 'third');
    assert.equal(third.status, 0, third.stderr);
    const thirdFolder = await bundleFolder(copy);
    const config = (bundles: string[]) => bundles.filter((name) => name.includes('-config-'));
    assert.equal(config(thirdFolder.bundles).length, 2);
    assert.notDeepEqual(thirdFolder.manifests, firstFolder.manifests);

    for (const page of ['index.html', 'sitemap.xml', 'entries.json']) {
      assert.equal(await readFile(path.join(copy, 'third', page), 'utf8'), await readFile(path.join(copy, 'first', page), 'utf8'), page);
    }
  });

  it('names the file and line of a syntax error in a source file', async () => {
    const source = path.join(copy, 'src', 'site', 'urls.ts');
    const text = await readFile(source, 'utf8');
    await appendFile(source, '\nexport const broken = ;\n');
    try {
      const result = build(copy, 'broken');

      assert.equal(result.status, 1);
      assert.match(result.stderr, /failed to bundle the site configuration/);
      assert.match(result.stderr, new RegExp(`src/site/urls\\.ts:${text.split('\n').length + 1}:`));
    } finally {
      await cp(path.join(PROJECT_ROOT, 'src', 'site', 'urls.ts'), source);
    }
  });

  it('refuses --config with a fix', () => {
    const result = build(copy, 'refused', '--config=other.js');

    assert.equal(result.status, 1);
    assert.match(result.stderr, /--config is not accepted.*Fix: remove --config/);
  });

  it('refuses --pathprefix with a fix', () => {
    const result = build(copy, 'refused', '--pathprefix=/lists/');

    assert.equal(result.status, 1);
    assert.match(result.stderr, /--pathprefix is not accepted.*Fix: set SITE_PATH_PREFIX/);
  });
});
